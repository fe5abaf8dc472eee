import { aws_dynamodb as dynamodb, aws_iam as iam, aws_kms as kms, aws_s3 as s3, Duration } from 'aws-cdk-lib';
import { associateRoles } from './access/associate-roles';
import { allowAuditLogging, AuditLoggingOptions } from './access/audit-logging';
import { getClusterCredentials, getClusterCredentialsWithIam } from './access/cluster-credentials';
import { dataApi, DataApiOptions } from './access/data-api';
import { DataShareAdminOptions, manageDataShares } from './access/data-shares';
import { getIdentityCenterAuthToken, GetIdentityCenterAuthTokenOptions } from './access/identity-center';
import { integrationResourcePolicy, IntegrationPolicyOptions } from './access/integration-policy';
import { manageClusters } from './access/manage-clusters';
import { getServerlessCredentials, GetServerlessCredentialsOptions } from './access/serverless-credentials';
import { createIntegrations, CreateIntegrationOptions, dynamoDbIntegrationSource, integrationKeyPolicy, ZeroEtlPolicyOptions } from './access/zero-etl';
import { RedshiftArnOptions } from './redshift-arn';
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
    return associateRoles(grantee, options);
  }

  /**
   * `redshift:GetClusterCredentials` for named database users and databases of one cluster.
   *
   * Limited with the `redshift:DbUser`, `redshift:DbName` and `redshift:DurationSeconds` condition
   * keys; plus `redshift:CreateClusterUser` (autoCreate) and `redshift:JoinGroup` (dbGroups) when asked.
   */
  public static getClusterCredentials(grantee: iam.IGrantable, options: GetClusterCredentialsOptions): iam.Grant {
    return getClusterCredentials(grantee, options);
  }

  /**
   * `redshift:GetClusterCredentialsWithIAM`: credentials for the caller's own IAM identity, on
   * the named databases, limited with `redshift:DbName` and `redshift:DurationSeconds`.
   */
  public static getClusterCredentialsWithIam(grantee: iam.IGrantable, options: GetClusterCredentialsWithIamOptions): iam.Grant {
    return getClusterCredentialsWithIam(grantee, options);
  }

  /**
   * Cluster management actions limited by Region and tags, as in the examples of "Using IAM policy
   * conditions for fine-grained access control" (Amazon Redshift Management Guide): for example
   * ModifyCluster only on clusters tagged `environment=test` in us-west-2, or CreateCluster only
   * with the tag `usage=production` and tag keys within `costcenter` and `usage`.
   */
  public static manageClusters(grantee: iam.IGrantable, options: ManageClustersOptions): iam.Grant {
    return manageClusters(grantee, options);
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

  /**
   * What a producer or consumer administrator of Redshift data sharing needs, on the named datashares only.
   *
   * Producers authorize and deauthorize only the named consumers (`redshift:ConsumerIdentifier`), consumers associate
   * and disassociate only the named namespaces (`redshift:ConsumerArn`) and may reject; writes only when asked
   * (`redshift:AllowWrites`); the DescribeDataShares actions, which have no resource type, on `*`.
   */
  public static manageDataShares(grantee: iam.IGrantable, options: DataShareAdminOptions): iam.Grant {
    return manageDataShares(grantee, options);
  }

  /**
   * `redshift:GetIdentityCenterAuthToken` on the named clusters and `redshift-serverless:GetIdentityCenterAuthToken`
   * on the named workgroups: an Identity Center token for an identity-enhanced IAM role session.
   */
  public static getIdentityCenterAuthToken(grantee: iam.IGrantable, options: GetIdentityCenterAuthTokenOptions): iam.Grant {
    return getIdentityCenterAuthToken(grantee, options);
  }

  /**
   * `redshift-serverless:GetCredentials` on the named workgroups: IAM sign-in to Redshift Serverless.
   *
   * No condition key limits the database or the database user, unlike GetClusterCredentials.
   */
  public static getServerlessCredentials(grantee: iam.IGrantable, options: GetServerlessCredentialsOptions): iam.Grant {
    return getServerlessCredentials(grantee, options);
  }

  /**
   * The identity policy of whoever creates zero-ETL and S3 event integrations from the named sources into the named
   * targets: `rds:CreateIntegration` for Aurora and RDS sources, `redshift:CreateIntegration` limited by source and
   * target for the others, and `redshift:CreateInboundIntegration` on the targets.
   */
  public static createIntegrations(grantee: iam.IGrantable, options: CreateIntegrationOptions): iam.Grant {
    return createIntegrations(grantee, options);
  }

  /**
   * The resource policy statements of a DynamoDB table that is the source of zero-ETL integrations, added to the
   * table's policy: `redshift.amazonaws.com` may export the table and describe it and its exports, for the named
   * integrations only.
   */
  public static dynamoDbIntegrationSource(table: dynamodb.ITable,
    /** @default - any integration of the table's account and Region */
    options: ZeroEtlPolicyOptions = {}): iam.AddToResourcePolicyResult {
    return dynamoDbIntegrationSource(table, options);
  }

  /**
   * The key policy statement of a customer managed key that encrypts zero-ETL integrations, added to the key's
   * policy: `kms:Decrypt` and `kms:CreateGrant` for `redshift.amazonaws.com`, for the named integrations only.
   */
  public static integrationKeyPolicy(key: kms.IKey,
    /** @default - any integration of the key's account and Region */
    options: ZeroEtlPolicyOptions = {}): iam.AddToResourcePolicyResult {
    return integrationKeyPolicy(key, options);
  }

  private constructor() {}
}
