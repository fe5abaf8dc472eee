import { aws_iam as iam, Token } from 'aws-cdk-lib';
import { isAccountId, parseArn } from './arns';

/** IAM role names and paths: `[\w+=,.@-]`, with `/` between path segments, up to 512 characters. */
const ROLE_NAME_WITH_PATH = /^[\w+=,.@/-]{1,512}$/;

/** The parts of a literal IAM role ARN, `arn:PARTITION:iam::ACCOUNT:role/PATH/NAME`, if it is one. */
function parseRoleArn(arn: string) {
  const parts = parseArn(arn);
  if (parts === undefined || parts.service !== 'iam' || parts.region !== '' || parts.resource !== 'role') return undefined;
  if (!isAccountId(parts.account) || parts.resourceName === undefined) return undefined;
  return parts;
}

/** The account in a literal role ARN. */
export function accountOfRoleArn(arn: string): string | undefined {
  return parseRoleArn(arn)?.account;
}

/**
 * Whether `arn` is a literal IAM role ARN such as `arn:aws:iam::123456789012:role/RoleA`, in a
 * partition of AWS, with a role name (and path) of the characters IAM allows.
 */
export function isRoleArn(arn: string): boolean {
  const parts = parseRoleArn(arn);
  return parts !== undefined && /^aws[a-z-]*$/.test(parts.partition ?? '') && ROLE_NAME_WITH_PATH.test(parts.resourceName!);
}

/** The role's account, when it is known at synth time (from a literal ARN, or its environment). */
export function roleAccount(role: iam.IRole): string | undefined {
  const fromArn = Token.isUnresolved(role.roleArn) ? undefined : accountOfRoleArn(role.roleArn);
  if (fromArn) return fromArn;
  const account = role.env.account;
  return Token.isUnresolved(account) ? undefined : account;
}

/** How messages name a role: its ARN when literal, else its construct path. */
export function describeRole(role: iam.IRole): string {
  return Token.isUnresolved(role.roleArn) ? role.node.path : role.roleArn;
}
