import { aws_dynamodb as dynamodb, aws_iam as iam, aws_kinesis as kinesis, aws_lambda as lambda, aws_s3 as s3, aws_secretsmanager as secretsmanager } from 'aws-cdk-lib';
import { AssumeRoleGrantOptions } from './assume-role-grant';
import { BedrockModelsOptions } from './grants/bedrock';
import { CreateModelOptions } from './grants/machine-learning';
import { S3AccessOptions, UnloadAccessOptions } from './grants/s3-commands';
import { S3TablesAccessOptions } from './grants/s3-tables';
import { SpectrumAccessOptions } from './grants/spectrum';
import { MskIngestionOptions } from './grants/streaming';

/**
 * A role that Amazon Redshift assumes, with the least-privilege grant of each Redshift command and
 * the SQL that names it: a `RedshiftServiceRole` or `ChainedRole` of this app, or a role that exists
 * already (`RedshiftServiceRole.fromExistingRoleArn`, `RedshiftServiceRole.fromExistingRoleName`).
 *
 * Every grant behaves the same on all of them: the same statements, in the role's policy `AccessPolicy`.
 */
export interface IRedshiftRole extends iam.IRole {
  /** `IAM_ROLE '<role ARN>'`: the authorization clause of COPY, UNLOAD, CREATE EXTERNAL SCHEMA and CREATE EXTERNAL FUNCTION. */
  iamRoleClause(): string;

  /** `GRANT ASSUMEROLE ON '<role ARN>' TO ... FOR ...;`, naming the role as `iamRoleClause()` does. */
  assumeRoleGrantSql(options: AssumeRoleGrantOptions): string;

  /** COPY from Amazon S3: LIST under the prefix, GET the objects under it (+ `kms:Decrypt` on the bucket's key). */
  allowCopyFrom(bucket: s3.IBucket,
    /** @default - the whole bucket */
    options?: S3AccessOptions): iam.Grant;

  /** CREATE LIBRARY from Amazon S3: LIST and GET under the prefix (+ `kms:Decrypt`). */
  allowCreateLibraryFrom(bucket: s3.IBucket,
    /** @default - the whole bucket */
    options?: S3AccessOptions): iam.Grant;

  /** UNLOAD to Amazon S3: GET, LIST and PUT under the prefix (+ the bucket's or the given key). */
  allowUnloadTo(bucket: s3.IBucket,
    /** @default - the whole bucket, without `s3:DeleteObject` (no CLEANPATH) */
    options?: UnloadAccessOptions): iam.Grant;

  /** COPY from Amazon DynamoDB: `dynamodb:Scan` and `dynamodb:DescribeTable` on that table (+ its key). */
  allowCopyFromTable(table: dynamodb.ITable): iam.Grant;

  /** COPY from an Amazon EMR cluster: `elasticmapreduce:ListInstances` on that cluster. */
  allowCopyFromEmrCluster(emrClusterId: string): iam.Grant;

  /** CREATE EXTERNAL FUNCTION: `lambda:InvokeFunction` on that function only. */
  allowInvokeFunction(fn: lambda.IFunction): iam.Grant;

  /** Redshift Spectrum: the AWS Glue Data Catalog databases and their tables, and the data locations in S3. */
  allowSpectrum(options: SpectrumAccessOptions): iam.Grant;

  /** CREATE EXTERNAL SCHEMA ... FROM KINESIS: read the stream, `kinesis:ListStreams`, `kms:Decrypt` on its key. */
  allowStreamingIngestion(stream: kinesis.IStream): iam.Grant;

  /** CREATE EXTERNAL SCHEMA ... FROM MSK AUTHENTICATION iam: connect to the cluster, read its topics. */
  allowMskIngestion(options: MskIngestionOptions): iam.Grant;

  /** CREATE EXTERNAL SCHEMA ... FROM POSTGRES | MYSQL ... SECRET_ARN: read the secret (+ `kms:Decrypt` on its key). */
  allowFederatedQuery(secret: secretsmanager.ISecret): iam.Grant;

  /**
   * CREATE MODEL (Redshift ML): the staging bucket, the SageMaker jobs, and PassRole of this role to SageMaker.
   *
   * SageMaker must be able to assume the role: a role of this app trusts it in a statement of its own; an
   * existing role's trust cannot be changed by the app (a warning says so).
   */
  allowCreateModel(options: CreateModelOptions): iam.Grant;

  /** CREATE MODEL ... SAGEMAKER '<endpoint>' (remote inference): `sagemaker:InvokeEndpoint` on that endpoint. */
  allowInvokeSageMakerEndpoint(endpointName: string): iam.Grant;

  /** CREATE EXTERNAL MODEL ... MODEL_TYPE BEDROCK: `bedrock:InvokeModel` on exactly the named models, profiles and provisioned models. */
  allowBedrockModels(options: BedrockModelsOptions): iam.Grant;

  /** Apache Iceberg tables in Amazon S3 Tables, through the s3tablescatalog federated catalog (read, and write when asked). */
  allowS3Tables(options: S3TablesAccessOptions): iam.Grant;

  /** The hop of a role chain: `sts:AssumeRole` on exactly the next role's ARN. */
  allowAssumeRole(next: iam.IRole): iam.Grant;
}
