import { aws_dynamodb as dynamodb, aws_kinesis as kinesis, aws_kms as kms, aws_s3 as s3, Stack } from 'aws-cdk-lib';
import { RedshiftServiceRole } from '../../src';
import { decide, roleMay, roleView } from '../helpers/iam';
import { ACCOUNT, newApp, OTHER_ACCOUNT, REGION, synth } from '../helpers/synth';

const OTHER_KEY_ARN = `arn:aws:kms:${REGION}:${OTHER_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

/** A role in one account, and a stack of another account (or Region) that holds the data and its key. */
function twoEnvironments(otherEnv = { account: OTHER_ACCOUNT, region: REGION }) {
  const app = newApp();
  const stack = new Stack(app, 'Warehouse', { env: { account: ACCOUNT, region: REGION } });
  const data = new Stack(app, 'Data', { env: otherEnv });
  const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'RedshiftRole' });
  return { stack, data, role };
}

describe('KMS grants on a key of another environment', () => {
  test.each([
    ['allowCopyFrom', (role: RedshiftServiceRole, key: kms.IKey, data: Stack) =>
      role.allowCopyFrom(s3.Bucket.fromBucketAttributes(data, 'Bucket', { bucketName: 'other-data', encryptionKey: key })), ['kms:Decrypt']],
    ['allowUnloadTo', (role: RedshiftServiceRole, key: kms.IKey, data: Stack) =>
      role.allowUnloadTo(s3.Bucket.fromBucketAttributes(data, 'Bucket', { bucketName: 'other-data', encryptionKey: key })), ['kms:Decrypt', 'kms:GenerateDataKey']],
    ['allowUnloadTo kmsKey', (role: RedshiftServiceRole, key: kms.IKey, data: Stack) =>
      role.allowUnloadTo(s3.Bucket.fromBucketName(data, 'Bucket', 'other-data'), { kmsKey: key }), ['kms:Decrypt', 'kms:GenerateDataKey']],
    ['allowCopyFromTable', (role: RedshiftServiceRole, key: kms.IKey, data: Stack) =>
      role.allowCopyFromTable(dynamodb.Table.fromTableAttributes(data, 'Table', { tableName: 'other-table', encryptionKey: key })), ['kms:Decrypt', 'kms:DescribeKey']],
    ['allowStreamingIngestion', (role: RedshiftServiceRole, key: kms.IKey, data: Stack) =>
      role.allowStreamingIngestion(kinesis.Stream.fromStreamAttributes(data, 'Stream', { streamArn: `arn:aws:kinesis:${REGION}:${OTHER_ACCOUNT}:stream/s`, encryptionKey: key })), ['kms:Decrypt']],
  ])('%s: the key\'s ARN only, never "*" (iam-simulate: that key allowed, another denied)', async (_name, grant, actions) => {
    const { stack, data, role } = twoEnvironments();
    const key = kms.Key.fromKeyArn(data, 'Key', OTHER_KEY_ARN);
    grant(role, key, data);
    const view = roleView(role, synth(stack));
    const kmsStatements = view.identity.flatMap((d) => d.Statement).filter((st) => JSON.stringify(st.Action).includes('kms:'));
    expect(kmsStatements.map((st) => st.Resource)).toEqual(kmsStatements.map(() => OTHER_KEY_ARN));
    // the key owner's policy allows the role everything: the role's own policy decides
    const keyPolicy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: view.arn }, Action: 'kms:*', Resource: '*' }] };
    const inOtherAccount = (action: string, resource: string) => decide({
      principal: view.arn, action, resource, resourceAccount: OTHER_ACCOUNT, identity: view.identity, resourcePolicy: keyPolicy,
    });
    for (const action of actions as string[]) {
      expect(await inOtherAccount(action, OTHER_KEY_ARN)).toBe('Allowed');
      expect(await inOtherAccount(action, OTHER_KEY_ARN.replace('1234abcd', 'ffffffff'))).toBe('ImplicitlyDenied');
      expect(await roleMay(view, action, `arn:aws:kms:${REGION}:${ACCOUNT}:key/any`)).toBe('ImplicitlyDenied');
    }
  });

  test.each([
    ['another account', { account: OTHER_ACCOUNT, region: REGION }],
    ['another Region', { account: ACCOUNT, region: 'eu-west-1' }],
  ])('a key this app defines in %s: a clear error, not a grant on every key', (_name, env) => {
    const { data, role } = twoEnvironments(env);
    const key = new kms.Key(data, 'Key');
    const bucket = new s3.Bucket(data, 'Bucket', { bucketName: 'other-data', encryptionKey: key });
    expect(() => role.allowCopyFrom(bucket)).toThrow(
      `\`allowCopyFrom\`: the encryption key of the bucket 'Data/Key' is in stack 'Data' (aws://${env.account}/${env.region}), another environment than the role `
      + `'Warehouse/Role' (aws://${ACCOUNT}/${REGION}): its ARN cannot be referenced there, and a grant of kms:Decrypt on '*' would reach every key. `
      + 'Import the key into the role\'s stack with kms.Key.fromKeyArn and its literal ARN (and the resource with that key), and allow the role in the key policy.',
    );
  });

  test('a key of another stack in the same environment keeps the usual grant on its ARN', async () => {
    const { data, role, stack } = twoEnvironments({ account: ACCOUNT, region: REGION });
    const key = new kms.Key(data, 'Key');
    role.allowCopyFrom(new s3.Bucket(data, 'Bucket', { bucketName: 'other-data', encryptionKey: key }));
    const json = JSON.stringify(synth(stack).toJSON());
    expect(json).toContain('Fn::ImportValue');
    expect(json).not.toContain('"Resource":"*"');
  });
});
