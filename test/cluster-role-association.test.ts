import { App, aws_iam as iam, CfnParameter, Duration, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ClusterRoleAssociation, NamespaceRoleAssociation, RedshiftServiceRole } from '../src';
import { decide, materialize, PolicyDoc, roleMay, roleView } from './helpers/iam';
import { ACCOUNT, newApp, newStack, REGION, synth } from './helpers/synth';
import { testCluster } from './helpers/targets';
import { newestNodeRuntime } from '../src/private/lambda-runtime';

const NS_ID = '3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

/** The access role of an association: its trust and its policy, as IAM would hold them. */
function accessRoleOf(association: ClusterRoleAssociation | NamespaceRoleAssociation) {
  const role = association.node.children.find((c) => c instanceof iam.Role) as iam.Role;
  return { construct: role, view: roleView(role) };
}

function handlerRoleArn(stack: Stack): string {
  const json = synth(stack).toJSON();
  const id = Object.keys(json.Resources).find((k) => k.startsWith('CdkRedshiftIamAssociationHandlerRole'))!;
  return materialize(json, { 'Fn::GetAtt': [id, 'Arn'] }, { account: ACCOUNT, region: REGION, partition: 'aws' });
}

describe('ClusterRoleAssociation', () => {
  test('a custom resource with the cluster, the roles, the default role and its own access role', () => {
    // GIVEN
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'RedshiftCopyUnload' });
    // WHEN
    new ClusterRoleAssociation(stack, 'Attach', { clusterIdentifier: 'my-redshift-cluster', roles: [role], defaultRole: role });
    // THEN
    synth(stack).hasResourceProperties('Custom::RedshiftClusterRoleAssociation', {
      ServiceToken: { 'Fn::GetAtt': [Match.stringLikeRegexp('^CdkRedshiftIamAssociationHandlerFunction'), 'Arn'] },
      ServiceTimeout: '1500',
      Target: 'cluster',
      Name: 'my-redshift-cluster',
      RoleArns: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Role'), 'Arn'] }],
      DefaultRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Role'), 'Arn'] },
      AccessRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AttachAccessRole'), 'Arn'] },
      WaitTimeoutSeconds: '1200',
    });
  });

  test('four fixed resources per stack, and two per association', () => {
    // GIVEN
    const stack = newStack();
    const roles = [0, 1, 2].map((i) => iam.Role.fromRoleName(stack, `R${i}`, `role-${i}`));
    // WHEN
    ['cluster-a', 'cluster-b', 'cluster-c'].forEach((c, i) => new ClusterRoleAssociation(stack, `Attach${i}`, { clusterIdentifier: c, roles: [roles[i]] }));
    // THEN
    const template = synth(stack);
    template.resourceCountIs('AWS::Lambda::Function', 1);
    template.resourceCountIs('AWS::Lambda::EventInvokeConfig', 1);
    template.resourceCountIs('AWS::Logs::LogGroup', 1);
    template.resourceCountIs('AWS::IAM::Role', 1 + 3);
    template.resourceCountIs('AWS::IAM::Policy', 0);
    template.resourceCountIs('Custom::RedshiftClusterRoleAssociation', 3);
    expect(Object.keys(template.toJSON().Resources)).toHaveLength(4 + 2 * 3);
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { MaximumRetryAttempts: 0 });
    template.hasResourceProperties('AWS::Lambda::Function', { Runtime: newestNodeRuntime().name, Timeout: 900 });
  });

  test('the access role: only the handler may assume it; it may change this cluster, pass these roles to Redshift, and keep its own record', async () => {
    // GIVEN
    const stack = newStack();
    const role = iam.Role.fromRoleName(stack, 'Copy', 'copy-role');
    const assoc = new ClusterRoleAssociation(stack, 'Attach', { clusterIdentifier: 'my-cluster', roles: [role] });
    // WHEN
    const { view } = accessRoleOf(assoc);
    const handler = handlerRoleArn(stack);
    const cluster = `arn:aws:redshift:${REGION}:${ACCOUNT}:cluster:my-cluster`;
    const json = synth(stack).toJSON();
    const logicalId = Object.keys(json.Resources).find((k) => json.Resources[k].Type === 'Custom::RedshiftClusterRoleAssociation')!;
    const record = `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/cdk-redshift-iam/cluster/my-cluster/TestStack/${logicalId}`;
    // THEN trust
    expect(await decide({ principal: handler, action: 'sts:AssumeRole', resource: view.arn, resourcePolicy: view.trust })).toBe('Allowed');
    expect(await decide({ principal: `arn:aws:iam::${ACCOUNT}:role/other`, action: 'sts:AssumeRole', resource: view.arn, resourcePolicy: view.trust })).not.toBe('Allowed');
    // THEN allowed
    expect(await roleMay(view, 'redshift:ModifyClusterIamRoles', cluster)).toBe('Allowed');
    expect(await roleMay(view, 'redshift:DescribeClusters', cluster)).toBe('Allowed');
    expect(await roleMay(view, 'iam:PassRole', `arn:aws:iam::${ACCOUNT}:role/copy-role`, { 'iam:PassedToService': 'redshift.amazonaws.com' })).toBe('Allowed');
    expect(await roleMay(view, 'ssm:PutParameter', record)).toBe('Allowed');
    expect(await roleMay(view, 'ssm:GetParametersByPath', `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/cdk-redshift-iam/cluster/my-cluster`)).toBe('Allowed');
    // THEN denied neighbours
    expect(await roleMay(view, 'redshift:ModifyClusterIamRoles', `arn:aws:redshift:${REGION}:${ACCOUNT}:cluster:other-cluster`)).not.toBe('Allowed');
    expect(await roleMay(view, 'iam:PassRole', `arn:aws:iam::${ACCOUNT}:role/other-role`, { 'iam:PassedToService': 'redshift.amazonaws.com' })).not.toBe('Allowed');
    expect(await roleMay(view, 'iam:PassRole', `arn:aws:iam::${ACCOUNT}:role/copy-role`, { 'iam:PassedToService': 'redshift-serverless.amazonaws.com' })).not.toBe('Allowed');
    expect(await roleMay(view, 'ssm:PutParameter', `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/cdk-redshift-iam/cluster/my-cluster/TestStack/Another`)).not.toBe('Allowed');
    expect(await roleMay(view, 'ssm:PutParameter', `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/cdk-redshift-iam/cluster/other-cluster/TestStack/${logicalId}`)).not.toBe('Allowed');
    expect(await roleMay(view, 'ssm:DeleteParameter', `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/cdk-redshift-iam/cluster/other-cluster/S/X`)).not.toBe('Allowed');
  });

  test('removing one association leaves the others\' permissions as they were', () => {
    // GIVEN two associations
    const build = (both: boolean) => {
      const stack = newStack();
      const a = iam.Role.fromRoleName(stack, 'A', 'a');
      const b = iam.Role.fromRoleName(stack, 'B', 'b');
      new ClusterRoleAssociation(stack, 'One', { clusterIdentifier: 'c1', roles: [a] });
      if (both) new ClusterRoleAssociation(stack, 'Two', { clusterIdentifier: 'c2', roles: [b] });
      return synth(stack).toJSON().Resources;
    };
    // WHEN the second is removed
    const before = build(true);
    const after = build(false);
    // THEN the first's access role is unchanged
    const roleOfOne = Object.keys(after).find((k) => k.startsWith('OneAccessRole'))!;
    expect(after[roleOfOne]).toEqual(before[roleOfOne]);
  });

  test('a new cluster gets a new access role (the old one stays for the old cluster\'s delete)', () => {
    const ids = (cluster: string) => {
      const stack = newStack();
      new ClusterRoleAssociation(stack, 'Attach', { clusterIdentifier: cluster, roles: [iam.Role.fromRoleName(stack, 'A', 'a')] });
      return Object.keys(synth(stack).toJSON().Resources).filter((k) => k.startsWith('AttachAccessRole'));
    };
    expect(ids('c1')).toEqual(ids('c1'));
    expect(ids('c1')).not.toEqual(ids('c2'));
  });

  test('associations of one cluster in one stack run one after the other', () => {
    const stack = newStack();
    new ClusterRoleAssociation(stack, 'First', { clusterIdentifier: 'c1', roles: [iam.Role.fromRoleName(stack, 'A', 'a')] });
    new ClusterRoleAssociation(stack, 'Second', { clusterIdentifier: 'c1', roles: [iam.Role.fromRoleName(stack, 'B', 'b')] });
    new ClusterRoleAssociation(stack, 'Elsewhere', { clusterIdentifier: 'c2', roles: [iam.Role.fromRoleName(stack, 'C', 'c')] });
    const resources = synth(stack).toJSON().Resources;
    const cr = (prefix: string) => Object.entries<any>(resources).find(([k, r]) => k.startsWith(prefix) && r.Type.startsWith('Custom::'))!;
    const [firstId] = cr('First');
    expect(cr('Second')[1].DependsOn).toContain(firstId);
    expect(cr('Elsewhere')[1].DependsOn.some((d: string) => d.startsWith('First') || d.startsWith('Second'))).toBe(false);
  });

  test('a CfnCluster of the same stack works by its ref', () => {
    const stack = newStack();
    const cluster = testCluster(stack);
    new ClusterRoleAssociation(stack, 'Attach', { clusterIdentifier: cluster.ref, roles: [new RedshiftServiceRole(stack, 'Role')] });
    synth(stack).hasResourceProperties('Custom::RedshiftClusterRoleAssociation', { Name: { Ref: 'Cluster' } });
  });

  test('cdk-nag: no unexplained finding', () => {
    const stack = newStack();
    new ClusterRoleAssociation(stack, 'Attach', { clusterIdentifier: 'my-cluster', roles: [new RedshiftServiceRole(stack, 'Role')] });
    synth(stack);
    const findings = new AwsSolutionsChecks().validateScope(stack).violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.resourceLogicalId).join(',')}`);
    expect(findings).toEqual([]);
  });

  test.each<[string, (stack: Stack) => void, RegExp]>([
    ['no roles', (s) => new ClusterRoleAssociation(s, 'A', { clusterIdentifier: 'c1', roles: [] }), /`roles` must list at least one role/],
    ['waitTimeout of 0', (s) => new ClusterRoleAssociation(s, 'A', { clusterIdentifier: 'c1', roles: [iam.Role.fromRoleName(s, 'R', 'r')], waitTimeout: Duration.seconds(0) }),
      /`waitTimeout` must be between 1 and 55 minutes.*got 0 seconds/],
    ['waitTimeout over 55 minutes', (s) => new ClusterRoleAssociation(s, 'A', { clusterIdentifier: 'c1', roles: [iam.Role.fromRoleName(s, 'R', 'r')], waitTimeout: Duration.minutes(56) }),
      /`waitTimeout` must be between 1 and 55 minutes.*got 56 minutes/],
    ['a default role not among roles', (s) => new ClusterRoleAssociation(s, 'A', { clusterIdentifier: 'c1', roles: [iam.Role.fromRoleName(s, 'R', 'r')], defaultRole: iam.Role.fromRoleName(s, 'D', 'd') }),
      /`defaultRole` '.*d' must be one of `roles`/],
    ['a repeated role', (s) => { const r = iam.Role.fromRoleName(s, 'R', 'r'); new ClusterRoleAssociation(s, 'A', { clusterIdentifier: 'c1', roles: [r, r] }); },
      /`roles` lists '.*' more than once/],
    ['a role of another account', (s) => new ClusterRoleAssociation(s, 'A', { clusterIdentifier: 'c1', roles: [iam.Role.fromRoleArn(s, 'R', 'arn:aws:iam::210987654321:role/r')] }),
      /belongs to account 210987654321, but the cluster is in account 123456789012/],
  ])('%s is a synth error', (_label, build, message) => {
    expect(() => build(newStack())).toThrow(message);
  });

  test('the same role in two associations of one cluster is a synth error; on two clusters it is fine', () => {
    const stack = newStack();
    const role = iam.Role.fromRoleName(stack, 'R', 'shared');
    new ClusterRoleAssociation(stack, 'One', { clusterIdentifier: 'c1', roles: [role] });
    new ClusterRoleAssociation(stack, 'Other', { clusterIdentifier: 'c2', roles: [role] });
    expect(() => newApp().synth()).not.toThrow();
    new ClusterRoleAssociation(stack, 'Two', { clusterIdentifier: 'c1', roles: [role] });
    expect(() => stack.node.root.node.findAll().forEach((c) => { const e = c.node.validate(); if (e.length) throw new Error(e.join('\n')); }))
      .toThrow(/The associations TestStack\/One and TestStack\/Two both attach .*shared to cluster 'c1': list each role in one association only/);
  });

  test('an association taken out of the tree again no longer counts as a sibling', () => {
    // GIVEN two associations of one cluster with the same role
    const stack = newStack();
    const role = iam.Role.fromRoleName(stack, 'R', 'shared');
    new ClusterRoleAssociation(stack, 'One', { clusterIdentifier: 'c1', roles: [role] });
    new ClusterRoleAssociation(stack, 'Two', { clusterIdentifier: 'c1', roles: [role] });
    const errorsOfOne = () => (stack.node.findChild('One') as ClusterRoleAssociation).node.validate();
    expect(errorsOfOne().join('\n')).toMatch(/both attach .*shared to cluster 'c1'/);
    // WHEN the second is removed
    stack.node.tryRemoveChild('Two');
    // THEN the first validates, and the app synthesizes
    expect(errorsOfOne()).toEqual([]);
    expect(() => synth(stack)).not.toThrow();
  });

  test('one role listed as a construct and by its imported ARN is a repeat (the ARN resolved in the association\'s stack)', () => {
    // GIVEN
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'LoadRole' });
    const imported = iam.Role.fromRoleArn(stack, 'Imported', `arn:aws:iam::${ACCOUNT}:role/LoadRole`);
    // THEN: in either order, and with an iam.Role too
    const message = `\`roles\` lists the role arn:aws:iam::${ACCOUNT}:role/LoadRole more than once, as 'TestStack/Role' and as 'TestStack/Imported': `
      + 'list each role once (an imported ARN and the role it names are one role)';
    expect(() => new ClusterRoleAssociation(stack, 'A', { clusterIdentifier: 'c1', roles: [role, imported] })).toThrow(message);
    expect(() => new ClusterRoleAssociation(stack, 'B', { clusterIdentifier: 'c1', roles: [imported, role] })).toThrow(
      `\`roles\` lists the role arn:aws:iam::${ACCOUNT}:role/LoadRole more than once, as 'TestStack/Imported' and as 'TestStack/Role'`);
    const plain = new iam.Role(stack, 'Plain', { roleName: 'PlainRole', assumedBy: new iam.ServicePrincipal('redshift.amazonaws.com') });
    expect(() => new ClusterRoleAssociation(stack, 'C', { clusterIdentifier: 'c1', roles: [plain, iam.Role.fromRoleArn(stack, 'PlainArn', `arn:aws:iam::${ACCOUNT}:role/PlainRole`)] }))
      .toThrow(`\`roles\` lists the role arn:aws:iam::${ACCOUNT}:role/PlainRole more than once`);
  });

  test('a role and its ARN Token (iam.Role.fromRoleArn(role.roleArn)) are one role, even without a name', () => {
    const stack = newStack();
    const role = new iam.Role(stack, 'Unnamed', { assumedBy: new iam.ServicePrincipal('redshift.amazonaws.com') });
    expect(() => new ClusterRoleAssociation(stack, 'A', { clusterIdentifier: 'c1', roles: [role, iam.Role.fromRoleArn(stack, 'Again', role.roleArn)] }))
      .toThrow("`roles` lists the role 'TestStack/Unnamed' more than once, as 'TestStack/Unnamed' and as 'TestStack/Again'");
  });

  test('neighbours: another name, another path, a Token ARN; the default role given by its ARN', () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'LoadRole' });
    const other = iam.Role.fromRoleArn(stack, 'Other', `arn:aws:iam::${ACCOUNT}:role/UnloadRole`);
    const withPath = iam.Role.fromRoleArn(stack, 'WithPath', `arn:aws:iam::${ACCOUNT}:role/team/LoadRole`);
    const fromParameter = iam.Role.fromRoleArn(stack, 'FromParameter', new CfnParameter(stack, 'RoleArn').valueAsString);
    expect(() => new ClusterRoleAssociation(stack, 'A', {
      clusterIdentifier: 'c1',
      roles: [role, other, withPath, fromParameter],
      defaultRole: iam.Role.fromRoleArn(stack, 'Default', `arn:aws:iam::${ACCOUNT}:role/LoadRole`),
    })).not.toThrow();
  });

  test('the same role in two associations of one cluster, once by its ARN: a synth error', () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'LoadRole' });
    new ClusterRoleAssociation(stack, 'One', { clusterIdentifier: 'c1', roles: [role] });
    new ClusterRoleAssociation(stack, 'Two', { clusterIdentifier: 'c1', roles: [iam.Role.fromRoleArn(stack, 'Imported', `arn:aws:iam::${ACCOUNT}:role/LoadRole`)] });
    const errors = stack.node.findAll().flatMap((c) => c.node.validate());
    expect(errors).toContain('The associations TestStack/One and TestStack/Two both attach TestStack/Role to cluster \'c1\': list each role in one association only');
  });

  test('two default roles for one cluster is a synth error', () => {
    const stack = newStack();
    const [a, b] = ['a', 'b'].map((n) => iam.Role.fromRoleName(stack, n, n));
    new ClusterRoleAssociation(stack, 'One', { clusterIdentifier: 'c1', roles: [a], defaultRole: a });
    new ClusterRoleAssociation(stack, 'Two', { clusterIdentifier: 'c1', roles: [b], defaultRole: b });
    const errors = stack.node.findAll().flatMap((c) => c.node.validate());
    expect(errors).toContain('The associations TestStack/One and TestStack/Two both set the default role of cluster \'c1\': set it in one association only');
  });

  test('more than 50 roles on one cluster across associations is a synth error', () => {
    const stack = newStack();
    const roles = Array.from({ length: 51 }, (_, i) => iam.Role.fromRoleName(stack, `R${i}`, `role-${i}`));
    new ClusterRoleAssociation(stack, 'One', { clusterIdentifier: 'c1', roles: roles.slice(0, 30) });
    new ClusterRoleAssociation(stack, 'Two', { clusterIdentifier: 'c1', roles: roles.slice(30) });
    const errors = stack.node.findAll().flatMap((c) => c.node.validate());
    expect(errors).toContain('cluster \'c1\' would have 51 IAM roles (across the associations of this app), over Redshift\'s limit of 50 [cdk-redshift-iam:roles-per-cluster]');
  });
});

