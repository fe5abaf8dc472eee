import { aws_kms as kms, aws_s3 as s3, CfnParameter, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AuditLoggingOptions, RedshiftPermissions } from '../../src';
import { auditLoggingPrincipals } from '../../src/access/audit-logging';
import { decide, envOf, materialize, PolicyDoc } from '../helpers/iam';
import { ACCOUNT, newApp, newStack, synth } from '../helpers/synth';

const cluster = (region: string, name: string, account = ACCOUNT) => `arn:aws:redshift:${region}:${account}:cluster:${name}`;

function logBucket(region = 'us-west-2') {
  const stack = newStack({ env: { account: ACCOUNT, region } });
  const bucket = new s3.Bucket(stack, 'AuditLogs', { bucketName: 'audit-logs', enforceSSL: true });
  return { stack, bucket };
}

/** The bucket policy as S3 would hold it after deployment. */
function bucketPolicy(stack: Stack, template: Template): PolicyDoc {
  const json = template.toJSON();
  const [policy] = Object.values<any>(template.findResources('AWS::S3::BucketPolicy'));
  return materialize(json, policy.Properties.PolicyDocument, envOf(stack));
}

/** The two statements allowAuditLogging adds, keys in the order its error message prints them. */
const auditLogStatements = (objects: unknown, bucket: unknown, condition: unknown) => [
  { Action: 's3:PutObject', Condition: condition, Effect: 'Allow', Principal: { Service: 'redshift.amazonaws.com' }, Resource: objects, Sid: 'RedshiftAuditLoggingPutObject' },
  { Action: 's3:GetBucketAcl', Condition: condition, Effect: 'Allow', Principal: { Service: 'redshift.amazonaws.com' }, Resource: bucket, Sid: 'RedshiftAuditLoggingGetBucketAcl' },
];

/** What S3 decides when `principal` (a service) calls `action` on `resource` on behalf of `context`. */
const s3Decides = (policy: PolicyDoc, principal: string, action: string, resource: string, context: Record<string, string>) =>
  decide({ principal, action, resource, resourcePolicy: policy, context });

const PREFIX_RULE = (got: string) => '`keyPrefix` must not contain spaces, double quotes, single quotes, backslashes, control characters or characters above x7e '
  + `(EnableLogging S3KeyPrefix: x00 to x20, x22, x27, x5c, x7f or larger are invalid), ${got}`;

