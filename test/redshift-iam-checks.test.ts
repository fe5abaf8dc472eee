import {
  Annotations as CoreAnnotations,
  Aspects,
  aws_iam as iam,
  aws_kinesis as kinesis,
  aws_s3 as s3,
  CfnParameter,
  CfnResource,
  Fn,
  Stack,
  Token,
  Validations,
} from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { ChainedRole, ClusterRoleAssociation, DatabaseUser, RedshiftIamChecks, RedshiftIamChecksProps, RedshiftIdcApplicationRole, RedshiftServiceRole } from '../src';
import { lintTemplates } from './helpers/cfn-lint';
import { newApp, newStack, synth } from './helpers/synth';
import { testCluster, testNamespace } from './helpers/targets';

function checkedStack(region = 'us-west-2', props?: RedshiftIamChecksProps): Stack {
  const stack = newStack({ env: { account: '123456789012', region } });
  Aspects.of(stack).add(new RedshiftIamChecks(props));
  return stack;
}

const plainCluster = (stack: Stack, iamRoles: string[]) => testCluster(stack, { iamRoles });

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

    test('stays quiet for a role whose trusted service is a Token (it could be Redshift)', () => {
      const stack = checkedStack();
      const service = new CfnParameter(stack, 'TrustedService', { type: 'String' }).valueAsString;
      const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal(service) });
      plainCluster(stack, [role.roleArn]);
      annotations(stack).hasNoError('*', ANY);
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
      // The association checks the same rule itself, so synthesis fails even without the Aspect.
      expect(() => annotations(stack)).toThrow(
        "[TestStack/Attach] `roles`: Role 'TestStack/RoleB' is attached to this cluster, but its trust policy does not let redshift.amazonaws.com assume it",
      );
      expect(() => annotations(stack)).not.toThrow(/Role 'TestStack\/RoleA'/);
    });

    test('fires on a plain cluster that lists a ChainedRole', () => {
      const stack = checkedStack();
      const roleA = new RedshiftServiceRole(stack, 'RoleA', { roleName: 'RoleA' });
      const roleB = new ChainedRole(stack, 'RoleB', { assumedBy: roleA, roleName: 'RoleB' });
      plainCluster(stack, [roleA.roleArn, roleB.roleArn]);
      annotations(stack).hasError('/TestStack/Cluster', Match.stringLikeRegexp("Role 'TestStack/RoleB/Resource' is attached to this cluster, but its trust policy does not let"));
      annotations(stack).hasNoError('/TestStack/Cluster', Match.stringLikeRegexp("Role 'TestStack/RoleA/Resource'"));
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
      testNamespace(stack, { namespaceName: 'bad', iamRoles: [provisionedOnly.roleArn] }, 'Bad');
      testNamespace(stack, { namespaceName: 'good', iamRoles: [serverless.roleArn] }, 'Good');
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

  test('a cluster counts its own roles and those of the associations that target it, not others\' or removed ones', () => {
    const build = (associated: number, elsewhere = 0, removed = 0) => {
      const stack = checkedStack();
      const cluster = plainCluster(stack, Array.from({ length: 45 }, (_, i) => `arn:aws:iam::123456789012:role/own${i}`));
      const roles = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => iam.Role.fromRoleArn(stack, `${prefix}${i}`, `arn:aws:iam::123456789012:role/${prefix}${i}`));
      if (associated > 0) new ClusterRoleAssociation(stack, 'Attach', { clusterIdentifier: cluster.ref, roles: roles('a', associated) });
      if (elsewhere > 0) new ClusterRoleAssociation(stack, 'Other', { clusterIdentifier: 'another-cluster', roles: roles('o', elsewhere) });
      if (removed > 0) {
        new ClusterRoleAssociation(stack, 'Removed', { clusterIdentifier: cluster.ref, roles: roles('x', removed) });
        stack.node.tryRemoveChild('Removed');
      }
      return Annotations.fromStack(stack);
    };
    build(6).hasError('/TestStack/Cluster', Match.stringLikeRegexp('would have 51 IAM roles \\(its IamRoles and the ClusterRoleAssociations that target it\\)'));
    build(5, 10, 10).hasNoError('/TestStack/Cluster', Match.stringLikeRegexp('roles-per-cluster'));
  });

  test('a role of another account fires; the same account stays quiet', () => {
    const stack = checkedStack();
    plainCluster(stack, ['arn:aws:iam::210987654321:role/RoleB', 'arn:aws:iam::123456789012:role/Mine']);
    annotations(stack).hasError('/TestStack/Cluster', Match.stringLikeRegexp("Role 'arn:aws:iam::210987654321:role/RoleB' belongs to account 210987654321, but the cluster is in account 123456789012"));
    annotations(stack).hasNoError('/TestStack/Cluster', Match.stringLikeRegexp('role/Mine'));
  });
});

