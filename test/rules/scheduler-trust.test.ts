import { Aspects, aws_iam as iam, aws_redshift as redshift, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { RedshiftIamChecks, RedshiftSchedulerRole, RedshiftServiceRole } from '../../src';
import { checkSchedulerTrust, SCHEDULER_TRUST } from '../../src/rules/scheduler-trust';
import { expectOneFinding } from '../helpers/rules';
import { newStack, synth } from '../helpers/synth';

describe('scheduler trust', () => {
  test('a role the scheduler cannot assume is an error finding with the rule\'s id', () => {
    const findings = checkSchedulerTrust({ role: "'App/Role/Resource'", principals: ['redshift.amazonaws.com'] });
    expectOneFinding(findings, SCHEDULER_TRUST, 'cdk-redshift-iam:scheduler-trust', 'error');
    expect(findings[0].message).toBe("Role 'App/Role/Resource' is the IAM role of this scheduled action, but its trust policy does not let scheduler.redshift.amazonaws.com assume it: "
      + 'the scheduled action would fail. Use RedshiftSchedulerRole, or trust scheduler.redshift.amazonaws.com and redshift.amazonaws.com with sts:AssumeRole');
  });

  test.each([['scheduler.redshift.amazonaws.com'], ['scheduler.redshift.amazonaws.com.cn']])('trusting %s is no finding', (principal) => {
    expect(checkSchedulerTrust({ role: "'r'", principals: [principal, 'redshift.amazonaws.com'] })).toEqual([]);
  });
});

describe('RedshiftIamChecks: the role of a scheduled action', () => {
  function scheduled(stack: Stack, iamRole: string): redshift.CfnScheduledAction {
    return new redshift.CfnScheduledAction(stack, 'PauseAtNight', {
      scheduledActionName: 'pause-at-night',
      schedule: 'cron(0 22 * * ? *)',
      iamRole,
      targetAction: { pauseCluster: { clusterIdentifier: 'my-cluster' } },
    });
  }
  function checked() {
    const stack = newStack();
    Aspects.of(stack).add(new RedshiftIamChecks({ info: true }));
    return stack;
  }
  const annotations = (stack: Stack) => {
    synth(stack);
    return Annotations.fromStack(stack);
  };

  test('fires for a Redshift role the scheduler cannot assume', () => {
    const stack = checked();
    scheduled(stack, new RedshiftServiceRole(stack, 'CopyRole').roleArn);
    annotations(stack).hasError('/TestStack/PauseAtNight', Match.stringLikeRegexp(
      "Role 'TestStack/CopyRole/Resource' is the IAM role of this scheduled action, but its trust policy does not let scheduler.redshift.amazonaws.com assume it.*cdk-redshift-iam:scheduler-trust"));
  });

  test('fires for a hand-made role that trusts EventBridge', () => {
    const stack = checked();
    scheduled(stack, new iam.Role(stack, 'EventsRole', { assumedBy: new iam.ServicePrincipal('events.amazonaws.com') }).roleArn);
    annotations(stack).hasError('/TestStack/PauseAtNight', Match.stringLikeRegexp("Role 'TestStack/EventsRole/Resource' is the IAM role of this scheduled action"));
  });

  test('stays quiet for RedshiftSchedulerRole (no info about database users either), and for a role outside the app', () => {
    const stack = checked();
    scheduled(stack, new RedshiftSchedulerRole(stack, 'Scheduler', { clusterIdentifiers: ['my-cluster'] }).roleArn);
    new redshift.CfnScheduledAction(stack, 'Imported', {
      scheduledActionName: 'resume-in-the-morning',
      schedule: 'cron(0 6 * * ? *)',
      iamRole: 'arn:aws:iam::123456789012:role/SomeoneElsesSchedulerRole',
      targetAction: { resumeCluster: { clusterIdentifier: 'my-cluster' } },
    });
    const found = annotations(stack);
    found.hasNoError('*', Match.stringLikeRegexp('RedshiftIamChecks'));
    found.hasNoInfo('*', Match.stringLikeRegexp('RedshiftIamChecks'));
  });
});
