import { aws_iam as iam, aws_redshift as redshift, CfnParameter } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { RedshiftSchedulerRole, RedshiftSchedulerRoleProps, ScheduledActionType } from '../src';
import { assume, roleMay, roleView } from './helpers/iam';
import { newStack, synth } from './helpers/synth';
import { trustStatement } from './helpers/trust';

const cluster = (name: string) => `arn:aws:redshift:us-west-2:123456789012:cluster:${name}`;

describe('RedshiftSchedulerRole', () => {
  test('trusts the Redshift scheduler and Redshift; pauses, resumes and resizes the named clusters only', async () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    const role = new RedshiftSchedulerRole(stack, 'Scheduler', { clusterIdentifiers: ['my-cluster', 'reporting'], roleName: 'RedshiftScheduler' });
    // THEN
    const template = synth(stack);
    template.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'RedshiftScheduler',
      AssumeRolePolicyDocument: { Statement: [trustStatement(['scheduler.redshift.amazonaws.com', 'redshift.amazonaws.com'])] },
      Description: 'Redshift scheduled actions (PAUSE, RESUME, RESIZE) on my-cluster, reporting',
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Effect: 'Allow',
          Action: ['redshift:PauseCluster', 'redshift:ResumeCluster', 'redshift:ResizeCluster'],
          Resource: [cluster('my-cluster'), cluster('reporting')],
        }],
      },
    });
    const view = roleView(role, template);
    expect(await assume(view, 'scheduler.redshift.amazonaws.com')).toBe('Allowed');
    expect(await assume(view, 'redshift.amazonaws.com')).toBe('Allowed');
    expect(await assume(view, 'events.amazonaws.com')).toBe('ImplicitlyDenied');
    expect(await assume(view, 'scheduler.amazonaws.com')).toBe('ImplicitlyDenied');
    for (const action of ['redshift:PauseCluster', 'redshift:ResumeCluster', 'redshift:ResizeCluster']) {
      expect(await roleMay(view, action, cluster('my-cluster'))).toBe('Allowed');
      expect(await roleMay(view, action, cluster('someone-elses'))).toBe('ImplicitlyDenied');
    }
    expect(await roleMay(view, 'redshift:DeleteCluster', cluster('my-cluster'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift:ModifyCluster', cluster('my-cluster'))).toBe('ImplicitlyDenied');
  });

  test('`actions` limits what it may do', async () => {
    const stack = newStack();
    const role = new RedshiftSchedulerRole(stack, 'Scheduler', { clusterIdentifiers: ['my-cluster'], actions: [ScheduledActionType.PAUSE, ScheduledActionType.RESUME] });
    const view = roleView(role, synth(stack));
    expect(await roleMay(view, 'redshift:PauseCluster', cluster('my-cluster'))).toBe('Allowed');
    expect(await roleMay(view, 'redshift:ResumeCluster', cluster('my-cluster'))).toBe('Allowed');
    expect(await roleMay(view, 'redshift:ResizeCluster', cluster('my-cluster'))).toBe('ImplicitlyDenied');
    expect(role.scheduledActions).toEqual([ScheduledActionType.PAUSE, ScheduledActionType.RESUME]);
  });

  test('is an iam.IRole whose ARN a CfnScheduledAction takes; Tokens pass through', () => {
    const stack = newStack();
    const clusterName = new CfnParameter(stack, 'ClusterName', { type: 'String' });
    const role: iam.IRole = new RedshiftSchedulerRole(stack, 'Scheduler', { clusterIdentifiers: [clusterName.valueAsString] });
    new redshift.CfnScheduledAction(stack, 'PauseAtNight', {
      scheduledActionName: 'pause-at-night',
      schedule: 'cron(0 22 * * ? *)',
      iamRole: role.roleArn,
      targetAction: { pauseCluster: { clusterIdentifier: clusterName.valueAsString } },
    });
    const template = synth(stack);
    template.hasResourceProperties('AWS::Redshift::ScheduledAction', { IamRole: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Scheduler'), 'Arn'] } });
    template.hasResourceProperties('AWS::IAM::Role', { Description: 'Redshift scheduled actions (PAUSE, RESUME, RESIZE) on 1 cluster(s)' });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [Match.objectLike({ Resource: { 'Fn::Join': ['', ['arn:aws:redshift:us-west-2:123456789012:cluster:', { Ref: 'ClusterName' }]] } })] },
    });
  });

  test.each<[Partial<RedshiftSchedulerRoleProps>, string]>([
    [{ clusterIdentifiers: [] }, '`clusterIdentifiers` must list at least one cluster'],
    [{ clusterIdentifiers: ['My_Cluster'] }, "`clusterIdentifiers` must be 1 to 63 lowercase letters, digits or hyphens, start with a letter, and contain no two consecutive hyphens and no trailing hyphen (Redshift cluster identifier), got: 'My_Cluster'"],
    [{ clusterIdentifiers: ['c1', 'c1'] }, "`clusterIdentifiers` lists 'c1' more than once"],
    [{ clusterIdentifiers: ['c1'], actions: [] }, '`actions` must list at least one ScheduledActionType: leave it out for PAUSE, RESUME and RESIZE'],
    [{ clusterIdentifiers: ['c1'], actions: [ScheduledActionType.PAUSE, ScheduledActionType.PAUSE] }, "`actions` lists 'PAUSE' more than once"],
  ])('rejects %j', (props, message) => {
    expect(() => new RedshiftSchedulerRole(newStack(), 'Scheduler', props as RedshiftSchedulerRoleProps)).toThrow(message);
  });
});
