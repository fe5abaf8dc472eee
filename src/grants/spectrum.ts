import { aws_iam as iam, aws_kms as kms, aws_s3 as s3, ArnFormat, Stack } from 'aws-cdk-lib';
import { GrantTarget } from './grant-target';
import { grantS3 } from './s3-commands';
import { grantKey } from '../private/key-grant';
import { requireOptions, validateAccount, validateGlueDatabase, validateList, validateRegion } from '../private/validation';

/**
 * An S3 location that holds the data of external tables.
 */
export interface SpectrumDataLocation {
  /** The bucket. */
  readonly bucket: s3.IBucket;

  /**
   * Limit access (read, and write when `writable`) to the keys under this prefix.
   *
   * @default - the whole bucket
   */
  readonly keyPrefix?: string;

  /**
   * Also allow writing under the prefix (`s3:PutObject`, and `kms:GenerateDataKey` on the bucket's
   * key): INSERT INTO an external table, CREATE EXTERNAL TABLE AS. Writes that register tables or
   * partitions in the catalog also need `allowTableChanges`.
   *
   * @default false - read only
   */
  readonly writable?: boolean;
}

/**
 * What Redshift Spectrum (CREATE EXTERNAL SCHEMA, queries of external tables) may reach.
 */
export interface SpectrumAccessOptions {
  /**
   * The AWS Glue Data Catalog databases the external schemas map to, e.g. `spectrumdb`.
   */
  readonly databases: string[];

  /**
   * The S3 locations of the external tables' data (read: LIST and GET).
   *
   * @default - no S3 access (grant it separately, e.g. through a chained role)
   */
  readonly dataLocations?: SpectrumDataLocation[];

  /**
   * The account that owns the Data Catalog (CREATE EXTERNAL SCHEMA ... CATALOG_ID).
   *
   * @default - the stack's account
   */
  readonly catalogAccount?: string;

  /**
   * The Region of the Data Catalog (CREATE EXTERNAL SCHEMA ... REGION).
   *
   * @default - the stack's Region
   */
  readonly catalogRegion?: string;

  /**
   * Allow `glue:CreateDatabase` for these databases (CREATE EXTERNAL SCHEMA ... CREATE EXTERNAL
   * DATABASE IF NOT EXISTS).
   *
   * @default false
   */
  readonly allowCreateDatabase?: boolean;

  /**
   * Allow creating, altering and dropping external tables and their partitions in these
   * databases (CREATE/ALTER/DROP EXTERNAL TABLE).
   *
   * @default false - read the catalog only
   */
  readonly allowTableChanges?: boolean;

  /**
   * The databases are governed by AWS Lake Formation: allow `lakeformation:GetDataAccess`.
   *
   * Through it Lake Formation hands Spectrum temporary access to the data of the tables it lets
   * the role read (grant those in Lake Formation; `dataLocations` are then not needed).
   *
   * @default false
   */
  readonly lakeFormation?: boolean;

  /**
   * The AWS KMS key of an encrypted AWS Glue Data Catalog: `kms:Decrypt` on it, and
   * `kms:Encrypt` and `kms:GenerateDataKey` too with `allowCreateDatabase` or `allowTableChanges`
   * (which write to the catalog).
   *
   * @default - the catalog is not encrypted with a customer managed key
   */
  readonly catalogKey?: kms.IKey;
}

const GLUE_READ_ACTIONS = [
  'glue:GetDatabase',
  'glue:GetDatabases',
  'glue:GetTable',
  'glue:GetTables',
  'glue:GetPartition',
  'glue:GetPartitions',
  'glue:BatchGetPartition',
];
const GLUE_TABLE_WRITE_ACTIONS = [
  'glue:CreateTable',
  'glue:UpdateTable',
  'glue:DeleteTable',
  'glue:BatchDeleteTable',
  'glue:CreatePartition',
  'glue:BatchCreatePartition',
  'glue:UpdatePartition',
  'glue:DeletePartition',
  'glue:BatchDeletePartition',
];

