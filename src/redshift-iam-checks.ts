import {
  Annotations,
  aws_iam as iam,
  aws_redshift as redshift,
  aws_redshiftserverless as redshiftserverless,
  CfnResource,
  IAspect,
  Stack,
  Token,
  Validations,
} from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { associationsOf } from './associations/role-association';
import { ClusterRoleAssociation } from './cluster-role-association';
import { ImportedRedshiftRole } from './imported-redshift-role';
import { NamespaceRoleAssociation } from './namespace-role-association';
import { isAcknowledged } from './private/acknowledgements';
import { bucketPolicyStatements, describeBucket } from './private/bucket-references';
import { distinctBy } from './private/duplicates';
import { flattenReference } from './private/nag';
import { servicePrincipals, statementsOf } from './private/policy-json';
import { trustNamesRedshift } from './private/redshift-principals';
import {
  describeRef,
  findRole,
  identityStatements,
  roleAccountOf,
  roleRefKey,
  roleTrustStatements,
} from './private/role-references';
import { knownPartition } from './private/stack-scoped';
import { attachedTrustFindings } from './rules/attached-trust';
import { checkAuditLogBucketPolicy } from './rules/audit-log-bucket-policy';
import { checkBroadManagedPolicy } from './rules/broad-managed-policy';
import { checkDefaultRoleAttached } from './rules/default-role-attached';
import { checkIdcApplicationTrust, IDC_APPLICATION_RESOURCE_TYPE, trustIsIdcApplication } from './rules/idc-application-trust';
import { checkRoleAccount } from './rules/role-account';
import { checkRolesPerCluster } from './rules/roles-per-cluster';
import { Finding, RedshiftTarget } from './rules/rule';
import { checkSchedulerTrust, trustNamesScheduler } from './rules/scheduler-trust';
import { checkUnrestrictedTrust } from './rules/unrestricted-trust';
import { checkWildcardAction } from './rules/wildcard-action';
import { checkWildcardResource } from './rules/wildcard-resource';

/**
 * Options of RedshiftIamChecks.
 */
export interface RedshiftIamChecksProps {
  /**
   * Report info findings too: advice about a deliberate choice, such as a Redshift role that every
   * database user may use (`cdk-redshift-iam:unrestricted-trust`).
   *
   * @default false - info findings are not reported: an app with many roles would print one block
   * for each on every synth, and bury the warnings and errors
   */
  readonly info?: boolean;
}

/** The entries of a list property, or `undefined` when the list is a Token (its entries unknown). */
function knownList(list: string[] | undefined): string[] | undefined {
  if (list === undefined) return [];
  return Token.isUnresolved(list) || list.some((e) => typeof e === 'string' && isEncodedList(e)) ? undefined : list;
}

/** Whether `value` is a list Token encoded in a string (it cannot be resolved as a scalar). */
function isEncodedList(value: string): boolean {
  return /#\{Token\[/.test(value);
}

/**
 * Checks every Redshift cluster, Serverless namespace and role association of a CDK app,
 * including ones not made with this library (a plain `CfnCluster` with hand-made roles), and
 * reports what would fail at deploy time or grants more than it should, as annotations on the
 * offending construct. Every finding carries a stable id (`cdk-redshift-iam:...`).
 *
 * Errors (synthesis with the CDK CLI fails):
 * - a role attached to a cluster or namespace whose trust policy does not let Redshift assume it
 *   (the deploy-time "IAM role must delegate access to an Amazon Redshift account" failure), or
 *   lets Redshift assume it only in other Regions than the cluster's;
 * - more than 50 roles on one cluster (10 in the aws-iso and aws-iso-b partitions);
 * - a role of another account than the cluster's;
 * - a Serverless namespace whose default IAM role is not among its roles;
 * - a scheduled action whose role (defined in the app) the Redshift scheduler cannot assume;
 * - a Redshift IAM Identity Center application (`AWS::Redshift::RedshiftIdcApplication`, read by its
 *   type) whose role, defined in the app, does not let Redshift and Redshift Serverless call
 *   `sts:AssumeRole` and `sts:SetContext`.
 *
 * Warnings: a Redshift role with a broad AWS managed policy (AmazonRedshiftAllCommandsFullAccess,
 * the console's default role's, AmazonRedshiftFullAccess, AmazonBedrockFullAccess,
 * AmazonS3TablesFullAccess, AmazonS3TablesReadOnlyAccess, those of the console
 * procedure: AmazonS3ReadOnlyAccess, AWSGlueConsoleFullAccess, AmazonAthenaFullAccess, AWSLambdaRole, ...),
 * or with `s3:*`, `*` actions or `*` resources; a cluster that logs to an S3 bucket that no bucket
 * policy of the app lets Redshift write to.
 *
 * Info (only with `info: true`): a Redshift role that any database user in any Region may use.
 *
 * A finding is acknowledged on the construct it is reported on or on any of its parents (the
 * role, its stack, the app): warnings with `Annotations.of(x).acknowledgeWarning(id, reason)`,
 * infos with `Annotations.of(x).acknowledgeInfo(id, reason)`, and any finding, errors included,
 * with `Validations.of(x).acknowledge({ id, reason })`, which keeps the reason in the construct
 * metadata.
 *
 * An Aspect, not a cdk-nag rule pack: it needs nothing but aws-cdk-lib, its errors fail `cdk synth`
 * like any other annotation error, and it works whether or not the app uses cdk-nag.
 *
 * @example
 * declare const app: App;
 * Aspects.of(app).add(new RedshiftIamChecks());
 */
