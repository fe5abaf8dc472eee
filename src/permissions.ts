import { aws_iam as iam, aws_s3 as s3, Duration, Token } from 'aws-cdk-lib';
import { allowAuditLogging, AuditLoggingOptions } from './access/audit-logging';
import { dataApi, DataApiOptions } from './access/data-api';
import { integrationResourcePolicy, IntegrationPolicyOptions } from './access/integration-policy';
import { durationSeconds, oneOrMany, scopeOf, tagKey } from './private/conditions';
import { acknowledgeGrantedWildcard } from './private/grantee-wildcards';
import { passRoleToRedshift } from './private/pass-role';
import { checkClusterAction } from './private/redshift-actions';
import { checkName, DATABASE_NAME, DATABASE_NAME_RULE, GROUP_NAME, GROUP_NAME_RULE } from './private/redshift-arns';
import { rejectDuplicates, validateClusterIdentifier, validateDbUserName } from './private/validation';
import { RedshiftArn, RedshiftArnOptions } from './redshift-arn';

/**
 * Options of `RedshiftPermissions.associateRoles`.
 */
export interface AssociateRolesOptions extends RedshiftArnOptions {
  /** The clusters the grantee may associate roles with. */
  readonly clusterIdentifiers: string[];

  /** The roles the grantee may associate (`iam:PassRole`, to Redshift only). */
  readonly roles: iam.IRole[];

  /**
   * Also allow `redshift:CreateCluster` on these clusters (associating roles when creating them).
   *
   * @default false
   */
  readonly allowCreateCluster?: boolean;
}

/**
 * Options of `RedshiftPermissions.getClusterCredentials`.
 */
export interface GetClusterCredentialsOptions extends RedshiftArnOptions {
  /** The cluster. */
  readonly clusterIdentifier: string;

  /**
   * The database users the grantee may get credentials for (`redshift:DbUser`). Give either
   * `dbUsers` or `allDbUsers: true`.
   *
   * @default - none: give `allDbUsers: true` for every user
   */
  readonly dbUsers?: string[];

  /**
   * Allow credentials for every database user of the cluster, the admin user included: an explicit
   * choice instead of leaving `dbUsers` out.
   *
   * @default false
   */
  readonly allDbUsers?: boolean;

  /**
   * The databases the grantee may name (`redshift:DbName`).
   *
   * @default - any database of the cluster
   */
  readonly dbNames?: string[];

  /**
   * The longest credentials the grantee may ask for (`redshift:DurationSeconds`), 15 to 60 minutes.
   *
   * @default - no limit beyond Redshift's own (60 minutes)
   */
  readonly maxDuration?: Duration;

  /**
   * Also allow `redshift:CreateClusterUser` for these users (GetClusterCredentials with AutoCreate).
   *
   * @default false
   */
  readonly autoCreate?: boolean;

  /**
   * Database groups the users may join for the session (`redshift:JoinGroup`).
   *
   * @default - none
   */
  readonly dbGroups?: string[];
}

/**
 * Options of `RedshiftPermissions.getClusterCredentialsWithIam`.
 */
export interface GetClusterCredentialsWithIamOptions extends RedshiftArnOptions {
  /** The cluster. */
  readonly clusterIdentifier: string;

  /**
   * The databases the grantee may name (`redshift:DbName`).
   *
   * @default - any database of the cluster
   */
  readonly dbNames?: string[];

  /**
   * The longest credentials the grantee may ask for (`redshift:DurationSeconds`), 15 to 60 minutes.
   *
   * @default - no limit beyond Redshift's own
   */
  readonly maxDuration?: Duration;
}

/**
 * Options of `RedshiftPermissions.manageClusters`.
 */
export interface ManageClustersOptions {
  /** The Redshift actions, e.g. `redshift:ModifyCluster` (the `redshift:` prefix may be left out). */
  readonly actions: string[];

  /**
   * Only clusters in this Region.
   *
   * @default - the stack's Region
   */
  readonly region?: string;

  /**
   * The account of the clusters.
   *
   * @default - the stack's account
   */
  readonly account?: string;

  /**
   * Only clusters that carry these tags (`aws:ResourceTag/KEY` StringEquals VALUE).
   *
   * @default - no tag condition on the cluster
   */
  readonly resourceTags?: { [key: string]: string };

