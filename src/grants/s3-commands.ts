import { aws_iam as iam, aws_kms as kms, aws_s3 as s3 } from 'aws-cdk-lib';
import { GrantTarget } from './grant-target';
import { adviseCrossAccount } from '../private/advice';
import { grantKey } from '../private/key-grant';
import { validateKeyPrefix } from '../private/validation';

/**
 * Options for the S3 grants of COPY and CREATE LIBRARY.
 */
export interface S3AccessOptions {
  /**
   * Limit the grant to the objects whose keys start with this prefix, e.g. `sales/2024/`.
   *
   * The prefix is matched literally (no wildcards; no leading `/`), so `sales` also matches
   * `sales-archive/`: end it with `/` to stay inside one folder. The S3 path in the SQL command
   * must start with it.
   *
   * @default - the whole bucket
   */
  readonly keyPrefix?: string;
}

/**
 * Options for the S3 grant of UNLOAD.
 */
export interface UnloadAccessOptions extends S3AccessOptions {
  /**
   * Also allow `s3:DeleteObject` under the prefix, which UNLOAD ... CLEANPATH needs to remove
   * existing files first.
   *
   * @default false
   */
  readonly allowCleanPath?: boolean;

  /**
   * The AWS KMS key the files are written with: `kms:GenerateDataKey` and `kms:Decrypt` on it.
   * The key of UNLOAD ... KMS_KEY_ID '<key>' ENCRYPTED, or, with `encryptedAuto`, the bucket's
   * default key when the `bucket` object does not know it (an imported bucket).
   *
   * @default - no key besides the bucket's own (`bucket.encryptionKey`)
   */
  readonly kmsKey?: kms.IKey;

  /**
   * Also grant what UNLOAD ... ENCRYPTED AUTO needs: `s3:GetEncryptionConfiguration` on the bucket.
   *
   * With ENCRYPTED AUTO, Redshift reads the bucket's default encryption (GetBucketEncryption, whose
   * IAM action this is) and writes the files with its AWS KMS key. The key itself needs
   * `kms:GenerateDataKey` and `kms:Decrypt`: granted on the bucket's `encryptionKey`, or on `kmsKey`.
   * A bucket whose default encryption this app cannot see (an imported bucket without
   * `encryptionKey`) needs `kmsKey` (SSE-KMS) or `s3ManagedEncryption` (SSE-S3): which one is an
   * error to leave out, since a missing key permission fails only when UNLOAD runs.
   *
   * @default false
   */
  readonly encryptedAuto?: boolean;

  /**
   * With `encryptedAuto`: the bucket's default encryption uses Amazon S3 managed keys (SSE-S3), so
   * ENCRYPTED AUTO needs no key permission. Only for a bucket whose encryption this app cannot see
   * (an imported bucket without `encryptionKey`); a bucket with an AWS KMS default key takes that
   * key as `kmsKey` instead (for the AWS managed key, `kms.Alias.fromAliasName(this, 'S3Key', 'alias/aws/s3')`).
   *
   * @default false
   */
  readonly s3ManagedEncryption?: boolean;
}

/** COPY from Amazon S3: LIST under the prefix, GET the objects under it (+ `kms:Decrypt`). */
export function allowCopyFrom(target: GrantTarget, bucket: s3.IBucket, options: S3AccessOptions = {}): iam.Grant {
  return grantS3Read(target, bucket, options.keyPrefix, 'allowCopyFrom', 'COPY reads');
}

/** CREATE LIBRARY from Amazon S3: LIST and GET under the prefix (+ `kms:Decrypt`). */
export function allowCreateLibraryFrom(target: GrantTarget, bucket: s3.IBucket, options: S3AccessOptions = {}): iam.Grant {
  return grantS3Read(target, bucket, options.keyPrefix, 'allowCreateLibraryFrom', 'CREATE LIBRARY reads');
}

/** UNLOAD to Amazon S3: GET, LIST and PUT under the prefix (+ DELETE for CLEANPATH, + KMS). */
export function allowUnloadTo(target: GrantTarget, bucket: s3.IBucket, options: UnloadAccessOptions = {}): iam.Grant {
  checkEncryptedAuto(bucket, options);
  const objectActions = ['s3:GetObject', 's3:PutObject'];
  if (options.allowCleanPath) objectActions.push('s3:DeleteObject');
  const grant = grantS3(target, bucket, options.keyPrefix, 'allowUnloadTo', objectActions, ['kms:Decrypt', 'kms:GenerateDataKey'], 'UNLOAD writes');
  // "Unloading encrypted data files", Amazon Redshift Database Developer Guide (KMS_KEY_ID), and
  // "Using server-side encryption with AWS KMS keys (SSE-KMS)", Amazon S3 User Guide: writing an
  // object under a KMS key takes kms:GenerateDataKey, a multipart upload kms:Decrypt too.
  const withKey = options.kmsKey ? grant.combine(grantKey(target.role, options.kmsKey, ['kms:Decrypt', 'kms:GenerateDataKey'], '`allowUnloadTo` `kmsKey`: the key', { wildcards: target })) : grant;
  // UNLOAD, ENCRYPTED AUTO (Amazon Redshift Database Developer Guide): "fetches the default AWS KMS
  // encryption key on the target Amazon S3 bucket property"; reading it is GetBucketEncryption,
  // whose IAM action is s3:GetEncryptionConfiguration on the bucket (Service Authorization Reference,
  // Amazon S3).
  return options.encryptedAuto
    ? withKey.combine(target.grant({ actions: ['s3:GetEncryptionConfiguration'], resourceArns: [bucket.bucketArn] }))
    : withKey;
}

