import { aws_iam as iam, CfnElement, Reference, Stack, Token, Tokenization } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { flattenReference } from './nag';
import { statementsOf, StatementJson, trustStatements } from './policy-json';
import { accountOfRoleArn, roleAccount } from './roles';

/**
 * Reading the roles that an app attaches to clusters and namespaces, whatever made them: an
 * `iam.IRole`, the Token of a role's ARN, or a literal ARN.
 */

/** The CfnRole behind a role reference, when this app defines it. */
export function findRole(entry: unknown): iam.CfnRole | undefined {
  if (entry instanceof iam.Role) return entry.node.defaultChild as iam.CfnRole;
  if (isRole(entry)) return findRole(entry.roleArn);
  if (typeof entry !== 'string' || !Token.isUnresolved(entry)) return undefined;
  const reversed = Tokenization.reverseString(entry).firstToken;
  if (reversed instanceof Reference && reversed.target instanceof iam.CfnRole) return reversed.target;
  return undefined;
}

/** The account of the referenced role, when it is known at synth time. */
export function roleAccountOf(scope: IConstruct, entry: unknown): string | undefined {
  const role = findRole(entry);
  if (role) {
    const account = Stack.of(role).account;
    return Token.isUnresolved(account) ? undefined : account;
  }
  if (isRole(entry)) return roleAccount(entry);
  if (typeof entry !== 'string') return undefined;
  return accountOfRoleArn(flattenReference(Stack.of(scope).resolve(entry)));
}

/** How messages name a role reference, quoted: the CfnRole's path, else the ARN's text. */
export function describeRef(scope: IConstruct, entry: unknown): string {
  const role = findRole(entry);
  if (role) return `'${role.node.path}'`;
  const arn = typeof entry === 'string' ? entry : (entry as iam.IRole | undefined)?.roleArn;
  return `'${flattenReference(Stack.of(scope).resolve(arn))}'`;
}

/** A key that is the same for two references to one role. */
export function roleRefKey(scope: IConstruct, entry: unknown): string {
  const role = findRole(entry);
  return role ? role.node.path : describeRef(scope, entry);
}

/** The statements of a CfnRole's trust policy that allow assuming it. */
export function roleTrustStatements(role: iam.CfnRole): StatementJson[] {
  return trustStatements(Stack.of(role).resolve(role.assumeRolePolicyDocument));
}

/** The statements of the role's inline policies and of the policies in its stack attached to it. */
export function identityStatements(role: iam.CfnRole): StatementJson[] {
  const stack = Stack.of(role);
  const docs: unknown[] = [];
  for (const p of (stack.resolve(role.policies) ?? []) as Array<{ policyDocument?: unknown; PolicyDocument?: unknown }>) {
    docs.push(p.PolicyDocument ?? p.policyDocument);
  }
  const logicalId = stack.resolve((role as CfnElement).logicalId);
  docs.push(...policiesByRole(stack).get(logicalId) ?? []);
  return docs.flatMap((d) => statementsOf(stack.resolve(d)));
}

/** Per stack: the documents of its AWS::IAM::Policy and ManagedPolicy resources, by the logical ID of each role they name. */
const POLICY_INDEX = new WeakMap<Stack, { constructs: number; byRole: Map<string, unknown[]> }>();

/**
 * The policies of `stack` by the roles they attach to (`{ Ref: logicalId }` in `Roles`), built once
 * for a tree of the same size: RedshiftIamChecks asks for every role of a large app, and resolving
 * every policy's roles for each one grew with roles times constructs.
 */
function policiesByRole(stack: Stack): Map<string, unknown[]> {
  const all = stack.node.findAll();
  const cached = POLICY_INDEX.get(stack);
  if (cached && cached.constructs === all.length) return cached.byRole;
  const byRole = new Map<string, unknown[]>();
  for (const c of all) {
    if (!(c instanceof iam.CfnPolicy || c instanceof iam.CfnManagedPolicy)) continue;
    const refs = new Set<string>();
    collectRefs(stack.resolve(c.roles), refs);
    for (const ref of refs) byRole.set(ref, [...byRole.get(ref) ?? [], c.policyDocument]);
  }
  POLICY_INDEX.set(stack, { constructs: all.length, byRole });
  return byRole;
}

/** Every `{ Ref: X }` in a resolved value. */
function collectRefs(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    value.forEach((v) => collectRefs(v, into));
  } else if (value && typeof value === 'object') {
    const ref = (value as { Ref?: unknown }).Ref;
    if (typeof ref === 'string' && Object.keys(value).length === 1) into.add(ref);
    Object.values(value).forEach((v) => collectRefs(v, into));
  }
}

function isRole(entry: unknown): entry is iam.IRole {
  return typeof entry === 'object' && entry !== null && 'roleArn' in entry;
}
