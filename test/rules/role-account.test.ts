import { Token } from 'aws-cdk-lib';
import { checkRoleAccount, ROLE_ACCOUNT } from '../../src/rules/role-account';
import { expectOneFinding } from '../helpers/rules';

describe('role account', () => {
  const base = { role: "'arn:aws:iam::210987654321:role/RoleB'", target: 'cluster' as const };

  test('another account is an error finding with the rule\'s id, naming both accounts', () => {
    const findings = checkRoleAccount({ ...base, roleAccount: '210987654321', targetAccount: '123456789012' });
    expectOneFinding(findings, ROLE_ACCOUNT, 'cdk-redshift-iam:role-account', 'error');
    expect(findings[0].message).toBe("Role 'arn:aws:iam::210987654321:role/RoleB' belongs to account 210987654321, but the cluster is in account 123456789012: "
      + 'Redshift attaches only roles of its own account (chain a role of another account with ChainedRole instead)');
  });

  test('a namespace is named as such', () => {
    expect(checkRoleAccount({ ...base, target: 'namespace', roleAccount: '210987654321', targetAccount: '123456789012' })[0].message)
      .toMatch(/but the namespace is in account 123456789012/);
  });

  test.each([
    ['the same account', '123456789012', '123456789012'],
    ['an unknown role account', undefined, '123456789012'],
    ['a Token role account', Token.asString({ Ref: 'AWS::AccountId' }), '123456789012'],
    ['a Token target account', '210987654321', Token.asString({ Ref: 'AWS::AccountId' })],
  ])('%s is no finding', (_label, roleAccount, targetAccount) => {
    expect(checkRoleAccount({ ...base, roleAccount, targetAccount })).toEqual([]);
  });
});