/**
 * UNLOAD ... ENCRYPTED AUTO writes with the bucket's default key ("UNLOAD", Amazon Redshift
 * Database Developer Guide, https://docs.aws.amazon.com/redshift/latest/dg/r_UNLOAD.html, ENCRYPTED
 * AUTO: "fetches the default AWS KMS encryption key on the target Amazon S3 bucket property"), and
 * writing an object under an AWS KMS key takes kms:GenerateDataKey on it ("Using server-side
 * encryption with AWS KMS keys (SSE-KMS)", Amazon S3 User Guide,
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html). A bucket this app
 * defines shows its key (`encryptionKey`) or has none (SSE-S3, or the AWS managed key aws/s3, whose
 * key policy lets the account use it through S3); an imported bucket shows a key only when it was
 * imported with one. Without it, the user says which: `kmsKey`, or `s3ManagedEncryption`.
 */
function checkEncryptedAuto(bucket: s3.IBucket, options: UnloadAccessOptions): void {
  if (options.s3ManagedEncryption) {
    if (!options.encryptedAuto) {
      throw new Error('`allowUnloadTo` `s3ManagedEncryption` describes the bucket\'s default encryption for UNLOAD ... ENCRYPTED AUTO, '
        + `and \`encryptedAuto\` is not set (bucket '${bucket.node.path}'): set \`encryptedAuto: true\` too, or leave \`s3ManagedEncryption\` out`);
    }
    const key = options.kmsKey ?? bucket.encryptionKey;
    if (key !== undefined) {
      throw new Error(`\`allowUnloadTo\` \`s3ManagedEncryption\` says bucket '${bucket.node.path}' uses Amazon S3 managed keys (SSE-S3), `
        + `but ${options.kmsKey ? '`kmsKey`' : 'the bucket\'s `encryptionKey`'} names the AWS KMS key '${key.node.path}': `
        + 'with ENCRYPTED AUTO the files are written with the bucket\'s default key, so give one or the other');
    }
    return;
  }
  if (!options.encryptedAuto || options.kmsKey !== undefined || bucket.encryptionKey !== undefined) return;
  if (bucket.node.defaultChild instanceof s3.CfnBucket) return;
  throw new Error(`\`allowUnloadTo\` \`encryptedAuto\`: the default encryption of bucket '${bucket.node.path}' is unknown (an imported bucket without \`encryptionKey\`), `
    + 'and UNLOAD ... ENCRYPTED AUTO writes with the bucket\'s default AWS KMS key, which the role needs kms:GenerateDataKey on: '
    + 'without it UNLOAD fails at run time. Give that key as `kmsKey` (SSE-KMS), or set `s3ManagedEncryption: true` if the bucket uses Amazon S3 managed keys (SSE-S3)');
}

/**
 * LIST and GET under a key prefix of one bucket, and `kms:Decrypt` on its key: what every
 * command that reads S3 needs (COPY, CREATE LIBRARY, Spectrum's data locations).
 *
 * @param method names the option in error messages (`${method} keyPrefix`)
 * @param verb what the command does, for the cdk-nag acknowledgement's reason
 */
export function grantS3Read(target: GrantTarget, bucket: s3.IBucket, keyPrefix: string | undefined, method: string, verb: string): iam.Grant {
  return grantS3(target, bucket, keyPrefix, method, ['s3:GetObject'], ['kms:Decrypt'], verb);
}

/**
 * LIST under a key prefix of one bucket (an `s3:prefix` condition), the object actions under it,
 * and the KMS actions on the bucket's key: the shape of every S3 grant of this library.
 */
export function grantS3(
  target: GrantTarget,
  bucket: s3.IBucket,
  keyPrefix: string | undefined,
  method: string,
  objectActions: string[],
  kmsActions: string[],
  verb: string,
): iam.Grant {
  validateKeyPrefix(`${method} keyPrefix`, keyPrefix);
  adviseCrossAccount(target.role, bucket, method);
  const where = keyPrefix === undefined ? 'the bucket' : `the key prefix '${keyPrefix}'`;

  const objects = bucket.arnForObjects(`${keyPrefix ?? ''}*`);
  target.scopedWildcard(objects, `cdk-redshift-iam: ${verb} the objects under ${where} of one named bucket; '*' stands for the object keys, which the SQL command chooses`);

  // `s3:ListBucket` limited to the prefix. The role's policy storage merges the prefixes of one
  // bucket into a single statement, and drops a prefix it already holds.
  let grant = target.grant({
    actions: ['s3:ListBucket'],
    resourceArns: [bucket.bucketArn],
    conditions: keyPrefix === undefined ? undefined : { StringLike: { 's3:prefix': [`${keyPrefix}*`] } },
  }).combine(target.grant({
    actions: objectActions,
    resourceArns: [objects],
  }));
  if (bucket.encryptionKey) {
    grant = grant.combine(grantKey(target.role, bucket.encryptionKey, kmsActions, `\`${method}\`: the encryption key of the bucket`, { wildcards: target }));
  }
  return grant;
}
