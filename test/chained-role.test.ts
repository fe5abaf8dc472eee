import { aws_iam as iam, aws_s3 as s3, CfnParameter, Stack } from 'aws-cdk-lib';
import { Annotations as AssertAnnotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ChainedRole, ChainTrust, DatabaseUser, RedshiftServiceRole } from '../src';
import { decide, roleView, RoleView } from './helpers/iam';
import { newApp, synth } from './helpers/synth';

const A = '123456789012';
const B = '210987654321';
const THIRD = '999999999999';
const ROLE_A = `arn:aws:iam::${A}:role/RoleA`;
const ROLE_B = `arn:aws:iam::${B}:role/RoleB`;

/** Seed 001: Company A's cluster role RoleA, Company B's RoleB that reads B's bucket. */
function companies(props: { trust?: ChainTrust; databaseUsers?: DatabaseUser[] } = {}) {
  const app = newApp();
  const stackA = new Stack(app, 'CompanyA', { env: { account: A, region: 'us-west-2' } });
  const stackB = new Stack(app, 'CompanyB', { env: { account: B, region: 'us-west-2' } });
  const roleA = new RedshiftServiceRole(stackA, 'RoleA', { roleName: 'RoleA' });
  const roleB = new ChainedRole(stackB, 'RoleB', { assumedBy: roleA, roleName: 'RoleB', ...props });
  roleB.allowCopyFrom(s3.Bucket.fromBucketName(stackB, 'CompanyBBucket', 'companyb'), { keyPrefix: 'redshift/' });
  return { app, stackA, stackB, roleA, roleB };
}

/** Would IAM let `principal` (with `identity`) assume `target`, given its trust? */
function hop(principal: string, identity: RoleView['identity'], target: RoleView, context: Record<string, string> = {}) {
  return decide({
    principal,
    action: 'sts:AssumeRole',
    resource: target.arn,
    resourceAccount: /iam::(\d{12}):/.exec(target.arn)![1],
    identity,
    resourcePolicy: target.trust,
    context,
  });
}

describe('ChainedRole across two accounts (seed 001, Company A and Company B)', () => {
  test('synthesizes with no cross-stack export, and B deploys after A', () => {
    const { app, stackA, stackB } = companies();
    const assembly = app.synth();
    expect(stackB.dependencies).toContain(stackA);
    expect(stackA.dependencies).not.toContain(stackB);
    for (const artifact of assembly.stacks) {
      expect(artifact.template.Outputs ?? {}).toEqual({});
      expect(JSON.stringify(artifact.template)).not.toContain('Fn::ImportValue');
    }
  });

  test('RoleA gets sts:AssumeRole on RoleB in its own stack; RoleB trusts RoleA', () => {
    const { stackA, stackB } = companies();
    synth(stackA).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ROLE_B }] },
    });
    synth(stackB).hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'RoleB',
      AssumeRolePolicyDocument: {
        Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: ROLE_A } }],
      },
    });
  });

  test('the chain is the seed\'s iam_role text', () => {
    const { roleB } = companies();
    expect(roleB.chain.iamRoleParameter).toBe(`${ROLE_A},${ROLE_B}`);
    expect(roleB.chain.iamRoleClause()).toBe(`IAM_ROLE '${ROLE_A},${ROLE_B}'`);
    expect(roleB.chain.length).toBe(2);
  });

  test('hop by hop, IAM allows RoleA into RoleB and nothing else (ChainTrust.ROLE)', async () => {
    const { stackA, stackB, roleA, roleB } = companies();
    const a = roleView(roleA, synth(stackA));
    const b = roleView(roleB, synth(stackB));
    // RoleA's identity policy: RoleB only
    expect(await hop(a.arn, a.identity, b)).toBe('Allowed');
    const roleC = { ...b, arn: `arn:aws:iam::${B}:role/RoleC` };
    expect(await hop(a.arn, a.identity, roleC)).toBe('ImplicitlyDenied');
    // RoleB's trust: RoleA only; another role of account A with the same permission is denied,
    // and so is a role of a third account
    expect(await hop(`arn:aws:iam::${A}:role/Other`, a.identity, b)).toBe('ImplicitlyDenied');
    expect(await hop(`arn:aws:iam::${THIRD}:role/RoleA`, a.identity, b)).toBe('ImplicitlyDenied');
    // and RoleB does what B's bucket needs
    expect(await decide({ principal: b.arn, identity: b.identity, action: 's3:GetObject', resource: 'arn:aws:s3:::companyb/redshift/venue_pipe_000' })).toBe('Allowed');
  });

  test('ChainTrust.ACCOUNT trusts account A\'s root: another role of A may assume, a third account may not', async () => {
    const { stackA, stackB, roleA, roleB } = companies({ trust: ChainTrust.ACCOUNT });
    synth(stackB).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { AWS: `arn:aws:iam::${A}:root` } })] },
    });
    const a = roleView(roleA, synth(stackA));
    const b = roleView(roleB);
    expect(await hop(a.arn, a.identity, b)).toBe('Allowed');
    expect(await hop(`arn:aws:iam::${A}:role/Other`, a.identity, b)).toBe('Allowed');
    expect(await hop(`arn:aws:iam::${THIRD}:role/RoleA`, a.identity, b)).toBe('ImplicitlyDenied');
  });

  test('with database users, only their ExternalIds pass the hop', async () => {
    const user = DatabaseUser.inCluster('my-cluster', 'user1', { region: 'us-west-2', account: A });
    const { stackA, stackB, roleA, roleB } = companies({ databaseUsers: [user] });
    const a = roleView(roleA, synth(stackA));
    const b = roleView(roleB, synth(stackB));
    expect(await hop(a.arn, a.identity, b, { 'sts:ExternalId': user.arn })).toBe('Allowed');
    expect(await hop(a.arn, a.identity, b, { 'sts:ExternalId': user.arn.replace('user1', 'user2') })).toBe('ImplicitlyDenied');
    expect(await hop(a.arn, a.identity, b)).toBe('ImplicitlyDenied');
  });

  test('cdk-nag finds nothing in either stack', () => {
    const { app, stackA, stackB } = companies();
    app.synth();
    for (const stack of [stackA, stackB]) {
      expect(new AwsSolutionsChecks().validateScope(stack).violations).toEqual([]);
    }
  });
});