  /**
   * Only requests that set these tags (`aws:RequestTag/KEY` StringEquals VALUE), e.g. on
   * CreateCluster.
   *
   * @default - no condition on the request's tags
   */
  readonly requestTags?: { [key: string]: string };

  /**
   * The only tag keys a request may set (`ForAllValues:StringEquals` `aws:TagKeys`).
   *
   * @default - any tag keys
   */
  readonly allowedTagKeys?: string[];
}

/**
 * Identity policies for the people and services that manage Redshift: the examples of the
 * Redshift documentation as method calls, scoped to named resources.
 *
 * @example
 * declare const analysts: iam.IRole;
 * RedshiftPermissions.getClusterCredentials(analysts, {
 *   clusterIdentifier: 'my-redshift-cluster',
 *   dbUsers: ['analyst'],
 *   dbNames: ['dev'],
 *   maxDuration: Duration.minutes(30),
 * });
 */
export class RedshiftPermissions {
  /**
   * What a user needs to associate IAM roles with clusters by hand, as in the policy of
   * "Associating IAM roles with clusters" (Amazon Redshift Management Guide): `DescribeClusters`
   * on all clusters, `ModifyClusterIamRoles` (and `CreateCluster` when asked) on the named
   * clusters, and `iam:PassRole` on the named roles, to Redshift only.
   */
  public static associateRoles(grantee: iam.IGrantable, options: AssociateRolesOptions): iam.Grant {
    if (options.clusterIdentifiers.length === 0) throw new Error('`clusterIdentifiers` must name at least one cluster');
    if (options.roles.length === 0) throw new Error('`roles` must list at least one role');
    options.clusterIdentifiers.forEach((c) => validateClusterIdentifier('clusterIdentifiers', c));
    rejectDuplicates('clusterIdentifiers', options.clusterIdentifiers);
    const scope = scopeOf(grantee);
    const clusters = options.clusterIdentifiers.map((c) => RedshiftArn.cluster(scope, c, options));
    acknowledgeGrantedWildcard(scope, '*', ['redshift:DescribeClusters'],
      'redshift:DescribeClusters on \'*\' is the documented policy of "Associating IAM roles with clusters" (Amazon Redshift '
      + 'Management Guide): it lets the operator list the clusters to find the one to change, and only reads their descriptions; '
      + 'the changes (ModifyClusterIamRoles, iam:PassRole) are limited to the named clusters and roles (cdk-redshift-iam).');
    return iam.Grant.addToPrincipal({
      grantee,
      actions: ['redshift:DescribeClusters'],
      resourceArns: ['*'],
    }).combine(iam.Grant.addToPrincipal({
      grantee,
      actions: options.allowCreateCluster
        ? ['redshift:ModifyClusterIamRoles', 'redshift:CreateCluster']
        : ['redshift:ModifyClusterIamRoles'],
      resourceArns: clusters,
    })).combine(passRoleToRedshift(grantee, options.roles));
  }

