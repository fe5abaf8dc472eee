import { aws_kms as kms, aws_s3 as s3, CfnParameter } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { ChainedRole, DatabaseUser, RedshiftServiceRole } from '../../src';
import { BUCKET, grantSetup as setup, OTHER_BUCKET } from '../helpers/grants';
import { assume, decide, keyDecider, roleMay, roleView } from '../helpers/iam';
import { newStack, synth } from '../helpers/synth';
import { trustStatement } from '../helpers/trust';

const JOB = (type: string, name: string, region = 'us-west-2', account = '123456789012') => `arn:aws:sagemaker:${region}:${account}:${type}/${name}`;
const USER1 = 'arn:aws:redshift:us-west-2:123456789012:dbuser:my-cluster/ml_user';

describe('allowCreateModel', () => {
  test('the staging bucket under the prefix: GET, PUT, DELETE, abort uploads, LIST and GetBucketLocation', async () => {
    // GIVEN
    const { stack, role, bucket } = setup();
    // WHEN
    const grant = role.allowCreateModel({ bucket, keyPrefix: 'redshift-ml/' });
    // THEN
    expect(grant.success).toBe(true);
    const view = roleView(role, synth(stack));
    for (const action of ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload']) {
      expect(await roleMay(view, action, `${BUCKET}/redshift-ml/customer_churn/train.csv`)).toBe('Allowed');
    }
    expect(await roleMay(view, 's3:ListBucket', BUCKET, { 's3:prefix': 'redshift-ml/customer_churn/' })).toBe('Allowed');
    expect(await roleMay(view, 's3:GetBucketLocation', BUCKET)).toBe('Allowed');
    // denied: outside the prefix, another bucket, the docs' sample bucket, bucket administration
    expect(await roleMay(view, 's3:PutObject', `${BUCKET}/other/train.csv`)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:GetObject', `${OTHER_BUCKET}/redshift-ml/train.csv`)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:GetObject', 'arn:aws:s3:::redshift-downloads/redshift-ml/customer_activity/train.csv')).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:ListBucket', BUCKET, { 's3:prefix': 'other/' })).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:PutBucketPolicy', BUCKET)).toBe('ImplicitlyDenied');
  });

  test('the SageMaker jobs CREATE MODEL starts, in this account and Region only; no endpoints, models or deletes', async () => {
    const { stack, role, bucket } = setup();
    role.allowCreateModel({ bucket });
    const view = roleView(role, synth(stack));
    expect(await roleMay(view, 'sagemaker:CreateAutoMLJob', JOB('automl-job', 'redshift-ml-churn'))).toBe('Allowed');
    expect(await roleMay(view, 'sagemaker:DescribeAutoMLJob', JOB('automl-job', 'redshift-ml-churn'))).toBe('Allowed');
    expect(await roleMay(view, 'sagemaker:ListCandidatesForAutoMLJob', '*')).toBe('Allowed');
    expect(await roleMay(view, 'sagemaker:CreateTrainingJob', JOB('training-job', 'xgboost-1'))).toBe('Allowed');
    expect(await roleMay(view, 'sagemaker:CreateHyperParameterTuningJob', JOB('hyper-parameter-tuning-job', 'tuning-1'))).toBe('Allowed');
    expect(await roleMay(view, 'sagemaker:CreateProcessingJob', JOB('processing-job', 'dpp-1'))).toBe('Allowed');
    expect(await roleMay(view, 'sagemaker:CreateTransformJob', JOB('transform-job', 'candidate-1'))).toBe('Allowed');
    expect(await roleMay(view, 'sagemaker:CreateCompilationJob', JOB('compilation-job', 'neo-1'))).toBe('Allowed');
    expect(await roleMay(view, 'sagemaker:StopTrainingJob', JOB('training-job', 'xgboost-1'))).toBe('Allowed');
    // denied: jobs of another account or Region, deletes, models, endpoints, notebooks
    expect(await roleMay(view, 'sagemaker:CreateTrainingJob', JOB('training-job', 'x', 'us-east-1'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'sagemaker:CreateTrainingJob', JOB('training-job', 'x', 'us-west-2', '210987654321'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'sagemaker:DeleteTrainingJob', JOB('training-job', 'xgboost-1'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'sagemaker:CreateModel', JOB('model', 'churn'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'sagemaker:CreateEndpoint', JOB('endpoint', 'churn'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'sagemaker:InvokeEndpoint', JOB('endpoint', 'churn'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'sagemaker:CreateLabelingJob', JOB('labeling-job', 'x'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'sagemaker:CreatePresignedNotebookInstanceUrl', JOB('notebook-instance', 'x'))).toBe('ImplicitlyDenied');
  });

  test('what the jobs do with the role: SageMaker log groups, algorithm images of this Region, SageMaker metrics', async () => {
    const { stack, role, bucket } = setup();
    role.allowCreateModel({ bucket });
    const view = roleView(role, synth(stack));
    const logStream = 'arn:aws:logs:us-west-2:123456789012:log-group:/aws/sagemaker/TrainingJobs:log-stream:xgboost-1/algo-1';
    expect(await roleMay(view, 'logs:CreateLogStream', logStream)).toBe('Allowed');
    expect(await roleMay(view, 'logs:PutLogEvents', logStream)).toBe('Allowed');
    expect(await roleMay(view, 'logs:CreateLogGroup', 'arn:aws:logs:us-west-2:123456789012:log-group:/aws/sagemaker/ProcessingJobs')).toBe('Allowed');
    expect(await roleMay(view, 'logs:PutLogEvents', 'arn:aws:logs:us-west-2:123456789012:log-group:/aws/lambda/other:log-stream:x')).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'logs:DeleteLogGroup', 'arn:aws:logs:us-west-2:123456789012:log-group:/aws/sagemaker/TrainingJobs')).toBe('ImplicitlyDenied');
    const image = 'arn:aws:ecr:us-west-2:246618743249:repository/sagemaker-xgboost';
    const ecr = (action: string, resource: string) => decide({ principal: view.arn, action, resource, identity: view.identity, resourceAccount: '123456789012' });
    expect(await ecr('ecr:BatchGetImage', image)).toBe('Allowed');
    expect(await ecr('ecr:GetDownloadUrlForLayer', image)).toBe('Allowed');
    expect(await ecr('ecr:GetAuthorizationToken', '*')).toBe('Allowed');
    expect(await ecr('ecr:BatchGetImage', image.replace('us-west-2', 'us-east-1'))).toBe('ImplicitlyDenied');
    expect(await ecr('ecr:PutImage', image)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'cloudwatch:PutMetricData', '*', { 'cloudwatch:namespace': '/aws/sagemaker/TrainingJobs' })).toBe('Allowed');
    expect(await roleMay(view, 'cloudwatch:PutMetricData', '*', { 'cloudwatch:namespace': 'Billing' })).toBe('ImplicitlyDenied');
  });

  test('iam:PassRole on this role, to SageMaker only', async () => {
    const { stack, role, bucket } = setup();
    role.allowCreateModel({ bucket });
    const view = roleView(role, synth(stack));
    expect(await roleMay(view, 'iam:PassRole', view.arn, { 'iam:PassedToService': 'sagemaker.amazonaws.com' })).toBe('Allowed');
    // denied: another role passed to SageMaker, this role passed to another service or without the key
    expect(await roleMay(view, 'iam:PassRole', 'arn:aws:iam::123456789012:role/Admin', { 'iam:PassedToService': 'sagemaker.amazonaws.com' })).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'iam:PassRole', view.arn, { 'iam:PassedToService': 'ec2.amazonaws.com' })).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'iam:PassRole', view.arn, { 'iam:PassedToService': 'redshift.amazonaws.com' })).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'iam:PassRole', view.arn)).toBe('ImplicitlyDenied');
  });

  test('the trust: SageMaker in a statement of its own, without the database-user condition', async () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'RedshiftMl', databaseUsers: [DatabaseUser.inCluster('my-cluster', 'ml_user')] });
    const bucket = s3.Bucket.fromBucketName(stack, 'Bucket', 'mybucket');
    role.allowCreateModel({ bucket });
    role.allowCreateModel({ bucket, keyPrefix: 'ml/' }); // twice: still one SageMaker statement
    const template = synth(stack);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [trustStatement('redshift.amazonaws.com', { StringEquals: { 'sts:ExternalId': USER1 } }), trustStatement('sagemaker.amazonaws.com')],
      },
    });
    const view = roleView(role, template);
    expect(await assume(view, 'sagemaker.amazonaws.com')).toBe('Allowed');
    expect(await assume(view, 'redshift.amazonaws.com', { 'sts:ExternalId': USER1 })).toBe('Allowed');
    // Redshift still needs the right ExternalId; no other service may assume the role
    expect(await assume(view, 'redshift.amazonaws.com')).toBe('ImplicitlyDenied');
    expect(await assume(view, 'redshift.amazonaws.com', { 'sts:ExternalId': USER1.replace('ml_user', 'other') })).toBe('ImplicitlyDenied');
    expect(await assume(view, 'lambda.amazonaws.com')).toBe('ImplicitlyDenied');
    expect(await assume(view, 'ec2.amazonaws.com')).toBe('ImplicitlyDenied');
    expect(await assume(view, 'arn:aws:iam::123456789012:role/Other')).toBe('ImplicitlyDenied');
  });

  test('a ChainedRole: SageMaker joins its trust beside the previous role', async () => {
    const stack = newStack();
    const first = new RedshiftServiceRole(stack, 'First', { roleName: 'First' });
    const chained = new ChainedRole(stack, 'Chained', { assumedBy: first, roleName: 'Chained' });
    chained.allowCreateModel({ bucket: s3.Bucket.fromBucketName(stack, 'Bucket', 'mybucket') });
    const view = roleView(chained, synth(stack));
    expect(await assume(view, 'sagemaker.amazonaws.com')).toBe('Allowed');
    expect(await assume(view, 'arn:aws:iam::123456789012:role/First', {}, [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: view.arn }] }])).toBe('Allowed');
    expect(await assume(view, 'redshift.amazonaws.com')).toBe('ImplicitlyDenied');
  });

  test('kmsKey: the key actions of the docs on that key; CreateGrant only for AWS resources', async () => {
    const { stack, role, bucket } = setup();
    const key = new kms.Key(stack, 'MlKey');
    role.allowCreateModel({ bucket, kmsKey: key });
    const template = synth(stack);
    const view = roleView(role, template);
    const { arn: keyArn, decide: kmsDecide } = keyDecider(stack, template, view, key);
    for (const action of ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:DescribeKey']) {
      expect(await kmsDecide(action, keyArn)).toBe('Allowed');
    }
    expect(await kmsDecide('kms:CreateGrant', keyArn, { 'kms:GrantIsForAWSResource': 'true' })).toBe('Allowed');
    expect(await kmsDecide('kms:CreateGrant', keyArn)).toBe('ImplicitlyDenied');
    expect(await kmsDecide('kms:Decrypt', 'arn:aws:kms:us-west-2:123456789012:key/other-key')).toBe('ImplicitlyDenied');
    expect(await kmsDecide('kms:ScheduleKeyDeletion', keyArn)).toBe('ImplicitlyDenied');
  });

  test.each([
    ['', '`allowCreateModel keyPrefix` must not be empty: leave it out to grant the whole bucket'],
    ['/ml/', "`allowCreateModel keyPrefix` must not start with '/': S3 keys have no leading slash, so the grant would match nothing (use 'ml/'), got: '/ml/'"],
    ['ml/*', "`allowCreateModel keyPrefix` must not contain the IAM wildcards '*' or '?': the prefix is matched literally and the grant adds the trailing '*' itself, got: 'ml/*'"],
  ])('keyPrefix %j is rejected', (keyPrefix, message) => {
    const { role, bucket } = setup();
    expect(() => role.allowCreateModel({ bucket, keyPrefix })).toThrow(message);
  });
});

