import {
  Annotations,
  aws_iam as iam,
  aws_redshift as redshift,
  aws_redshiftserverless as redshiftserverless,
  CfnElement,
  IAspect,
  Reference,
  Stack,
  Token,
  Tokenization,
} from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ClusterRoleAssociation } from './cluster-role-association';
import { NamespaceRoleAssociation } from './namespace-role-association';
import { MAX_ROLES_PER_CLUSTER } from './private/limits';
import { flattenReference } from './private/nag';
import { accountOfRoleArn, roleAccount } from './private/roles';

/** The AWS managed policies the Redshift console procedure suggests, and other broad ones. */
const BROAD_MANAGED_POLICIES = /:iam::aws:policy\/(service-role\/)?(AmazonS3ReadOnlyAccess|AmazonS3FullAccess|AWSGlueConsoleFullAccess|AmazonAthenaFullAccess|AWSLambdaRole|AdministratorAccess|PowerUserAccess)$/;
const REDSHIFT_PRINCIPAL = /^redshift(\.([a-z0-9-]+))?\.amazonaws\.com(\.cn)?$/;
const SERVERLESS_PRINCIPAL = /^redshift-serverless(\.([a-z0-9-]+))?\.amazonaws\.com(\.cn)?$/;

/**
 * Checks every Redshift cluster, Serverless namespace and role association of a CDK app,
 * including ones not made with this library (a plain `CfnCluster` with hand-made roles), and
 * reports what would fail at deploy time or grants more than it should, as annotations on the
 * offending construct.
 *
 * Errors (synthesis with the CDK CLI fails):
 * - a role attached to a cluster or namespace whose trust policy does not let Redshift assume it
 *   (the deploy-time "IAM role must delegate access to an Amazon Redshift account" failure), or
 *   lets Redshift assume it only in other Regions than the cluster's;
 * - more than 50 roles on one cluster;
 * - a role of another account than the cluster's.
 *
 * Warnings: a Redshift role with the broad AWS managed policies of the console procedure
 * (AmazonS3ReadOnlyAccess, AWSGlueConsoleFullAccess, AmazonAthenaFullAccess, AWSLambdaRole, ...),
 * or with `s3:*`, `*` actions or `*` resources.
 *
 * Info: a Redshift role that any database user in any Region may use.
 *
 * An Aspect, not a cdk-nag rule pack: it needs nothing but aws-cdk-lib, its errors fail `cdk synth`
 * like any other annotation error, and it works whether or not the app uses cdk-nag.
 *
 * @example
 * declare const app: App;
 * Aspects.of(app).add(new RedshiftIamChecks());
 */
export class RedshiftIamChecks implements IAspect {
  public visit(node: IConstruct): void {
    if (node instanceof redshift.CfnCluster) {
      this.checkCluster(node);
    } else if (node instanceof redshiftserverless.CfnNamespace) {
      this.checkAttached(node, 'namespace', node.iamRoles ?? [], node.defaultIamRoleArn);
    } else if (node instanceof ClusterRoleAssociation) {
      this.checkAttached(node, 'cluster', node.roles, node.defaultRole?.roleArn);
    } else if (node instanceof NamespaceRoleAssociation) {
      this.checkAttached(node, 'namespace', node.roles, node.defaultRole?.roleArn);
    } else if (node instanceof iam.CfnRole) {
      this.checkRedshiftRole(node);
    }
  }

  private checkCluster(cluster: redshift.CfnCluster): void {
    const listed = (cluster.iamRoles ?? []) as unknown[];
    this.checkAttached(cluster, 'cluster', listed);
    // The roles of the cluster itself and of every association of this app that targets it.
    const keys = new Set(listed.map((r) => roleRefKey(cluster, r)));
    for (const c of cluster.node.root.node.findAll()) {
      if (c instanceof ClusterRoleAssociation && Stack.of(c) === Stack.of(cluster) && c.clusterIdentifier === cluster.ref) {
        c.roles.forEach((r) => keys.add(roleRefKey(cluster, r.roleArn)));
      }
    }
    if (keys.size > MAX_ROLES_PER_CLUSTER) {
      Annotations.of(cluster).addError(`[RedshiftIamChecks] This cluster would have ${keys.size} IAM roles (its IamRoles and the ClusterRoleAssociations that target it), over Redshift's limit of ${MAX_ROLES_PER_CLUSTER}`);
    }
  }