  /**
   * `redshift:GetClusterCredentials` for named database users and databases, limited with the
   * `redshift:DbUser`, `redshift:DbName` and `redshift:DurationSeconds` condition keys; plus
   * `redshift:CreateClusterUser` (autoCreate) and `redshift:JoinGroup` (dbGroups) when asked.
   */
  public static getClusterCredentials(grantee: iam.IGrantable, options: GetClusterCredentialsOptions): iam.Grant {
    validateClusterIdentifier('clusterIdentifier', options.clusterIdentifier);
    const users = options.dbUsers ?? [];
    users.forEach((u) => validateDbUserName('dbUsers', u));
    rejectDuplicates('dbUsers', users);
    rejectDuplicates('dbNames', options.dbNames ?? []);
    rejectDuplicates('dbGroups', options.dbGroups ?? []);
    (options.dbNames ?? []).forEach((d) => checkName('dbNames', d, DATABASE_NAME, DATABASE_NAME_RULE));
    (options.dbGroups ?? []).forEach((g) => checkName('dbGroups', g, GROUP_NAME, GROUP_NAME_RULE));
    if (options.dbUsers !== undefined && users.length === 0) throw new Error('`dbUsers` must list at least one user; set `allDbUsers: true` instead for any user');
    if (options.dbUsers !== undefined && options.allDbUsers) throw new Error('`dbUsers` and `allDbUsers: true` exclude each other: name the users, or allow every user');
    if (options.dbUsers === undefined && !options.allDbUsers) {
      throw new Error('`dbUsers` must name the database users the grantee may get credentials for; set `allDbUsers: true` to allow every user of the cluster, the admin user included');
    }
    if (options.dbNames !== undefined && options.dbNames.length === 0) throw new Error('`dbNames` must list at least one database; leave it out for any database');
    if (options.dbGroups !== undefined && options.dbGroups.length === 0) throw new Error('`dbGroups` must list at least one group; leave it out to join none');

    const scope = scopeOf(grantee);
    const cluster = options.clusterIdentifier;
    const userArns = (users.length > 0 ? users : ['*']).map((u) => RedshiftArn.dbUser(scope, cluster, u, options));
    const dbNameArns = (options.dbNames ?? ['*']).map((d) => RedshiftArn.dbName(scope, cluster, d, options));

    const conditions: Record<string, Record<string, unknown>> = {};
    const equals: Record<string, unknown> = {};
    if (users.length > 0) equals['redshift:DbUser'] = oneOrMany(users);
    if (options.dbNames) equals['redshift:DbName'] = oneOrMany(options.dbNames);
    if (Object.keys(equals).length > 0) conditions.StringEquals = equals;
    if (options.maxDuration) conditions.NumericLessThanEquals = { 'redshift:DurationSeconds': durationSeconds(options.maxDuration) };

    let grant = iam.Grant.addToPrincipal({
      grantee,
      actions: ['redshift:GetClusterCredentials'],
      resourceArns: [...userArns, ...dbNameArns],
      conditions: Object.keys(conditions).length > 0 ? conditions : undefined,
    });
    if (options.autoCreate) {
      grant = grant.combine(iam.Grant.addToPrincipal({
        grantee,
        actions: ['redshift:CreateClusterUser'],
        resourceArns: userArns,
        conditions: users.length > 0 ? { StringEquals: { 'redshift:DbUser': oneOrMany(users) } } : undefined,
      }));
    }
    if (options.dbGroups && options.dbGroups.length > 0) {
      grant = grant.combine(iam.Grant.addToPrincipal({
        grantee,
        actions: ['redshift:JoinGroup'],
        resourceArns: options.dbGroups.map((g) => RedshiftArn.dbGroup(scope, cluster, g, options)),
      }));
    }
    return grant;
  }

  /**
   * `redshift:GetClusterCredentialsWithIAM`: credentials for the caller's own IAM identity, on
   * the named databases, limited with `redshift:DbName` and `redshift:DurationSeconds`.
   */
  public static getClusterCredentialsWithIam(grantee: iam.IGrantable, options: GetClusterCredentialsWithIamOptions): iam.Grant {
    validateClusterIdentifier('clusterIdentifier', options.clusterIdentifier);
    rejectDuplicates('dbNames', options.dbNames ?? []);
    if (options.dbNames !== undefined && options.dbNames.length === 0) throw new Error('`dbNames` must list at least one database; leave it out for any database');
    (options.dbNames ?? []).forEach((d) => checkName('dbNames', d, DATABASE_NAME, DATABASE_NAME_RULE));
    const scope = scopeOf(grantee);
    const conditions: Record<string, Record<string, unknown>> = {};
    if (options.dbNames) conditions.StringEquals = { 'redshift:DbName': oneOrMany(options.dbNames) };
    if (options.maxDuration) conditions.NumericLessThanEquals = { 'redshift:DurationSeconds': durationSeconds(options.maxDuration) };
    return iam.Grant.addToPrincipal({
      grantee,
      actions: ['redshift:GetClusterCredentialsWithIAM'],
      resourceArns: (options.dbNames ?? ['*']).map((d) => RedshiftArn.dbName(scope, options.clusterIdentifier, d, options)),
      conditions: Object.keys(conditions).length > 0 ? conditions : undefined,
    });
  }

