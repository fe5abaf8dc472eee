import { aws_iam as iam, aws_lambda as lambda, aws_s3 as s3, aws_secretsmanager as secretsmanager, Stack } from 'aws-cdk-lib';
import { RedshiftPermissions, RedshiftSchedulerRole } from '../../src';
import { nagFindings } from '../helpers/nag';
import { newStack } from '../helpers/synth';

function loader(stack: Stack): lambda.Function {
  return new lambda.Function(stack, 'Loader', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => {}'),
  });
}

/** What a Lambda function has of its own: the basic execution role, an AWS managed policy. */
const LAMBDA_BASIC = 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole] @ TestStack/Loader/ServiceRole/Resource';

describe('cdk-nag AwsSolutions on the issue 13 permissions', () => {
  test('dataApi: the statement wildcard and the any-database wildcard are acknowledged, with reasons, on the Data API policy only', () => {
    const stack = newStack();
    const fn = loader(stack);
    RedshiftPermissions.dataApi(fn, { clusterIdentifier: 'my-cluster', iamIdentity: true });
    expect(nagFindings(stack)).toEqual([LAMBDA_BASIC]);
    const policy = fn.role!.node.findChild('RedshiftDataApiPolicy');
    const acknowledged = policy.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules').map((m) => Object.keys(m.data)[0]);
    expect(acknowledged.sort()).toEqual([
      'AwsSolutions-IAM5[Resource::*]',
      'AwsSolutions-IAM5[Resource::arn:aws:redshift:us-west-2:123456789012:dbname:my-cluster/*]',
    ]);
  });

  test('dataApi with a secret imported by name has no unexplained finding', () => {
    const stack = newStack();
    const fn = loader(stack);
    RedshiftPermissions.dataApi(fn, { clusterIdentifier: 'my-cluster', secret: secretsmanager.Secret.fromSecretNameV2(stack, 'Secret', 'redshift/etl') });
    expect(nagFindings(stack)).toEqual([LAMBDA_BASIC]);
  });

  test('a `*` the function gets elsewhere is still reported', () => {
    const stack = newStack();
    const fn = loader(stack);
    RedshiftPermissions.dataApi(fn, { clusterIdentifier: 'my-cluster', dbUser: 'etl', database: 'dev' });
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['xray:PutTraceSegments'], resources: ['*'] }));
    expect(nagFindings(stack)).toEqual([
      LAMBDA_BASIC,
      'AwsSolutions-IAM5[Resource::*] @ TestStack/Loader/ServiceRole/DefaultPolicy/Resource',
    ]);
  });

  test('an imported role: the finding stays where the statements go, for its owner to judge', () => {
    const stack = newStack();
    const role = iam.Role.fromRoleArn(stack, 'Imported', 'arn:aws:iam::123456789012:role/Loader');
    RedshiftPermissions.dataApi(role, { clusterIdentifier: 'my-cluster', dbUser: 'etl', database: 'dev' });
    expect(nagFindings(stack)).toEqual(['AwsSolutions-IAM5[Resource::*] @ TestStack/Imported/Policy/Resource']);
  });

  test('allowAuditLogging: the bucket policy has no finding', () => {
    const stack = newStack();
    const bucket = new s3.Bucket(stack, 'AuditLogs', { enforceSSL: true, serverAccessLogsPrefix: 'access/' });
    RedshiftPermissions.allowAuditLogging(bucket, { keyPrefix: 'redshift/', clusterIdentifiers: ['my-cluster'] });
    expect(nagFindings(stack)).toEqual([]);
  });

  test('RedshiftSchedulerRole has no finding', () => {
    const stack = newStack();
    new RedshiftSchedulerRole(stack, 'Scheduler', { clusterIdentifiers: ['my-cluster'] });
    expect(nagFindings(stack)).toEqual([]);
  });
});
