import { aws_iam as iam, aws_kms as kms, aws_s3 as s3, ArnFormat, Stack, Token } from 'aws-cdk-lib';
import { GrantTarget } from './grant-target';
import { grantS3 } from './s3-commands';
import { grantKey } from '../private/key-grant';
import { requireOptions, validateSageMakerEndpointName } from '../private/validation';

/**
 * Redshift ML: CREATE MODEL, which trains with Amazon SageMaker, and remote inference on a
 * SageMaker endpoint.
 */

/**
 * Where CREATE MODEL stages its data, and the key it encrypts it with.
 */
export interface CreateModelOptions {
  /**
   * The bucket of CREATE MODEL ... SETTINGS (S3_BUCKET '<bucket>'): Redshift unloads the training
   * data there, and SageMaker writes the model artifacts there.
   */
  readonly bucket: s3.IBucket;

  /**
   * Limit the bucket access to the keys under this prefix.
   *
   * Redshift ML chooses the keys it writes under the bucket: set a prefix only when you know it
   * holds them.
   *
   * @default - the whole bucket
   */
  readonly keyPrefix?: string;

  /**
   * The AWS KMS key of CREATE MODEL ... SETTINGS (KMS_KEY_ID '<key>'), which encrypts the staged
   * data, the model artifacts and the volumes of the SageMaker jobs.
   *
   * @default - no key besides the bucket's own
   */
  readonly kmsKey?: kms.IKey;
}

const SAGEMAKER = 'sagemaker.amazonaws.com';

// "Cluster setup for using Amazon Redshift ML", Amazon Redshift Database Developer Guide,
// https://docs.aws.amazon.com/redshift/latest/dg/cluster-setup.html
// The page allows sagemaker:*Job* on '*'. These are the actions of that wildcard for the jobs
// CREATE MODEL starts (Autopilot for AUTO ON, and the training, tuning, processing and transform
// jobs Autopilot runs; training for AUTO OFF; SageMaker Neo compilation of the model Redshift runs
// locally): create, describe and stop. Deleting jobs and the list actions of other job types are
// left out; the jobs are scoped by type to this account and Region.
const JOB_TYPES = ['automl-job', 'training-job', 'hyper-parameter-tuning-job', 'processing-job', 'transform-job', 'compilation-job'];
const JOB_ACTIONS = [
  'sagemaker:CreateAutoMLJob',
  'sagemaker:CreateAutoMLJobV2',
  'sagemaker:DescribeAutoMLJob',
  'sagemaker:DescribeAutoMLJobV2',
  'sagemaker:StopAutoMLJob',
  'sagemaker:CreateTrainingJob',
  'sagemaker:DescribeTrainingJob',
  'sagemaker:StopTrainingJob',
  'sagemaker:CreateHyperParameterTuningJob',
  'sagemaker:DescribeHyperParameterTuningJob',
  'sagemaker:StopHyperParameterTuningJob',
  'sagemaker:ListTrainingJobsForHyperParameterTuningJob',
  'sagemaker:CreateProcessingJob',
  'sagemaker:DescribeProcessingJob',
  'sagemaker:StopProcessingJob',
  'sagemaker:CreateTransformJob',
  'sagemaker:DescribeTransformJob',
  'sagemaker:StopTransformJob',
  'sagemaker:CreateCompilationJob',
  'sagemaker:DescribeCompilationJob',
  'sagemaker:StopCompilationJob',
];
// Same page, first statement: what the SageMaker jobs do with the role they are passed (also in
// "CreateTrainingJob API: Execution Role Permissions", Amazon SageMaker Developer Guide).
const LOG_ACTIONS = ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'];
const ECR_PULL_ACTIONS = ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];
// Same page, second statement (without the sample bucket redshift-downloads).
const STAGING_OBJECT_ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload'];
// Same page, "Optional section needed if you use AWS KMS keys" (kms:GenerateDataKey* written out
// as the two data-key actions SageMaker and S3 call; kms:CreateGrant only for grants that AWS
// services create on the role's behalf, for the encrypted volumes of the jobs).
const KEY_ACTIONS = ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext'];

/**
 * CREATE MODEL: the staging bucket, the SageMaker jobs Redshift starts, what those jobs do with the
 * role, `iam:PassRole` on this role to SageMaker only, and SageMaker in the trust.
 */
