import { Token } from 'aws-cdk-lib';
import { Finding, RedshiftTarget, Rule } from './rule';

export const ROLE_ACCOUNT: Rule = {
  id: 'cdk-redshift-iam:role-account',
  level: 'error',
  summary: 'a role of another account than the cluster\'s or namespace\'s (Redshift attaches only roles of its own account)',
};

/** What the check reads. */
export interface RoleAccountInput {
  /** How the message names the role, quoted. */
  readonly role: string;
  /** The role's account, when it is known (`undefined` or a Token: no finding). */
  readonly roleAccount?: string;
  /** What the role is attached to. */
  readonly target: RedshiftTarget;
  /** The account of the cluster or namespace (a Token: no finding). */
  readonly targetAccount: string;
}

/** A finding when both accounts are known and differ. */
export function checkRoleAccount(input: RoleAccountInput): Finding[] {
  const { roleAccount, targetAccount } = input;
  if (roleAccount === undefined || Token.isUnresolved(roleAccount) || Token.isUnresolved(targetAccount) || roleAccount === targetAccount) {
    return [];
  }
  return [{
    rule: ROLE_ACCOUNT,
    message: `Role ${input.role} belongs to account ${roleAccount}, but the ${input.target} is in account ${targetAccount}: `
      + 'Redshift attaches only roles of its own account (chain a role of another account with ChainedRole instead)',
  }];
}
