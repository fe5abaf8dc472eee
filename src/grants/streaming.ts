import { aws_iam as iam, aws_kinesis as kinesis, Arn, ArnFormat, Fn, Stack, Token } from 'aws-cdk-lib';
import { GrantTarget } from './grant-target';
import { grantKey } from '../private/key-grant';
import { requireOptions, validateKafkaTopic, validateList } from '../private/validation';

/**
 * Streaming ingestion: CREATE EXTERNAL SCHEMA ... FROM KINESIS | MSK, and the materialized views
 * that read the stream or topic on REFRESH.
 */

/**
 * The Amazon MSK cluster (and topics) that streaming ingestion reads with IAM authentication.
 */
export interface MskIngestionOptions {
  /**
   * The ARN of the Amazon MSK cluster, as in CREATE EXTERNAL SCHEMA ... CLUSTER_ARN, e.g.
   * `arn:aws:kafka:us-east-1:123456789012:cluster/MyCluster/abcdefab-1234-abcd-5678-cdef0123ab01-2`.
   */
  readonly clusterArn: string;

  /**
   * The topics the materialized views read (Kafka topic names, no wildcards).
   *
   * @default - every topic of the cluster
   */
  readonly topics?: string[];
}

// "Getting started with streaming ingestion from Amazon Kinesis Data Streams", Amazon Redshift
// Database Developer Guide,
// https://docs.aws.amazon.com/redshift/latest/dg/materialized-view-streaming-ingestion-getting-started.html
// (statement "ReadStream"; kinesis:ListShards of its "ListStream" statement is authorized on the
// stream, so it is scoped to it here; kinesis:ListStreams has no resource type and stays on '*').
const KINESIS_READ_ACTIONS = [
  'kinesis:DescribeStreamSummary',
  'kinesis:GetShardIterator',
  'kinesis:GetRecords',
  'kinesis:DescribeStream',
  'kinesis:ListShards',
];

/**
 * CREATE EXTERNAL SCHEMA ... FROM KINESIS: read the stream, list streams, and decrypt with the
 * stream's customer managed key.
 */
export function allowStreamingIngestion(target: GrantTarget, stream: kinesis.IStream): iam.Grant {
  let grant = target.grant({
    actions: KINESIS_READ_ACTIONS,
    resourceArns: [stream.streamArn],
  }).combine(target.grant({
    actions: ['kinesis:ListStreams'],
    resourceArns: ['*'],
  }));
  // Same page, "IAM policy for an encrypted stream": kms:Decrypt on the stream's key. (A stream
  // encrypted with the AWS managed key aws/kinesis needs no key permission.)
  if (stream.encryptionKey) {
    grant = grant.combine(grantKey(target.role, stream.encryptionKey, ['kms:Decrypt'], '`allowStreamingIngestion`: the encryption key of the stream', { wildcards: target }));
  }
  return grant;
}

/** An MSK cluster ARN: `arn:PARTITION:kafka:REGION:ACCOUNT:cluster/NAME/UUID`. */
const MSK_CLUSTER_ARN = /^arn:aws[a-z-]*:kafka:[a-z]{2}(-[a-z]+)?-[a-z]+-\d{1,2}:\d{12}:cluster\/[A-Za-z0-9][A-Za-z0-9-]{0,63}\/[A-Za-z0-9-]+$/;

/**
 * CREATE EXTERNAL SCHEMA ... FROM MSK AUTHENTICATION iam: connect to the cluster, describe and
 * read its topics, describe and alter its consumer groups, and look up its bootstrap brokers.
 */
export function allowMskIngestion(target: GrantTarget, options: MskIngestionOptions): iam.Grant {
  requireOptions('allowMskIngestion', options, ['clusterArn']);
  const { clusterArn } = options;
  if (!Token.isUnresolved(clusterArn) && !MSK_CLUSTER_ARN.test(clusterArn)) {
    throw new Error('`clusterArn` must be an Amazon MSK cluster ARN such as '
      + `arn:aws:kafka:us-east-1:123456789012:cluster/MyCluster/abcdefab-1234-abcd-5678-cdef0123ab01-2, got: '${clusterArn}'`);
  }
  if (options.topics !== undefined) {
    validateList('topics', options.topics, { what: 'topic', omit: 'to allow every topic of the cluster', each: validateKafkaTopic });
  }

  // Topic ARNs are the cluster's with `topic/` for `cluster/` and the topic name after the UUID:
  // arn:PARTITION:kafka:REGION:ACCOUNT:topic/NAME/UUID/TOPIC.
  const cluster = Arn.split(clusterArn, ArnFormat.SLASH_RESOURCE_NAME);
  const clusterPath = Token.isUnresolved(clusterArn)
    ? Fn.join('/', [Fn.select(1, Fn.split('/', clusterArn)), Fn.select(2, Fn.split('/', clusterArn))])
    : cluster.resourceName!;
  const clusterResource = (resource: 'topic' | 'group', name: string) => Stack.of(target.role).formatArn({
    partition: cluster.partition,
    service: 'kafka',
    region: cluster.region,
    account: cluster.account,
    resource,
    resourceName: `${clusterPath}/${name}`,
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });
  const topics = (options.topics ?? ['*']).map((topic) => clusterResource('topic', topic));
  if (options.topics === undefined) {
    target.scopedWildcard(topics[0], "cdk-redshift-iam: streaming ingestion reads the topics of one named MSK cluster; '*' stands for their names (`topics` not given)");
  }
  // Consumer groups have ARNs of the same shape: arn:PARTITION:kafka:REGION:ACCOUNT:group/NAME/UUID/GROUP.
  const groups = clusterResource('group', '*');
  target.scopedWildcard(groups, "cdk-redshift-iam: streaming ingestion reads through the consumer groups of one named MSK cluster; '*' stands for the group names, which Redshift chooses");

  // "Getting started with streaming ingestion from Apache Kafka sources", Amazon Redshift Database
  // Developer Guide, "Setting up authentication", AUTHENTICATION IAM (statements "MSKIAMpolicy" and
  // "MSKPolicy"),
  // https://docs.aws.amazon.com/redshift/latest/dg/materialized-view-streaming-ingestion-getting-started-MSK.html
  // kafka-cluster:Connect is authorized on the cluster, DescribeTopic and ReadData on topics,
  // AlterGroup and DescribeGroup (which the page grants on the cluster's groups,
  // group/CLUSTER_NAME/CLUSTER_UUID/*) on consumer groups ("Semantics of IAM authorization policy
  // actions and resources", Amazon MSK Developer Guide,
  // https://docs.aws.amazon.com/msk/latest/developerguide/kafka-actions.html);
  // kafka:GetBootstrapBrokers has no resource type and stays on '*'.
  return target.grant({
    actions: ['kafka-cluster:Connect'],
    resourceArns: [clusterArn],
  }).combine(target.grant({
    actions: ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'],
    resourceArns: topics,
  })).combine(target.grant({
    actions: ['kafka-cluster:AlterGroup', 'kafka-cluster:DescribeGroup'],
    resourceArns: [groups],
  })).combine(target.grant({
    actions: ['kafka:GetBootstrapBrokers'],
    resourceArns: ['*'],
  }));
}