export class RedshiftIamChecks implements IAspect {
  private readonly info: boolean;

  constructor(
    /** @default - errors and warnings are reported, infos are not */
    props: RedshiftIamChecksProps = {}) {
    this.info = props.info ?? false;
  }

  public visit(node: IConstruct): void {
    if (node instanceof redshift.CfnCluster) {
      this.checkCluster(node);
    } else if (node instanceof redshiftserverless.CfnNamespace) {
      this.checkAttached(node, 'namespace', knownList(node.iamRoles) ?? [], node.defaultIamRoleArn);
      this.checkNamespaceDefaultRole(node);
    } else if (node instanceof redshift.CfnScheduledAction) {
      this.checkScheduledAction(node);
    } else if (node instanceof ClusterRoleAssociation) {
      // The associations check their roles' trust themselves (the same rules and acknowledgements).
      this.checkAttached(node, 'cluster', node.roles, node.defaultRole?.roleArn, false);
    } else if (node instanceof NamespaceRoleAssociation) {
      this.checkAttached(node, 'namespace', node.roles, node.defaultRole?.roleArn, false);
    } else if (node instanceof iam.CfnRole) {
      this.checkRedshiftRole(node);
    } else if (node instanceof ImportedRedshiftRole) {
      this.checkExistingRole(node);
    } else if (CfnResource.isCfnResource(node) && node.cfnResourceType === IDC_APPLICATION_RESOURCE_TYPE) {
      this.checkIdcApplication(node);
    }
  }

  private checkCluster(cluster: redshift.CfnCluster): void {
    // A list Token (a CommaDelimitedList parameter, Fn::Split of an import) holds roles nobody can
    // read at synth time: only the associations' roles are checked and counted.
    const listed = knownList(cluster.iamRoles) ?? [];
    this.checkAttached(cluster, 'cluster', listed);
    // The roles of the cluster itself and of every association of this app that targets it.
    const keys = listed.map((r) => roleRefKey(cluster, r));
    for (const c of associationsOf(cluster.node.root)) {
      if (c instanceof ClusterRoleAssociation && Stack.of(c) === Stack.of(cluster) && c.clusterIdentifier === cluster.ref) {
        c.roles.forEach((r) => keys.push(roleRefKey(cluster, r.roleArn)));
      }
    }
    this.report(cluster, checkRolesPerCluster({
      cluster: 'This cluster',
      roleCount: distinctBy(keys, (k) => k).length,
      countedIn: 'its IamRoles and the ClusterRoleAssociations that target it',
      partition: knownPartition(Stack.of(cluster)),
    }));
    this.checkAuditLogging(cluster);
  }

  /** Audit logging to S3: a bucket policy of the app must let Redshift write the logs. */
  private checkAuditLogging(cluster: redshift.CfnCluster): void {
    // The L1 property as given (camelCase), or as an override may have set it (PascalCase).
    const logging = Stack.of(cluster).resolve(cluster.loggingProperties) as Record<string, unknown> | undefined;
    const destination = logging?.logDestinationType ?? logging?.LogDestinationType ?? 's3';
    const resolvedName = logging?.bucketName ?? logging?.BucketName;
    if (resolvedName === undefined || destination !== 's3') return;
    // The unresolved value, so that a bucket of this app is recognized through its Token.
    const bucketName = (cluster.loggingProperties as redshift.CfnCluster.LoggingPropertiesProperty).bucketName ?? resolvedName;
    this.report(cluster, checkAuditLogBucketPolicy({
      bucket: describeBucket(cluster, bucketName),
      statements: bucketPolicyStatements(cluster, bucketName),
    }));
  }

  /** A namespace's default role must be one of its roles (its own, or a NamespaceRoleAssociation's). */
  private checkNamespaceDefaultRole(namespace: redshiftserverless.CfnNamespace): void {
    const defaultRole = namespace.defaultIamRoleArn;
    if (defaultRole === undefined) return;
    const own = knownList(namespace.iamRoles);
    if (own === undefined) return; // the namespace's roles are a list Token: the default may be among them
    const keys = own.map((r) => roleRefKey(namespace, r));
    for (const c of associationsOf(namespace.node.root)) {
      if (c instanceof NamespaceRoleAssociation && Stack.of(c) === Stack.of(namespace) && c.namespaceName === namespace.namespaceName) {
        c.roles.forEach((r) => keys.push(roleRefKey(namespace, r.roleArn)));
      }
    }
    this.report(namespace, checkDefaultRoleAttached({
      defaultRole: describeRef(namespace, defaultRole),
      defaultRoleKey: roleRefKey(namespace, defaultRole),
      roleKeys: keys,
      target: 'namespace',
    }));
  }