describe('RedshiftIamChecks on roles given as a list Token', () => {
  // A CommaDelimitedList parameter or Fn::Split of an import: nobody can read the roles at synth time,
  // so nothing about them is reported, and reading the list never fails synthesis.
  test('a CfnCluster whose iamRoles is a list Token passes', () => {
    const stack = checkedStack();
    const roles = new CfnParameter(stack, 'Roles', { type: 'CommaDelimitedList' });
    plainCluster(stack, roles.valueAsList);
    const a = annotations(stack);
    a.hasNoError('*', Match.anyValue());
    a.hasNoWarning('*', Match.anyValue());
  });

  test('a CfnCluster whose iamRoles is Fn::Split of an import passes', () => {
    const stack = checkedStack();
    plainCluster(stack, Token.asList(Fn.split(',', Fn.importValue('SharedRoleArns'))));
    annotations(stack).hasNoError('*', Match.anyValue());
  });

  test('a CfnNamespace whose iamRoles is a list Token, with a default role, passes', () => {
    const stack = checkedStack();
    const roles = new CfnParameter(stack, 'Roles', { type: 'CommaDelimitedList' });
    testNamespace(stack, { namespaceName: 'ns1', iamRoles: roles.valueAsList, defaultIamRoleArn: Fn.select(0, roles.valueAsList) });
    annotations(stack).hasNoError('*', Match.anyValue());
  });

  test('a literal list next to it is still checked', () => {
    const stack = checkedStack();
    const roles = new CfnParameter(stack, 'Roles', { type: 'CommaDelimitedList' });
    testNamespace(stack, { namespaceName: 'ns1', iamRoles: roles.valueAsList });
    const lambdaRole = new iam.Role(stack, 'LambdaRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    plainCluster(stack, [lambdaRole.roleArn]);
    annotations(stack).hasError('/TestStack/Cluster', Match.stringLikeRegexp("Role 'TestStack/LambdaRole/Resource' is attached to this cluster"));
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
    const stack = checkedStack('us-west-2', { info: true });
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

describe('RedshiftIamChecks info (info: true)', () => {
  test('a Redshift role that no user or Region restricts', () => {
    const stack = checkedStack('us-west-2', { info: true });
    new iam.Role(stack, 'Plain', { assumedBy: new iam.ServicePrincipal('redshift.amazonaws.com') });
    new RedshiftServiceRole(stack, 'Default');
    annotations(stack).hasInfo('/TestStack/Plain/Resource', Match.stringLikeRegexp('Every database user of every cluster this role is attached to'));
    annotations(stack).hasInfo('/TestStack/Default/Resource', Match.stringLikeRegexp('restrict it with databaseUsers'));
  });

  test('restricted by users or by Regions stays quiet', () => {
    const stack = checkedStack('us-west-2', { info: true });
    new RedshiftServiceRole(stack, 'Users', { databaseUsers: [DatabaseUser.inCluster('c1', 'u1')] });
    new RedshiftServiceRole(stack, 'Regions', { regions: ['us-west-2'] });
    annotations(stack).hasNoInfo('*', ANY);
  });
});

describe('RedshiftIamChecks info findings by default', () => {
  test('are not reported without info: true, and are with it', () => {
    // GIVEN the same unrestricted role, checked without and with info
    const quiet = checkedStack();
    new RedshiftServiceRole(quiet, 'Default');
    const verbose = checkedStack('us-west-2', { info: true });
    new RedshiftServiceRole(verbose, 'Default');
    // THEN
    annotations(quiet).hasNoInfo('*', Match.anyValue());
    annotations(verbose).hasInfo('/TestStack/Default/Resource', Match.stringLikeRegexp('\\[ack: cdk-redshift-iam:unrestricted-trust\\]$'));
  });

  test('the no-argument constructor still reports errors and warnings', () => {
    const stack = checkedStack();
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('redshift.amazonaws.com') });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['arn:aws:s3:::b/*'] }));
    plainCluster(stack, ['arn:aws:iam::210987654321:role/Other']);
    annotations(stack).hasWarning('/TestStack/Role/Resource', Match.stringLikeRegexp('cdk-redshift-iam:wildcard-action'));
    annotations(stack).hasError('/TestStack/Cluster', Match.stringLikeRegexp('cdk-redshift-iam:role-account'));
  });
});

