import { aws_dynamodb as dynamodb, aws_lambda as lambda, aws_s3 as s3, Stack } from 'aws-cdk-lib';
import { RedshiftServiceRole } from '../src';
import { grantSetup as setup } from './helpers/grants';
import { roleMay, roleView } from './helpers/iam';
import { ACCOUNT, newApp, REGION, synth } from './helpers/synth';

describe('a role with every grant', () => {
  test('stays one small inline policy and matches its snapshot', () => {
    const { stack, role, bucket } = setup();
    role.allowCopyFrom(bucket, { keyPrefix: 'in/' });
    role.allowUnloadTo(bucket, { keyPrefix: 'out/' });
    role.allowCreateLibraryFrom(bucket, { keyPrefix: 'lib/' });
    role.allowCopyFromTable(dynamodb.Table.fromTableName(stack, 'T', 'Movies'));
    role.allowCopyFromEmrCluster('j-SAMPLE2B500FC');
    role.allowInvokeFunction(lambda.Function.fromFunctionName(stack, 'F', 'lambda_sum'));
    role.allowSpectrum({ databases: ['spectrumdb'] });
    const template = synth(stack);
    template.resourceCountIs('AWS::IAM::Policy', 1);
    template.resourceCountIs('AWS::IAM::ManagedPolicy', 0);
    // no wildcard action, no '*' resource, no s3:*
    const doc = JSON.stringify(template.findResources('AWS::IAM::Policy'));
    expect(doc).not.toMatch(/"Resource":"\*"|"s3:\*"|"Action":"\*"/);
    expect(template.toJSON()).toMatchSnapshot();
  });
});

describe('the access policy and @aws-cdk/aws-iam:minimizePolicies', () => {
  /** COPY and UNLOAD under one prefix: two statements on the same objects, and one ListBucket. */
  function copyAndUnload(flags: Record<string, unknown>) {
    const stack = new Stack(newApp({ context: flags }), 'S', { env: { account: ACCOUNT, region: REGION } });
    const role = new RedshiftServiceRole(stack, 'Role');
    const bucket = s3.Bucket.fromBucketName(stack, 'Bucket', 'mybucket');
    role.allowCopyFrom(bucket, { keyPrefix: 'x/' });
    role.allowUnloadTo(bucket, { keyPrefix: 'x/' });
    const template = synth(stack);
    const [policy] = Object.values(template.findResources('AWS::IAM::Policy'));
    return { statements: policy.Properties.PolicyDocument.Statement, view: roleView(role, template) };
  }
  const LIST = { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::mybucket', Condition: { StringLike: { 's3:prefix': ['x/*'] } } };

  test('with the flag (a new project), it is minimized as aws-cdk-lib minimizes its own', () => {
    expect(copyAndUnload({ '@aws-cdk/aws-iam:minimizePolicies': true }).statements).toEqual([
      LIST,
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::mybucket/x/*' },
    ]);
  });

  test('without it, the statements stay as the grants wrote them, and allow the same', async () => {
    const { statements, view } = copyAndUnload({});
    expect(statements).toEqual([
      LIST,
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::mybucket/x/*' },
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::mybucket/x/*' },
    ]);
    expect(await roleMay(view, 's3:PutObject', 'arn:aws:s3:::mybucket/x/part_000')).toBe('Allowed');
    expect(await roleMay(view, 's3:DeleteObject', 'arn:aws:s3:::mybucket/x/part_000')).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:GetObject', 'arn:aws:s3:::mybucket/y/part_000')).toBe('ImplicitlyDenied');
  });
});
