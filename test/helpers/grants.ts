import { aws_s3 as s3 } from 'aws-cdk-lib';
import { newStack } from './synth';
import { RedshiftServiceRole } from '../../src';

export const BUCKET = 'arn:aws:s3:::mybucket';
export const OTHER_BUCKET = 'arn:aws:s3:::otherbucket';

/** A fresh stack with a named RedshiftServiceRole and an imported bucket `mybucket`. */
export function grantSetup() {
  const stack = newStack();
  const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'RedshiftRole' });
  const bucket = s3.Bucket.fromBucketName(stack, 'Bucket', 'mybucket');
  return { stack, role, bucket };
}