describe('RedshiftIamChecks finding ids', () => {
  /** One app with one finding of each rule, and what each is reported on. */
  function everyFinding(): Stack {
    const stack = checkedStack('us-west-2', { info: true });
    const lambdaRole = new iam.Role(stack, 'LambdaRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const eastOnly = new RedshiftServiceRole(stack, 'EastOnly', { regions: ['us-east-1'] });
    const broad = new iam.Role(stack, 'Broad', {
      assumedBy: new iam.ServicePrincipal('redshift.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonS3ReadOnlyAccess')],
    });
    broad.addToPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
    const many = Array.from({ length: 48 }, (_, i) => `arn:aws:iam::123456789012:role/r${i}`);
    plainCluster(stack, [lambdaRole.roleArn, eastOnly.roleArn, 'arn:aws:iam::210987654321:role/Other', ...many]);
    return stack;
  }
  const ids: Array<[string, 'error' | 'warning' | 'info', string]> = [
    ['cdk-redshift-iam:trust-names-redshift', 'error', '/TestStack/Cluster'],
    ['cdk-redshift-iam:trust-region', 'error', '/TestStack/Cluster'],
    ['cdk-redshift-iam:roles-per-cluster', 'error', '/TestStack/Cluster'],
    ['cdk-redshift-iam:role-account', 'error', '/TestStack/Cluster'],
    ['cdk-redshift-iam:broad-managed-policy', 'warning', '/TestStack/Broad/Resource'],
    ['cdk-redshift-iam:wildcard-action', 'warning', '/TestStack/Broad/Resource'],
    ['cdk-redshift-iam:wildcard-resource', 'warning', '/TestStack/Broad/Resource'],
    ['cdk-redshift-iam:unrestricted-trust', 'info', '/TestStack/Broad/Resource'],
  ];

  test.each(ids)('%s is in its %s finding\'s message', (id, level, path) => {
    const stack = everyFinding();
    const found = Annotations.fromStack(stack);
    const escaped = id.replace(/[-:]/g, (c) => `\\${c}`);
    if (level === 'error') found.hasError(path, Match.stringLikeRegexp(`^\\[RedshiftIamChecks\\] .* \\(annotation::${escaped}\\)$`));
    if (level === 'warning') found.hasWarning(path, Match.stringLikeRegexp(`^\\[RedshiftIamChecks\\] .* \\[ack: ${escaped}\\]$`));
    if (level === 'info') found.hasInfo(path, Match.stringLikeRegexp(`^\\[RedshiftIamChecks\\] .* \\[ack: ${escaped}\\]$`));
  });

  test('every finding of RedshiftIamChecks carries one of the ids', () => {
    const stack = everyFinding();
    const messages = [
      ...Annotations.fromStack(stack).findError('*', Match.anyValue()),
      ...Annotations.fromStack(stack).findWarning('*', Match.anyValue()),
      ...Annotations.fromStack(stack).findInfo('*', Match.anyValue()),
    ].map((m) => String(m.entry.data)).filter((m) => m.startsWith('[RedshiftIamChecks]'));
    expect(messages.length).toBeGreaterThanOrEqual(ids.length);
    for (const message of messages) {
      expect(ids.some(([id]) => message.endsWith(`[ack: ${id}]`) || message.endsWith(`(annotation::${id})`))).toBe(true);
    }
  });
});