  /** Trust and account of each role attached to a cluster or namespace. */
  private checkAttached(scope: IConstruct, kind: 'cluster' | 'namespace', roles: unknown[], defaultRoleArn?: string): void {
    const all = defaultRoleArn !== undefined ? [...roles, defaultRoleArn] : roles;
    const seen = new Set<string>();
    const targetStack = Stack.of(scope);
    for (const entry of all) {
      const role = findRole(entry);
      const text = describeRef(scope, entry);
      if (seen.has(text)) continue;
      seen.add(text);

      const account = roleAccountOf(scope, entry, role);
      if (account !== undefined && !Token.isUnresolved(targetStack.account) && account !== targetStack.account) {
        Annotations.of(scope).addError(`[RedshiftIamChecks] Role ${text} belongs to account ${account}, but the ${kind} is in account ${targetStack.account}: Redshift attaches only roles of its own account (chain a role of another account instead)`);
      }
      if (!role) continue;
      const trust = trustStatements(role);
      const principals = trust.flatMap((s) => servicePrincipals(s));
      const pattern = kind === 'namespace' ? SERVERLESS_PRINCIPAL : REDSHIFT_PRINCIPAL;
      const redshiftPrincipals = principals.filter((p) => pattern.test(p));
      if (redshiftPrincipals.length === 0) {
        const needed = kind === 'namespace' ? 'redshift-serverless.amazonaws.com' : 'redshift.amazonaws.com';
        Annotations.of(scope).addError(`[RedshiftIamChecks] Role ${text} is attached to this ${kind}, but its trust policy does not let ${needed} assume it: the deployment would fail with "IAM role must delegate access to an Amazon Redshift account". Use RedshiftServiceRole, or trust ${needed} with sts:AssumeRole`);
        continue;
      }
      const region = targetStack.region;
      const global = redshiftPrincipals.some((p) => !pattern.exec(p)![2]);
      const regions = redshiftPrincipals.map((p) => pattern.exec(p)![2]).filter((r): r is string => r !== undefined);
      if (!global && !Token.isUnresolved(region) && !regions.includes(region)) {
        Annotations.of(scope).addError(`[RedshiftIamChecks] Role ${text} trusts Redshift only in ${regions.join(', ')}, but this ${kind} is in ${region}: Redshift could not assume it`);
      }
    }
  }

  /** Broad grants on, and missing restrictions of, a role that Redshift can assume. */
  private checkRedshiftRole(role: iam.CfnRole): void {
    const trust = trustStatements(role);
    const principals = trust.flatMap((s) => servicePrincipals(s));
    if (!principals.some((p) => REDSHIFT_PRINCIPAL.test(p) || SERVERLESS_PRINCIPAL.test(p))) return;
    const stack = Stack.of(role);

    for (const arn of (stack.resolve(role.managedPolicyArns) ?? []) as unknown[]) {
      const text = flattenReference(arn);
      if (BROAD_MANAGED_POLICIES.test(text)) {
        const name = text.split('/').pop();
        Annotations.of(role).addWarningV2('cdk-redshift-iam:broad-managed-policy',
          `[RedshiftIamChecks] This Redshift role has the AWS managed policy ${name}, which reaches every resource of its services in the account; grant the commands it needs on named resources instead (RedshiftServiceRole.allow*)`);
      }
    }

    for (const statement of identityStatements(role)) {
      if (statement.Effect !== 'Allow') continue;
      const actions = asList(statement.Action);
      const resources = asList(statement.Resource).map(flattenReference);
      const wild = actions.filter((a) => a === '*' || a === 's3:*');
      if (wild.length > 0) {
        Annotations.of(role).addWarningV2('cdk-redshift-iam:wildcard-action',
          `[RedshiftIamChecks] This Redshift role allows ${wild.join(', ')}; grant the actions its commands need (RedshiftServiceRole.allow*)`);
      }
      if (resources.includes('*')) {
        Annotations.of(role).addWarningV2('cdk-redshift-iam:wildcard-resource',
          `[RedshiftIamChecks] This Redshift role allows ${actions.join(', ')} on every resource ('*'); name the buckets, tables and functions instead`);
      }
    }

    const byUser = trust.some((s) => JSON.stringify(s.Condition ?? {}).includes('sts:ExternalId'));
    const byRegion = principals
      .filter((p) => REDSHIFT_PRINCIPAL.test(p) || SERVERLESS_PRINCIPAL.test(p))
      .every((p) => (REDSHIFT_PRINCIPAL.exec(p)?.[2] ?? SERVERLESS_PRINCIPAL.exec(p)?.[2]) !== undefined);
    if (!byUser && !byRegion) {
      Annotations.of(role).addInfo('[RedshiftIamChecks] Every database user of every cluster this role is attached to, in every Region, may use it; restrict it with databaseUsers (sts:ExternalId) or regions');
    }
  }
}

