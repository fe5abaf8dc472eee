import { aws_s3 as s3, Reference, Stack, Token, Tokenization } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { flattenReference } from './nag';
import { statementsOf, StatementJson } from './policy-json';

/**
 * Reading which bucket a name in a template means, whatever wrote it: a literal bucket name, or the
 * Token of a `CfnBucket`'s `Ref` (an `s3.Bucket`'s `bucketName`), in this stack or another.
 */

/** The keys under which `value`, a bucket name or a reference to one, is known. Two names of one bucket share a key. */
export function bucketKeys(scope: IConstruct, value: unknown): string[] {
  if (typeof value !== 'string') return value === undefined ? [] : [`text:${flattenReference(Stack.of(scope).resolve(value))}`];
  if (!Token.isUnresolved(value)) return [`name:${value}`];
  const target = Tokenization.reverseString(value).firstToken;
  if (target instanceof Reference && target.target instanceof s3.CfnBucket) return cfnBucketKeys(target.target);
  return [`text:${flattenReference(Stack.of(scope).resolve(value))}`];
}

/** The keys of a bucket this app defines: its construct, and its name when that is literal. */
function cfnBucketKeys(bucket: s3.CfnBucket): string[] {
  const keys = [`cfn:${bucket.node.path}`];
  if (bucket.bucketName !== undefined && !Token.isUnresolved(bucket.bucketName)) keys.push(`name:${bucket.bucketName}`);
  return keys;
}

/** The resolved statements of every bucket policy in the app that is attached to the bucket `bucketName` names. */
export function bucketPolicyStatements(scope: IConstruct, bucketName: unknown): StatementJson[] {
  const wanted = new Set(bucketKeys(scope, bucketName));
  if (wanted.size === 0) return [];
  return scope.node.root.node.findAll()
    .filter((c): c is s3.CfnBucketPolicy => c instanceof s3.CfnBucketPolicy)
    .filter((policy) => bucketKeys(policy, policy.bucket).some((k) => wanted.has(k)))
    .flatMap((policy) => statementsOf(Stack.of(policy).resolve(policy.policyDocument)));
}

/** How messages name a bucket, quoted: its construct path when the app defines it, else its name's text. */
export function describeBucket(scope: IConstruct, bucketName: unknown): string {
  const cfn = bucketKeys(scope, bucketName).find((k) => k.startsWith('cfn:'));
  if (cfn !== undefined) return `'${cfn.slice('cfn:'.length)}'`;
  return `'${flattenReference(Stack.of(scope).resolve(bucketName))}'`;
}
