import { aws_iam as iam, aws_redshift as redshift, CustomResource, Duration, Lazy, Stack, Token } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { RedshiftPermissions } from './permissions';
import { MAX_WAIT, RoleAssociationProvider } from './private/association-provider';
import { MAX_ROLES_PER_CLUSTER } from './private/limits';
import { passRoleToRedshift } from './private/pass-role';
import { describeRole, roleAccount } from './private/roles';
import { validateClusterIdentifier, validateServerlessName } from './private/validation';
import { RedshiftArn } from './redshift-arn';

/**
 * Properties shared by the role associations.
 */
export interface RoleAssociationOptions {
  /** The roles to attach: added on create, diffed on update, removed on delete. */
  readonly roles: iam.IRole[];

  /**
   * The role to make the default IAM role (used by SQL that names `IAM_ROLE default`). Must be one
   * of `roles`.
   *
   * @default - the default role is left as it is
   */
  readonly defaultRole?: iam.IRole;

  /**
   * How long to wait for every role to be `in-sync` (and every removed one to be gone), including
   * time spent waiting for another modification of the cluster to finish. At most 55 minutes.
   *
   * @default Duration.minutes(20)
   */
  readonly waitTimeout?: Duration;
}

/**
 * Properties of a ClusterRoleAssociation.
 */
export interface ClusterRoleAssociationProps extends RoleAssociationOptions {
  /** The identifier of an existing cluster, or a `CfnCluster`'s `ref`. */
  readonly clusterIdentifier: string;
}

/**
 * Attaches IAM roles to a Redshift cluster that already exists (seed 002, "Associating IAM roles
 * with clusters"), and optionally sets the cluster's default role.
 *
 * A custom resource on the CDK Provider framework: it adds the roles that are not yet attached in
 * one `ModifyClusterIamRoles` call, waits until each is `in-sync`, retries while another
 * modification of the cluster is in progress, and on delete removes only the roles it added. One
 * handler serves every association in a stack.
 *
 * @example
 * declare const role: RedshiftServiceRole;
 * new ClusterRoleAssociation(this, 'Attach', {
 *   clusterIdentifier: 'my-redshift-cluster',
 *   roles: [role],
 *   defaultRole: role,
 * });
 */
export class ClusterRoleAssociation extends Construct {
  /** The cluster's identifier. */
  public readonly clusterIdentifier: string;
  /** The roles this association attaches. */
  public readonly roles: iam.IRole[];
  /** The default role it sets, if any. */
  public readonly defaultRole?: iam.IRole;

  constructor(scope: Construct, id: string, props: ClusterRoleAssociationProps) {
    super(scope, id);
    validateClusterIdentifier('clusterIdentifier', props.clusterIdentifier);
    checkRoles(this, props);
    this.clusterIdentifier = props.clusterIdentifier;
    this.roles = [...props.roles];
    this.defaultRole = props.defaultRole;

    attachRoles(this, props, {
      target: 'cluster',
      name: props.clusterIdentifier,
      resourceType: 'Custom::RedshiftClusterRoleAssociation',
      targetArn: RedshiftArn.cluster(this, props.clusterIdentifier),
      actions: ['redshift:DescribeClusters', 'redshift:ModifyClusterIamRoles'],
      passedToService: 'redshift.amazonaws.com',
    });

    this.node.addValidation({ validate: () => checkClusterRoleCount(this) });
  }

  /**
   * Gives `grantee` what an operator needs to change this association by hand: the seed 002
   * policy for this cluster and these roles.
   */
  public grantManage(grantee: iam.IGrantable): iam.Grant {
    return RedshiftPermissions.associateRoles(grantee, { clusterIdentifiers: [this.clusterIdentifier], roles: this.roles });
  }
}

/**
 * Properties of a NamespaceRoleAssociation.
 */
export interface NamespaceRoleAssociationProps extends RoleAssociationOptions {
  /** The name of an existing Redshift Serverless namespace (what UpdateNamespace takes). */
  readonly namespaceName: string;

  /**
   * The namespace's ID (a UUID, `CfnNamespace.attrNamespaceNamespaceId`), to scope the handler's
   * permissions to this namespace's ARN.
   *
   * @default - the handler may read and update any namespace of the account in this Region
   * (namespace ARNs hold the ID, which the name does not give)
   */
  readonly namespaceId?: string;
}

