import { aws_iam as iam, aws_kms as kms, Arn, ArnFormat, Stack, Token } from 'aws-cdk-lib';

/** How a grant on a key may be narrowed, and how its deliberate wildcard is recorded. */
export interface KeyGrantOptions {
  /** Conditions of every statement of the grant, e.g. `kms:ViaService` or `kms:GrantIsForAWSResource`. */
  readonly conditions?: { [operator: string]: { [key: string]: unknown } };
  /**
   * Where the `key/*` resource of a grant through an alias is recorded as a wildcard scoped on
   * purpose (for cdk-nag): the role's grant target.
   */
  readonly wildcards?: { scopedWildcard(resource: string, reason: string): void };
}

/**
 * KMS alias names: `alias/` and letters, digits, `/`, `_`, `-` ("CreateAlias", AWS Key Management
 * Service API Reference, AliasName).
 */
const ALIAS_NAME = /^alias\/[A-Za-z0-9/_-]+$/;

/**
 * `actions` on exactly `key` for `role`. `kms.IKey.grant` writes `"Resource": "*"` in the identity
 * policy when the key's stack is in another environment (account or Region) than the role's; here
 * the statement always names the key's ARN, and a key whose ARN cannot be known in the role's
 * stack is a clear error instead of a grant on every key.
 *
 * An alias stands for its key: an alias with a known target key (`new kms.Alias`,
 * `kms.Alias.fromAliasAttributes`) is a grant on that key; an alias known only by its name
 * (`kms.Alias.fromAliasName`, or `kms.Key.fromKeyArn` with an alias ARN), on which `IKey.grant` adds
 * nothing, is a grant on the keys of its account and Region that carry that alias. "Use aliases to
 * control access to KMS keys", AWS Key Management Service Developer Guide,
 * https://docs.aws.amazon.com/kms/latest/developerguide/alias-authorization.html: an alias in the
 * Resource element means the alias, never its key; the key is named through the
 * `kms:ResourceAliases` condition key on `arn:PARTITION:kms:REGION:ACCOUNT:key/*` with
 * `ForAnyValue:StringEquals` (a key has several aliases). "Specifying KMS keys in IAM policy
 * statements", same guide, https://docs.aws.amazon.com/kms/latest/developerguide/cmks-in-iam-policies.html:
 * "You cannot use a key id, alias name, or alias ARN to identify a KMS key in an IAM policy statement".
 *
 * @param what how messages name the key, e.g. "`allowCopyFrom`: the encryption key of the bucket"
 */
export function grantKey(role: iam.IRole, key: kms.IKey, actions: string[], what: string, options: KeyGrantOptions = {}): iam.Grant {
  const target = aliasTarget(key);
  if (target !== undefined) return grantKey(role, target, actions, what, options);
  const alias = aliasByName(key, what);
  if (alias !== undefined) return grantThroughAlias(role, alias, actions, what, options);

  const keyStack = Stack.of(key);
  const roleStack = Stack.of(role);
  const crossEnvironment = keyStack !== roleStack
    && (keyStack.account !== roleStack.account || keyStack.region !== roleStack.region);
  if (!crossEnvironment && options.conditions === undefined) return key.grant(role, ...actions);
  if (crossEnvironment && Token.isUnresolved(key.keyArn)) {
    throw new Error(
      `${what} '${key.node.path}' is in stack '${keyStack.node.path}' (${keyStack.environment}), another environment than the role `
      + `'${role.node.path}' (${roleStack.environment}): its ARN cannot be referenced there, and a grant of ${actions.join(', ')} on '*' would reach every key. `
      + 'Import the key into the role\'s stack with kms.Key.fromKeyArn and its literal ARN (and the resource with that key), '
      + 'and allow the role in the key policy.',
    );
  }
  // A literal ARN (or a key of this environment with conditions): the key's own policy must allow
  // the role too (the key's owner adds that; the key policies CDK writes allow the account).
  return iam.Grant.addToPrincipal({ grantee: role, actions, resourceArns: [key.keyArn], conditions: options.conditions });
}

/** An alias known only by its name, with the account, Region and partition its keys live in. */
interface AliasByName {
  readonly name: string;
  /** `arn:PARTITION:kms:REGION:ACCOUNT:key/*` of the alias's account and Region. */
  readonly keys: string;
}

function isAlias(key: kms.IKey): key is kms.IAlias {
  return 'aliasName' in key && 'aliasTargetKey' in key;
}

/** The key behind an alias, when the alias object knows it. */
function aliasTarget(key: kms.IKey): kms.IKey | undefined {
  if (!isAlias(key)) return undefined;
  try {
    return key.aliasTargetKey;
  } catch {
    return undefined; // kms.Alias.fromAliasName: the target key is unknown
  }
}

/** The alias `key` stands for when only its name is known: an imported alias, or a key ARN that is an alias ARN. */
function aliasByName(key: kms.IKey, what: string): AliasByName | undefined {
  if (isAlias(key)) {
    const name = key.aliasName;
    checkAliasName(name, key, what);
    return { name, keys: Stack.of(key).formatArn({ service: 'kms', resource: 'key', resourceName: '*' }) };
  }
  if (Token.isUnresolved(key.keyArn) || !/^arn:[^:]+:kms:[^:]*:[^:]*:alias\//.test(key.keyArn)) return undefined;
  const arn = Arn.split(key.keyArn, ArnFormat.SLASH_RESOURCE_NAME);
  const name = `alias/${arn.resourceName ?? ''}`;
  checkAliasName(name, key, what);
  return { name, keys: `arn:${arn.partition}:kms:${arn.region}:${arn.account}:key/*` };
}

function checkAliasName(name: string, key: kms.IKey, what: string): void {
  if (Token.isUnresolved(name) || ALIAS_NAME.test(name)) return;
  throw new Error(`${what} '${key.node.path}' is an alias known by its name, and KMS alias names are alias/ followed by letters, digits and /_- `
    + `(e.g. kms.Alias.fromAliasName(this, 'Key', 'alias/redshift-unload')), got: '${name}'`);
}

function grantThroughAlias(role: iam.IRole, alias: AliasByName, actions: string[], what: string, options: KeyGrantOptions): iam.Grant {
  options.wildcards?.scopedWildcard(alias.keys, `cdk-redshift-iam: ${what.replace(/`/g, '')} is known by its alias only; '*' stands for the key ID, `
    + 'and the kms:ResourceAliases condition limits the grant to the key that carries this alias');
  return iam.Grant.addToPrincipal({
    grantee: role,
    actions,
    resourceArns: [alias.keys],
    conditions: { ...options.conditions, 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': alias.name } },
  });
}