describe('allowInvokeSageMakerEndpoint', () => {
  test('sagemaker:InvokeEndpoint on that endpoint (named in lowercase, as SageMaker writes its ARNs)', async () => {
    const { stack, role } = setup();
    const grant = role.allowInvokeSageMakerEndpoint('Customer-Churn-Endpoint');
    expect(grant.success).toBe(true);
    const template = synth(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{ Effect: 'Allow', Action: 'sagemaker:InvokeEndpoint', Resource: JOB('endpoint', 'customer-churn-endpoint') }],
      },
    });
    const view = roleView(role, template);
    expect(await roleMay(view, 'sagemaker:InvokeEndpoint', JOB('endpoint', 'customer-churn-endpoint'))).toBe('Allowed');
    // denied: another endpoint, the same name in another Region, endpoint administration, training
    expect(await roleMay(view, 'sagemaker:InvokeEndpoint', JOB('endpoint', 'customer-churn-endpoint-v2'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'sagemaker:InvokeEndpoint', JOB('endpoint', 'fraud-endpoint'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'sagemaker:InvokeEndpoint', JOB('endpoint', 'customer-churn-endpoint', 'us-east-1'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'sagemaker:UpdateEndpoint', JOB('endpoint', 'customer-churn-endpoint'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'sagemaker:CreateTrainingJob', JOB('training-job', 'x'))).toBe('ImplicitlyDenied');
  });

  test('a Token name passes through', () => {
    const { stack, role } = setup();
    const name = new CfnParameter(stack, 'EndpointName').valueAsString;
    expect(() => role.allowInvokeSageMakerEndpoint(name)).not.toThrow();
    synth(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [Match.objectLike({ Resource: { 'Fn::Join': ['', Match.arrayWith([{ Ref: 'EndpointName' }])] } })] },
    });
  });

  test.each([
    ['', "`endpointName` must be a SageMaker endpoint name of 1 to 63 letters, digits or hyphens, starting and ending with a letter or digit, got: ''"],
    ['churn_endpoint', "got: 'churn_endpoint'"],
    ['-churn', "got: '-churn'"],
    ['churn-', "got: 'churn-'"],
    ['churn*', "got: 'churn*'"],
    ['a'.repeat(64), `got: '${'a'.repeat(64)}'`],
  ])('endpoint name %j is rejected', (endpointName, message) => {
    const { role } = setup();
    expect(() => role.allowInvokeSageMakerEndpoint(endpointName)).toThrow(message);
  });
});