describe('acknowledging RedshiftIamChecks findings', () => {
  function broadRole(stack: Stack): iam.Role {
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('redshift.amazonaws.com') });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
    return role;
  }

  test('a warning acknowledged by id on the role is silenced; its other warnings stay', () => {
    // GIVEN
    const stack = checkedStack();
    const role = broadRole(stack);
    // WHEN
    CoreAnnotations.of(role).acknowledgeWarning('cdk-redshift-iam:wildcard-action', 'a scratch role');
    // THEN
    annotations(stack).hasNoWarning('*', Match.stringLikeRegexp('cdk-redshift-iam:wildcard-action'));
    annotations(stack).hasWarning('/TestStack/Role/Resource', Match.stringLikeRegexp('cdk-redshift-iam:wildcard-resource'));
  });

  test('a warning acknowledged on the stack with Validations is silenced, and the reason is recorded', () => {
    const stack = checkedStack();
    broadRole(stack);
    Validations.of(stack).acknowledge({ id: 'cdk-redshift-iam:wildcard-resource', reason: 'a scratch stack' });
    annotations(stack).hasNoWarning('*', Match.stringLikeRegexp('cdk-redshift-iam:wildcard-resource'));
    annotations(stack).hasWarning('/TestStack/Role/Resource', Match.stringLikeRegexp('cdk-redshift-iam:wildcard-action'));
    expect(stack.node.metadata.find((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)?.data)
      .toEqual({ 'annotation::cdk-redshift-iam:wildcard-resource': 'a scratch stack' });
  });

  test('an error acknowledged by id with Validations is silenced; another error on the same cluster stays', () => {
    const stack = checkedStack();
    const lambdaRole = new iam.Role(stack, 'LambdaRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const cluster = plainCluster(stack, [lambdaRole.roleArn, 'arn:aws:iam::210987654321:role/Other']);
    Validations.of(cluster).acknowledge({ id: 'cdk-redshift-iam:role-account', reason: 'the role moves to this account first' });
    Annotations.fromStack(stack).hasNoError('*', Match.stringLikeRegexp('cdk-redshift-iam:role-account'));
    Annotations.fromStack(stack).hasError('/TestStack/Cluster', Match.stringLikeRegexp('cdk-redshift-iam:trust-names-redshift'));
  });

  test('an info acknowledged by id is silenced', () => {
    const stack = checkedStack('us-west-2', { info: true });
    const acknowledged = new RedshiftServiceRole(stack, 'Acknowledged');
    new RedshiftServiceRole(stack, 'Other');
    CoreAnnotations.of(acknowledged).acknowledgeInfo('cdk-redshift-iam:unrestricted-trust', 'every user of the cluster loads data');
    annotations(stack).hasNoInfo('/TestStack/Acknowledged/Resource', Match.anyValue());
    annotations(stack).hasInfo('/TestStack/Other/Resource', Match.stringLikeRegexp('cdk-redshift-iam:unrestricted-trust'));
  });
});

describe('RedshiftIamChecks and the grants of this library', () => {
  test('the * of actions IAM authorizes on no resource type is no wildcard-resource warning', () => {
    const stack = checkedStack();
    const role = new RedshiftServiceRole(stack, 'Role', { databaseUsers: [DatabaseUser.inCluster('my-cluster', 'user1')] });
    role.allowStreamingIngestion(kinesis.Stream.fromStreamArn(stack, 'Stream', 'arn:aws:kinesis:us-west-2:123456789012:stream/clicks'));
    role.allowMskIngestion({ clusterArn: 'arn:aws:kafka:us-west-2:123456789012:cluster/MyCluster/abcdefab-1234-abcd-5678-cdef0123ab01-2' });
    role.allowCreateModel({ bucket: s3.Bucket.fromBucketName(stack, 'Bucket', 'mybucket') });
    role.allowSpectrum({ databases: ['lfdb'], lakeFormation: true });
    const found = annotations(stack);
    found.hasNoWarning('*', ANY);
    found.hasNoError('*', ANY);
  });
});

