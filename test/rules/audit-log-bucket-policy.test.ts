import { Aspects, aws_iam as iam, aws_redshift as redshift, aws_s3 as s3, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { RedshiftIamChecks, RedshiftPermissions } from '../../src';
import { AUDIT_LOG_BUCKET_POLICY, checkAuditLogBucketPolicy } from '../../src/rules/audit-log-bucket-policy';
import { expectOneFinding } from '../helpers/rules';
import { ACCOUNT, newApp, newStack, REGION, synth } from '../helpers/synth';
import { testCluster } from '../helpers/targets';

describe('audit log bucket policy', () => {
  const allow = (principal: string, action: string | string[]) => ({ Effect: 'Allow', Principal: { Service: principal }, Action: action, Resource: 'arn:aws:s3:::logs/*' });

  test('no policy is a warning finding with the rule\'s id, naming what is missing', () => {
    const findings = checkAuditLogBucketPolicy({ bucket: "'logs'", statements: [] });
    expectOneFinding(findings, AUDIT_LOG_BUCKET_POLICY, 'cdk-redshift-iam:audit-log-bucket-policy', 'warning');
    expect(findings[0].message).toBe("This cluster writes its audit logs to bucket 'logs', but no bucket policy in this app lets Redshift s3:PutObject and s3:GetBucketAcl there: "
      + 'enabling logging would fail with InsufficientS3BucketPolicyFault. Add one with RedshiftPermissions.allowAuditLogging(bucket), '
      + 'or acknowledge this warning if the bucket policy is managed elsewhere');
  });

  test.each([
    ['PutObject only', [allow('redshift.amazonaws.com', 's3:PutObject')], 's3:GetBucketAcl'],
    ['another service', [allow('logging.s3.amazonaws.com', ['s3:PutObject', 's3:GetBucketAcl'])], 's3:PutObject and s3:GetBucketAcl'],
    ['a Deny', [{ ...allow('redshift.amazonaws.com', ['s3:PutObject', 's3:GetBucketAcl']), Effect: 'Deny' }], 's3:PutObject and s3:GetBucketAcl'],
  ])('%s: a finding', (_label, statements, missing) => {
    expect(checkAuditLogBucketPolicy({ bucket: "'logs'", statements })[0].message).toContain(`lets Redshift ${missing} there`);
  });

  test.each([
    ['the documented statement', [allow('redshift.amazonaws.com', ['s3:PutObject', 's3:GetBucketAcl'])]],
    ['the Regional principal', [allow('redshift.ap-east-1.amazonaws.com', 's3:PutObject'), allow('redshift.ap-east-1.amazonaws.com', 's3:GetBucketAcl')]],
    ['s3:*', [allow('redshift.amazonaws.com', 's3:*')]],
  ])('%s: no finding', (_label, statements) => {
    expect(checkAuditLogBucketPolicy({ bucket: "'logs'", statements })).toEqual([]);
  });
});

describe('RedshiftIamChecks: a cluster that logs to S3', () => {
  function loggingCluster(stack: Stack, loggingProperties: redshift.CfnCluster.LoggingPropertiesProperty): redshift.CfnCluster {
    return testCluster(stack, { clusterIdentifier: 'my-cluster', loggingProperties });
  }
  function checked(stack: Stack = newStack()): Stack {
    Aspects.of(stack).add(new RedshiftIamChecks());
    return stack;
  }
  const annotations = (stack: Stack) => {
    synth(stack);
    return Annotations.fromStack(stack);
  };
  const WARNING = Match.stringLikeRegexp('writes its audit logs to bucket');

  test('fires for a bucket of the app without a policy for Redshift', () => {
    const stack = checked();
    const bucket = new s3.Bucket(stack, 'AuditLogs', { enforceSSL: true });
    loggingCluster(stack, { bucketName: bucket.bucketName, s3KeyPrefix: 'redshift/' });
    annotations(stack).hasWarning('/TestStack/Cluster', Match.stringLikeRegexp(
      "This cluster writes its audit logs to bucket 'TestStack/AuditLogs/Resource', but no bucket policy in this app lets Redshift s3:PutObject and s3:GetBucketAcl there.*cdk-redshift-iam:audit-log-bucket-policy"));
  });

  test('fires for a bucket outside the app (logDestinationType s3)', () => {
    const stack = checked();
    loggingCluster(stack, { bucketName: 'central-audit-logs', logDestinationType: 's3' });
    annotations(stack).hasWarning('/TestStack/Cluster', Match.stringLikeRegexp("to bucket 'central-audit-logs'"));
  });

  test('stays quiet with allowAuditLogging on the bucket', () => {
    const stack = checked();
    const bucket = new s3.Bucket(stack, 'AuditLogs', { enforceSSL: true });
    RedshiftPermissions.allowAuditLogging(bucket, { keyPrefix: 'redshift/', clusterIdentifiers: ['my-cluster'] });
    loggingCluster(stack, { bucketName: bucket.bucketName, s3KeyPrefix: 'redshift/' });
    annotations(stack).hasNoWarning('*', WARNING);
  });

  test('stays quiet with a hand-written policy on a bucket named literally, in another stack', () => {
    const app = newApp();
    const logs = new Stack(app, 'Logs', { env: { account: ACCOUNT, region: REGION } });
    const bucket = new s3.Bucket(logs, 'AuditLogs', { bucketName: 'central-audit-logs', enforceSSL: true });
    bucket.addToResourcePolicy(new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal('redshift.amazonaws.com')],
      actions: ['s3:PutObject', 's3:GetBucketAcl'],
      resources: [bucket.bucketArn, bucket.arnForObjects('*')],
      conditions: { StringEquals: { 'aws:SourceAccount': ACCOUNT } },
    }));
    const stack = checked(new Stack(app, 'TestStack', { env: { account: ACCOUNT, region: REGION } }));
    loggingCluster(stack, { bucketName: 'central-audit-logs' });
    synth(logs);
    annotations(stack).hasNoWarning('*', WARNING);
  });

  test('stays quiet for CloudWatch logging and for a cluster without logging', () => {
    const stack = checked();
    loggingCluster(stack, { logDestinationType: 'cloudwatch', logExports: ['connectionlog'] });
    annotations(stack).hasNoWarning('*', WARNING);
  });
});
