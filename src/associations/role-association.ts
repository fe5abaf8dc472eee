import * as crypto from 'crypto';
import { Aws, aws_iam as iam, CustomResource, Duration, Lazy, Resource, Stack, Token } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { RoleAssociationProvider } from './association-provider';
import {
  AssociationProperties, DEFAULT_WAIT_SECONDS, MAX_WAIT_SECONDS, MIN_WAIT_SECONDS, recordPath, RESOURCE_TYPES, RESPONSE_MARGIN_SECONDS,
} from '../association-handler/contract';
import { isAcknowledged } from '../private/acknowledgements';
import { firstRepeat } from '../private/duplicates';
import { acknowledgeNagFinding, nagResourceText } from '../private/nag';
import { literalRoleArn } from '../private/role-arn';
import { findRole } from '../private/role-references';
import { describeRole, roleAccount } from '../private/roles';
import { knownPartition } from '../private/stack-scoped';
import { validateList } from '../private/validation';
import { attachedTrustFindings } from '../rules/attached-trust';
import { checkRoleAccount } from '../rules/role-account';
import { checkRolesPerCluster } from '../rules/roles-per-cluster';

/** What the associations share: the roles, the default role, the wait. */
export interface AssociationInput {
  readonly roles: iam.IRole[];
  readonly defaultRole?: iam.IRole;
  readonly waitTimeout?: Duration;
}

/** What differs between a cluster and a namespace. */
export interface AssociationSpec {
  readonly kind: 'cluster' | 'namespace';
  /** The cluster identifier or namespace name. */
  readonly name: string;
  /** The cluster or namespace ARN the access role may read and change. */
  readonly targetArn: string;
  readonly targetActions: string[];
  /** iam:PassedToService for the roles (Service Authorization Reference, ModifyClusterIamRoles / UpdateNamespace). */
  readonly passedToService: string;
}

/**
 * The custom resource of one association, with its access role: the permissions of this association
 * alone, assumable only by the stack's association handler.
 */
