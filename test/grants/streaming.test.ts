import { aws_kinesis as kinesis, aws_kms as kms, CfnParameter } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { grantSetup as setup } from '../helpers/grants';
import { decide, envOf, keyDecider, materialize, roleMay, roleView } from '../helpers/iam';
import { synth } from '../helpers/synth';

const STREAM = 'arn:aws:kinesis:us-west-2:123456789012:stream/clickstream';
const OTHER_STREAM = 'arn:aws:kinesis:us-west-2:123456789012:stream/payments';

describe('allowStreamingIngestion', () => {
  test('the read actions of the docs on that stream, ListStreams on *; nothing else', async () => {
    // GIVEN
    const { stack, role } = setup();
    const stream = kinesis.Stream.fromStreamArn(stack, 'Stream', STREAM);
    // WHEN
    const grant = role.allowStreamingIngestion(stream);
    // THEN
    expect(grant.success).toBe(true);
    const template = synth(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Effect: 'Allow',
            Action: ['kinesis:DescribeStreamSummary', 'kinesis:GetShardIterator', 'kinesis:GetRecords', 'kinesis:DescribeStream', 'kinesis:ListShards'],
            Resource: STREAM,
          },
          { Effect: 'Allow', Action: 'kinesis:ListStreams', Resource: '*' },
        ]),
      },
    });
    const view = roleView(role, template);
    // allowed: what REFRESH MATERIALIZED VIEW does, and listing the schema's streams
    for (const action of ['kinesis:DescribeStreamSummary', 'kinesis:DescribeStream', 'kinesis:ListShards', 'kinesis:GetShardIterator', 'kinesis:GetRecords']) {
      expect(await roleMay(view, action, STREAM)).toBe('Allowed');
    }
    expect(await roleMay(view, 'kinesis:ListStreams', '*')).toBe('Allowed');
    // denied: another stream, the stream of another account, writes, consumers
    expect(await roleMay(view, 'kinesis:GetRecords', OTHER_STREAM)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'kinesis:GetRecords', STREAM.replace('123456789012', '210987654321'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'kinesis:PutRecord', STREAM)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'kinesis:DeleteStream', STREAM)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'kinesis:RegisterStreamConsumer', STREAM)).toBe('ImplicitlyDenied');
  });

  test('an encrypted stream: kms:Decrypt on its key only', async () => {
    const { stack, role } = setup();
    const key = new kms.Key(stack, 'StreamKey');
    const stream = new kinesis.Stream(stack, 'Stream', { streamName: 'clickstream', encryption: kinesis.StreamEncryption.KMS, encryptionKey: key });
    role.allowStreamingIngestion(stream);
    const template = synth(stack);
    const view = roleView(role, template);
    const { arn: keyArn, decide: kmsDecide } = keyDecider(stack, template, view, key);
    expect(await kmsDecide('kms:Decrypt', keyArn)).toBe('Allowed');
    expect(await kmsDecide('kms:GenerateDataKey', keyArn)).toBe('ImplicitlyDenied');
    expect(await kmsDecide('kms:Encrypt', keyArn)).toBe('ImplicitlyDenied');
    expect(await kmsDecide('kms:Decrypt', 'arn:aws:kms:us-west-2:123456789012:key/other-key')).toBe('ImplicitlyDenied');
  });

  test('a stream with the AWS managed key needs no key permission', () => {
    const { stack, role } = setup();
    const stream = new kinesis.Stream(stack, 'Stream', { encryption: kinesis.StreamEncryption.MANAGED });
    role.allowStreamingIngestion(stream);
    const statements = policyStatements(synth(stack).toJSON());
    expect(JSON.stringify(statements)).not.toContain('kms:');
  });
});

const CLUSTER = 'arn:aws:kafka:us-east-1:123456789012:cluster/MyTestCluster/abcdefab-1234-abcd-5678-cdef0123ab01-2';
const TOPIC = (name: string) => `arn:aws:kafka:us-east-1:123456789012:topic/MyTestCluster/abcdefab-1234-abcd-5678-cdef0123ab01-2/${name}`;
const OTHER_CLUSTER = 'arn:aws:kafka:us-east-1:123456789012:cluster/OtherCluster/00000000-1234-abcd-5678-cdef0123ab01-1';
const GROUP = (name: string) => `arn:aws:kafka:us-east-1:123456789012:group/MyTestCluster/abcdefab-1234-abcd-5678-cdef0123ab01-2/${name}`;