// -------------------------------------------------------------------------------------------------

/** The CfnRole behind a role reference (an IRole, or a Token of its ARN), when this app defines it. */
function findRole(entry: unknown): iam.CfnRole | undefined {
  if (entry instanceof iam.Role) return entry.node.defaultChild as iam.CfnRole;
  if (typeof entry === 'object' && entry !== null && 'roleArn' in (entry as any)) {
    return findRole((entry as iam.IRole).roleArn);
  }
  if (typeof entry !== 'string' || !Token.isUnresolved(entry)) return undefined;
  const reversed = Tokenization.reverseString(entry).firstToken;
  if (reversed instanceof Reference && reversed.target instanceof iam.CfnRole) return reversed.target;
  return undefined;
}

function roleAccountOf(scope: IConstruct, entry: unknown, role: iam.CfnRole | undefined): string | undefined {
  if (role) {
    const account = Stack.of(role).account;
    return Token.isUnresolved(account) ? undefined : account;
  }
  if (typeof entry === 'object' && entry !== null && 'roleArn' in (entry as any)) return roleAccount(entry as iam.IRole);
  if (typeof entry !== 'string') return undefined;
  return accountOfRoleArn(flattenReference(Stack.of(scope).resolve(entry)));
}

function roleRefKey(scope: IConstruct, entry: unknown): string {
  const role = findRole(entry);
  return role ? role.node.path : describeRef(scope, entry);
}

function describeRef(scope: IConstruct, entry: unknown): string {
  const role = findRole(entry);
  if (role) return `'${role.node.path}'`;
  const arn = typeof entry === 'string' ? entry : (entry as iam.IRole | undefined)?.roleArn;
  return `'${flattenReference(Stack.of(scope).resolve(arn))}'`;
}

interface Statement {
  readonly Effect?: string;
  readonly Action?: unknown;
  readonly Resource?: unknown;
  readonly Principal?: any;
  readonly Condition?: unknown;
}

function trustStatements(role: iam.CfnRole): Statement[] {
  const doc = Stack.of(role).resolve(role.assumeRolePolicyDocument) as { Statement?: Statement[] } | undefined;
  return (doc?.Statement ?? []).filter((s) => s.Effect === 'Allow'
    && asList(s.Action).some((a) => a === 'sts:AssumeRole' || a === 'sts:*' || a === '*'));
}

function servicePrincipals(statement: Statement): string[] {
  return asList(statement.Principal?.Service).map(flattenReference);
}

/** The statements of the role's inline policies and of the policies in this app attached to it. */
function identityStatements(role: iam.CfnRole): Statement[] {
  const stack = Stack.of(role);
  const docs: unknown[] = [];
  for (const p of (stack.resolve(role.policies) ?? []) as Array<{ policyDocument?: unknown; PolicyDocument?: unknown }>) {
    docs.push(p.PolicyDocument ?? p.policyDocument);
  }
  const logicalId = stack.resolve((role as CfnElement).logicalId);
  const attachedToRole = (roles: unknown) => JSON.stringify(stack.resolve(roles) ?? []).includes(JSON.stringify({ Ref: logicalId }));
  for (const c of stack.node.findAll()) {
    if ((c instanceof iam.CfnPolicy || c instanceof iam.CfnManagedPolicy) && attachedToRole(c.roles)) {
      docs.push(c.policyDocument);
    }
  }
  return docs.flatMap((d) => ((stack.resolve(d) as { Statement?: Statement[] } | undefined)?.Statement ?? []));
}

function asList(value: unknown): any[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
