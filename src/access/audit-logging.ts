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
 * error, now and again at synthesis, where the bucket's final CloudFormation properties (escape
 * hatches and raw overrides included) are read.
 */
export function allowAuditLogging(bucket: s3.IBucket, options: AuditLoggingOptions = {}): iam.AddToResourcePolicyResult {
  validateKeyPrefix('keyPrefix', options.keyPrefix);
  validateAuditPrefix(options.keyPrefix);
  const clusters = options.clusterIdentifiers;
  if (clusters !== undefined) {
    validateList('clusterIdentifiers', clusters, { what: 'cluster', omit: 'for any cluster of the account', each: validateClusterIdentifier });
  }
  if (options.account !== undefined) validateAccount('account', options.account);
  const kmsError = kmsEncryptionError(bucket, false);
  if (kmsError !== undefined) throw new Error(kmsError);
  watchEncryption(bucket);

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

const WATCHED = new WeakSet<s3.IBucket>();

/**
 * The encryption may change after this call (an escape hatch, `addPropertyOverride`): the check runs
 * again when the app is synthesized, once per bucket however often it was given.
 */
function watchEncryption(bucket: s3.IBucket): void {
  if (WATCHED.has(bucket) || !(bucket.node.defaultChild instanceof s3.CfnBucket)) return;
  WATCHED.add(bucket);
  bucket.node.addValidation({ validate: () => { const error = kmsEncryptionError(bucket, true); return error === undefined ? [] : [error]; } });
}

/**
 * Why `bucket` cannot hold audit logs, if its default encryption uses AWS KMS: its key, or an
 * `aws:kms` algorithm (`aws:kms`, `aws:kms:dsse`) in its CfnBucket: as given (`final` false, when
 * `allowAuditLogging` is called), or as the template will hold it (`final` true, at synthesis).
 */
function kmsEncryptionError(bucket: s3.IBucket, final: boolean): string | undefined {
  const algorithm = kmsAlgorithm(bucket, final);
  if (bucket.encryptionKey === undefined && algorithm === undefined) return undefined;
  return `\`allowAuditLogging\`: bucket '${bucket.node.path}' is encrypted with AWS KMS (${algorithm ?? 'its encryptionKey'}), `
    + 'but Redshift audit logging writes only to buckets encrypted with Amazon S3 managed keys (SSE-S3, AES-256); '
    + 'give the log bucket `encryption: s3.BucketEncryption.S3_MANAGED`';
}

/**
 * The KMS algorithm of the bucket's default encryption. At synthesis (`final`), as CloudFormation
 * will receive it: the CfnBucket's properties rendered with its raw overrides
 * (`addPropertyOverride`, `addOverride('Properties...')`), which aws-cdk-lib keeps in the resource
 * and applies only when it renders the template. Before (a `Lazy.string` resolves once, so nothing
 * is rendered early): the L1 property as given.
 */
function kmsAlgorithm(bucket: s3.IBucket, final: boolean): string | undefined {
  const cfn = bucket.node.defaultChild;
  if (!(cfn instanceof s3.CfnBucket)) return undefined;
  const stack = Stack.of(bucket);
  let properties: any = { BucketEncryption: stack.resolve(cfn.bucketEncryption) };
  if (final) {
    try {
      properties = Object.values<any>(stack.resolve((cfn as any)._toCloudFormation())?.Resources ?? {})[0]?.Properties;
    } catch {
      // not renderable here: the L1 property as given
    }
  }
  const encryption = properties?.BucketEncryption;
  const rules: unknown = encryption?.ServerSideEncryptionConfiguration ?? encryption?.serverSideEncryptionConfiguration;
  // An override into a list the L1 does not hold (`...Configuration.0...`) writes an object with the key "0".
  const list: any[] = Array.isArray(rules) ? rules : typeof rules === 'object' && rules !== null ? Object.values(rules) : [];
  return list
    .map((r) => r?.ServerSideEncryptionByDefault?.SSEAlgorithm ?? r?.serverSideEncryptionByDefault?.sseAlgorithm)
    .find((a): a is string => typeof a === 'string' && a.startsWith('aws:kms'));
}

/**
 * EnableLogging's S3KeyPrefix ("EnableLogging", Amazon Redshift API Reference,
 * https://docs.aws.amazon.com/redshift/latest/APIReference/API_EnableLogging.html; the same in
 * "AWS::Redshift::Cluster LoggingProperties", AWS CloudFormation User Guide): "Cannot exceed 512
 * characters"; "Cannot contain spaces( ), double quotes ("), single quotes ('), a backslash (\\),
 * or control characters. The hexadecimal codes for invalid characters are: x00 to x20, x22, x27,
 * x5c, x7f or larger". (The API model in today's AWS SDKs words it as the characters it accepts:
 * letters of any language, white space, digits and _.:/=+\\-@, which also leaves out quotes and
 * control characters; the documented constraints above are what this checks.)
 */
const INVALID_PREFIX_CHARACTER = /[\x00-\x20"'\\\u007f-\u{10ffff}]/u;

function validateAuditPrefix(prefix: string | undefined): void {
  if (prefix === undefined || Token.isUnresolved(prefix)) return;
  if (prefix.length > 512) {
    throw new Error(`\`keyPrefix\` must be at most 512 characters (EnableLogging S3KeyPrefix), got ${prefix.length}`);
  }
  const bad = INVALID_PREFIX_CHARACTER.exec(prefix);
  if (bad !== null) {
    const code = bad[0].codePointAt(0)!;
    throw new Error('`keyPrefix` must not contain spaces, double quotes, single quotes, backslashes, control characters or characters above x7e '
      + `(EnableLogging S3KeyPrefix: x00 to x20, x22, x27, x5c, x7f or larger are invalid), got x${code.toString(16).padStart(2, '0')} at index ${bad.index}: '${printablePrefix(prefix)}'`);
  }
}

/** The prefix with control characters written as \xNN, for messages. */
function printablePrefix(prefix: string): string {
  return prefix.replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
