import { aws_dynamodb as dynamodb, aws_iam as iam, Stack } from 'aws-cdk-lib';
import { GrantTarget } from './grant-target';
import { adviseCrossAccount } from '../private/advice';
import { grantKey } from '../private/key-grant';
import { validateEmrClusterId } from '../private/validation';

/**
 * The sources COPY reads besides Amazon S3 (which is in `s3-commands`).
 */

/** COPY from Amazon DynamoDB: Scan and DescribeTable on the table (+ its customer managed key). */
export function allowCopyFromTable(target: GrantTarget, table: dynamodb.ITable): iam.Grant {
  adviseCrossAccount(target.role, table, 'allowCopyFromTable', table.tableArn);
  const grant = target.grant({
    actions: ['dynamodb:Scan', 'dynamodb:DescribeTable'],
    resourceArns: [table.tableArn],
  });
  if (table.encryptionKey) {
    return grant.combine(grantKey(target.role, table.encryptionKey, ['kms:Decrypt', 'kms:DescribeKey'], '`allowCopyFromTable`: the encryption key of the table'));
  }
  return grant;
}

/** COPY from an Amazon EMR cluster: `elasticmapreduce:ListInstances` on that cluster. */
export function allowCopyFromEmrCluster(target: GrantTarget, emrClusterId: string): iam.Grant {
  validateEmrClusterId('emrClusterId', emrClusterId);
  return target.grant({
    actions: ['elasticmapreduce:ListInstances'],
    resourceArns: [Stack.of(target.role).formatArn({
      service: 'elasticmapreduce',
      resource: 'cluster',
      resourceName: emrClusterId,
    })],
  });
}