describe('ChainedRole whose previous role is in an environment-agnostic stack', () => {
  /** Replaces every Fn::ImportValue of the template by `value` (what the export holds once deployed). */
  function resolveImports(node: any, value: string): any {
    if (Array.isArray(node)) return node.map((n) => resolveImports(n, value));
    if (node === null || typeof node !== 'object') return node;
    if (Object.keys(node).length === 1 && node['Fn::ImportValue'] !== undefined) return value;
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolveImports(v, value)]));
  }

  test('ChainTrust.ACCOUNT trusts the previous role\'s account, read from its ARN, not the chained role\'s own account', async () => {
    const app = newApp();
    const stackA = new Stack(app, 'AgnosticA');
    const stackB = new Stack(app, 'AgnosticB');
    const roleA = new RedshiftServiceRole(stackA, 'RoleA', { roleName: 'RoleA' });
    const roleB = new ChainedRole(stackB, 'RoleB', { assumedBy: roleA, roleName: 'RoleB', trust: ChainTrust.ACCOUNT });
    const principal = JSON.stringify(stackB.resolve((roleB.assumeRolePolicy as iam.PolicyDocument).toJSON()));
    expect(principal).not.toContain('AWS::AccountId');
    const a = roleView(roleA, synth(stackA), { account: A, region: 'us-west-2', partition: 'aws' });
    expect(a.arn).toBe(ROLE_A);
    // B's template, its import replaced by what A's export holds, deployed to account B
    const templateB = resolveImports(Template.fromStack(stackB).toJSON(), ROLE_A);
    const bInB = roleView(roleB, Template.fromJSON(templateB), { account: B, region: 'us-west-2', partition: 'aws' });
    // the trust is under test: every caller's own policy allows the hop
    const identity = [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: bInB.arn }] }];
    expect(await hop(ROLE_A, identity, bInB)).toBe('Allowed');
    expect(await hop(`arn:aws:iam::${A}:role/Other`, identity, bInB)).toBe('Allowed');
    // the chained role's own account (B) is not trusted
    expect(await hop(`arn:aws:iam::${B}:role/RoleA`, identity, bInB)).toBe('ImplicitlyDenied');
    expect(await hop(`arn:aws:iam::${THIRD}:role/RoleA`, identity, bInB)).toBe('ImplicitlyDenied');
  });

  test.each([ChainTrust.ROLE, ChainTrust.ACCOUNT])('a concrete stack cannot name its account (%s): a clear error', (trust) => {
    const app = newApp();
    const stackA = new Stack(app, 'AgnosticA');
    const stackB = new Stack(app, 'CompanyB', { env: { account: B, region: 'us-west-2' } });
    const roleA = new RedshiftServiceRole(stackA, 'RoleA', { roleName: 'RoleA' });
    expect(() => new ChainedRole(stackB, 'RoleB', { assumedBy: roleA, roleName: 'RoleB', trust })).toThrow(
      '`assumedBy` must be a role whose account is known: the previous role \'AgnosticA/RoleA\' is in the environment-agnostic stack '
      + `'AgnosticA', so its account cannot be written into the trust of a role in stack 'CompanyB' (aws://${B}/us-west-2). `
      + 'Give that stack a concrete `env: { account }`, or import the role with iam.Role.fromRoleArn and its literal ARN.',
    );
  });

  test('in the same agnostic stack the account is that stack\'s own, which is the previous role\'s', () => {
    const stack = new Stack(newApp(), 'Agnostic');
    const roleA = new RedshiftServiceRole(stack, 'RoleA', { roleName: 'RoleA' });
    new ChainedRole(stack, 'RoleB', { assumedBy: roleA, roleName: 'RoleB', trust: ChainTrust.ACCOUNT });
    synth(stack).hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'RoleB',
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] } } })] },
    });
  });
});

