import { aws_iam as iam, Duration, Stack, Token, Validations } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { ChainedRole, RedshiftArn, RedshiftPermissions, RedshiftServiceRole } from '../src';
import { assume, roleMay, roleView } from './helpers/iam';
import { newApp, newStack, synth } from './helpers/synth';

const ACCT = '123456789012';
const cluster = (region: string, name: string) => `arn:aws:redshift:${region}:${ACCT}:cluster:${name}`;

function operator() {
  const stack = newStack();
  const role = new iam.Role(stack, 'Operator', { assumedBy: new iam.AccountRootPrincipal(), roleName: 'Operator' });
  return { stack, role };
}

describe('RedshiftArn', () => {
  test.each([
    ['cluster', (s: Stack) => RedshiftArn.cluster(s, 'my-cluster'), 'arn:aws:redshift:us-west-2:123456789012:cluster:my-cluster'],
    ['dbUser', (s: Stack) => RedshiftArn.dbUser(s, 'my-cluster', 'user1'), 'arn:aws:redshift:us-west-2:123456789012:dbuser:my-cluster/user1'],
    ['dbName', (s: Stack) => RedshiftArn.dbName(s, 'my-cluster', 'dev'), 'arn:aws:redshift:us-west-2:123456789012:dbname:my-cluster/dev'],
    ['dbGroup', (s: Stack) => RedshiftArn.dbGroup(s, 'my-cluster', 'analysts'), 'arn:aws:redshift:us-west-2:123456789012:dbgroup:my-cluster/analysts'],
    ['snapshot', (s: Stack) => RedshiftArn.snapshot(s, 'my-cluster', 'snap-1'), 'arn:aws:redshift:us-west-2:123456789012:snapshot:my-cluster/snap-1'],
    ['snapshotCopyGrant', (s: Stack) => RedshiftArn.snapshotCopyGrant(s, 'my-grant'), 'arn:aws:redshift:us-west-2:123456789012:snapshotcopygrant:my-grant'],
    ['snapshotSchedule', (s: Stack) => RedshiftArn.snapshotSchedule(s, 'nightly'), 'arn:aws:redshift:us-west-2:123456789012:snapshotschedule:nightly'],
    ['parameterGroup', (s: Stack) => RedshiftArn.parameterGroup(s, 'my-params'), 'arn:aws:redshift:us-west-2:123456789012:parametergroup:my-params'],
    ['subnetGroup', (s: Stack) => RedshiftArn.subnetGroup(s, 'my-subnets'), 'arn:aws:redshift:us-west-2:123456789012:subnetgroup:my-subnets'],
    ['securityGroup', (s: Stack) => RedshiftArn.securityGroup(s, 'my-sg'), 'arn:aws:redshift:us-west-2:123456789012:securitygroup:my-sg'],
    ['eventSubscription', (s: Stack) => RedshiftArn.eventSubscription(s, 'alerts'), 'arn:aws:redshift:us-west-2:123456789012:eventsubscription:alerts'],
    ['hsmClientCertificate', (s: Stack) => RedshiftArn.hsmClientCertificate(s, 'my-cert'), 'arn:aws:redshift:us-west-2:123456789012:hsmclientcertificate:my-cert'],
    ['hsmConfiguration', (s: Stack) => RedshiftArn.hsmConfiguration(s, 'my-hsm'), 'arn:aws:redshift:us-west-2:123456789012:hsmconfiguration:my-hsm'],
    ['usageLimit', (s: Stack) => RedshiftArn.usageLimit(s, 'ul-123abc'), 'arn:aws:redshift:us-west-2:123456789012:usagelimit:ul-123abc'],
    ['serverlessNamespace', (s: Stack) => RedshiftArn.serverlessNamespace(s, '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b'), 'arn:aws:redshift-serverless:us-west-2:123456789012:namespace/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b'],
    ['serverlessWorkgroup', (s: Stack) => RedshiftArn.serverlessWorkgroup(s, '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b'), 'arn:aws:redshift-serverless:us-west-2:123456789012:workgroup/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b'],
  ])('%s', (_name, make, expected) => {
    expect(make(newStack())).toBe(expected);
  });

  test('Region and account can be given; `*` means every resource', () => {
    const stack = newStack();
    expect(RedshiftArn.cluster(stack, '*', { region: 'us-east-1', account: '210987654321' })).toBe('arn:aws:redshift:us-east-1:210987654321:cluster:*');
  });

  test('an environment-agnostic stack gives a Token-safe ARN', () => {
    const stack = new Stack(newApp(), 'Agnostic');
    expect(stack.resolve(RedshiftArn.cluster(stack, 'c1'))).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':redshift:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':cluster:c1']],
    });
    expect(() => RedshiftArn.cluster(stack, Token.asString({ Ref: 'X' }))).not.toThrow();
  });

  test.each([
    [() => RedshiftArn.cluster(newStack(), 'Bad_Cluster'), /`clusterIdentifier`.*got: 'Bad_Cluster'/],
    [() => RedshiftArn.dbUser(newStack(), 'c1', '1user'), /`userName`.*got: '1user'/],
    [() => RedshiftArn.serverlessWorkgroup(newStack(), 'my-workgroup'), "`workgroupId` must be the UUID Redshift Serverless assigns (not the name), or '*' for all, got: 'my-workgroup'"],
    [() => RedshiftArn.parameterGroup(newStack(), 'has space'), /`parameterGroupName` must be a parameter group name.*got: 'has space'/],
    [() => RedshiftArn.cluster(newStack(), 'c1', { region: 'mars-1' }), /`region`.*got: 'mars-1'/],
  ])('rejects bad names (%#)', (make, message) => {
    expect(make).toThrow(message);
  });
});

