import { aws_iam as iam, Token } from 'aws-cdk-lib';

const ROLE_ARN_ACCOUNT = /^arn:[^:]+:iam::(\d{12}):role\//;

/** The account in a literal role ARN. */
export function accountOfRoleArn(arn: string): string | undefined {
  return ROLE_ARN_ACCOUNT.exec(arn)?.[1];
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