export function createAssociation(scope: Construct, props: AssociationInput, spec: AssociationSpec): CustomResource {
  checkInput(scope, props, spec.kind);
  const stack = Stack.of(scope);
  const provider = RoleAssociationProvider.of(scope);
  const name = Token.isUnresolved(spec.name) ? spec.name : spec.name.toLowerCase();
  const targetPath = recordPath(spec.kind, name);
  const parameterArn = (path: string) => stack.formatArn({ service: 'ssm', resource: 'parameter', resourceName: path.slice(1) });

  // A new target gets a new access role (its logical ID holds the target), so that the old target's
  // Delete, sent in the cleanup phase, still finds the old role and its permissions.
  const targetKey = stableHash(`${spec.kind}:${JSON.stringify(stack.resolve(name))}`);
  const properties: AssociationProperties = {
    Target: spec.kind,
    Name: name,
    RoleArns: Lazy.list({ produce: () => props.roles.map((r) => r.roleArn) }),
    DefaultRoleArn: props.defaultRole?.roleArn,
    AccessRoleArn: Lazy.string({ produce: () => accessRole.roleArn }),
    WaitTimeoutSeconds: String(waitOf(props).toSeconds()),
  };
  const resource = new CustomResource(scope, 'Resource', {
    serviceToken: provider.handler.functionArn,
    resourceType: RESOURCE_TYPES[spec.kind],
    serviceTimeout: waitOf(props).plus(Duration.seconds(RESPONSE_MARGIN_SECONDS)),
    properties,
  });
  const logicalId = stack.getLogicalId(resource.node.defaultChild as any);
  const ownRecord = `${targetPath}/${Aws.STACK_NAME}/${logicalId}`;

  const statements = [
    new iam.PolicyStatement({ actions: spec.targetActions, resources: [spec.targetArn] }),
    new iam.PolicyStatement({
      actions: ['iam:PassRole'],
      resources: props.roles.map((r) => r.roleArn),
      conditions: { StringEquals: { 'iam:PassedToService': spec.passedToService } },
    }),
    // Ownership records: read every record of the target, write its own, delete its own and those
    // of associations that were deleted while another one still listed their roles.
    new iam.PolicyStatement({ actions: ['ssm:GetParametersByPath'], resources: [parameterArn(targetPath)] }),
    new iam.PolicyStatement({ actions: ['ssm:PutParameter'], resources: [parameterArn(ownRecord)] }),
    new iam.PolicyStatement({ actions: ['ssm:DeleteParameter'], resources: [parameterArn(`${targetPath}/*`)] }),
    // An operation that outlasts one invocation continues in a new one.
    new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [provider.handler.functionArn] }),
  ];
  const accessRole = new iam.Role(scope, `AccessRole${targetKey}`, {
    assumedBy: new iam.ArnPrincipal(provider.handlerRole.roleArn),
    description: `cdk-redshift-iam: what the association ${scope.node.path} may do, and nothing else`,
    inlinePolicies: { Association: new iam.PolicyDocument({ statements }) },
  });
  resource.node.addDependency(accessRole);
  // The associations of one target in one stack run one after the other: Redshift applies one role
  // change at a time anyway, UpdateNamespace writes the whole list, and a role that moves from one
  // association to another is handed over, never detached in between.
  provider.serialize(`${spec.kind}|${JSON.stringify(stack.resolve(name))}`, resource);

  acknowledgeNagFinding(accessRole, `AwsSolutions-IAM5[Resource::${nagResourceText(scope, parameterArn(`${targetPath}/*`))}]`,
    'cdk-redshift-iam: the ownership records of this one cluster or namespace, kept by the association handler');
  register(scope, spec, props);
  scope.node.addValidation({ validate: () => checkTrust(scope, props, spec.kind) });
  return resource;
}

function waitOf(props: AssociationInput): Duration {
  return props.waitTimeout ?? Duration.seconds(DEFAULT_WAIT_SECONDS);
}

/** A short, stable hash: the same target gives the same construct id. */
function stableHash(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/**
 * The identity of a role in `scope`'s stack: its ARN when that is known at synth time (a literal
 * ARN, an ARN that resolves to one in this stack, or the ARN of a role of this app built from its
 * literal name and path), else the CfnRole behind it, else the object. So `iam.Role.fromRoleArn`
 * with a role's ARN and the role itself are one role.
 */
function roleKey(scope: IConstruct, role: iam.IRole): string | object {
  const arn = literalArn(scope, role.roleArn);
  if (arn !== undefined) return arn;
  const cfnRole = findRole(role);
  if (cfnRole === undefined) return role;
  const named = literalArn(scope, literalRoleArn(cfnRole, Token.isUnresolved(cfnRole.roleName) ? undefined : cfnRole.roleName, cfnRole.path ?? '/'));
  return named ?? cfnRole;
}

/** `value` resolved in `scope`'s stack, when that gives a literal string. */
function literalArn(scope: IConstruct, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!Token.isUnresolved(value)) return value;
  try {
    const resolved = Stack.of(scope).resolve(value);
    return typeof resolved === 'string' && !Token.isUnresolved(resolved) ? resolved : undefined;
  } catch {
    return undefined; // a reference this stack cannot make (checkSameEnvironment says why)
  }
}

function sameRole(scope: IConstruct, a: iam.IRole, b: iam.IRole): boolean {
  return roleKey(scope, a) === roleKey(scope, b);
}

function checkInput(scope: IConstruct, props: AssociationInput, kind: 'cluster' | 'namespace'): void {
  // The same object or literal ARN twice; then one role given twice in two forms (a construct and its ARN).
  validateList('roles', props.roles, { what: 'role to attach', key: (r) => (Token.isUnresolved(r.roleArn) ? r : r.roleArn), describe: describeRole });
  const keyOf = (r: iam.IRole) => roleKey(scope, r);
  const again = firstRepeat(props.roles, keyOf);
  if (again !== undefined) {
    const first = props.roles.find((r) => keyOf(r) === keyOf(again))!;
    const arn = keyOf(again);
    throw new Error(`\`roles\` lists the role ${typeof arn === 'string' ? arn : `'${describeRole(first)}'`} more than once, `
      + `as '${first.node.path}' and as '${again.node.path}': list each role once (an imported ARN and the role it names are one role)`);
  }
  // The same rule as across the associations of a target (checkSiblings), at once for this one.
  const [tooMany] = checkRolesPerCluster({
    cluster: `This ${kind}`, roleCount: props.roles.length, countedIn: 'listed in `roles`', partition: knownPartition(Stack.of(scope)),
  });
  if (tooMany) throw new Error(`\`roles\`: ${tooMany.message} [${tooMany.rule.id}]`);
  if (props.defaultRole !== undefined && !props.roles.some((r) => sameRole(scope, r, props.defaultRole!))) {
    throw new Error(`\`defaultRole\` '${describeRole(props.defaultRole)}' must be one of \`roles\` (the default role must be attached)`);
  }
  const stack = Stack.of(scope);
  for (const role of props.roles) {
    const [finding] = checkRoleAccount({ role: `'${describeRole(role)}'`, roleAccount: roleAccount(role), target: kind, targetAccount: stack.account });
    if (finding) throw new Error(`\`roles\`: ${finding.message} [${finding.rule.id}]`);
  }
  for (const role of props.roles) checkSameEnvironment(stack, role);
  const wait = props.waitTimeout;
  if (wait !== undefined && !Token.isUnresolved(wait.toSeconds())
    && (wait.toSeconds() < MIN_WAIT_SECONDS || wait.toSeconds() > MAX_WAIT_SECONDS)) {
    throw new Error(`\`waitTimeout\` must be between 1 and 55 minutes (CloudFormation waits one hour for a custom resource), got ${wait.toHumanString()}`);
  }
}

/**
 * A role of this app in another stack is named in this association's stack the way aws-cdk-lib
 * references it across stacks: within one environment by a cross-stack reference; across
 * environments only by a physical name (`roleName`, or one generated for a role that allows it,
 * which an environment-agnostic stack cannot do). Resolving the ARN here finds what would otherwise
 * fail later with a resolution error that names neither the association nor the prop.
 */
function checkSameEnvironment(here: Stack, role: iam.IRole): void {
  if (!Resource.isOwnedResource(role)) return;
  const there = Stack.of(role);
  if (there === here) return;
  try {
    here.resolve(role.roleArn);
  } catch {
    const agnostic = (s: Stack) => Token.isUnresolved(s.account) || Token.isUnresolved(s.region);
    const describe = (s: Stack) => `stack '${s.node.path}' (${agnostic(s) ? 'environment-agnostic' : s.environment})`;
    const why = agnostic(there)
      ? 'a role of an environment-agnostic stack has no name it can generate at synth time'
      : 'the role has no physical name to be named by';
    throw new Error(
      `\`roles\`: '${role.node.path}' is defined in ${describe(there)} and this association in ${describe(here)}, `
      + `and its ARN cannot be named across the two environments (${why}). `
      + 'Give both stacks the same concrete `env`, give the role a `roleName`, or import the role with iam.Role.fromRoleArn and its literal ARN',
    );
  }
}

/**
 * The roles whose trust this app defines must let Redshift assume them for this target (in its
 * Region): checked when the app is synthesized, after every statement has been added to the trust.
 */
function checkTrust(scope: IConstruct, props: AssociationInput, kind: 'cluster' | 'namespace'): string[] {
  const region = Stack.of(scope).region;
  return props.roles.flatMap((entry) => {
    const cfnRole = findRole(entry);
    if (!cfnRole) return [];
    // The same rules as RedshiftIamChecks, acknowledged the same way (Validations.of(x).acknowledge).
    return attachedTrustFindings(`'${describeRole(entry)}'`, cfnRole, kind, region)
      .filter((f) => !isAcknowledged(scope, f.rule.id))
      .map((f) => `\`roles\`: ${f.message} [${f.rule.id}]`);
  });
}

interface Registered {
  readonly scope: IConstruct;
  readonly key: string;
  readonly label: string;
  readonly props: AssociationInput;
}

const REGISTRY = new WeakMap<IConstruct, Registered[]>();
/** The same associations by target (`Registered.key`): what each one compares itself with. */
const BY_TARGET = new WeakMap<IConstruct, Map<string, Registered[]>>();

/**
 * Every association of the app, so that each can check, at synthesis, what the others attach to the
 * same cluster or namespace: the same role in two associations (deleting one would have to leave
 * it, and the README explains what happens across apps), two default roles, more roles than
 * Redshift's quota (50; 10 in the aws-iso and aws-iso-b partitions).
 */
function register(scope: IConstruct, spec: AssociationSpec, props: AssociationInput): void {
  const stack = Stack.of(scope);
  const root = scope.node.root;
  const all = REGISTRY.get(root) ?? [];
  REGISTRY.set(root, all);
  const key = `${stack.account}|${stack.region}|${spec.kind}|${JSON.stringify(stack.resolve(spec.name))}`;
  const label = `${spec.kind === 'cluster' ? 'cluster' : 'namespace'} '${Token.isUnresolved(spec.name) ? scope.node.path : spec.name}'`;
  const self: Registered = { scope, key, label, props };
  all.push(self);
  const byTarget = BY_TARGET.get(root) ?? new Map<string, Registered[]>();
  BY_TARGET.set(root, byTarget);
  const sameTarget = byTarget.get(key) ?? [];
  byTarget.set(key, sameTarget);
  sameTarget.push(self);
  scope.node.addValidation({ validate: () => checkSiblings(self, sameTarget) });
}

/**
 * The associations (ClusterRoleAssociation, NamespaceRoleAssociation) of the app whose root is
 * `root`, in the order they were made, without those taken out of the tree again: what
 * RedshiftIamChecks counts for each cluster, without walking the whole app once per cluster.
 */
export function associationsOf(root: IConstruct): IConstruct[] {
  return (REGISTRY.get(root) ?? []).map((r) => r.scope).filter(inTree);
}

/** Whether an association is still in the tree (`node.tryRemoveChild` takes one out again). */
function inTree(association: IConstruct): boolean {
  return association.node.scope?.node.tryFindChild(association.node.id) === association;
}

/** `sameTarget`: the associations of the app with the same target as `self`, itself among them. */
function checkSiblings(self: Registered, sameTarget: Registered[]): string[] {
  const errors: string[] = [];
  const siblings = sameTarget.filter((o) => o !== self && inTree(o.scope));
  for (const other of siblings) {
    const shared = self.props.roles.filter((r) => other.props.roles.some((o) => roleKey(other.scope, o) === roleKey(self.scope, r)));
    if (shared.length > 0) {
      errors.push(`The associations ${self.scope.node.path} and ${other.scope.node.path} both attach ${shared.map(describeRole).join(', ')} to ${self.label}: list each role in one association only`);
    }
    if (self.props.defaultRole && other.props.defaultRole) {
      errors.push(`The associations ${self.scope.node.path} and ${other.scope.node.path} both set the default role of ${self.label}: set it in one association only`);
    }
  }
  const total = new Set([self, ...siblings].flatMap((r) => r.props.roles.map((role) => roleKey(r.scope, role))));
  const partition = knownPartition(Stack.of(self.scope));
  for (const finding of checkRolesPerCluster({ cluster: self.label, roleCount: total.size, countedIn: 'across the associations of this app', partition })) {
    errors.push(`${finding.message} [${finding.rule.id}]`);
  }
  return errors;
}