describe('RedshiftPermissions.manageClusters (seed 004)', () => {
  test('example 1: ModifyCluster only on us-west-2 clusters tagged environment=test', async () => {
    const { stack, role } = operator();
    RedshiftPermissions.manageClusters(role, {
      actions: ['redshift:ModifyCluster'],
      region: 'us-west-2',
      resourceTags: { environment: 'test' },
    });
    const template = synth(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Effect: 'Allow',
          Action: 'redshift:ModifyCluster',
          Resource: 'arn:aws:redshift:us-west-2:123456789012:cluster:*',
          Condition: { StringEquals: { 'aws:ResourceTag/environment': 'test' } },
        }],
      },
    });
    const view = roleView(role, template);
    expect(await roleMay(view, 'redshift:ModifyCluster', cluster('us-west-2', 'test-1'), { 'aws:ResourceTag/environment': 'test' })).toBe('Allowed');
    expect(await roleMay(view, 'redshift:ModifyCluster', cluster('us-west-2', 'untagged'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift:ModifyCluster', cluster('us-west-2', 'prod-1'), { 'aws:ResourceTag/environment': 'production' })).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift:ModifyCluster', cluster('us-east-1', 'test-1'), { 'aws:ResourceTag/environment': 'test' })).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift:DeleteCluster', cluster('us-west-2', 'test-1'), { 'aws:ResourceTag/environment': 'test' })).toBe('ImplicitlyDenied');
  });

  test('example 2: CreateCluster only with usage=production and tag keys within costcenter/usage', async () => {
    const { stack, role } = operator();
    RedshiftPermissions.manageClusters(role, {
      actions: ['CreateCluster', 'CreateTags'],
      requestTags: { usage: 'production' },
      allowedTagKeys: ['costcenter', 'usage'],
    });
    const template = synth(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Effect: 'Allow',
          Action: ['redshift:CreateCluster', 'redshift:CreateTags'],
          Resource: 'arn:aws:redshift:us-west-2:123456789012:cluster:*',
          Condition: {
            'StringEquals': { 'aws:RequestTag/usage': 'production' },
            'ForAllValues:StringEquals': { 'aws:TagKeys': ['costcenter', 'usage'] },
          },
        }],
      },
    });
    const view = roleView(role, template);
    const target = cluster('us-west-2', 'new-cluster');
    expect(await roleMay(view, 'redshift:CreateCluster', target, { 'aws:RequestTag/usage': 'production', 'aws:TagKeys': ['costcenter', 'usage'] })).toBe('Allowed');
    expect(await roleMay(view, 'redshift:CreateCluster', target, { 'aws:RequestTag/usage': 'production', 'aws:TagKeys': ['usage'] })).toBe('Allowed');
    expect(await roleMay(view, 'redshift:CreateCluster', target, { 'aws:RequestTag/usage': 'development', 'aws:TagKeys': ['usage'] })).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift:CreateCluster', target, { 'aws:RequestTag/usage': 'production', 'aws:TagKeys': ['usage', 'owner'] })).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift:CreateCluster', target, { 'aws:TagKeys': ['costcenter'] })).toBe('ImplicitlyDenied');
  });

  test.each([
    [{ actions: [] }, '`actions` must list at least one Redshift action'],
    [{ actions: ['s3:GetObject'] }, "`actions` must be Redshift actions such as redshift:ModifyCluster (no wildcards), got: 's3:GetObject'"],
    [{ actions: ['redshift:*'] }, "got: 'redshift:*'"],
    [{ actions: ['ModifyCluster', 'redshift:ModifyCluster'] }, "`actions` lists 'redshift:ModifyCluster' more than once"],
    [{ actions: ['ModifyCluster'], allowedTagKeys: [] }, '`allowedTagKeys` must list at least one tag key'],
    [{ actions: ['ModifyCluster'], resourceTags: { 'bad*key': 'x' } }, "`resourceTags` keys must be tag keys of 1 to 128 letters, digits, spaces and _.:/=+-@, got: 'bad*key'"],
  ])('rejects %j', (options, message) => {
    const { role } = operator();
    expect(() => RedshiftPermissions.manageClusters(role, options)).toThrow(message);
  });
});

