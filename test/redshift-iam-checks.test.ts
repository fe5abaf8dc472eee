import { Aspects, aws_iam as iam, aws_redshift as redshift, aws_redshiftserverless as rss, aws_s3 as s3, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { ChainedRole, ClusterRoleAssociation, DatabaseUser, RedshiftIamChecks, RedshiftServiceRole } from '../src';
import { lintTemplates } from './helpers/cfn-lint';
import { newStack, synth } from './helpers/synth';

function checkedStack(region = 'us-west-2'): Stack {
  const stack = newStack({ env: { account: '123456789012', region } });
  Aspects.of(stack).add(new RedshiftIamChecks());
  return stack;
}

function plainCluster(stack: Stack, iamRoles: string[]): redshift.CfnCluster {
  return new redshift.CfnCluster(stack, 'Cluster', {
    clusterType: 'single-node', dbName: 'dev', masterUsername: 'admin', manageMasterPassword: true, nodeType: 'ra3.large', encrypted: true, iamRoles,
  });
}

/** The stack's annotations; its template goes through the cfn-lint gate as well. */
const annotations = (stack: Stack) => {
  synth(stack);
  return Annotations.fromStack(stack);
};
const ANY = Match.stringLikeRegexp('RedshiftIamChecks');

describe('RedshiftIamChecks errors', () => {
  describe('a role Redshift cannot assume', () => {
    test('fires on a plain CfnCluster with a hand-made Lambda role', () => {
      const stack = checkedStack();
      const lambdaRole = new iam.Role(stack, 'LambdaRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
      plainCluster(stack, [lambdaRole.roleArn]);
      annotations(stack).hasError('/TestStack/Cluster', Match.stringLikeRegexp("Role 'TestStack/LambdaRole/Resource' is attached to this cluster, but its trust policy does not let redshift.amazonaws.com assume it.*IAM role must delegate access to an Amazon Redshift account"));
    });

    test('stays quiet for a hand-made role that trusts Redshift', () => {
      const stack = checkedStack();
      const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('redshift.amazonaws.com') });
      plainCluster(stack, [role.roleArn]);
      annotations(stack).hasNoError('*', ANY);
    });

    test('fires on an association that attaches a ChainedRole directly', () => {
      const stack = checkedStack();
      const roleA = new RedshiftServiceRole(stack, 'RoleA', { roleName: 'RoleA' });
      const roleB = new ChainedRole(stack, 'RoleB', { assumedBy: roleA, roleName: 'RoleB' });
      new ClusterRoleAssociation(stack, 'Attach', { clusterIdentifier: 'my-cluster', roles: [roleA, roleB] });
      annotations(stack).hasError('/TestStack/Attach', Match.stringLikeRegexp("Role 'TestStack/RoleB/Resource' is attached to this cluster, but its trust policy does not let"));
      annotations(stack).hasNoError('/TestStack/Attach', Match.stringLikeRegexp("Role 'TestStack/RoleA/Resource'"));
    });

    test('fires when the role trusts Redshift only in another Region', () => {
      const stack = checkedStack('us-west-2');
      const role = new RedshiftServiceRole(stack, 'Role', { regions: ['us-east-1'] });
      plainCluster(stack, [role.roleArn]);
      annotations(stack).hasError('/TestStack/Cluster', Match.stringLikeRegexp('trusts Redshift only in us-east-1, but this cluster is in us-west-2'));
    });

    test('stays quiet when the Region matches', () => {
      const stack = checkedStack('us-east-1');
      const role = new RedshiftServiceRole(stack, 'Role', { regions: ['us-east-1'] });
      plainCluster(stack, [role.roleArn]);
      annotations(stack).hasNoError('*', ANY);
    });

    test('a Serverless namespace needs redshift-serverless.amazonaws.com', () => {
      const stack = checkedStack();
      const provisionedOnly = new RedshiftServiceRole(stack, 'Provisioned');
      const serverless = new RedshiftServiceRole(stack, 'Serverless', { serverless: true });
      new rss.CfnNamespace(stack, 'Bad', { namespaceName: 'bad', iamRoles: [provisionedOnly.roleArn] });
      new rss.CfnNamespace(stack, 'Good', { namespaceName: 'good', iamRoles: [serverless.roleArn] });
      annotations(stack).hasError('/TestStack/Bad', Match.stringLikeRegexp('does not let redshift-serverless.amazonaws.com assume it'));
      annotations(stack).hasNoError('/TestStack/Good', ANY);
    });
  });

  test('more than 50 roles on a cluster fires; 50 stays quiet', () => {
    const arns = (n: number) => Array.from({ length: n }, (_, i) => `arn:aws:iam::123456789012:role/r${i}`);
    const over = checkedStack();
    plainCluster(over, arns(51));
    // deliberately invalid, so not through the clean-lint gate: cfn-lint agrees it would fail
    Annotations.fromStack(over).hasError('/TestStack/Cluster', Match.stringLikeRegexp("would have 51 IAM roles.*over Redshift's limit of 50"));
    const lint = lintTemplates([{ name: 'over-50', template: Template.fromStack(over).toJSON() }]);
    expect(lint.map((f) => f.rule)).toContain('E3032');
    const at = checkedStack();
    plainCluster(at, arns(50));
    annotations(at).hasNoError('*', ANY);
  });

  test('a role of another account fires; the same account stays quiet', () => {
    const stack = checkedStack();
    plainCluster(stack, ['arn:aws:iam::210987654321:role/RoleB', 'arn:aws:iam::123456789012:role/Mine']);
    annotations(stack).hasError('/TestStack/Cluster', Match.stringLikeRegexp("Role 'arn:aws:iam::210987654321:role/RoleB' belongs to account 210987654321, but the cluster is in account 123456789012"));
    annotations(stack).hasNoError('/TestStack/Cluster', Match.stringLikeRegexp('role/Mine'));
  });
});