describe('ChainedRole with an imported previous role', () => {
  test('the trust is written and the other side\'s statement is handed over', () => {
    const app = newApp();
    const stack = new Stack(app, 'CompanyB', { env: { account: B, region: 'us-west-2' } });
    const roleA = iam.Role.fromRoleArn(stack, 'RoleA', ROLE_A);
    const roleB = new ChainedRole(stack, 'RoleB', { assumedBy: roleA, roleName: 'RoleB' });
    const template = synth(stack);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { AWS: ROLE_A } })] },
    });
    template.resourceCountIs('AWS::IAM::Policy', 0);
    expect(roleB.previousRoleGranted).toBe(false);
    expect(stack.resolve(roleB.previousRolePolicy.toJSON())).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ROLE_B }],
    });
    AssertAnnotations.fromStack(stack).hasInfo('/CompanyB/RoleB', Match.stringLikeRegexp(`${ROLE_A} is not defined in this app.*previousRolePolicy`));
    expect(roleB.chain.iamRoleParameter).toBe(`${ROLE_A},${ROLE_B}`);
  });
});

describe('longer chains', () => {
  test('A -> B -> C: each hop trusts the one before, and the chain has three roles', async () => {
    const app = newApp();
    const env = { account: A, region: 'us-west-2' };
    const stack = new Stack(app, 'Chain', { env });
    const roleA = new RedshiftServiceRole(stack, 'RoleA', { roleName: 'RoleA' });
    const roleB = new ChainedRole(stack, 'RoleB', { assumedBy: roleA, roleName: 'RoleB' });
    const roleC = new ChainedRole(stack, 'RoleC', { assumedBy: roleB, roleName: 'RoleC' });
    expect(roleC.chain.iamRoleParameter).toBe(`${ROLE_A},arn:aws:iam::${A}:role/RoleB,arn:aws:iam::${A}:role/RoleC`);
    const template = synth(stack);
    const [a, b, c] = [roleA, roleB, roleC].map((r) => roleView(r, template));
    expect(await hop(a.arn, a.identity, b)).toBe('Allowed');
    expect(await hop(b.arn, b.identity, c)).toBe('Allowed');
    // no skipping a hop
    expect(await hop(a.arn, a.identity, c)).toBe('ImplicitlyDenied');
    // no going back
    expect(await hop(b.arn, b.identity, a)).toBe('ImplicitlyDenied');
  });

  test('two stacks in one account: no dependency cycle', () => {
    const app = newApp();
    const env = { account: A, region: 'us-west-2' };
    const first = new Stack(app, 'First', { env });
    const second = new Stack(app, 'Second', { env });
    const roleA = new RedshiftServiceRole(first, 'RoleA');
    new ChainedRole(second, 'RoleB', { assumedBy: roleA });
    expect(() => app.synth()).not.toThrow();
    expect(second.dependencies).toEqual([first]);
    Template.fromStack(first).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: Match.stringLikeRegexp(`^arn:aws:iam::${A}:role/Second-RoleB-[0-9A-F]{8}$`) }] },
    });
  });

  test('a generated name is stable, at most 64 characters, and made of allowed characters', () => {
    const app = newApp();
    const stack = new Stack(app, 'AVeryLongStackNameThatKeepsGoingAndGoingForeverAndEver', { env: { account: A, region: 'us-west-2' } });
    const roleA = new RedshiftServiceRole(stack, 'RoleA');
    const b1 = new ChainedRole(stack, 'AnotherVeryLongConstructIdentifierForTheChainedRole', { assumedBy: roleA });
    const name = Template.fromStack(stack).findResources('AWS::IAM::Role', { Properties: { AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { AWS: Match.anyValue() } })] } } });
    const roleName = Object.values<any>(name)[0].Properties.RoleName;
    expect(roleName.length).toBeLessThanOrEqual(64);
    expect(roleName).toMatch(/^[A-Za-z0-9-]+-[0-9A-F]{8}$/);
    expect(b1.roleArnForSql).toBe(`arn:aws:iam::${A}:role/${roleName}`);
  });
});