/**
 * Attaches IAM roles to a Redshift Serverless namespace that already exists, and optionally sets
 * its default role. UpdateNamespace takes the whole list of roles, so the handler reads the list
 * right before writing, changes only its own roles, and verifies the result; on delete it removes
 * only the roles it added.
 */
export class NamespaceRoleAssociation extends Construct {
  /** The namespace's name. */
  public readonly namespaceName: string;
  /** The roles this association attaches. */
  public readonly roles: iam.IRole[];
  /** The default role it sets, if any. */
  public readonly defaultRole?: iam.IRole;

  private readonly namespaceArn: string;

  constructor(scope: Construct, id: string, props: NamespaceRoleAssociationProps) {
    super(scope, id);
    validateServerlessName('namespaceName', props.namespaceName);
    checkRoles(this, props);
    this.namespaceName = props.namespaceName;
    this.roles = [...props.roles];
    this.defaultRole = props.defaultRole;

    this.namespaceArn = RedshiftArn.serverlessNamespace(this, props.namespaceId ?? '*');
    attachRoles(this, props, {
      target: 'namespace',
      name: props.namespaceName,
      resourceType: 'Custom::RedshiftNamespaceRoleAssociation',
      targetArn: this.namespaceArn,
      actions: ['redshift-serverless:GetNamespace', 'redshift-serverless:UpdateNamespace'],
      passedToService: 'redshift-serverless.amazonaws.com',
      wildcardReason: props.namespaceId === undefined
        ? 'cdk-redshift-iam: a namespace ARN holds the namespace ID, which the namespace name does not give; namespace/* is limited to this account and Region, and to reading and updating namespaces (give namespaceId to name exactly one)'
        : undefined,
    });
  }

  /**
   * Gives `grantee` what an operator needs to change this namespace's roles by hand.
   */
  public grantManage(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({
      grantee,
      actions: ['redshift-serverless:GetNamespace', 'redshift-serverless:UpdateNamespace'],
      resourceArns: [this.namespaceArn],
    }).combine(passRoleToRedshift(grantee, this.roles));
  }
}

interface AttachSpec {
  readonly target: 'cluster' | 'namespace';
  readonly name: string;
  readonly resourceType: string;
  /** The cluster or namespace ARN the handler may read and change. */
  readonly targetArn: string;
  readonly actions: string[];
  /** The service the roles are passed to (iam:PassedToService). */
  readonly passedToService: string;
  /** Why a wildcard in `targetArn` is scoped enough (for cdk-nag), when it has one. */
  readonly wildcardReason?: string;
}

/** The custom resource of an association, and the handler permissions it needs. */
function attachRoles(scope: Construct, props: RoleAssociationOptions, spec: AttachSpec): void {
  const provider = RoleAssociationProvider.of(scope);
  if (spec.wildcardReason) provider.scopedWildcard(spec.targetArn, spec.wildcardReason);
  provider.addToHandlerPolicy(new iam.PolicyStatement({ actions: spec.actions, resources: [spec.targetArn] }));
  provider.addToHandlerPolicy(new iam.PolicyStatement({
    actions: ['iam:PassRole'],
    resources: props.roles.map((r) => r.roleArn),
    conditions: { StringEquals: { 'iam:PassedToService': spec.passedToService } },
  }));

  const wait = props.waitTimeout ?? Duration.minutes(20);
  const resource = new CustomResource(scope, 'Resource', {
    serviceToken: provider.serviceToken,
    resourceType: spec.resourceType,
    properties: {
      Target: spec.target,
      Name: spec.name,
      RoleArns: Lazy.list({ produce: () => props.roles.map((r) => r.roleArn) }),
      DefaultRoleArn: props.defaultRole?.roleArn,
      WaitTimeoutSeconds: String(wait.toSeconds()),
    },
  });
  // The handler's permissions exist before it is invoked.
  resource.node.addDependency(provider.handlerRole);
}