describe('RedshiftIamChecks warnings', () => {
  test.each(['AmazonS3ReadOnlyAccess', 'AWSGlueConsoleFullAccess', 'AmazonAthenaFullAccess', 'service-role/AWSLambdaRole'])('the console\'s %s fires, on a hand-made role', (policy) => {
    const stack = checkedStack();
    new iam.Role(stack, 'Role', {
      assumedBy: new iam.ServicePrincipal('redshift.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName(policy)],
    });
    annotations(stack).hasWarning('/TestStack/Role/Resource', Match.stringLikeRegexp(`AWS managed policy ${policy.split('/').pop()}`));
  });

  test('a managed policy on a RedshiftServiceRole fires too', () => {
    const stack = checkedStack();
    new RedshiftServiceRole(stack, 'Role', { managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AWSGlueConsoleFullAccess')] });
    annotations(stack).hasWarning('/TestStack/Role/Resource', Match.stringLikeRegexp('AWSGlueConsoleFullAccess'));
  });

  test('s3:* and * resources fire', () => {
    const stack = checkedStack();
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('redshift.amazonaws.com') });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
    annotations(stack).hasWarning('/TestStack/Role/Resource', Match.stringLikeRegexp('allows s3:\\*'));
    annotations(stack).hasWarning('/TestStack/Role/Resource', Match.stringLikeRegexp("on every resource \\('\\*'\\)"));
  });

  test('least-privilege grants and roles that are not Redshift\'s stay quiet', () => {
    const stack = checkedStack();
    const role = new RedshiftServiceRole(stack, 'Role', { databaseUsers: [DatabaseUser.inCluster('c1', 'u1')] });
    role.allowCopyFrom(s3.Bucket.fromBucketName(stack, 'B', 'mybucket'), { keyPrefix: 'in/' });
    const lambdaRole = new iam.Role(stack, 'LambdaRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonS3ReadOnlyAccess')],
    });
    lambdaRole.addToPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
    annotations(stack).hasNoWarning('*', ANY);
    annotations(stack).hasNoInfo('*', ANY);
  });
});

describe('RedshiftIamChecks info', () => {
  test('a Redshift role that no user or Region restricts', () => {
    const stack = checkedStack();
    new iam.Role(stack, 'Plain', { assumedBy: new iam.ServicePrincipal('redshift.amazonaws.com') });
    new RedshiftServiceRole(stack, 'Default');
    annotations(stack).hasInfo('/TestStack/Plain/Resource', Match.stringLikeRegexp('Every database user of every cluster this role is attached to'));
    annotations(stack).hasInfo('/TestStack/Default/Resource', Match.stringLikeRegexp('restrict it with databaseUsers'));
  });

  test('restricted by users or by Regions stays quiet', () => {
    const stack = checkedStack();
    new RedshiftServiceRole(stack, 'Users', { databaseUsers: [DatabaseUser.inCluster('c1', 'u1')] });
    new RedshiftServiceRole(stack, 'Regions', { regions: ['us-west-2'] });
    annotations(stack).hasNoInfo('*', ANY);
  });
});
