import { aws_iam as iam, CfnParameter, Stack } from 'aws-cdk-lib';
import { ChainedRole, RedshiftServiceRole, RoleChain } from '../src';
import { decide, roleView } from './helpers/iam';
import { newStack, synth } from './helpers/synth';

const arn = (n: number | string) => `arn:aws:iam::123456789012:role/Role${n}`;

describe('RoleChain', () => {
  test('fromRoleArns: comma-separated, no spaces, in order', () => {
    const chain = RoleChain.fromRoleArns([arn('A'), 'arn:aws:iam::210987654321:role/RoleB']);
    expect(chain.iamRoleParameter).toBe('arn:aws:iam::123456789012:role/RoleA,arn:aws:iam::210987654321:role/RoleB');
    expect(chain.iamRoleClause()).toBe("IAM_ROLE 'arn:aws:iam::123456789012:role/RoleA,arn:aws:iam::210987654321:role/RoleB'");
    expect(chain.roleArns).toHaveLength(2);
  });

  test('a single role is a chain of one', () => {
    expect(RoleChain.fromRoleArns([arn('A')]).iamRoleClause()).toBe(`IAM_ROLE '${arn('A')}'`);
  });

  test('ten roles is the limit', () => {
    const ten = Array.from({ length: 10 }, (_, i) => arn(i));
    expect(RoleChain.fromRoleArns(ten).length).toBe(10);
    expect(() => RoleChain.fromRoleArns([...ten, arn(10)]))
      .toThrow("A role chain can hold at most 10 roles (Redshift's IAM_ROLE limit), got 11");
  });

  test.each([
    ['an empty chain', [], 'A role chain needs at least one role'],
    ['a repeated ARN', [arn('A'), arn('B'), arn('A')], `\`roles\` lists '${arn('A')}' more than once`],
    ['a space', [`${arn('A')}, ${arn('B')}`], 'must not contain spaces or quotes'],
    ['a quote', ["arn:aws:iam::123456789012:role/Role'A"], 'must not contain spaces or quotes'],
    ['a user ARN', ['arn:aws:iam::123456789012:user/alice'], "holds IAM role ARNs such as arn:aws:iam::123456789012:role/RoleA, got: 'arn:aws:iam::123456789012:user/alice'"],
    ['an S3 ARN', ['arn:aws:s3:::bucket'], "got: 'arn:aws:s3:::bucket'"],
  ])('fromRoleArns rejects %s', (_label, arns, message) => {
    expect(() => RoleChain.fromRoleArns(arns as string[])).toThrow(message);
  });

  test('Token ARNs pass and stay comma-separated in the template', () => {
    const stack = newStack();
    const param = new CfnParameter(stack, 'RoleBArn');
    const chain = RoleChain.fromRoleArns([arn('A'), param.valueAsString]);
    expect(stack.resolve(chain.iamRoleClause())).toEqual({
      'Fn::Join': ['', [`IAM_ROLE '${arn('A')},`, { Ref: 'RoleBArn' }, "'"]],
    });
  });

  test('of(): roles of this library give literal ARNs, others their roleArn', () => {
    const stack = newStack();
    const roleA = new RedshiftServiceRole(stack, 'RoleA', { roleName: 'RoleA' });
    const imported = iam.Role.fromRoleArn(stack, 'B', 'arn:aws:iam::210987654321:role/RoleB');
    expect(RoleChain.of([roleA, imported]).iamRoleParameter).toBe(`${arn('A')},arn:aws:iam::210987654321:role/RoleB`);
    const unnamed = new RedshiftServiceRole(stack, 'Unnamed');
    expect(stack.resolve(RoleChain.of([unnamed]).iamRoleParameter)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Unnamed/), 'Arn'] });
  });

  test('of() rejects a chain that starts with a ChainedRole', () => {
    const stack = newStack();
    const roleA = new RedshiftServiceRole(stack, 'RoleA', { roleName: 'RoleA' });
    const roleB = new ChainedRole(stack, 'RoleB', { assumedBy: roleA, roleName: 'RoleB' });
    expect(() => RoleChain.of([roleB])).toThrow(/The first role of a chain must be attached to the cluster and trust Redshift, but ChainedRole '.*RoleB' trusts '.*RoleA': start the chain with that role/);
  });

  test('of() rejects a first role whose trust names no Redshift principal', () => {
    const stack = newStack();
    const lambdaRole = new iam.Role(stack, 'LambdaRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    expect(() => RoleChain.of([lambdaRole])).toThrow(/trust policy of 'TestStack\/LambdaRole' names no Redshift service principal/);
    const redshiftRole = new iam.Role(stack, 'PlainRedshift', { assumedBy: new iam.ServicePrincipal('redshift.amazonaws.com') });
    expect(() => RoleChain.of([redshiftRole])).not.toThrow();
  });

  test('of() rejects a ChainedRole placed after a role it does not trust', () => {
    const stack = newStack();
    const roleA = new RedshiftServiceRole(stack, 'RoleA', { roleName: 'RoleA' });
    const other = new RedshiftServiceRole(stack, 'Other', { roleName: 'Other' });
    const roleB = new ChainedRole(stack, 'RoleB', { assumedBy: roleA, roleName: 'RoleB' });
    expect(() => RoleChain.of([other, roleB])).toThrow(/puts '.*Other' before ChainedRole '.*RoleB', but that role trusts '.*RoleA'/);
  });

  test('of() rejects the same role twice', () => {
    const stack = newStack();
    const roleA = new RedshiftServiceRole(stack, 'RoleA');
    expect(() => RoleChain.of([roleA, roleA])).toThrow(/lists the role 'TestStack\/RoleA' more than once/);
  });

  test('of() rejects eleven roles, saying the count', () => {
    const stack = new Stack();
    const roles = Array.from({ length: 11 }, (_, i) => iam.Role.fromRoleArn(stack, `R${i}`, arn(i)));
    expect(() => RoleChain.of(roles)).toThrow('got 11');
  });
});