describe('RedshiftPermissions.getClusterCredentials', () => {
  test('the named user, database and duration are allowed; others are denied', async () => {
    const { stack, role } = operator();
    RedshiftPermissions.getClusterCredentials(role, {
      clusterIdentifier: 'my-cluster',
      dbUsers: ['analyst'],
      dbNames: ['dev'],
      maxDuration: Duration.minutes(30),
    });
    const template = synth(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Effect: 'Allow',
          Action: 'redshift:GetClusterCredentials',
          Resource: [
            'arn:aws:redshift:us-west-2:123456789012:dbuser:my-cluster/analyst',
            'arn:aws:redshift:us-west-2:123456789012:dbname:my-cluster/dev',
          ],
          Condition: {
            StringEquals: { 'redshift:DbUser': 'analyst', 'redshift:DbName': 'dev' },
            NumericLessThanEquals: { 'redshift:DurationSeconds': 1800 },
          },
        }],
      },
    });
    const view = roleView(role, template);
    const user = 'arn:aws:redshift:us-west-2:123456789012:dbuser:my-cluster/analyst';
    const ok = { 'redshift:DbUser': 'analyst', 'redshift:DbName': 'dev', 'redshift:DurationSeconds': '900' };
    expect(await roleMay(view, 'redshift:GetClusterCredentials', user, ok)).toBe('Allowed');
    expect(await roleMay(view, 'redshift:GetClusterCredentials', user.replace('analyst', 'admin'), { ...ok, 'redshift:DbUser': 'admin' })).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift:GetClusterCredentials', user, { ...ok, 'redshift:DbName': 'prod' })).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift:GetClusterCredentials', user, { ...ok, 'redshift:DurationSeconds': '3600' })).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift:GetClusterCredentials', user.replace('my-cluster', 'other'), ok)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift:CreateClusterUser', user, ok)).toBe('ImplicitlyDenied');
  });

  test('autoCreate and dbGroups add CreateClusterUser and JoinGroup on exactly those', async () => {
    const { stack, role } = operator();
    RedshiftPermissions.getClusterCredentials(role, { clusterIdentifier: 'my-cluster', dbUsers: ['analyst'], autoCreate: true, dbGroups: ['readers'] });
    const view = roleView(role, synth(stack));
    const user = 'arn:aws:redshift:us-west-2:123456789012:dbuser:my-cluster/analyst';
    expect(await roleMay(view, 'redshift:CreateClusterUser', user, { 'redshift:DbUser': 'analyst' })).toBe('Allowed');
    expect(await roleMay(view, 'redshift:JoinGroup', 'arn:aws:redshift:us-west-2:123456789012:dbgroup:my-cluster/readers')).toBe('Allowed');
    expect(await roleMay(view, 'redshift:JoinGroup', 'arn:aws:redshift:us-west-2:123456789012:dbgroup:my-cluster/admins')).toBe('ImplicitlyDenied');
  });

  test('the IAM-identity variant: GetClusterCredentialsWithIAM on the named databases', async () => {
    const { stack, role } = operator();
    RedshiftPermissions.getClusterCredentialsWithIam(role, { clusterIdentifier: 'my-cluster', dbNames: ['dev'], maxDuration: Duration.hours(1) });
    const template = synth(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [Match.objectLike({
          Action: 'redshift:GetClusterCredentialsWithIAM',
          Resource: 'arn:aws:redshift:us-west-2:123456789012:dbname:my-cluster/dev',
          Condition: { StringEquals: { 'redshift:DbName': 'dev' }, NumericLessThanEquals: { 'redshift:DurationSeconds': 3600 } },
        })],
      },
    });
    const view = roleView(role, template);
    const db = 'arn:aws:redshift:us-west-2:123456789012:dbname:my-cluster/dev';
    expect(await roleMay(view, 'redshift:GetClusterCredentialsWithIAM', db, { 'redshift:DbName': 'dev', 'redshift:DurationSeconds': '900' })).toBe('Allowed');
    expect(await roleMay(view, 'redshift:GetClusterCredentialsWithIAM', db.replace('/dev', '/prod'), { 'redshift:DbName': 'prod', 'redshift:DurationSeconds': '900' })).toBe('ImplicitlyDenied');
  });

  test.each([
    [{ clusterIdentifier: 'Bad' }, /`clusterIdentifier`.*got: 'Bad'/],
    [{ clusterIdentifier: 'c1', dbUsers: [] }, '`dbUsers` must list at least one user: set `allDbUsers: true` instead for any user'],
    [{ clusterIdentifier: 'c1' }, '`dbUsers` must name the database users the grantee may get credentials for; set `allDbUsers: true` to allow every user of the cluster, the admin user included'],
    [{ clusterIdentifier: 'c1', dbUsers: ['a'], allDbUsers: true }, '`dbUsers` and `allDbUsers: true` exclude each other: name the users, or allow every user'],
    [{ clusterIdentifier: 'c1', dbUsers: ['a', 'a'] }, "`dbUsers` lists 'a' more than once"],
    [{ clusterIdentifier: 'c1', allDbUsers: true, maxDuration: Duration.minutes(5) }, '`maxDuration` must be 15 to 60 minutes (GetClusterCredentials DurationSeconds 900-3600), got 300 seconds'],
    [{ clusterIdentifier: 'c1', allDbUsers: true, maxDuration: Duration.hours(2) }, 'got 7200 seconds'],
  ])('rejects %j', (options, message) => {
    const { role } = operator();
    expect(() => RedshiftPermissions.getClusterCredentials(role, options)).toThrow(message);
  });
});

