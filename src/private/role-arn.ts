import { Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { knownPartition } from './stack-scoped';

/**
 * The ARN of a role of this library built from its name, when the name and path are known at
 * synth time: usable in another stack without a cross-stack reference (so without a dependency on
 * the role's stack). The partition and account are the stack's (Tokens in an env-agnostic stack).
 */
export function nameBasedRoleArn(role: IConstruct, roleName: string | undefined, path: string): string | undefined {
  if (roleName === undefined || Token.isUnresolved(roleName) || Token.isUnresolved(path)) return undefined;
  return Stack.of(role).formatArn({
    service: 'iam',
    region: '',
    resource: 'role',
    resourceName: `${path.replace(/^\//, '')}${roleName}`,
  });
}

/**
 * The ARN of a role as literal text for SQL (`IAM_ROLE '...'`), when everything in it is known at
 * synth time: the role's name and path, and its stack's account and partition. The partition is
 * the stack's when it is literal (the `@aws-cdk/core:enablePartitionLiterals` feature flag), else
 * the one aws-cdk-lib's region-info gives for the stack's literal Region. `undefined` otherwise:
 * the caller falls back to the role's ARN Token.
 */
export function literalRoleArn(role: IConstruct, roleName: string | undefined, path: string): string | undefined {
  if (roleName === undefined || Token.isUnresolved(roleName) || Token.isUnresolved(path)) return undefined;
  const stack = Stack.of(role);
  if (Token.isUnresolved(stack.account)) return undefined;
  const partition = knownPartition(stack);
  if (partition === undefined) return undefined;
  return stack.formatArn({
    partition,
    service: 'iam',
    region: '',
    resource: 'role',
    resourceName: `${path.replace(/^\//, '')}${roleName}`,
  });
}