function checkRoles(scope: IConstruct, props: RoleAssociationOptions): void {
  if (props.roles.length === 0) {
    throw new Error('`roles` must list at least one role to attach');
  }
  props.roles.forEach((role, i) => {
    const again = props.roles.findIndex((r) => r === role || (!Token.isUnresolved(r.roleArn) && r.roleArn === role.roleArn));
    if (again !== i) throw new Error(`\`roles\` lists '${describeRole(role)}' more than once`);
  });
  if (props.roles.length > MAX_ROLES_PER_CLUSTER) {
    throw new Error(`\`roles\` lists ${props.roles.length} roles; a Redshift cluster can have at most ${MAX_ROLES_PER_CLUSTER} IAM roles`);
  }
  if (props.defaultRole !== undefined && !props.roles.some((r) => r === props.defaultRole
    || (!Token.isUnresolved(r.roleArn) && r.roleArn === props.defaultRole!.roleArn))) {
    throw new Error(`\`defaultRole\` '${describeRole(props.defaultRole)}' must be one of \`roles\` (the default role must be attached)`);
  }
  const stack = Stack.of(scope);
  for (const role of props.roles) {
    const account = roleAccount(role);
    if (account !== undefined && !Token.isUnresolved(stack.account) && account !== stack.account) {
      throw new Error(`\`roles\`: '${describeRole(role)}' belongs to account ${account}, but the cluster is in account ${stack.account}; Redshift attaches only roles of the cluster's own account (chain a role of another account with ChainedRole instead)`);
    }
  }
  if (props.waitTimeout !== undefined && props.waitTimeout.toSeconds() > MAX_WAIT.toSeconds()) {
    throw new Error(`\`waitTimeout\` must be at most 55 minutes (CloudFormation waits one hour for a custom resource), got ${props.waitTimeout.toHumanString()}`);
  }
}

/** A key that is the same for two references to one role. */
function roleKey(role: iam.IRole | string): string {
  return typeof role === 'string' ? role : role.roleArn;
}

/**
 * Counts the distinct roles that this app attaches to the association's cluster: through every
 * ClusterRoleAssociation with the same identifier in the same account and Region, and through a
 * CfnCluster's own IamRoles when the association targets it. The app is indexed once per synth.
 */
function checkClusterRoleCount(association: ClusterRoleAssociation): string[] {
  const roles = clusterRoleIndex(association).get(clusterKey(association)) ?? new Set<string>();
  if (roles.size > MAX_ROLES_PER_CLUSTER) {
    const name = Token.isUnresolved(association.clusterIdentifier) ? association.node.path : association.clusterIdentifier;
    return [`Cluster '${name}' would have ${roles.size} IAM roles across the associations of this app (and its CfnCluster), over Redshift's limit of ${MAX_ROLES_PER_CLUSTER}`];
  }
  return [];
}

const ROLE_INDEX = new WeakMap<IConstruct, { readonly index: Map<string, Set<string>>; readonly covers: WeakSet<IConstruct> }>();

function clusterKey(scope: IConstruct, clusterIdentifier?: string): string {
  const stack = Stack.of(scope);
  const id = clusterIdentifier ?? (scope as ClusterRoleAssociation).clusterIdentifier;
  return `${stack.account}|${stack.region}|${id}`;
}

/**
 * cluster key -> the roles attached to it by this app. Built once when validation starts, and
 * again if an association that it does not cover asks (constructs added after a synth).
 */
function clusterRoleIndex(association: ClusterRoleAssociation): Map<string, Set<string>> {
  const root = association.node.root;
  const cached = ROLE_INDEX.get(root);
  if (cached && cached.covers.has(association)) return cached.index;
  const index = new Map<string, Set<string>>();
  const covers = new WeakSet<IConstruct>();
  const add = (key: string, role: string) => {
    if (!index.has(key)) index.set(key, new Set());
    index.get(key)!.add(role);
  };
  for (const node of root.node.findAll()) {
    if (node instanceof ClusterRoleAssociation) {
      covers.add(node);
      node.roles.forEach((r) => add(clusterKey(node), roleKey(r)));
    } else if (node instanceof redshift.CfnCluster) {
      const listed = Stack.of(node).resolve(node.iamRoles) as unknown[] | undefined;
      (listed ?? []).forEach((r) => add(clusterKey(node, node.ref), JSON.stringify(r)));
    }
  }
  ROLE_INDEX.set(root, { index, covers });
  return index;
}