describe('RedshiftPermissions.associateRoles (seed 002)', () => {
  test('the seed policy: describe all, modify the two clusters, pass the three roles to Redshift only', async () => {
    const stack = newStack({ env: { account: ACCT, region: 'us-east-1' } });
    const user = new iam.Role(stack, 'Operator', { assumedBy: new iam.AccountRootPrincipal(), roleName: 'Operator' });
    const roles = ['MyRedshiftRole', 'SecondRedshiftRole', 'ThirdRedshiftRole']
      .map((name) => iam.Role.fromRoleName(stack, name, name));
    RedshiftPermissions.associateRoles(user, {
      clusterIdentifiers: ['my-redshift-cluster', 'my-second-redshift-cluster'],
      roles,
      allowCreateCluster: true,
    });
    const template = synth(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          { Effect: 'Allow', Action: 'redshift:DescribeClusters', Resource: '*' },
          {
            Effect: 'Allow',
            Action: ['redshift:ModifyClusterIamRoles', 'redshift:CreateCluster'],
            Resource: [
              'arn:aws:redshift:us-east-1:123456789012:cluster:my-redshift-cluster',
              'arn:aws:redshift:us-east-1:123456789012:cluster:my-second-redshift-cluster',
            ],
          },
          {
            Effect: 'Allow',
            Action: 'iam:PassRole',
            Resource: [
              'arn:aws:iam::123456789012:role/MyRedshiftRole',
              'arn:aws:iam::123456789012:role/SecondRedshiftRole',
              'arn:aws:iam::123456789012:role/ThirdRedshiftRole',
            ],
            Condition: { StringEquals: { 'iam:PassedToService': 'redshift.amazonaws.com' } },
          },
        ],
      },
    });
    const view = roleView(user, template);
    const c1 = 'arn:aws:redshift:us-east-1:123456789012:cluster:my-redshift-cluster';
    expect(await roleMay(view, 'redshift:ModifyClusterIamRoles', c1)).toBe('Allowed');
    expect(await roleMay(view, 'redshift:ModifyClusterIamRoles', c1.replace('my-redshift-cluster', 'someone-elses'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'iam:PassRole', 'arn:aws:iam::123456789012:role/SecondRedshiftRole', { 'iam:PassedToService': 'redshift.amazonaws.com' })).toBe('Allowed');
    expect(await roleMay(view, 'iam:PassRole', 'arn:aws:iam::123456789012:role/AdminRole', { 'iam:PassedToService': 'redshift.amazonaws.com' })).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'iam:PassRole', 'arn:aws:iam::123456789012:role/SecondRedshiftRole', { 'iam:PassedToService': 'ec2.amazonaws.com' })).toBe('ImplicitlyDenied');
    // clusters only: the role cannot be passed to Redshift Serverless through this grant
    expect(await roleMay(view, 'iam:PassRole', 'arn:aws:iam::123456789012:role/SecondRedshiftRole', { 'iam:PassedToService': 'redshift-serverless.amazonaws.com' })).toBe('ImplicitlyDenied');
  });

  test.each([
    [{ clusterIdentifiers: [], roles: ['r'] }, '`clusterIdentifiers` must list at least one cluster'],
    [{ clusterIdentifiers: ['c1'], roles: [] }, '`roles` must list at least one role'],
    [{ clusterIdentifiers: ['c1', 'c1'], roles: ['r'] }, "`clusterIdentifiers` lists 'c1' more than once"],
    [{ clusterIdentifiers: ['C_1'], roles: ['r'] }, /`clusterIdentifiers`.*got: 'C_1'/],
  ])('rejects %j', (options, message) => {
    const { stack, role } = operator();
    const roles = (options.roles as string[]).map((n) => iam.Role.fromRoleName(stack, n, n));
    expect(() => RedshiftPermissions.associateRoles(role, { ...options, roles } as any)).toThrow(message);
  });
});