describe('ClusterRoleAssociation: roles per cluster in the stack\'s partition', () => {
  const roles = (stack: Stack, n: number) => Array.from({ length: n }, (_, i) => iam.Role.fromRoleName(stack, `R${i}`, `role-${i}`));
  const validate = (stack: Stack) => stack.node.findAll().flatMap((c) => c.node.validate());
  const inRegion = (region: string, app = newApp()) => new Stack(app, 'TestStack', { env: { account: ACCOUNT, region } });

  test.each([
    ['us-iso-east-1', 'aws-iso'], ['us-iso-west-1', 'aws-iso'], ['us-isob-east-1', 'aws-iso-b'],
  ])('in %s (%s), 11 roles on one cluster are a synth error and 10 pass', (region, partition) => {
    // GIVEN a stack whose partition is a literal (the enablePartitionLiterals feature flag)
    const stack = inRegion(region);
    expect(stack.partition).toBe(partition);
    // THEN
    expect(() => new ClusterRoleAssociation(stack, 'Over', { clusterIdentifier: 'c1', roles: roles(stack, 11) })).toThrow(
      `\`roles\`: This cluster would have 11 IAM roles (listed in \`roles\`), over Redshift's limit of 10 in the ${partition} partition [cdk-redshift-iam:roles-per-cluster]`);
    const at = inRegion(region);
    new ClusterRoleAssociation(at, 'At', { clusterIdentifier: 'c1', roles: roles(at, 10) });
    expect(validate(at)).toEqual([]);
  });

  test('without the enablePartitionLiterals flag, the partition follows from the literal Region', () => {
    const stack = inRegion('us-iso-east-1', new App());
    expect(() => new ClusterRoleAssociation(stack, 'Over', { clusterIdentifier: 'c1', roles: roles(stack, 11) }))
      .toThrow(/over Redshift's limit of 10 in the aws-iso partition/);
  });

  test('in aws-iso, 11 roles across two associations of one cluster are an error at synthesis; on two clusters they pass', () => {
    // GIVEN
    const stack = inRegion('us-iso-east-1');
    const all = roles(stack, 11);
    new ClusterRoleAssociation(stack, 'First', { clusterIdentifier: 'c1', roles: all.slice(0, 6) });
    new ClusterRoleAssociation(stack, 'Elsewhere', { clusterIdentifier: 'c2', roles: all.slice(6) });
    expect(validate(stack)).toEqual([]);
    // WHEN
    const more = Array.from({ length: 5 }, (_, i) => iam.Role.fromRoleName(stack, `S${i}`, `second-${i}`));
    new ClusterRoleAssociation(stack, 'Second', { clusterIdentifier: 'c1', roles: more });
    // THEN
    expect(validate(stack)).toContain(
      "cluster 'c1' would have 11 IAM roles (across the associations of this app), over Redshift's limit of 10 in the aws-iso partition [cdk-redshift-iam:roles-per-cluster]");
  });

  test.each<[string, () => Stack]>([
    ['a commercial Region (aws)', () => newStack()],
    ['an environment-agnostic stack (partition unknown: the commercial quota)', () => new Stack(newApp(), 'Agnostic')],
  ])('in %s, 11 roles on one cluster pass and 51 fail', (_label, make) => {
    const stack = make();
    new ClusterRoleAssociation(stack, 'Eleven', { clusterIdentifier: 'c1', roles: roles(stack, 11) });
    expect(validate(stack)).toEqual([]);
    const over = make();
    expect(() => new ClusterRoleAssociation(over, 'Over', { clusterIdentifier: 'c1', roles: roles(over, 51) }))
      .toThrow(/over Redshift's limit of 50 \[cdk-redshift-iam:roles-per-cluster\]$/);
  });
});

describe('NamespaceRoleAssociation (Redshift Serverless)', () => {
  test('the access role names exactly this namespace and passes roles to Redshift Serverless only', async () => {
    const stack = newStack();
    const role = iam.Role.fromRoleName(stack, 'R', 'r');
    const assoc = new NamespaceRoleAssociation(stack, 'Attach', { namespaceName: 'analytics', namespaceId: NS_ID, roles: [role] });
    const template = synth(stack);
    template.hasResourceProperties('Custom::RedshiftNamespaceRoleAssociation', { Target: 'namespace', Name: 'analytics' });
    const { view } = accessRoleOf(assoc);
    const ns = (id: string) => `arn:aws:redshift-serverless:${REGION}:${ACCOUNT}:namespace/${id}`;
    expect(await roleMay(view, 'redshift-serverless:UpdateNamespace', ns(NS_ID))).toBe('Allowed');
    expect(await roleMay(view, 'redshift-serverless:UpdateNamespace', ns('0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b'))).not.toBe('Allowed');
    expect(await roleMay(view, 'iam:PassRole', `arn:aws:iam::${ACCOUNT}:role/r`, { 'iam:PassedToService': 'redshift-serverless.amazonaws.com' })).toBe('Allowed');
    expect(await roleMay(view, 'iam:PassRole', `arn:aws:iam::${ACCOUNT}:role/r`, { 'iam:PassedToService': 'redshift.amazonaws.com' })).not.toBe('Allowed');
    const docs: PolicyDoc[] = view.identity;
    expect(JSON.stringify(docs)).not.toContain('namespace/*');
  });

  test('cdk-nag: no unexplained finding', () => {
    const stack = newStack();
    new NamespaceRoleAssociation(stack, 'Attach', { namespaceName: 'analytics', namespaceId: NS_ID, roles: [new RedshiftServiceRole(stack, 'Role', { serverless: true })] });
    synth(stack);
    expect(new AwsSolutionsChecks().validateScope(stack).violations).toEqual([]);
  });

  test.each([
    ['an invalid namespace name', { namespaceName: 'Analytics_NS', namespaceId: NS_ID }, /namespaceName/],
    ['a namespace ID that is not a UUID', { namespaceName: 'analytics', namespaceId: 'analytics' }, /`namespaceId` must be the namespace's ID, a lower-case UUID .* got 'analytics'/],
  ])('%s is a synth error', (_label, props, message) => {
    const stack = newStack();
    expect(() => new NamespaceRoleAssociation(stack, 'A', { ...props, roles: [iam.Role.fromRoleName(stack, 'r', 'r')] })).toThrow(message);
  });
});