  /**
   * Cluster management actions limited by Region and tags, as in the examples of "Using IAM policy
   * conditions for fine-grained access control" (Amazon Redshift Management Guide): for example
   * ModifyCluster only on clusters tagged `environment=test` in us-west-2, or CreateCluster only
   * with the tag `usage=production` and tag keys within `costcenter` and `usage`.
   */
  public static manageClusters(grantee: iam.IGrantable, options: ManageClustersOptions): iam.Grant {
    if (options.actions.length === 0) throw new Error('`actions` must list at least one Redshift action');
    const actions = options.actions.map((a) => {
      const action = a.includes(':') ? a : `redshift:${a}`;
      if (!Token.isUnresolved(action) && !/^redshift:[A-Za-z]+$/.test(action)) {
        throw new Error(`\`actions\` must be Redshift actions such as redshift:ModifyCluster (no wildcards), got: '${a}'`);
      }
      if (!Token.isUnresolved(action)) checkClusterAction(scopeOf(grantee), action);
      return action;
    });
    rejectDuplicates('actions', actions);
    const equals: Record<string, string> = {};
    for (const [key, value] of Object.entries(options.resourceTags ?? {})) equals[`aws:ResourceTag/${tagKey('resourceTags', key)}`] = value;
    for (const [key, value] of Object.entries(options.requestTags ?? {})) equals[`aws:RequestTag/${tagKey('requestTags', key)}`] = value;
    const conditions: Record<string, Record<string, unknown>> = {};
    if (Object.keys(equals).length > 0) conditions.StringEquals = equals;
    if (options.allowedTagKeys !== undefined) {
      if (options.allowedTagKeys.length === 0) throw new Error('`allowedTagKeys` must list at least one tag key; leave it out to allow any');
      options.allowedTagKeys.forEach((k) => tagKey('allowedTagKeys', k));
      rejectDuplicates('allowedTagKeys', options.allowedTagKeys);
      conditions['ForAllValues:StringEquals'] = { 'aws:TagKeys': options.allowedTagKeys };
    }
    const scope = scopeOf(grantee);
    const clusters = RedshiftArn.cluster(scope, '*', { region: options.region, account: options.account });
    if (Object.keys(conditions).length > 0) {
      // The tag conditions, not the ARN, choose the clusters: the ARN's `*` is how the documented
      // examples write it. Without a condition the grant reaches every cluster and stays reported.
      acknowledgeGrantedWildcard(scope, clusters, actions,
        `${actions.join(', ')} on every cluster of the account and Region only where the tag conditions (${Object.keys(conditions).join(', ')}) hold, `
        + 'as in the examples of "Using IAM policy conditions for fine-grained access control" (Amazon Redshift Management Guide): '
        + 'the tags, not the ARN, choose the clusters (cdk-redshift-iam).');
    }
    return iam.Grant.addToPrincipal({
      grantee,
      actions,
      resourceArns: [clusters],
      conditions: Object.keys(conditions).length > 0 ? conditions : undefined,
    });
  }

  /**
   * The Redshift Data API for a Lambda function, state machine or other caller:
   * `ExecuteStatement` / `BatchExecuteStatement` on one cluster or workgroup, the statement
   * actions (describe, result, cancel, list) on the caller's own statements only, and exactly one
   * way to sign in (`dbUser`, `secret` or `iamIdentity`).
   */
  public static dataApi(grantee: iam.IGrantable, options: DataApiOptions): iam.Grant {
    return dataApi(grantee, options);
  }

  /**
   * The bucket policy Redshift audit logging needs: `s3:PutObject` under the key prefix and
   * `s3:GetBucketAcl`, for the Redshift service principal (the Regional one in opt-in Regions),
   * limited to the named clusters (`aws:SourceArn`) or the account (`aws:SourceAccount`).
   */
  public static allowAuditLogging(bucket: s3.IBucket,
    /** @default - any cluster of the bucket's account may log anywhere in the bucket */
    options: AuditLoggingOptions = {}): iam.AddToResourcePolicyResult {
    return allowAuditLogging(bucket, options);
  }

  /**
   * The resource policy of a cluster or Serverless namespace that lets zero-ETL and S3 event
   * (auto-copy) integrations from the named sources in, for `CfnCluster` / `CfnNamespace`
   * `namespaceResourcePolicy`.
   */
  public static integrationResourcePolicy(options: IntegrationPolicyOptions): iam.PolicyDocument {
    return integrationResourcePolicy(options);
  }

  private constructor() {}
}