describe('RedshiftPermissions.associateRoles: only roles Redshift can assume (issue 21)', () => {
  const synthApp = (stack: Stack) => (stack.node.root as any).synth();
  const untrusted = (path: string) => `[TestStack/Operator] \`roles\` (associateRoles for cluster 'c1'): Role '${path}' is attached to this cluster, `
    + 'but its trust policy does not let redshift.amazonaws.com assume it: the deployment would fail with "IAM role must delegate access to an Amazon Redshift account". '
    + 'Use RedshiftServiceRole, or trust redshift.amazonaws.com with sts:AssumeRole [cdk-redshift-iam:trust-names-redshift]';

  test('a ChainedRole is an error at synthesis, on the grantee, with the associations\' rule id', () => {
    // GIVEN
    const { stack, role } = operator();
    const chained = new ChainedRole(stack, 'RoleB', { assumedBy: new RedshiftServiceRole(stack, 'RoleA') });
    // WHEN
    RedshiftPermissions.associateRoles(role, { clusterIdentifiers: ['c1'], roles: [chained] });
    // THEN
    expect(() => synthApp(stack)).toThrow(untrusted('TestStack/RoleB'));
  });

  test('acknowledged like the associations (after the call too), it synthesizes', () => {
    const { stack, role } = operator();
    const chained = new ChainedRole(stack, 'RoleB', { assumedBy: new RedshiftServiceRole(stack, 'RoleA') });
    RedshiftPermissions.associateRoles(role, { clusterIdentifiers: ['c1'], roles: [chained] });
    Validations.of(role).acknowledge({ id: 'cdk-redshift-iam:trust-names-redshift', reason: 'its trust is completed by another team' });
    expect(() => synthApp(stack)).not.toThrow();
  });

  test('the Region rule holds too: the clusters are in `region`, else the grantee\'s Region', () => {
    const { stack, role } = operator();
    const east = new RedshiftServiceRole(stack, 'East', { regions: ['us-east-1'] });
    RedshiftPermissions.associateRoles(role, { clusterIdentifiers: ['c1'], roles: [east], region: 'us-east-1' });
    expect(() => synthApp(stack)).not.toThrow();
    const other = operator();
    RedshiftPermissions.associateRoles(other.role, { clusterIdentifiers: ['c1'], roles: [new RedshiftServiceRole(other.stack, 'East', { regions: ['us-east-1'] })] });
    expect(() => synthApp(other.stack)).toThrow(/Role 'TestStack\/East' trusts Redshift only in us-east-1, but this cluster is in us-west-2: Redshift could not assume it \[cdk-redshift-iam:trust-region\]/);
  });

  test.each([
    ['a RedshiftServiceRole', (s: Stack) => new RedshiftServiceRole(s, 'R')],
    ['an imported role', (s: Stack) => iam.Role.fromRoleName(s, 'R', 'Anything')],
    ['a role whose trusted service is a Token', (s: Stack) => new iam.Role(s, 'R', { assumedBy: new iam.ServicePrincipal(Token.asString({ Ref: 'Service' })) })],
  ])('%s synthesizes', (_label, make) => {
    const { stack, role } = operator();
    RedshiftPermissions.associateRoles(role, { clusterIdentifiers: ['c1'], roles: [make(stack)] });
    expect(() => synthApp(stack)).not.toThrow();
  });

  test('iam-simulate agrees: Redshift may assume the RedshiftServiceRole, not the ChainedRole the grant would pass', async () => {
    const stack = newStack();
    const roleA = new RedshiftServiceRole(stack, 'RoleA', { roleName: 'RoleA' });
    const chained = new ChainedRole(stack, 'RoleB', { assumedBy: roleA, roleName: 'RoleB' });
    const template = synth(stack);
    expect(await assume(roleView(roleA, template), 'redshift.amazonaws.com')).toBe('Allowed');
    expect(await assume(roleView(chained, template), 'redshift.amazonaws.com')).toBe('ImplicitlyDenied');
  });
});
