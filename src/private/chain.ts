import { aws_iam as iam, Token } from 'aws-cdk-lib';
import { MAX_CHAIN_LENGTH } from './limits';
import { isRoleArn } from './roles';

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
