import { aws_iam as iam, aws_redshift as redshift, Duration, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ClusterRoleAssociation, NamespaceRoleAssociation, RedshiftServiceRole } from '../src';
import { decide, roleMay, roleView } from './helpers/iam';
import { newApp, newStack, synth } from './helpers/synth';

const CLUSTER = 'arn:aws:redshift:us-west-2:123456789012:cluster:my-redshift-cluster';

function handlerRoleOf(stack: Stack): iam.Role {
  return stack.node.findChild('CdkRedshiftIamRoleAssociationProvider').node.findChild('HandlerRole') as iam.Role;
}

describe('ClusterRoleAssociation', () => {
  test('a custom resource with the cluster, the roles and the default role', () => {
    // GIVEN
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'RedshiftCopyUnload' });
    // WHEN
    new ClusterRoleAssociation(stack, 'Attach', { clusterIdentifier: 'my-redshift-cluster', roles: [role], defaultRole: role });
    // THEN
    synth(stack).hasResourceProperties('Custom::RedshiftClusterRoleAssociation', {
      ServiceToken: Match.anyValue(),
      Target: 'cluster',
      Name: 'my-redshift-cluster',
      RoleArns: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Role'), 'Arn'] }],
      DefaultRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Role'), 'Arn'] },
      WaitTimeoutSeconds: '1200',
    });
  });

  test('one handler per stack, however many associations', () => {
    const stack = newStack();
    const roles = [0, 1, 2].map((i) => new RedshiftServiceRole(stack, `Role${i}`));
    ['cluster-a', 'cluster-b', 'cluster-c'].forEach((c, i) => new ClusterRoleAssociation(stack, `Attach${i}`, { clusterIdentifier: c, roles: [roles[i]] }));
    const template = synth(stack);
    const functions = template.findResources('AWS::Lambda::Function');
    const handlers = Object.values<any>(functions).filter((f) => String(f.Properties.Description).startsWith('cdk-redshift-iam role association'));
    expect(handlers.map((f) => f.Properties.Description).sort()).toEqual([
      'cdk-redshift-iam role association: add/remove roles (onEvent)',
      'cdk-redshift-iam role association: wait for in-sync (isComplete)',
    ]);
    // our handlers on the newest Node.js runtime; the framework's own functions on a runtime Lambda accepts
    handlers.forEach((f) => expect(f.Properties.Runtime).toBe('nodejs24.x'));
    template.resourceCountIs('AWS::Lambda::Function', 5);
    template.resourceCountIs('Custom::RedshiftClusterRoleAssociation', 3);
  });

  test('the handler may touch the named cluster and pass the named roles to Redshift, nothing else', async () => {
    const stack = newStack();
    const roleA = iam.Role.fromRoleName(stack, 'A', 'MyRedshiftRole');
    new ClusterRoleAssociation(stack, 'Attach', { clusterIdentifier: 'my-redshift-cluster', roles: [roleA] });
    const view = roleView(handlerRoleOf(stack), synth(stack));
    expect(await roleMay(view, 'redshift:ModifyClusterIamRoles', CLUSTER)).toBe('Allowed');
    expect(await roleMay(view, 'redshift:DescribeClusters', CLUSTER)).toBe('Allowed');
    expect(await roleMay(view, 'redshift:ModifyClusterIamRoles', CLUSTER.replace('my-redshift-cluster', 'other'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift:DeleteCluster', CLUSTER)).toBe('ImplicitlyDenied');
    const passRole = (arn: string, service: string) => roleMay(view, 'iam:PassRole', arn, { 'iam:PassedToService': service });
    expect(await passRole('arn:aws:iam::123456789012:role/MyRedshiftRole', 'redshift.amazonaws.com')).toBe('Allowed');
    expect(await passRole('arn:aws:iam::123456789012:role/MyRedshiftRole', 'ec2.amazonaws.com')).toBe('ImplicitlyDenied');
    expect(await passRole('arn:aws:iam::123456789012:role/Admin', 'redshift.amazonaws.com')).toBe('ImplicitlyDenied');
  });

  test('grantManage gives an operator the seed 002 policy for this cluster and these roles', async () => {
    const stack = newStack();
    const role = iam.Role.fromRoleName(stack, 'A', 'MyRedshiftRole');
    const assoc = new ClusterRoleAssociation(stack, 'Attach', { clusterIdentifier: 'my-redshift-cluster', roles: [role] });
    const operator = new iam.Role(stack, 'Operator', { assumedBy: new iam.AccountRootPrincipal(), roleName: 'Operator' });
    assoc.grantManage(operator);
    const view = roleView(operator, synth(stack));
    expect(await roleMay(view, 'redshift:ModifyClusterIamRoles', CLUSTER)).toBe('Allowed');
    expect(await roleMay(view, 'redshift:ModifyClusterIamRoles', CLUSTER.replace('my-redshift', 'other'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'iam:PassRole', 'arn:aws:iam::123456789012:role/MyRedshiftRole', { 'iam:PassedToService': 'redshift.amazonaws.com' })).toBe('Allowed');
  });

  test('a CfnCluster of the same stack works by its ref', () => {
    const stack = newStack();
    const cluster = new redshift.CfnCluster(stack, 'Cluster', {
      clusterType: 'single-node', dbName: 'dev', masterUsername: 'admin', manageMasterPassword: true, nodeType: 'ra3.large', encrypted: true,
    });
    const role = new RedshiftServiceRole(stack, 'Role');
    new ClusterRoleAssociation(stack, 'Attach', { clusterIdentifier: cluster.ref, roles: [role] });
    synth(stack).hasResourceProperties('Custom::RedshiftClusterRoleAssociation', { Name: { Ref: 'Cluster' } });
  });

  test('cdk-nag: no unexplained finding', () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role');
    new ClusterRoleAssociation(stack, 'Attach', { clusterIdentifier: 'my-redshift-cluster', roles: [role] });
    synth(stack);
    const findings = new AwsSolutionsChecks().validateScope(stack).violations
      .flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} @ ${r.constructPath}`));
    expect(findings).toEqual([]);
  });
});

describe('ClusterRoleAssociation validation', () => {
  test('more than 50 roles on one cluster, counted over every association of the app', () => {
    const app = newApp();
    const env = { account: '123456789012', region: 'us-west-2' };
    const s1 = new Stack(app, 'One', { env });
    const s2 = new Stack(app, 'Two', { env });
    const make = (s: Stack, prefix: string, n: number) => Array.from({ length: n }, (_, i) => iam.Role.fromRoleName(s, `${prefix}${i}`, `${prefix}${i}`));
    new ClusterRoleAssociation(s1, 'A', { clusterIdentifier: 'shared', roles: make(s1, 'a', 30) });
    new ClusterRoleAssociation(s2, 'B', { clusterIdentifier: 'shared', roles: make(s2, 'b', 21) });
    expect(() => app.synth()).toThrow(/Cluster 'shared' would have 51 IAM roles across the associations of this app \(and its CfnCluster\), over Redshift's limit of 50/);
  });

  test('the same role in two associations counts once; another cluster does not count', () => {
    const stack = newStack();
    const roles = Array.from({ length: 30 }, (_, i) => iam.Role.fromRoleName(stack, `r${i}`, `r${i}`));
    new ClusterRoleAssociation(stack, 'A', { clusterIdentifier: 'shared', roles });
    new ClusterRoleAssociation(stack, 'B', { clusterIdentifier: 'shared', roles: roles.slice(0, 20) });
    new ClusterRoleAssociation(stack, 'C', { clusterIdentifier: 'other', roles });
    expect(() => synth(stack)).not.toThrow();
  });

  test('a CfnCluster\'s own IamRoles count too', () => {
    const stack = newStack();
    const own = Array.from({ length: 45 }, (_, i) => `arn:aws:iam::123456789012:role/own${i}`);
    const cluster = new redshift.CfnCluster(stack, 'Cluster', {
      clusterType: 'single-node', dbName: 'dev', masterUsername: 'admin', manageMasterPassword: true, nodeType: 'ra3.large', iamRoles: own,
    });
    const more = Array.from({ length: 6 }, (_, i) => iam.Role.fromRoleName(stack, `m${i}`, `m${i}`));
    new ClusterRoleAssociation(stack, 'A', { clusterIdentifier: cluster.ref, roles: more });
    expect(() => synth(stack)).toThrow(/would have 51 IAM roles/);
  });

  test.each([
    ['an invalid cluster identifier', () => ({ clusterIdentifier: 'My_Cluster' }), /`clusterIdentifier`.*got: 'My_Cluster'/],
    ['no roles', () => ({ roles: [] }), '`roles` must list at least one role to attach'],
    ['51 roles in one association', (s: Stack) => ({ roles: Array.from({ length: 51 }, (_, i) => iam.Role.fromRoleName(s, `x${i}`, `x${i}`)) }), '`roles` lists 51 roles; a Redshift cluster can have at most 50 IAM roles'],
    ['a repeated role', (s: Stack) => { const r = iam.Role.fromRoleName(s, 'dup', 'dup'); return { roles: [r, r] }; }, "`roles` lists 'arn:aws:iam::123456789012:role/dup' more than once"],
    ['a default role that is not among the roles', (s: Stack) => ({ defaultRole: iam.Role.fromRoleName(s, 'other', 'Other') }), "`defaultRole` 'arn:aws:iam::123456789012:role/Other' must be one of `roles`"],
    ['a role of another account', (s: Stack) => ({ roles: [iam.Role.fromRoleArn(s, 'b', 'arn:aws:iam::210987654321:role/RoleB')] }), "`roles`: 'arn:aws:iam::210987654321:role/RoleB' belongs to account 210987654321, but the cluster is in account 123456789012"],
    ['a wait over 55 minutes', () => ({ waitTimeout: Duration.minutes(90) }), '`waitTimeout` must be at most 55 minutes (CloudFormation waits one hour for a custom resource), got 1 hour 30 minutes'],
  ])('%s is a synth error', (_label, override, message) => {
    const stack = newStack();
    const base = { clusterIdentifier: 'my-cluster', roles: [iam.Role.fromRoleName(stack, 'base', 'Base')] };
    expect(() => new ClusterRoleAssociation(stack, 'Attach', { ...base, ...(override as any)(stack) })).toThrow(message);
  });
});

describe('NamespaceRoleAssociation (Redshift Serverless)', () => {
  test('scoped to the namespace ARN when its ID is given; PassRole to Redshift Serverless only', async () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', { serverless: true, roleName: 'ServerlessRole' });
    new NamespaceRoleAssociation(stack, 'Attach', {
      namespaceName: 'analytics', namespaceId: '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b', roles: [role], defaultRole: role,
    });
    const template = synth(stack);
    template.hasResourceProperties('Custom::RedshiftNamespaceRoleAssociation', { Target: 'namespace', Name: 'analytics' });
    const view = roleView(handlerRoleOf(stack), template);
    const ns = 'arn:aws:redshift-serverless:us-west-2:123456789012:namespace/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
    expect(await roleMay(view, 'redshift-serverless:UpdateNamespace', ns)).toBe('Allowed');
    expect(await roleMay(view, 'redshift-serverless:UpdateNamespace', ns.replace('0f1e', 'aaaa'))).toBe('ImplicitlyDenied');
    expect(await decide({ principal: view.arn, identity: view.identity, action: 'iam:PassRole', resource: 'arn:aws:iam::123456789012:role/ServerlessRole', context: { 'iam:PassedToService': 'redshift-serverless.amazonaws.com' } })).toBe('Allowed');
    expect(await decide({ principal: view.arn, identity: view.identity, action: 'iam:PassRole', resource: 'arn:aws:iam::123456789012:role/ServerlessRole', context: { 'iam:PassedToService': 'redshift.amazonaws.com' } })).toBe('ImplicitlyDenied');
  });

  test.each([
    ['with its ID', { namespaceId: '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b' }],
    ['without its ID (namespace/* acknowledged with its reason)', {}],
  ])('cdk-nag: no unexplained finding, %s', (_label, extra) => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', { serverless: true });
    new NamespaceRoleAssociation(stack, 'Attach', { namespaceName: 'analytics', roles: [role], ...extra });
    synth(stack);
    expect(new AwsSolutionsChecks().validateScope(stack).violations).toEqual([]);
  });

  test('an invalid namespace name is a synth error', () => {
    const stack = newStack();
    expect(() => new NamespaceRoleAssociation(stack, 'A', { namespaceName: 'Analytics_NS', roles: [iam.Role.fromRoleName(stack, 'r', 'r')] }))
      .toThrow("`namespaceName` must be 3 to 64 lowercase letters, digits or hyphens (Redshift Serverless name), got: 'Analytics_NS'");
  });
});
