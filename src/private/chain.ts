import { aws_iam as iam, Token } from 'aws-cdk-lib';
import { isAccountId, parseArn } from './arns';
import { MAX_CHAIN_LENGTH } from './limits';
import { asList, StatementJson } from './policy-json';
import { findRole, roleTrustStatements } from './role-references';
import { describeRole, isRoleArn, roleAccount } from './roles';

/** A role chain holds 1 to 10 roles (Redshift's IAM_ROLE limit). */
export function checkChainLength(length: number): void {
  if (length === 0) {
    throw new Error('A role chain needs at least one role');
  }
  if (length > MAX_CHAIN_LENGTH) {
    throw new Error(`A role chain can hold at most ${MAX_CHAIN_LENGTH} roles (Redshift's IAM_ROLE limit), got ${length}`);
  }
}

/** A literal ARN of a chain is an IAM role ARN with no spaces or quotes; Tokens pass. */
export function checkChainRoleArn(arn: string): void {
  if (Token.isUnresolved(arn)) return;
  if (/[\s'"]/.test(arn)) {
    throw new Error(`A role chain ARN must not contain spaces or quotes (the chain is one quoted, comma-separated string), got: '${arn}'`);
  }
  if (!isRoleArn(arn)) {
    throw new Error(`A role chain holds IAM role ARNs such as arn:aws:iam::123456789012:role/RoleA, got: '${arn}'`);
  }
}

/** The role each ChainedRole trusts (kept here, not on the public class). */
const previousRoles = new WeakMap<iam.IRole, iam.IRole>();

/** Records that `role` (a ChainedRole) trusts `previous`, the role before it in a chain. */
export function recordPreviousInChain(role: iam.IRole, previous: iam.IRole): void {
  previousRoles.set(role, previous);
}

/** The role that a ChainedRole trusts; `undefined` for any other role. */
export function previousInChain(role: iam.IRole): iam.IRole | undefined {
  return previousRoles.get(role);
}

/** Whether one principal of a trust names the previous role: yes, no, or cannot tell (a Token). */
type Names = 'yes' | 'no' | 'unknown';

/**
 * Whether the AWS principal `principal` (resolved) names the previous role: its ARN, or its
 * account (`ACCOUNT`, `arn:PARTITION:iam::ACCOUNT:root`), or everyone (`*`). `previousArn` is the
 * previous role's literal ARN and `previousAccount` its account, when known.
 */
function namesPrevious(principal: unknown, previousArn: string | undefined, previousAccount: string | undefined): Names {
  // An intrinsic (a reference, a pseudo parameter) is decided where it resolves.
  if (typeof principal !== 'string' || Token.isUnresolved(principal)) return 'unknown';
  if (principal === '*') return 'yes';
  const byAccount = (account: string): Names => (previousAccount === undefined ? 'unknown' : account === previousAccount ? 'yes' : 'no');
  if (isAccountId(principal)) return byAccount(principal);
  const parts = parseArn(principal);
  if (parts === undefined || parts.service !== 'iam') return 'unknown';
  if (parts.resource === 'root' && isAccountId(parts.account)) return byAccount(parts.account);
  if (parts.resource !== 'role') return 'no';
  if (previousArn !== undefined) return principal === previousArn ? 'yes' : 'no';
  // The previous role's name is not known at synth time: only another account is certainly another role.
  return previousAccount !== undefined && parts.account !== previousAccount ? 'no' : 'unknown';
}

/** Whether the trust statements let the previous role assume the role: `false` only when certainly not. */
export function trustMayLetAssume(trust: StatementJson[], previousArn: string | undefined, previousAccount: string | undefined): boolean {
  return trust.some((statement) => {
    const principal = statement.Principal;
    if (principal === '*') return true;
    return asList(principal?.AWS).some((p) => namesPrevious(p, previousArn, previousAccount) !== 'no');
  });
}

/**
 * One link of a chain: `next` must let `previous` assume it. Checked when the trust of `next` is
 * visible (a role this app defines, but not a ChainedRole, whose previous role is checked by
 * identity); an imported role, a trust that cannot be resolved yet, and Token principals pass.
 * `previousArn` is the ARN the chain names the previous role by.
 */
export function checkLinkTrust(previous: iam.IRole, previousArn: string, next: iam.IRole): void {
  if (previousInChain(next) !== undefined) return;
  const cfnRole = findRole(next);
  if (cfnRole === undefined) return;
  let trust: StatementJson[];
  try {
    trust = roleTrustStatements(cfnRole);
  } catch {
    return;
  }
  const literalArn = Token.isUnresolved(previousArn) ? undefined : previousArn;
  if (trustMayLetAssume(trust, literalArn, roleAccount(previous))) return;
  const before = describeRole(previous);
  const after = describeRole(next);
  throw new Error(
    `\`roles\` puts '${before}' before '${after}', but the trust policy of '${after}' does not let '${before}' assume it `
    + '(it names neither that role\'s ARN nor its account root as an AWS principal), so Redshift could not chain from one to the next: '
    + `make '${after}' a ChainedRole with \`assumedBy\` '${before}', or add '${before}' to its trust policy`,
  );
}
