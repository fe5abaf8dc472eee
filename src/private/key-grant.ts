import { aws_iam as iam, aws_kms as kms, Stack, Token } from 'aws-cdk-lib';

/**
 * `actions` on exactly `key` for `role`. `kms.IKey.grant` writes `"Resource": "*"` in the identity
 * policy when the key's stack is in another environment (account or Region) than the role's; here
 * the statement always names the key's ARN, and a key whose ARN cannot be known in the role's
 * stack is a clear error instead of a grant on every key.
 *
 * @param what how messages name the key, e.g. "`allowCopyFrom`: the encryption key of the bucket"
 */
export function grantKey(role: iam.IRole, key: kms.IKey, actions: string[], what: string): iam.Grant {
  const keyStack = Stack.of(key);
  const roleStack = Stack.of(role);
  const crossEnvironment = keyStack !== roleStack
    && (keyStack.account !== roleStack.account || keyStack.region !== roleStack.region);
  if (!crossEnvironment) return key.grant(role, ...actions);
  if (Token.isUnresolved(key.keyArn)) {
    throw new Error(
      `${what} '${key.node.path}' is in stack '${keyStack.node.path}' (${keyStack.environment}), another environment than the role `
      + `'${role.node.path}' (${roleStack.environment}): its ARN cannot be referenced there, and a grant of ${actions.join(', ')} on '*' would reach every key. `
      + 'Import the key into the role\'s stack with kms.Key.fromKeyArn and its literal ARN (and the resource with that key), '
      + 'and allow the role in the key policy.',
    );
  }
  // A literal ARN: the key's own policy must allow the role too (the key's owner adds that).
  return iam.Grant.addToPrincipal({ grantee: role, actions, resourceArns: [key.keyArn] });
}
