import { aws_iam as iam, aws_s3 as s3, region_info as regionInfo, Stack, Token } from 'aws-cdk-lib';
import { oneOrMany } from '../private/conditions';
import { redshiftArn } from '../private/redshift-arns';
import { validateList, validateAccount, validateClusterIdentifier, validateKeyPrefix } from '../private/validation';

/**
 * Options of `RedshiftPermissions.allowAuditLogging`.
 */
export interface AuditLoggingOptions {
  /**
   * The key prefix the clusters log under (`LoggingProperties.S3KeyPrefix`, EnableLogging's
   * `S3KeyPrefix`): Redshift may write only under it.
   *
   * @default - anywhere in the bucket
   */
  readonly keyPrefix?: string;

  /**
   * The only clusters that may write their audit logs here (`aws:SourceArn`). Audit logging
   * writes to a bucket in the cluster's own Region, so they are clusters of the bucket's Region.
   *
   * @default - any cluster of `account` (`aws:SourceAccount`)
   */
  readonly clusterIdentifiers?: string[];

  /**
   * The account of the clusters, when it is not the bucket's (a central logging bucket).
   *
   * @default - the account of the bucket's stack
   */
  readonly account?: string;
}

const GLOBAL_PRINCIPAL = 'redshift.amazonaws.com';

/**
 * The bucket policy that Redshift audit logging needs, from "Database audit logging" (Amazon
 * Redshift Management Guide, db-auditing.html, "Bucket permissions for Amazon Redshift audit
 * logging" and "Best practices for S3 bucket permissions"):
 *
 * - `s3:PutObject` on the objects under the key prefix and `s3:GetBucketAcl` on the bucket (it
 *   reads the bucket owner), for the Redshift service principal;
 * - the principal is `redshift.amazonaws.com`, except in the Regions that are not enabled by default
 *   ("opt-in" Regions), which "require a region-specific service principal name",
 *   `redshift.REGION.amazonaws.com`, where REGION is the cluster's (the bucket's) Region. Which
 *   Regions are opt-in comes from aws-cdk-lib's region-info; a Region it does not know is newer
 *   than it, and every Region launched since 2019 is opt-in. In a stack whose Region is a Token,
 *   both principals are named;
 * - limited against the confused deputy with `aws:SourceArn` (the named clusters) or, without
 *   clusters, `aws:SourceAccount`.
 *
 * Audit logging writes only with Amazon S3 managed keys ("Currently, you can only use Amazon
 * S3-managed keys (SSE-S3) encryption (AES-256) for audit logging"): a bucket with a KMS key is an
 * error.
 */
export function allowAuditLogging(bucket: s3.IBucket, options: AuditLoggingOptions = {}): iam.AddToResourcePolicyResult {
  validateKeyPrefix('keyPrefix', options.keyPrefix);
  validateAuditPrefix(options.keyPrefix);
  const clusters = options.clusterIdentifiers;
  if (clusters !== undefined) {
    validateList('clusterIdentifiers', clusters, { what: 'cluster', omit: 'for any cluster of the account', each: validateClusterIdentifier });
  }
  if (options.account !== undefined) validateAccount('account', options.account);
  rejectKms(bucket);

  const stack = Stack.of(bucket);
  const account = options.account ?? stack.account;
  const conditions = clusters !== undefined
    ? { StringEquals: { 'aws:SourceArn': oneOrMany(clusters.map((c) => redshiftArn(bucket, 'cluster', c, { account: options.account }))) } }
    : { StringEquals: { 'aws:SourceAccount': account } };
  const principals = auditLoggingPrincipals(stack.region).map((p) => new iam.ServicePrincipal(p));
  const statements = [
    new iam.PolicyStatement({
      sid: 'RedshiftAuditLoggingPutObject',
      principals,
      actions: ['s3:PutObject'],
      resources: [bucket.arnForObjects(`${options.keyPrefix ?? ''}*`)],
      conditions,
    }),
    new iam.PolicyStatement({
      sid: 'RedshiftAuditLoggingGetBucketAcl',
      principals,
      actions: ['s3:GetBucketAcl'],
      resources: [bucket.bucketArn],
      conditions,
    }),
  ];

  const first = bucket.addToResourcePolicy(statements[0]);
  if (!first.statementAdded) {
    const text = JSON.stringify(stack.resolve(statements.map((s) => s.toStatementJson())), undefined, 2);
    throw new Error(`\`allowAuditLogging\` cannot add to the bucket policy of '${bucket.node.path}': the bucket is imported, so this app does not own its policy. `
      + `Add these statements to the policy of bucket ${JSON.stringify(stack.resolve(bucket.bucketName))} where it is defined:\n${text}`);
  }
  const second = bucket.addToResourcePolicy(statements[1]);
  return { statementAdded: second.statementAdded, policyDependable: second.policyDependable ?? first.policyDependable };
}

/**
 * The service principals through which Redshift delivers audit logs in `region`: the Regional one
 * in an opt-in Region, else the global one; both when the Region is a Token.
 */
export function auditLoggingPrincipals(region: string): string[] {
  if (Token.isUnresolved(region)) return [GLOBAL_PRINCIPAL, `redshift.${region}.amazonaws.com`];
  const known = regionInfo.RegionInfo.regions.some((r) => r.name === region);
  const optIn = known ? regionInfo.RegionInfo.get(region).isOptInRegion : true;
  return optIn ? [`redshift.${region}.amazonaws.com`] : [GLOBAL_PRINCIPAL];
}

/** A bucket whose default encryption uses AWS KMS: its key, or `aws:kms` in its CfnBucket. */
function rejectKms(bucket: s3.IBucket): void {
  const cfn = bucket.node.defaultChild;
  // The L1 property as given (camelCase), or as an escape hatch may have set it (PascalCase).
  const encryption = cfn instanceof s3.CfnBucket ? Stack.of(bucket).resolve(cfn.bucketEncryption) as any : undefined;
  const rules: any[] = encryption?.serverSideEncryptionConfiguration ?? encryption?.ServerSideEncryptionConfiguration ?? [];
  const algorithm: string | undefined = rules
    .map((r) => r?.serverSideEncryptionByDefault?.sseAlgorithm ?? r?.ServerSideEncryptionByDefault?.SSEAlgorithm)
    .find((a) => typeof a === 'string' && a.startsWith('aws:kms'));
  if (bucket.encryptionKey !== undefined || algorithm !== undefined) {
    throw new Error(`\`allowAuditLogging\`: bucket '${bucket.node.path}' is encrypted with AWS KMS (${algorithm ?? 'its encryptionKey'}), `
      + 'but Redshift audit logging writes only to buckets encrypted with Amazon S3 managed keys (SSE-S3, AES-256); '
      + 'give the log bucket `encryption: s3.BucketEncryption.S3_MANAGED`');
  }
}

/** EnableLogging's S3KeyPrefix: at most 512 characters. */
function validateAuditPrefix(prefix: string | undefined): void {
  if (prefix === undefined || Token.isUnresolved(prefix)) return;
  if (prefix.length > 512) {
    throw new Error(`\`keyPrefix\` must be at most 512 characters (EnableLogging S3KeyPrefix), got ${prefix.length}`);
  }
}