describe('ChainedRole names', () => {
  test('a Token roleName still chains (through the ARN attribute)', () => {
    const stack = new Stack(newApp(), 'S', { env: { account: A, region: 'us-west-2' } });
    const name = new CfnParameter(stack, 'RoleBName');
    const roleA = new RedshiftServiceRole(stack, 'RoleA', { roleName: 'RoleA' });
    new ChainedRole(stack, 'RoleB', { assumedBy: roleA, roleName: name.valueAsString });
    synth(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^RoleB'), 'Arn'] } }] },
    });
  });
});

describe('ChainedRole validation', () => {
  test('the 11th role of a chain is a construction error that says the count', () => {
    const stack = new Stack(newApp(), 'S', { env: { account: A, region: 'us-west-2' } });
    let previous: iam.IRole = new RedshiftServiceRole(stack, 'Hop0');
    for (let i = 1; i < 10; i++) previous = new ChainedRole(stack, `Hop${i}`, { assumedBy: previous });
    expect((previous as ChainedRole).chain.length).toBe(10);
    expect(() => new ChainedRole(stack, 'Hop10', { assumedBy: previous }))
      .toThrow("ChainedRole 'S/Hop10' would make a chain of 11 roles; Redshift's IAM_ROLE parameter takes at most 10");
  });

  test('an empty databaseUsers is an error, as on every Redshift role (issue 21)', () => {
    const stack = new Stack(newApp(), 'S', { env: { account: A, region: 'us-west-2' } });
    const roleA = new RedshiftServiceRole(stack, 'RoleA');
    expect(() => new ChainedRole(stack, 'Empty', { assumedBy: roleA, databaseUsers: [] })).toThrow(
      '`databaseUsers` must list at least one database user: leave it out to let every database user of every cluster the role is attached to use it');
    expect(() => new ChainedRole(stack, 'Left', { assumedBy: roleA })).not.toThrow();
  });

  test('a role that would trust itself', () => {
    const stack = new Stack(newApp(), 'S', { env: { account: A, region: 'us-west-2' } });
    const self = iam.Role.fromRoleArn(stack, 'Self', `arn:aws:iam::${A}:role/RoleB`);
    expect(() => new ChainedRole(stack, 'RoleB', { assumedBy: self, roleName: 'RoleB' }))
      .toThrow(`ChainedRole 'S/RoleB' would trust itself ('arn:aws:iam::${A}:role/RoleB')`);
  });

  test('a plain role without a name in another account is CDK\'s own clear error', () => {
    const app = newApp();
    const stackA = new Stack(app, 'A', { env: { account: A, region: 'us-west-2' } });
    const stackB = new Stack(app, 'B', { env: { account: B, region: 'us-west-2' } });
    const plain = new iam.Role(stackA, 'Plain', { assumedBy: new iam.ServicePrincipal('redshift.amazonaws.com') });
    new ChainedRole(stackB, 'RoleB', { assumedBy: plain });
    expect(() => app.synth()).toThrow(/cross-environment|physical name/i);
  });
});