describe('RedshiftPermissions.allowAuditLogging', () => {
  test('PutObject under the prefix and GetBucketAcl, for Redshift, from the named clusters', async () => {
    // GIVEN
    const { stack, bucket } = logBucket();
    // WHEN
    const result = RedshiftPermissions.allowAuditLogging(bucket, { keyPrefix: 'redshift/', clusterIdentifiers: ['my-cluster'] });
    // THEN
    expect(result.statementAdded).toBe(true);
    const template = synth(stack);
    const fromMyCluster = { StringEquals: { 'aws:SourceArn': cluster('us-west-2', 'my-cluster') } };
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith(auditLogStatements(
          { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^AuditLogs'), 'Arn'] }, '/redshift/*']] },
          { 'Fn::GetAtt': [Match.stringLikeRegexp('^AuditLogs'), 'Arn'] },
          fromMyCluster,
        )),
      },
    });
    const policy = bucketPolicy(stack, template);
    const log = 'arn:aws:s3:::audit-logs/redshift/AWSLogs/123456789012/redshift/us-west-2/2024/01/01/log.gz';
    const mine = { 'aws:SourceArn': cluster('us-west-2', 'my-cluster'), 'aws:SourceAccount': ACCOUNT };
    expect(await s3Decides(policy, 'redshift.amazonaws.com', 's3:PutObject', log, mine)).toBe('Allowed');
    expect(await s3Decides(policy, 'redshift.amazonaws.com', 's3:GetBucketAcl', 'arn:aws:s3:::audit-logs', mine)).toBe('Allowed');
    // neighbours: another cluster, no SourceArn, another prefix, another bucket, another action, another service
    expect(await s3Decides(policy, 'redshift.amazonaws.com', 's3:PutObject', log, { ...mine, 'aws:SourceArn': cluster('us-west-2', 'other-cluster') })).toBe('ImplicitlyDenied');
    expect(await s3Decides(policy, 'redshift.amazonaws.com', 's3:PutObject', log, { 'aws:SourceAccount': ACCOUNT })).toBe('ImplicitlyDenied');
    expect(await s3Decides(policy, 'redshift.amazonaws.com', 's3:PutObject', 'arn:aws:s3:::audit-logs/other/x.gz', mine)).toBe('ImplicitlyDenied');
    expect(await s3Decides(policy, 'redshift.amazonaws.com', 's3:PutObject', 'arn:aws:s3:::other-bucket/redshift/x.gz', mine)).toBe('ImplicitlyDenied');
    expect(await s3Decides(policy, 'redshift.amazonaws.com', 's3:GetObject', log, mine)).toBe('ImplicitlyDenied');
    expect(await s3Decides(policy, 'logging.s3.amazonaws.com', 's3:PutObject', log, mine)).toBe('ImplicitlyDenied');
  });

  test('without clusters: any cluster of the account (aws:SourceAccount)', async () => {
    const { stack, bucket } = logBucket();
    RedshiftPermissions.allowAuditLogging(bucket);
    const policy = bucketPolicy(stack, synth(stack));
    const log = 'arn:aws:s3:::audit-logs/AWSLogs/123456789012/redshift/us-west-2/log.gz';
    expect(await s3Decides(policy, 'redshift.amazonaws.com', 's3:PutObject', log, { 'aws:SourceAccount': ACCOUNT })).toBe('Allowed');
    expect(await s3Decides(policy, 'redshift.amazonaws.com', 's3:PutObject', log, { 'aws:SourceAccount': '210987654321' })).toBe('ImplicitlyDenied');
    expect(await s3Decides(policy, 'redshift.amazonaws.com', 's3:PutObject', log, {})).toBe('ImplicitlyDenied');
  });

  test('clusters of another account log to a central bucket', async () => {
    const { stack, bucket } = logBucket();
    RedshiftPermissions.allowAuditLogging(bucket, { clusterIdentifiers: ['analytics'], account: '210987654321' });
    const policy = bucketPolicy(stack, synth(stack));
    const theirs = { 'aws:SourceArn': cluster('us-west-2', 'analytics', '210987654321') };
    expect(await s3Decides(policy, 'redshift.amazonaws.com', 's3:PutObject', 'arn:aws:s3:::audit-logs/x', theirs)).toBe('Allowed');
    expect(await s3Decides(policy, 'redshift.amazonaws.com', 's3:PutObject', 'arn:aws:s3:::audit-logs/x', { 'aws:SourceArn': cluster('us-west-2', 'analytics') })).toBe('ImplicitlyDenied');
  });

  test('an opt-in Region: the Regional principal, and only it', async () => {
    const { stack, bucket } = logBucket('ap-east-1');
    RedshiftPermissions.allowAuditLogging(bucket, { clusterIdentifiers: ['my-cluster'] });
    const template = synth(stack);
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'redshift.ap-east-1.amazonaws.com' } })]) },
    });
    const policy = bucketPolicy(stack, template);
    const mine = { 'aws:SourceArn': cluster('ap-east-1', 'my-cluster') };
    expect(await s3Decides(policy, 'redshift.ap-east-1.amazonaws.com', 's3:PutObject', 'arn:aws:s3:::audit-logs/x', mine)).toBe('Allowed');
    expect(await s3Decides(policy, 'redshift.amazonaws.com', 's3:PutObject', 'arn:aws:s3:::audit-logs/x', mine)).toBe('ImplicitlyDenied');
  });

  test('a standard Region: the global principal, not a Regional one', async () => {
    const { stack, bucket } = logBucket('us-east-1');
    RedshiftPermissions.allowAuditLogging(bucket, { clusterIdentifiers: ['my-cluster'] });
    const policy = bucketPolicy(stack, synth(stack));
    const mine = { 'aws:SourceArn': cluster('us-east-1', 'my-cluster') };
    expect(await s3Decides(policy, 'redshift.amazonaws.com', 's3:PutObject', 'arn:aws:s3:::audit-logs/x', mine)).toBe('Allowed');
    expect(await s3Decides(policy, 'redshift.us-east-1.amazonaws.com', 's3:PutObject', 'arn:aws:s3:::audit-logs/x', mine)).toBe('ImplicitlyDenied');
  });

  test.each([
    ['us-west-2', ['redshift.amazonaws.com']],
    ['eu-central-1', ['redshift.amazonaws.com']],
    ['ap-east-1', ['redshift.ap-east-1.amazonaws.com']],
    ['me-south-1', ['redshift.me-south-1.amazonaws.com']],
    ['af-south-1', ['redshift.af-south-1.amazonaws.com']],
    ['il-central-1', ['redshift.il-central-1.amazonaws.com']],
    // a Region newer than region-info: every Region launched since 2019 is opt-in
    ['xx-future-9', ['redshift.xx-future-9.amazonaws.com']],
  ])('the principal in %s', (region, expected) => {
    expect(auditLoggingPrincipals(region)).toEqual(expected);
  });

  test('a stack whose Region is a Token names both principals', () => {
    const stack = new Stack(newApp(), 'Agnostic');
    const bucket = new s3.Bucket(stack, 'AuditLogs', { enforceSSL: true });
    const clusterName = new CfnParameter(stack, 'ClusterName', { type: 'String' });
    RedshiftPermissions.allowAuditLogging(bucket, { clusterIdentifiers: [clusterName.valueAsString] });
    synth(stack).hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Principal: { Service: ['redshift.amazonaws.com', { 'Fn::Join': ['', ['redshift.', { Ref: 'AWS::Region' }, '.amazonaws.com']] }] },
          Condition: { StringEquals: { 'aws:SourceArn': { 'Fn::Join': ['', Match.arrayWith([':cluster:', { Ref: 'ClusterName' }])] } } },
        })]),
      },
    });
  });

  test('an imported bucket: a clear error that prints the statements to add by hand', () => {
    const stack = newStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'Imported', 'central-audit-logs');
    expect(() => RedshiftPermissions.allowAuditLogging(bucket, { keyPrefix: 'redshift/', clusterIdentifiers: ['my-cluster'] })).toThrow(
      "`allowAuditLogging` cannot add to the bucket policy of 'TestStack/Imported': the bucket is imported, so this app does not own its policy. "
      + 'Add these statements to the policy of bucket "central-audit-logs" where it is defined:\n'
      + JSON.stringify(auditLogStatements(
        'arn:aws:s3:::central-audit-logs/redshift/*',
        'arn:aws:s3:::central-audit-logs',
        { StringEquals: { 'aws:SourceArn': cluster('us-west-2', 'my-cluster') } },
      ), undefined, 2));
    // nothing was added (the stack holds no resource, so it is not a template cfn-lint would accept)
    Template.fromStack(stack).resourceCountIs('AWS::S3::BucketPolicy', 0);
  });

  test.each<[string, (stack: Stack) => s3.IBucket]>([
    ['a customer managed key', (stack) => new s3.Bucket(stack, 'Logs', { encryptionKey: new kms.Key(stack, 'Key') })],
    ['the AWS managed key', (stack) => new s3.Bucket(stack, 'Logs', { encryption: s3.BucketEncryption.KMS_MANAGED })],
    ['an imported bucket with a key', (stack) => s3.Bucket.fromBucketAttributes(stack, 'Logs', {
      bucketName: 'logs', encryptionKey: kms.Key.fromKeyArn(stack, 'Key', 'arn:aws:kms:us-west-2:123456789012:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b'),
    })],
  ])('a bucket encrypted with %s is a clear error', (_label, make) => {
    const stack = newStack();
    expect(() => RedshiftPermissions.allowAuditLogging(make(stack))).toThrow(
      /^`allowAuditLogging`: bucket 'TestStack\/Logs' is encrypted with AWS KMS \(.*\), but Redshift audit logging writes only to buckets encrypted with Amazon S3 managed keys \(SSE-S3, AES-256\); give the log bucket `encryption: s3.BucketEncryption.S3_MANAGED`$/);
  });

  test.each<[string, (bucket: s3.Bucket) => void]>([
    ['an override of the algorithm of an SSE-S3 bucket', (bucket) => (bucket.node.defaultChild as s3.CfnBucket).addPropertyOverride(
      'BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.SSEAlgorithm', 'aws:kms')],
    ['an override of the whole encryption', (bucket) => (bucket.node.defaultChild as s3.CfnBucket).addOverride(
      'Properties.BucketEncryption', { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms:dsse' } }] })],
    ['the L1 property set after the call', (bucket) => {
      (bucket.node.defaultChild as s3.CfnBucket).bucketEncryption = { serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: { sseAlgorithm: 'aws:kms' } }] };
    }],
  ])('a bucket switched to SSE-KMS through an escape hatch after the call: an error at synthesis (%s)', (_label, escapeHatch) => {
    // GIVEN
    const stack = newStack();
    const bucket = new s3.Bucket(stack, 'Logs', { encryption: s3.BucketEncryption.S3_MANAGED, enforceSSL: true });
    RedshiftPermissions.allowAuditLogging(bucket);
    // WHEN
    escapeHatch(bucket);
    // THEN
    expect(() => Template.fromStack(stack)).toThrow(
      /\[TestStack\/Logs\] `allowAuditLogging`: bucket 'TestStack\/Logs' is encrypted with AWS KMS \(aws:kms(:dsse)?\), but Redshift audit logging writes only to buckets encrypted with Amazon S3 managed keys/);
  });

  test('a bucket given twice is checked once at synthesis; an override that keeps SSE-S3 passes', () => {
    const stack = newStack();
    const bucket = new s3.Bucket(stack, 'Logs', { encryption: s3.BucketEncryption.S3_MANAGED, enforceSSL: true });
    RedshiftPermissions.allowAuditLogging(bucket, { keyPrefix: 'a/' });
    RedshiftPermissions.allowAuditLogging(bucket, { keyPrefix: 'b/' });
    (bucket.node.defaultChild as s3.CfnBucket).addPropertyOverride('BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.SSEAlgorithm', 'aws:kms');
    expect(bucket.node.validate()).toHaveLength(1);
    // an override that keeps SSE-S3 is fine
    const other = new s3.Bucket(stack, 'Other', { encryption: s3.BucketEncryption.S3_MANAGED, enforceSSL: true });
    RedshiftPermissions.allowAuditLogging(other);
    (other.node.defaultChild as s3.CfnBucket).addPropertyOverride('BucketEncryption.ServerSideEncryptionConfiguration.0.BucketKeyEnabled', false);
    expect(other.node.validate()).toEqual([]);
  });

  test('a Token key prefix passes', () => {
    const { stack, bucket } = logBucket();
    const prefix = new CfnParameter(stack, 'Prefix').valueAsString;
    expect(() => RedshiftPermissions.allowAuditLogging(bucket, { keyPrefix: prefix })).not.toThrow();
  });

  test.each<[AuditLoggingOptions, string]>([
    [{ clusterIdentifiers: [] }, '`clusterIdentifiers` must list at least one cluster: leave it out for any cluster of the account'],
    [{ clusterIdentifiers: ['Bad_One'] }, "`clusterIdentifiers` must be 1 to 63 lowercase letters, digits or hyphens, start with a letter, and contain no two consecutive hyphens and no trailing hyphen (Redshift cluster identifier), got: 'Bad_One'"],
    [{ clusterIdentifiers: ['c1', 'c1'] }, "`clusterIdentifiers` lists 'c1' more than once"],
    [{ keyPrefix: '/redshift/' }, "`keyPrefix` must not start with '/': S3 keys have no leading slash, so the grant would match nothing (use 'redshift/'), got: '/redshift/'"],
    [{ keyPrefix: 'logs/*' }, "`keyPrefix` must not contain the IAM wildcards '*' or '?': the prefix is matched literally and the grant adds the trailing '*' itself, got: 'logs/*'"],
    [{ keyPrefix: 'a'.repeat(513) }, '`keyPrefix` must be at most 512 characters (EnableLogging S3KeyPrefix), got 513'],
    [{ keyPrefix: 'audit logs/' }, PREFIX_RULE("got x20 at index 5: 'audit logs/'")],
    [{ keyPrefix: 'audit"logs/' }, PREFIX_RULE('got x22 at index 5: \'audit"logs/\'')],
    [{ keyPrefix: "o'brien/" }, PREFIX_RULE("got x27 at index 1: 'o'brien/'")],
    [{ keyPrefix: 'audit\\logs/' }, PREFIX_RULE("got x5c at index 5: 'audit\\logs/'")],
    [{ keyPrefix: 'audit\tlogs/' }, PREFIX_RULE("got x09 at index 5: 'audit\\x09logs/'")],
    [{ keyPrefix: 'audit\u007flogs/' }, PREFIX_RULE("got x7f at index 5: 'audit\\x7flogs/'")],
    [{ keyPrefix: 'journal-é/' }, PREFIX_RULE("got xe9 at index 8: 'journal-é/'")],
    [{ account: '12345' }, "`account` must be a 12-digit AWS account ID, got: '12345'"],
  ])('rejects %j', (options, message) => {
    const { bucket } = logBucket();
    expect(() => RedshiftPermissions.allowAuditLogging(bucket, options)).toThrow(message);
  });
});