describe('allowMskIngestion', () => {
  test('connect to that cluster, read the named topics; brokers on * (no resource type)', async () => {
    const { stack, role } = setup();
    role.allowMskIngestion({ clusterArn: CLUSTER, topics: ['orders', 'clicks.v2'] });
    const template = synth(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          { Effect: 'Allow', Action: 'kafka-cluster:Connect', Resource: CLUSTER },
          { Effect: 'Allow', Action: ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'], Resource: [TOPIC('orders'), TOPIC('clicks.v2')] },
          { Effect: 'Allow', Action: ['kafka-cluster:AlterGroup', 'kafka-cluster:DescribeGroup'], Resource: GROUP('*') },
          { Effect: 'Allow', Action: 'kafka:GetBootstrapBrokers', Resource: '*' },
        ]),
      },
    });
    const view = roleView(role, template);
    const msk = (action: string, resource: string) =>
      decide({ principal: view.arn, action, resource, identity: view.identity, resourceAccount: '123456789012' });
    // allowed: what CREATE EXTERNAL SCHEMA ... FROM MSK and REFRESH do
    expect(await msk('kafka:GetBootstrapBrokers', '*')).toBe('Allowed');
    expect(await msk('kafka-cluster:Connect', CLUSTER)).toBe('Allowed');
    expect(await msk('kafka-cluster:DescribeTopic', TOPIC('orders'))).toBe('Allowed');
    expect(await msk('kafka-cluster:ReadData', TOPIC('orders'))).toBe('Allowed');
    expect(await msk('kafka-cluster:ReadData', TOPIC('clicks.v2'))).toBe('Allowed');
    // denied: another topic, another cluster, writes, topic and group administration
    expect(await msk('kafka-cluster:ReadData', TOPIC('payments'))).toBe('ImplicitlyDenied');
    expect(await msk('kafka-cluster:ReadData', TOPIC('orders-archive'))).toBe('ImplicitlyDenied');
    expect(await msk('kafka-cluster:Connect', OTHER_CLUSTER)).toBe('ImplicitlyDenied');
    expect(await msk('kafka-cluster:ReadData', 'arn:aws:kafka:us-east-1:123456789012:topic/OtherCluster/00000000-1234-abcd-5678-cdef0123ab01-1/orders')).toBe('ImplicitlyDenied');
    expect(await msk('kafka-cluster:WriteData', TOPIC('orders'))).toBe('ImplicitlyDenied');
    expect(await msk('kafka-cluster:CreateTopic', TOPIC('orders'))).toBe('ImplicitlyDenied');
    expect(await msk('kafka-cluster:AlterCluster', CLUSTER)).toBe('ImplicitlyDenied');
  });

  test('consumer groups (AUTHENTICATION IAM): describe and alter the groups of that cluster only', async () => {
    const { stack, role } = setup();
    role.allowMskIngestion({ clusterArn: CLUSTER, topics: ['orders'] });
    const view = roleView(role, synth(stack));
    const msk = (action: string, resource: string) =>
      decide({ principal: view.arn, action, resource, identity: view.identity, resourceAccount: '123456789012' });
    // allowed: the consumer group Redshift reads the topic through, whatever its name
    expect(await msk('kafka-cluster:DescribeGroup', GROUP('redshift-consumer-1'))).toBe('Allowed');
    expect(await msk('kafka-cluster:AlterGroup', GROUP('redshift-consumer-1'))).toBe('Allowed');
    // denied: a group of another cluster, of the same cluster name in another Region, group deletion
    const otherClusterGroup = 'arn:aws:kafka:us-east-1:123456789012:group/OtherCluster/00000000-1234-abcd-5678-cdef0123ab01-1/redshift-consumer-1';
    expect(await msk('kafka-cluster:DescribeGroup', otherClusterGroup)).toBe('ImplicitlyDenied');
    expect(await msk('kafka-cluster:AlterGroup', otherClusterGroup)).toBe('ImplicitlyDenied');
    expect(await msk('kafka-cluster:AlterGroup', GROUP('redshift-consumer-1').replace('us-east-1', 'us-west-2'))).toBe('ImplicitlyDenied');
    expect(await msk('kafka-cluster:DeleteGroup', GROUP('redshift-consumer-1'))).toBe('ImplicitlyDenied');
  });

  test('a cluster ARN that is a Token: group ARNs built from its parts', () => {
    const { stack, role } = setup();
    const arn = new CfnParameter(stack, 'ClusterArn').valueAsString;
    role.allowMskIngestion({ clusterArn: arn });
    const statements = policyStatements(synth(stack).toJSON());
    const groups = statements.find((s) => JSON.stringify(s.Action).includes('AlterGroup'));
    expect(materialize({ Resources: {} }, substitute(groups.Resource, CLUSTER), envOf(stack))).toBe(GROUP('*'));
  });

  test('without topics: every topic of that cluster, none of another', async () => {
    const { stack, role } = setup();
    role.allowMskIngestion({ clusterArn: CLUSTER });
    const view = roleView(role, synth(stack));
    const msk = (action: string, resource: string) =>
      decide({ principal: view.arn, action, resource, identity: view.identity, resourceAccount: '123456789012' });
    expect(await msk('kafka-cluster:ReadData', TOPIC('anything'))).toBe('Allowed');
    expect(await msk('kafka-cluster:ReadData', 'arn:aws:kafka:us-east-1:123456789012:topic/OtherCluster/00000000-1234-abcd-5678-cdef0123ab01-1/anything')).toBe('ImplicitlyDenied');
    expect(await msk('kafka-cluster:ReadData', TOPIC('anything').replace('us-east-1', 'us-west-2'))).toBe('ImplicitlyDenied');
  });

  test('a cluster ARN that is a Token: topic ARNs built from its parts', () => {
    const { stack, role } = setup();
    const arn = new CfnParameter(stack, 'ClusterArn').valueAsString;
    role.allowMskIngestion({ clusterArn: arn, topics: ['orders'] });
    const template = synth(stack);
    const statements = policyStatements(template.toJSON());
    const read = statements.find((s) => JSON.stringify(s.Action).includes('ReadData'));
    // arn:PARTITION:kafka:REGION:ACCOUNT:topic/NAME/UUID/orders from a ClusterArn parameter set to a real ARN
    const resolved = materialize({ Resources: {} }, substitute(read.Resource, CLUSTER), envOf(stack));
    expect(resolved).toBe(TOPIC('orders'));
  });

  test.each([
    ['a bucket ARN', { clusterArn: 'arn:aws:s3:::mybucket' }, "`clusterArn` must be an Amazon MSK cluster ARN such as arn:aws:kafka:us-east-1:123456789012:cluster/MyCluster/abcdefab-1234-abcd-5678-cdef0123ab01-2, got: 'arn:aws:s3:::mybucket'"],
    ['a cluster ARN without its UUID', { clusterArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/MyTestCluster' }, "got: 'arn:aws:kafka:us-east-1:123456789012:cluster/MyTestCluster'"],
    ['a topic ARN', { clusterArn: TOPIC('orders') }, `got: '${TOPIC('orders')}'`],
    ['a wildcard cluster', { clusterArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/*/*' }, "got: 'arn:aws:kafka:us-east-1:123456789012:cluster/*/*'"],
    ['no topics', { clusterArn: CLUSTER, topics: [] }, '`topics` must list at least one topic: leave it out to allow every topic of the cluster'],
    ['a wildcard topic', { clusterArn: CLUSTER, topics: ['orders*'] }, "`topics` must be Apache Kafka topic names of 1 to 249 letters, digits, dots, underscores or hyphens (no wildcards: leave `topics` out for every topic), got: 'orders*'"],
    ['a topic with a slash', { clusterArn: CLUSTER, topics: ['a/b'] }, "got: 'a/b'"],
    ['a repeated topic', { clusterArn: CLUSTER, topics: ['orders', 'orders'] }, "`topics` lists 'orders' more than once"],
  ])('%s is rejected', (_label, options, message) => {
    const { role } = setup();
    expect(() => role.allowMskIngestion(options)).toThrow(message);
  });
});

/** Replaces the `ClusterArn` parameter in a template fragment with a value, as a deployment would. */
function substitute(node: any, value: string): any {
  if (Array.isArray(node)) return node.map((n) => substitute(n, value));
  if (node === null || typeof node !== 'object') return node;
  if (node.Ref === 'ClusterArn') return value;
  if (node['Fn::Split']) {
    const [delimiter, source] = node['Fn::Split'];
    return String(substitute(source, value)).split(delimiter);
  }
  if (node['Fn::Select']) {
    const [index, list] = node['Fn::Select'];
    return substitute(list, value)[index];
  }
  const out: any = {};
  for (const key of Object.keys(node)) out[key] = substitute(node[key], value);
  return out;
}

/** The statements of the one inline policy of a template. */
function policyStatements(template: any): any[] {
  const policies = Object.values<any>(template.Resources).filter((r) => r.Type === 'AWS::IAM::Policy');
  expect(policies).toHaveLength(1);
  return policies[0].Properties.PolicyDocument.Statement;
}