export function allowCreateModel(target: GrantTarget, options: CreateModelOptions): iam.Grant {
  requireOptions('allowCreateModel', options, ['bucket']);
  const stack = Stack.of(target.role);
  const role = target.role;

  let grant = grantS3(target, options.bucket, options.keyPrefix, 'allowCreateModel', STAGING_OBJECT_ACTIONS,
    ['kms:Decrypt', 'kms:GenerateDataKey'], 'CREATE MODEL stages data in')
    .combine(target.grant({ actions: ['s3:GetBucketLocation'], resourceArns: [options.bucket.bucketArn] }));

  const jobs = JOB_TYPES.map((type) => {
    const arn = stack.formatArn({ service: 'sagemaker', resource: type, resourceName: '*' });
    target.scopedWildcard(arn, `cdk-redshift-iam: CREATE MODEL starts SageMaker ${type}s in this account and Region; '*' stands for the job names, which Redshift chooses`);
    return arn;
  });
  grant = grant.combine(target.grant({ actions: JOB_ACTIONS, resourceArns: jobs }))
    .combine(target.grant({ actions: ['sagemaker:ListCandidatesForAutoMLJob'], resourceArns: ['*'] }));

  const logGroups = stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: '/aws/sagemaker/*', arnFormat: ArnFormat.COLON_RESOURCE_NAME });
  target.scopedWildcard(logGroups, "cdk-redshift-iam: the SageMaker jobs of CREATE MODEL log to the /aws/sagemaker/ log groups of this account and Region; '*' stands for the job types and log streams");
  // The algorithm images are in repositories of AWS accounts that differ by Region and algorithm.
  const repositories = stack.formatArn({ service: 'ecr', account: '*', resource: 'repository', resourceName: '*' });
  target.scopedWildcard(repositories, "cdk-redshift-iam: the SageMaker jobs of CREATE MODEL pull the algorithm images of this Region, which AWS keeps in repositories of its own accounts; '*' stands for those accounts and repositories (read-only)");
  grant = grant.combine(target.grant({ actions: LOG_ACTIONS, resourceArns: [logGroups] }))
    .combine(target.grant({ actions: ECR_PULL_ACTIONS, resourceArns: [repositories] }))
    .combine(target.grant({ actions: ['ecr:GetAuthorizationToken'], resourceArns: ['*'] }))
    .combine(target.grant({
      actions: ['cloudwatch:PutMetricData'],
      resourceArns: ['*'],
      conditions: { StringLike: { 'cloudwatch:namespace': '/aws/sagemaker/*' } },
    }));

  // Same page, second statement: iam:PassRole on the role of the CREATE MODEL command itself,
  // here to SageMaker only; and its trust policy: SageMaker assumes the role it is passed.
  grant = grant.combine(target.grant({
    actions: ['iam:PassRole'],
    resourceArns: [target.arnInPolicy(role)],
    conditions: { StringEquals: { 'iam:PassedToService': SAGEMAKER } },
  }));
  target.trustService(SAGEMAKER);

  if (options.kmsKey) {
    const what = '`allowCreateModel` `kmsKey`: the key';
    grant = grant.combine(grantKey(role, options.kmsKey, KEY_ACTIONS, what, { wildcards: target }))
      .combine(grantKey(role, options.kmsKey, ['kms:CreateGrant'], what, { wildcards: target, conditions: { Bool: { 'kms:GrantIsForAWSResource': 'true' } } }));
  }
  return grant;
}

/**
 * CREATE MODEL ... FUNCTION ... SAGEMAKER '<endpoint>' (bring your own model, remote inference):
 * `sagemaker:InvokeEndpoint` on that endpoint of this account and Region.
 */
export function allowInvokeSageMakerEndpoint(target: GrantTarget, endpointName: string): iam.Grant {
  validateSageMakerEndpointName('endpointName', endpointName);
  // "Actions, resources, and condition keys for Amazon SageMaker AI", Service Authorization
  // Reference: InvokeEndpoint on arn:...:endpoint/NAME. SageMaker writes resource names in ARNs in
  // lowercase, whatever the case of the name given to CreateEndpoint.
  const name = Token.isUnresolved(endpointName) ? endpointName : endpointName.toLowerCase();
  return target.grant({
    actions: ['sagemaker:InvokeEndpoint'],
    resourceArns: [Stack.of(target.role).formatArn({ service: 'sagemaker', resource: 'endpoint', resourceName: name })],
  });
}