  /** The role of a scheduled action, when this app defines it, must trust the Redshift scheduler. */
  private checkScheduledAction(action: redshift.CfnScheduledAction): void {
    const cfnRole = action.iamRole === undefined ? undefined : findRole(action.iamRole);
    if (!cfnRole) return;
    this.report(action, checkSchedulerTrust({
      role: describeRef(action, action.iamRole),
      principals: roleTrustStatements(cfnRole).flatMap(servicePrincipals),
    }));
  }

  /** Trust and account of each role attached to a cluster or namespace. */
  private checkAttached(scope: IConstruct, target: RedshiftTarget, roles: unknown[], defaultRoleArn?: string, trust = true): void {
    const all = defaultRoleArn !== undefined ? [...roles, defaultRoleArn] : roles;
    const stack = Stack.of(scope);
    for (const entry of distinctBy(all, (e) => describeRef(scope, e))) {
      const role = describeRef(scope, entry);
      this.report(scope, checkRoleAccount({ role, roleAccount: roleAccountOf(scope, entry), target, targetAccount: stack.account }));
      const cfnRole = findRole(entry);
      if (!cfnRole || !trust) continue;
      this.report(scope, attachedTrustFindings(role, cfnRole, target, stack.region));
    }
  }

  /** Broad grants on, and missing restrictions of, a role that Redshift can assume. */
  private checkRedshiftRole(role: iam.CfnRole): void {
    const trust = roleTrustStatements(role);
    if (!trustNamesRedshift(trust.flatMap(servicePrincipals), 'any')) return;
    const managedPolicyArns = ((Stack.of(role).resolve(role.managedPolicyArns) ?? []) as unknown[]).map(flattenReference);
    this.report(role, checkBroadManagedPolicy({ managedPolicyArns }));
    const statements = identityStatements(role);
    this.report(role, checkWildcardAction({ statements }));
    this.report(role, checkWildcardResource({ statements }));
    // A scheduler role trusts redshift.amazonaws.com too, but no database user ever uses it.
    // An IdC application role neither: Redshift assumes it to read Identity Center, never for a user's command.
    if (this.info && !trustNamesScheduler(trust.flatMap(servicePrincipals)) && !trustIsIdcApplication(trust)) {
      this.report(role, checkUnrestrictedTrust({ trust }));
    }
  }

  /**
   * A role that exists already (RedshiftServiceRole.fromExistingRoleArn): its trust and its other
   * policies are not in the app, so only what this app attaches to it is checked.
   */
  private checkExistingRole(role: ImportedRedshiftRole): void {
    const statements = role.node.findAll()
      .filter((c): c is iam.CfnPolicy | iam.CfnManagedPolicy => c instanceof iam.CfnPolicy || c instanceof iam.CfnManagedPolicy)
      .flatMap((p) => statementsOf(Stack.of(p).resolve(p.policyDocument)));
    this.report(role, checkWildcardAction({ statements }));
    this.report(role, checkWildcardResource({ statements }));
  }

  /**
   * The role of a Redshift IAM Identity Center application (`IamRoleArn`), when this app defines it,
   * must let Redshift and Redshift Serverless assume it and set the session's context. The resource
   * is read by its CloudFormation type: aws-cdk-lib 2.257 has no L1 class for it (a `CfnResource`),
   * and a later release's `CfnRedshiftIdcApplication` has the same type and an `iamRoleArn` property.
   */
  private checkIdcApplication(application: CfnResource): void {
    const typed = application as unknown as { iamRoleArn?: unknown; _cfnProperties?: Record<string, unknown> };
    const roleArn = typed.iamRoleArn ?? typed._cfnProperties?.IamRoleArn ?? typed._cfnProperties?.iamRoleArn;
    const cfnRole = findRole(roleArn);
    if (!cfnRole) return;
    this.report(application, checkIdcApplicationTrust({
      role: describeRef(application, roleArn),
      trust: statementsOf(Stack.of(cfnRole).resolve(cfnRole.assumeRolePolicyDocument)),
    }));
  }

  /** Each finding as an annotation that carries its id, unless it was acknowledged. */
  private report(scope: IConstruct, findings: Finding[]): void {
    for (const { rule, message } of findings) {
      if (isAcknowledged(scope, rule.id)) continue;
      const text = `[RedshiftIamChecks] ${message}`;
      switch (rule.level) {
        case 'error':
          Validations.of(scope).addError(rule.id, text);
          break;
        case 'warning':
          Annotations.of(scope).addWarningV2(rule.id, text);
          break;
        case 'info':
          Annotations.of(scope).addInfoV2(rule.id, text);
          break;
      }
    }
  }
}