describe('RoleChain.of: each link lets the role before it assume it (issue 21)', () => {
  const link = (before: string, after: string) => `\`roles\` puts '${before}' before '${after}', but the trust policy of '${after}' does not let '${before}' assume it `
    + '(it names neither that role\'s ARN nor its account root as an AWS principal), so Redshift could not chain from one to the next: '
    + `make '${after}' a ChainedRole with \`assumedBy\` '${before}', or add '${before}' to its trust policy`;
  const trusting = (stack: Stack, id: string, principal: iam.IPrincipal) => new iam.Role(stack, id, { assumedBy: principal, roleName: id });

  test('a RedshiftServiceRole after another role is rejected, naming both and the fix', () => {
    // GIVEN
    const stack = newStack();
    const roleA = new RedshiftServiceRole(stack, 'RoleA', { roleName: 'RoleA' });
    const roleX = new RedshiftServiceRole(stack, 'RoleX', { roleName: 'RoleX' });
    // THEN
    expect(() => RoleChain.of([roleA, roleX])).toThrow(link('TestStack/RoleA', 'TestStack/RoleX'));
  });

  test.each([
    ['another account\'s root', 'arn:aws:iam::210987654321:root'],
    ['another role of the same account', arn('Other')],
    ['a user of the same account', 'arn:aws:iam::123456789012:user/alice'],
    ['another account, by ID', '210987654321'],
  ])('a role that trusts %s is rejected', (_label, principal) => {
    const stack = newStack();
    const roleA = new RedshiftServiceRole(stack, 'RoleA', { roleName: 'RoleA' });
    expect(() => RoleChain.of([roleA, trusting(stack, 'RoleX', new iam.ArnPrincipal(principal))])).toThrow(link('TestStack/RoleA', 'TestStack/RoleX'));
  });

  test.each([
    ['the previous role\'s literal ARN', (_a: iam.IRole) => new iam.ArnPrincipal(arn('A'))],
    ['the previous role\'s roleArn (a Token)', (a: iam.IRole) => new iam.ArnPrincipal(a.roleArn)],
    ['the previous role\'s account root', (_a: iam.IRole) => new iam.ArnPrincipal('arn:aws:iam::123456789012:root')],
    ['the previous role\'s account (AccountPrincipal)', (_a: iam.IRole) => new iam.AccountPrincipal('123456789012')],
    ['the previous role\'s account, by ID', (_a: iam.IRole) => new iam.ArnPrincipal('123456789012')],
    ['a principal that is a Token', (_a: iam.IRole) => new iam.ArnPrincipal(new CfnParameter(_a.stack, 'Trusted').valueAsString)],
    ['every principal', (_a: iam.IRole) => new iam.AnyPrincipal()],
  ])('a role that trusts %s is accepted', (_label, principal) => {
    const stack = newStack();
    const roleA = new RedshiftServiceRole(stack, 'RoleA', { roleName: 'RoleA' });
    expect(() => RoleChain.of([roleA, trusting(stack, 'RoleX', principal(roleA))])).not.toThrow();
  });

  test('an imported next role is accepted: its trust is not visible', () => {
    const stack = newStack();
    const roleA = new RedshiftServiceRole(stack, 'RoleA', { roleName: 'RoleA' });
    expect(() => RoleChain.of([roleA, iam.Role.fromRoleArn(stack, 'X', 'arn:aws:iam::210987654321:role/X')])).not.toThrow();
  });

  test('a previous role whose ARN is a Token: only another account is certainly another role', () => {
    const stack = newStack();
    const unnamed = new RedshiftServiceRole(stack, 'Unnamed');
    expect(() => RoleChain.of([unnamed, trusting(stack, 'Same', new iam.ArnPrincipal(arn('Maybe')))])).not.toThrow();
    expect(() => RoleChain.of([unnamed, trusting(stack, 'Other', new iam.ArnPrincipal('arn:aws:iam::210987654321:role/Maybe'))]))
      .toThrow(link('TestStack/Unnamed', 'TestStack/Other'));
  });

  test('ChainedRoles keep their own check, and a chain of them is accepted', () => {
    const stack = newStack();
    const roleA = new RedshiftServiceRole(stack, 'RoleA', { roleName: 'RoleA' });
    const roleB = new ChainedRole(stack, 'RoleB', { assumedBy: roleA, roleName: 'RoleB' });
    const roleC = new ChainedRole(stack, 'RoleC', { assumedBy: roleB, roleName: 'RoleC' });
    expect(RoleChain.of([roleA, roleB, roleC]).length).toBe(3);
    expect(roleC.chain.length).toBe(3);
  });

  test('iam-simulate agrees: the rejected link is denied, the accepted neighbour allowed', async () => {
    // GIVEN RoleA, which may assume both, a RedshiftServiceRole X and a role Y that trusts RoleA
    const stack = newStack();
    const roleA = new RedshiftServiceRole(stack, 'RoleA', { roleName: 'RoleA' });
    const roleX = new RedshiftServiceRole(stack, 'RoleX', { roleName: 'RoleX' });
    const roleY = trusting(stack, 'RoleY', new iam.ArnPrincipal(arn('A')));
    roleA.allowAssumeRole(roleX);
    roleA.allowAssumeRole(roleY);
    expect(() => RoleChain.of([roleA, roleX])).toThrow(/does not let/);
    expect(() => RoleChain.of([roleA, roleY])).not.toThrow();
    // THEN IAM decides the same
    const template = synth(stack);
    const a = roleView(roleA, template);
    const hop = (target: ReturnType<typeof roleView>) => decide({
      principal: a.arn, action: 'sts:AssumeRole', resource: target.arn, identity: a.identity, resourcePolicy: target.trust,
    });
    expect(await hop(roleView(roleX, template))).toBe('ImplicitlyDenied');
    expect(await hop(roleView(roleY, template))).toBe('Allowed');
  });
});
