import { App, aws_iam as iam, Stack } from 'aws-cdk-lib';
import { ChainedRole, RedshiftServiceRole, RoleChain } from '../src';
import { ACCOUNT, OTHER_ACCOUNT, REGION } from './helpers/synth';

const FLAG = '@aws-cdk/core:enablePartitionLiterals';

/** An App as `npm init` + `new App()` gives it (no cdk.json), or with the partition-literals flag. */
function app(flag: boolean): App {
  return new App(flag ? { context: { [FLAG]: true } } : {});
}

describe.each([
  ['without', false],
  ['with', true],
])('iamRoleClause %s the feature flag enablePartitionLiterals', (_label, flag) => {
  test('a named role in a stack with a concrete account and Region is literal text', () => {
    // GIVEN
    const stack = new Stack(app(flag), 'S', { env: { account: ACCOUNT, region: REGION } });
    // WHEN
    const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'RedshiftCopyUnload' });
    const withPath = new RedshiftServiceRole(stack, 'PathRole', { roleName: 'R2', path: '/etl/' });
    // THEN
    expect(role.iamRoleClause()).toBe(`IAM_ROLE 'arn:aws:iam::${ACCOUNT}:role/RedshiftCopyUnload'`);
    expect(withPath.iamRoleClause()).toBe(`IAM_ROLE 'arn:aws:iam::${ACCOUNT}:role/etl/R2'`);
  });

  test.each([
    ['us-gov-west-1', 'aws-us-gov'],
    ['cn-north-1', 'aws-cn'],
    ['eu-central-1', 'aws'],
  ])('the partition follows from the Region %s', (region, partition) => {
    const stack = new Stack(app(flag), 'S', { env: { account: ACCOUNT, region } });
    const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'R' });
    expect(role.roleArnForSql).toBe(`arn:${partition}:iam::${ACCOUNT}:role/R`);
  });

  test('a chain across two concrete accounts is literal text', () => {
    // GIVEN
    const a = app(flag);
    const companyA = new Stack(a, 'CompanyA', { env: { account: ACCOUNT, region: REGION } });
    const companyB = new Stack(a, 'CompanyB', { env: { account: OTHER_ACCOUNT, region: REGION } });
    // WHEN
    const roleA = new RedshiftServiceRole(companyA, 'RoleA', { roleName: 'RoleA' });
    const roleB = new ChainedRole(companyB, 'RoleB', { assumedBy: roleA, roleName: 'RoleB' });
    const roleC = new ChainedRole(companyB, 'RoleC', { assumedBy: roleB });
    // THEN
    const chainText = `arn:aws:iam::${ACCOUNT}:role/RoleA,arn:aws:iam::${OTHER_ACCOUNT}:role/RoleB`;
    expect(roleB.chain.iamRoleParameter).toBe(chainText);
    expect(roleB.chain.iamRoleClause()).toBe(`IAM_ROLE '${chainText}'`);
    expect(RoleChain.of([roleA, roleB]).iamRoleClause()).toBe(`IAM_ROLE '${chainText}'`);
    // a generated name is known at synth time too
    expect(roleC.chain.iamRoleParameter).toMatch(new RegExp(`^${chainText},arn:aws:iam::${OTHER_ACCOUNT}:role/CompanyB-RoleC-[0-9A-F]{8}$`));
  });

  test('an env-agnostic stack keeps the Token', () => {
    const stack = new Stack(app(flag), 'S');
    const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'R' });
    expect(stack.resolve(role.iamRoleClause())).toEqual({
      'Fn::Join': ['', ["IAM_ROLE '", { 'Fn::GetAtt': [expect.stringMatching(/^Role/), 'Arn'] }, "'"]],
    });
  });

  test('a role without a name keeps the Token', () => {
    const stack = new Stack(app(flag), 'S', { env: { account: ACCOUNT, region: REGION } });
    const role = new RedshiftServiceRole(stack, 'Role');
    expect(stack.resolve(role.roleArnForSql)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Role/), 'Arn'] });
  });

  test.each([
    ['an account without a Region', { account: ACCOUNT }],
    ['a Region aws-cdk-lib does not know', { account: ACCOUNT, region: 'xx-nowhere-9' }],
  ])('%s keeps the Token', (_what, env) => {
    const stack = new Stack(app(flag), 'S', { env });
    const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'R' });
    expect(stack.resolve(role.roleArnForSql)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Role/), 'Arn'] });
  });

  test('the trust and policies of a chain are unchanged by the literal SQL text', () => {
    const a = app(flag);
    const companyA = new Stack(a, 'CompanyA', { env: { account: ACCOUNT, region: REGION } });
    const companyB = new Stack(a, 'CompanyB', { env: { account: OTHER_ACCOUNT, region: REGION } });
    const roleA = new RedshiftServiceRole(companyA, 'RoleA', { roleName: 'RoleA' });
    const roleB = new ChainedRole(companyB, 'RoleB', { assumedBy: roleA, roleName: 'RoleB' });
    const statement = companyB.resolve(roleB.previousRolePolicy).Statement[0];
    expect(statement.Action).toBe('sts:AssumeRole');
    const expected = flag
      ? `arn:aws:iam::${OTHER_ACCOUNT}:role/RoleB`
      : { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::${OTHER_ACCOUNT}:role/RoleB`]] };
    expect(statement.Resource).toEqual(expected);
    expect(roleB).toBeInstanceOf(iam.Role);
  });
});