describe('RedshiftIamChecks: the role of a Redshift IAM Identity Center application (idc-application-trust)', () => {
  const INSTANCE = 'arn:aws:sso:::instance/ssoins-1234567890abcdef';
  /** An IdC application naming `roleArn`, as a CfnResource (aws-cdk-lib 2.257 has no L1 class for AWS::Redshift::RedshiftIdcApplication). */
  const idcApplication = (stack: Stack, roleArn: string, type = 'AWS::Redshift::RedshiftIdcApplication') => new CfnResource(stack, 'IdcApplication', {
    type,
    properties: { IdcInstanceArn: INSTANCE, IdcDisplayName: 'Analytics', RedshiftIdcApplicationName: 'analytics', IamRoleArn: roleArn },
  });
  // cfn-lint 1.51's resource specification has no AWS::Redshift::RedshiftIdcApplication yet (E3006): these templates are not linted.
  const found = (stack: Stack) => { Template.fromStack(stack); return Annotations.fromStack(stack); };

  test('a hand-made role that trusts Redshift with sts:AssumeRole only: an error on the application, naming the role and what is missing', () => {
    const stack = checkedStack();
    const role = new iam.Role(stack, 'Hand', {
      assumedBy: new iam.CompositePrincipal(new iam.ServicePrincipal('redshift.amazonaws.com'), new iam.ServicePrincipal('redshift-serverless.amazonaws.com')),
    });
    idcApplication(stack, role.roleArn);
    found(stack).hasError('/TestStack/IdcApplication', Match.stringLikeRegexp(
      "^\\[RedshiftIamChecks\\] Role 'TestStack/Hand/Resource' is the IAM role of this Redshift IAM Identity Center application \\(IamRoleArn\\), "
      + 'but its trust policy does not allow redshift.amazonaws.com sts:SetContext, redshift-serverless.amazonaws.com sts:SetContext: .*'
      + '\\(annotation::cdk-redshift-iam:idc-application-trust\\)$'));
  });

  test('a role of another stack is found through its reference; the unreleased type name AWS::Redshift::IdcApplication is not read', () => {
    const stack = checkedStack();
    const other = new Stack(stack.node.root as any, 'Roles', { env: { account: '123456789012', region: 'us-west-2' } });
    const role = new iam.Role(other, 'Hand', { assumedBy: new iam.ServicePrincipal('redshift.amazonaws.com') });
    idcApplication(stack, role.roleArn);
    found(stack).hasError('/TestStack/IdcApplication', Match.stringLikeRegexp("Role 'Roles/Hand/Resource' .* does not allow redshift.amazonaws.com sts:SetContext, "
      + 'redshift-serverless.amazonaws.com sts:AssumeRole, redshift-serverless.amazonaws.com sts:SetContext'));
    // CloudFormation released AWS::Redshift::RedshiftIdcApplication only (see IDC_APPLICATION_RESOURCE_TYPE)
    const proposed = checkedStack();
    idcApplication(proposed, new iam.Role(proposed, 'Hand', { assumedBy: new iam.ServicePrincipal('redshift.amazonaws.com') }).roleArn, 'AWS::Redshift::IdcApplication');
    found(proposed).hasNoError('*', ANY);
  });

  test('RedshiftIdcApplicationRole, a role given as a literal ARN (not visible), and a Token principal: no error', () => {
    const stack = checkedStack();
    const service = new CfnParameter(stack, 'Service', { type: 'String' }).valueAsString;
    idcApplication(stack, new RedshiftIdcApplicationRole(stack, 'Idc', { identityCenterInstanceArn: INSTANCE }).roleArn);
    new CfnResource(stack, 'Literal', { type: 'AWS::Redshift::RedshiftIdcApplication', properties: { IamRoleArn: 'arn:aws:iam::123456789012:role/Console' } });
    const tokenRole = new iam.Role(stack, 'TokenRole', { assumedBy: new iam.ServicePrincipal(service) });
    new CfnResource(stack, 'WithToken', { type: 'AWS::Redshift::RedshiftIdcApplication', properties: { IamRoleArn: tokenRole.roleArn } });
    found(stack).hasNoError('*', ANY);
  });

  test('acknowledged with Validations, as every error', () => {
    const stack = checkedStack();
    const role = new iam.Role(stack, 'Hand', { assumedBy: new iam.ServicePrincipal('redshift.amazonaws.com') });
    const application = idcApplication(stack, role.roleArn);
    Validations.of(application).acknowledge({ id: 'cdk-redshift-iam:idc-application-trust', reason: 'the trust is widened by another pipeline' });
    found(stack).hasNoError('*', ANY);
  });
});

describe('RedshiftIamChecks: roles per cluster by partition', () => {
  const arns = (n: number, partition: string) => Array.from({ length: n }, (_, i) => `arn:${partition}:iam::123456789012:role/r${i}`);

  test.each([['us-iso-east-1', 'aws-iso'], ['us-isob-east-1', 'aws-iso-b']])('in %s, 11 roles fire and 10 stay quiet', (region, partition) => {
    const over = checkedStack(region);
    plainCluster(over, arns(11, partition));
    Annotations.fromStack(over).hasError('/TestStack/Cluster', Match.stringLikeRegexp(`would have 11 IAM roles.*over Redshift's limit of 10 in the ${partition} partition`));
    const at = checkedStack(region);
    plainCluster(at, arns(10, partition));
    Annotations.fromStack(at).hasNoError('*', ANY);
  });

  test('in an environment-agnostic stack (partition unknown), 50 is the limit', () => {
    const stack = new Stack(newApp(), 'Agnostic');
    Aspects.of(stack).add(new RedshiftIamChecks());
    plainCluster(stack, arns(11, 'aws'));
    Annotations.fromStack(stack).hasNoError('*', ANY);
  });
});