/**
 * Redshift Spectrum: the AWS Glue Data Catalog actions on the named databases and their tables,
 * and read access to the data locations in S3.
 */
export function allowSpectrum(target: GrantTarget, options: SpectrumAccessOptions): iam.Grant {
  requireOptions('allowSpectrum', options, ['databases']);
  (options.dataLocations ?? []).forEach((location) => requireOptions('allowSpectrum `dataLocations`', location, ['bucket']));
  validateList('databases', options.databases, { what: 'AWS Glue database', each: validateGlueDatabase });
  if (options.catalogAccount !== undefined) validateAccount('catalogAccount', options.catalogAccount);
  if (options.catalogRegion !== undefined) validateRegion('catalogRegion', options.catalogRegion);

  const stack = Stack.of(target.role);
  const glueArn = (resource: string, resourceName?: string) => stack.formatArn({
    service: 'glue',
    account: options.catalogAccount,
    region: options.catalogRegion,
    resource,
    resourceName,
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });
  const catalog = glueArn('catalog');
  const databases = options.databases.map((db) => glueArn('database', db));
  const tables = options.databases.map((db) => {
    const arn = glueArn('table', `${db}/*`);
    target.scopedWildcard(arn, `cdk-redshift-iam: Spectrum reads the tables of the Glue database '${db}' only; '*' stands for their names, which the catalog owns`);
    return arn;
  });

  const actions = [...GLUE_READ_ACTIONS];
  if (options.allowCreateDatabase) actions.push('glue:CreateDatabase');
  if (options.allowTableChanges) actions.push(...GLUE_TABLE_WRITE_ACTIONS);
  let grant = target.grant({
    actions,
    resourceArns: [catalog, ...databases, ...tables],
  });
  for (const location of options.dataLocations ?? []) {
    // "Policies to grant minimum permissions" (same page): GetBucketLocation and
    // ListBucketMultipartUploads on the bucket, GetObject and ListMultipartUploadParts on the objects.
    grant = grant.combine(grantS3(target, location.bucket, location.keyPrefix, 'dataLocations',
      // "CREATE EXTERNAL TABLE AS" usage notes and "INSERT (external table)", Amazon Redshift
      // Database Developer Guide: the role of the external schema needs read and write access to S3.
      location.writable ? ['s3:GetObject', 's3:ListMultipartUploadParts', 's3:PutObject'] : ['s3:GetObject', 's3:ListMultipartUploadParts'],
      location.writable ? ['kms:Decrypt', 'kms:GenerateDataKey'] : ['kms:Decrypt'],
      location.writable ? 'Spectrum writes' : 'Spectrum reads')).combine(target.grant({
      actions: ['s3:GetBucketLocation', 's3:ListBucketMultipartUploads'],
      resourceArns: [location.bucket.bucketArn],
    }));
  }
  // "IAM policies for Amazon Redshift Spectrum", Amazon Redshift Database Developer Guide,
  // https://docs.aws.amazon.com/redshift/latest/dg/c-spectrum-iam-policies.html (Lake Formation:
  // lakeformation:GetDataAccess, which has no resource type, on '*').
  if (options.lakeFormation) {
    grant = grant.combine(target.grant({ actions: ['lakeformation:GetDataAccess'], resourceArns: ['*'] }));
  }
  // Same page: an encrypted catalog needs its key; the actions are those of "Setting up encryption
  // in AWS Glue", AWS Glue Developer Guide (Decrypt to read; Encrypt and GenerateDataKey to write).
  if (options.catalogKey) {
    const writes = options.allowCreateDatabase || options.allowTableChanges;
    grant = grant.combine(grantKey(target.role, options.catalogKey, writes ? ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'] : ['kms:Decrypt'], '`allowSpectrum` `catalogKey`: the key', { wildcards: target }));
  }
  return grant;
}
