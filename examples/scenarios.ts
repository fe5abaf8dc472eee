import {
  App,
  CfnOutput,
  Stack,
  aws_dynamodb as dynamodb,
  aws_kinesis as kinesis,
  aws_kms as kms,
  aws_lambda as lambda,
  aws_redshift as redshift,
  aws_s3 as s3,
  aws_secretsmanager as secretsmanager,
} from 'aws-cdk-lib';
import {
  ChainedRole,
  ClusterRoleAssociation,
  DatabaseUser,
  RedshiftCommand,
  RedshiftPermissions,
  RedshiftSchedulerRole,
  RedshiftServiceRole,
  ScheduledActionType,
} from '../src';
import { buildIdentityScenarios } from './identity';
import { buildLakehouseScenarios } from './lakehouse';

/** One SQL statement the example app prints, with the scenario it comes from. */
export interface Scenario {
  readonly title: string;
  readonly sql: string;
}

/** Company A's account and Region in the seeds' examples. */
export const COMPANY_A = { account: '123456789012', region: 'us-west-2' };
/** Company B's account, which owns the data Company A's cluster reads through a role chain. */
export const COMPANY_B = { account: '210987654321', region: 'us-west-2' };

/**
 * Builds every scenario of the seeds into `app` and returns the SQL each role enables.
 */
export function buildScenarios(app: App): Scenario[] {
  const scenarios: Scenario[] = [];
  const stack = new Stack(app, 'RedshiftIamExample', {
    env: COMPANY_A,
    description: 'cdk-redshift-iam example: the Redshift IAM scenarios of the AWS documentation',
  });

  // Seed 000/001 "Creating an IAM role": the console's Redshift - Customizable role, but with
  // least-privilege access to one bucket and prefix instead of AmazonS3ReadOnlyAccess.
  const mybucket = s3.Bucket.fromBucketName(stack, 'MyBucket', 'mybucket');
  const copyUnload = new RedshiftServiceRole(stack, 'RedshiftCopyUnload', {
    roleName: 'RedshiftCopyUnload',
    description: 'COPY from s3://mybucket/mydata',
  });
  copyUnload.allowCopyFrom(mybucket, { keyPrefix: 'mydata' });
  scenarios.push({
    title: 'Creating an IAM role: COPY from Amazon S3 ("Permissions to access other AWS Resources")',
    sql: `copy customer from 's3://mybucket/mydata' ${copyUnload.iamRoleClause()}`,
  });

  // Seed 001 "Restricting access to IAM roles": only user1 and user2 on my-cluster in us-west-2.
  const restricted = new RedshiftServiceRole(stack, 'RestrictedToUsers', {
    roleName: 'RedshiftRestrictedToUsers',
    databaseUsers: [
      DatabaseUser.inCluster('my-cluster', 'user1'),
      DatabaseUser.inCluster('my-cluster', 'user2'),
    ],
  });
  restricted.allowCopyFrom(mybucket, { keyPrefix: 'mydata' });
  scenarios.push({
    title: 'Restricting access to IAM roles: only user1 and user2 on my-cluster may use this role',
    sql: `copy customer from 's3://mybucket/mydata' ${restricted.iamRoleClause()}`,
  });

  // Seed 001 "Restricting an IAM role to an AWS Region": us-east-1 and us-west-2 only.
  const regional = new RedshiftServiceRole(stack, 'RestrictedToRegions', {
    roleName: 'RedshiftRestrictedToRegions',
    regions: ['us-east-1', 'us-west-2'],
  });
  regional.allowCopyFrom(mybucket, { keyPrefix: 'mydata' });
  scenarios.push({
    title: 'Restricting an IAM role to an AWS Region: clusters in us-east-1 and us-west-2 only',
    sql: `copy customer from 's3://mybucket/mydata' ${regional.iamRoleClause()}`,
  });

  // Seed 003: one least-privilege role for each command that reaches another service.
  const acmedata = s3.Bucket.fromBucketName(stack, 'AcmeData', 'acmedata');
  const unload = new RedshiftServiceRole(stack, 'Unload', { roleName: 'RedshiftUnloadVenue' });
  unload.allowUnloadTo(acmedata, { keyPrefix: 'redshift/' });
  scenarios.push({
    title: 'UNLOAD to Amazon S3: GET, LIST and PUT under s3://acmedata/redshift/',
    sql: `unload ('select * from venue limit 10') to 's3://acmedata/redshift/venue_pipe_' ${unload.iamRoleClause()}`,
  });

  const library = new RedshiftServiceRole(stack, 'CreateLibrary', { roleName: 'RedshiftCreateLibrary' });
  library.allowCreateLibraryFrom(mybucket, { keyPrefix: 'libraries/' });
  scenarios.push({
    title: 'CREATE LIBRARY from Amazon S3: LIST and GET under s3://mybucket/libraries/',
    sql: `create library f_urlparse language plpythonu from 's3://mybucket/libraries/urlparse3.zip' ${library.iamRoleClause()}`,
  });

  const movies = dynamodb.Table.fromTableName(stack, 'Movies', 'Movies');
  const dynamo = new RedshiftServiceRole(stack, 'CopyFromDynamoDB', { roleName: 'RedshiftCopyFromDynamoDB' });
  dynamo.allowCopyFromTable(movies);
  scenarios.push({
    title: 'COPY from Amazon DynamoDB: Scan and DescribeTable on the Movies table',
    sql: `copy favoritemovies from 'dynamodb://Movies' ${dynamo.iamRoleClause()} readratio 50`,
  });

  const emr = new RedshiftServiceRole(stack, 'CopyFromEmr', { roleName: 'RedshiftCopyFromEmr' });
  emr.allowCopyFromEmrCluster('j-SAMPLE2B500FC');
  scenarios.push({
    title: 'COPY from Amazon EMR: ListInstances on cluster j-SAMPLE2B500FC',
    sql: `copy sales from 'emr://j-SAMPLE2B500FC/myoutput/part-*' ${emr.iamRoleClause()} delimiter '\\t' lzop`,
  });

  const sum = lambda.Function.fromFunctionName(stack, 'LambdaSum', 'lambda_sum');
  const udf = new RedshiftServiceRole(stack, 'ExternalFunction', { roleName: 'RedshiftExternalFunction' });
  udf.allowInvokeFunction(sum);
  scenarios.push({
    title: 'CREATE EXTERNAL FUNCTION: invoke the lambda_sum function only',
    sql: `create external function exfunc_sum(int, int) returns int volatile lambda 'lambda_sum' ${udf.iamRoleClause()}`,
  });

  const spectrumData = s3.Bucket.fromBucketName(stack, 'SpectrumData', 'redshift-spectrum-data');
  const spectrum = new RedshiftServiceRole(stack, 'Spectrum', { roleName: 'RedshiftSpectrum' });
  spectrum.allowSpectrum({
    databases: ['spectrumdb'],
    dataLocations: [{ bucket: spectrumData, keyPrefix: 'tickit/' }],
  });
  scenarios.push({
    title: 'CREATE EXTERNAL SCHEMA (Spectrum): the spectrumdb Glue database and s3://redshift-spectrum-data/tickit/',
    sql: `create external schema spectrum_schema from data catalog database 'spectrumdb' region 'us-west-2' ${spectrum.iamRoleClause()}`,
  });

  // Seed 002 "Associating IAM roles with clusters": attach the roles to an existing cluster, and
  // make the COPY role its default, so SQL can say IAM_ROLE default.
  new ClusterRoleAssociation(stack, 'AttachToMyCluster', {
    clusterIdentifier: 'my-redshift-cluster',
    roles: [copyUnload, unload, library, dynamo, emr, udf, spectrum],
    defaultRole: copyUnload,
  });
  scenarios.push({
    title: 'Associating IAM roles with an existing cluster: RedshiftCopyUnload is my-redshift-cluster\'s default role',
    sql: "copy customer from 's3://mybucket/mydata' IAM_ROLE default",
  });

  scenarios.push(...buildCompanyChain(app));

  // issue 12: every other Redshift command that takes IAM_ROLE (streaming ingestion, federated
  // query, Redshift ML, Spectrum with Lake Formation, UNLOAD with a KMS key, GRANT ASSUMEROLE).
  const kinesisRole = new RedshiftServiceRole(stack, 'StreamingKinesis', { roleName: 'RedshiftStreamingKinesis' });
  kinesisRole.allowStreamingIngestion(kinesis.Stream.fromStreamArn(stack, 'ClickStream', 'arn:aws:kinesis:us-west-2:123456789012:stream/clickstream'));
  scenarios.push({
    title: 'Streaming ingestion from Kinesis Data Streams: read the clickstream stream only',
    sql: `create external schema kds from kinesis ${kinesisRole.iamRoleClause()}`,
  });

  const mskCluster = 'arn:aws:kafka:us-west-2:123456789012:cluster/orders/abcdefab-1234-abcd-5678-cdef0123ab01-2';
  const mskRole = new RedshiftServiceRole(stack, 'StreamingMsk', { roleName: 'RedshiftStreamingMsk' });
  mskRole.allowMskIngestion({ clusterArn: mskCluster, topics: ['orders'] });
  scenarios.push({
    title: 'Streaming ingestion from Amazon MSK (IAM authentication): connect to the orders cluster, read its orders topic',
    sql: `create external schema msk from msk ${mskRole.iamRoleClause()} authentication iam cluster_arn '${mskCluster}'`,
  });

  const rdsSecret = secretsmanager.Secret.fromSecretCompleteArn(stack, 'RdsSecret', 'arn:aws:secretsmanager:us-west-2:123456789012:secret:my-rds-secret-VNenFy');
  const federatedRole = new RedshiftServiceRole(stack, 'FederatedQuery', { roleName: 'RedshiftFederatedQuery' });
  federatedRole.allowFederatedQuery(rdsSecret);
  scenarios.push({
    title: 'Federated query: read the my-rds-secret secret only',
    sql: "create external schema apg from postgres database 'dev' schema 'public' uri 'mydb.cluster-abc.us-west-2.rds.amazonaws.com' "
      + `${federatedRole.iamRoleClause()} secret_arn '${rdsSecret.secretArn}'`,
  });

  const mlStaging = s3.Bucket.fromBucketName(stack, 'MlStaging', 'redshift-ml-staging');
  const mlKey = kms.Key.fromKeyArn(stack, 'MlKey', 'arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab');
  const mlRole = new RedshiftServiceRole(stack, 'CreateModel', {
    roleName: 'RedshiftCreateModel',
    databaseUsers: [DatabaseUser.inCluster('my-redshift-cluster', 'ml_user')],
  });
  mlRole.allowCreateModel({ bucket: mlStaging, kmsKey: mlKey });
  mlRole.allowInvokeSageMakerEndpoint('customer-churn-endpoint');
  scenarios.push({
    title: 'CREATE MODEL (Redshift ML): stage in s3://redshift-ml-staging, run SageMaker jobs, pass only this role to SageMaker',
    sql: 'create model customer_churn from (select state, account_length, total_charge, churn from customer_activity) '
      + `target churn function predict_churn ${mlRole.iamRoleClause()} settings (s3_bucket '${mlStaging.bucketName}', kms_key_id '${mlKey.keyId}')`,
  });
  scenarios.push({
    title: 'CREATE MODEL ... SAGEMAKER (remote inference): invoke the customer-churn-endpoint endpoint only',
    sql: `create model remote_churn function remote_fn_churn (varchar, int, float) returns varchar sagemaker 'customer-churn-endpoint' ${mlRole.iamRoleClause()}`,
  });

  const lake = s3.Bucket.fromBucketName(stack, 'Lake', 'lakehouse-data');
  const lakeRole = new RedshiftServiceRole(stack, 'LakeFormation', { roleName: 'RedshiftLakeFormation' });
  lakeRole.allowSpectrum({
    databases: ['salesdb'],
    lakeFormation: true,
    allowTableChanges: true,
    dataLocations: [{ bucket: lake, keyPrefix: 'curated/', writable: true }],
  });
  scenarios.push({
    title: 'Spectrum with Lake Formation; CREATE EXTERNAL TABLE AS and INSERT write under s3://lakehouse-data/curated/',
    sql: `create external schema lakehouse from data catalog database 'salesdb' ${lakeRole.iamRoleClause()}`,
  });

  const unloadKey = kms.Key.fromKeyArn(stack, 'UnloadKey', 'arn:aws:kms:us-west-2:123456789012:key/0987dcba-09fe-87dc-65ba-ab0987654321');
  const encryptedUnload = new RedshiftServiceRole(stack, 'UnloadWithKey', { roleName: 'RedshiftUnloadWithKey' });
  encryptedUnload.allowUnloadTo(acmedata, { keyPrefix: 'encrypted/', kmsKey: unloadKey });
  scenarios.push({
    title: 'UNLOAD ... KMS_KEY_ID: write under s3://acmedata/encrypted/ with that key',
    sql: `unload ('select * from venue') to 's3://acmedata/encrypted/venue_' ${encryptedUnload.iamRoleClause()} kms_key_id '${unloadKey.keyId}' encrypted`,
  });

  new ClusterRoleAssociation(stack, 'AttachIssue12Roles', {
    clusterIdentifier: 'my-redshift-cluster',
    roles: [kinesisRole, mskRole, federatedRole, mlRole, lakeRole, encryptedUnload],
  });
  scenarios.push({
    title: 'GRANT ASSUMEROLE: once PUBLIC loses it, only etl_user and the loaders group may COPY with RedshiftCopyUnload',
    sql: 'revoke assumerole on all from public for all;\n'
      + `${copyUnload.assumeRoleGrantSql({ users: ['etl_user'], groups: ['loaders'], commands: [RedshiftCommand.COPY] })}\n`
      + `copy customer from 's3://mybucket/mydata' ${copyUnload.iamRoleClause()}`,
  });

  // issue 13: what surrounds Redshift (the Data API, audit logging, integrations, scheduled actions).
  // The Redshift Data API: a loader function runs COPY on my-redshift-cluster as the database user
  // etl, reads only its own statements' results, and can reach no other cluster.
  const loader = new lambda.Function(stack, 'DataApiLoader', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ note: "calls redshift-data ExecuteStatement" });'),
    description: 'Runs COPY through the Redshift Data API',
  });
  RedshiftPermissions.dataApi(loader, { clusterIdentifier: 'my-redshift-cluster', dbUser: 'etl', database: 'dev' });
  scenarios.push({
    title: 'Redshift Data API: the DataApiLoader function runs this as etl on my-redshift-cluster (ExecuteStatement, its own results only)',
    sql: "copy sales from 's3://mybucket/sales/' IAM_ROLE default",
  });

  // Database audit logging: the bucket policy for Redshift (only my-redshift-cluster may write, under redshift/).
  const auditLogs = new s3.Bucket(stack, 'AuditLogs', {
    bucketName: `redshift-audit-logs-${COMPANY_A.account}`,
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
  });
  RedshiftPermissions.allowAuditLogging(auditLogs, { keyPrefix: 'redshift/', clusterIdentifiers: ['my-redshift-cluster'] });
  scenarios.push({
    title: 'Database audit logging: then turn it on for the existing cluster (AWS CLI)',
    sql: `aws redshift enable-logging --cluster-identifier my-redshift-cluster --log-destination-type s3 --bucket-name redshift-audit-logs-${COMPANY_A.account} --s3-key-prefix redshift/`,
  });

  // An S3 event integration (auto-copy) into my-redshift-cluster: the resource policy of its
  // namespace (put it with `aws redshift put-resource-policy`), and a role that reads the bucket.
  const incoming = s3.Bucket.fromBucketName(stack, 'Incoming', 'incoming-data');
  new CfnOutput(stack, 'IncomingIntegrationPolicy', {
    description: 'aws redshift put-resource-policy --resource-arn <namespace ARN of my-redshift-cluster> --policy <this>',
    value: Stack.of(stack).toJsonString(RedshiftPermissions.integrationResourcePolicy({
      targetArn: `arn:aws:redshift:${COMPANY_A.region}:${COMPANY_A.account}:namespace:cc4ffe56-ad2c-4fd1-a5a2-f29124a56433`,
      sources: [incoming.bucketArn],
    })),
  });
  const autoCopy = new RedshiftServiceRole(stack, 'AutoCopy', { roleName: 'RedshiftAutoCopy' });
  autoCopy.allowCopyFrom(incoming, { keyPrefix: 'staging/' });
  scenarios.push({
    title: 'S3 event integration: a COPY JOB that loads each new file under s3://incoming-data/staging/',
    sql: `copy public.target_table from 's3://incoming-data/staging/' ${autoCopy.iamRoleClause()} job create incoming_job auto on`,
  });

  // Scheduled actions: pause my-redshift-cluster every night, with a role that may only pause and resume it.
  const scheduler = new RedshiftSchedulerRole(stack, 'NightlyPause', {
    roleName: 'RedshiftNightlyPause',
    clusterIdentifiers: ['my-redshift-cluster'],
    actions: [ScheduledActionType.PAUSE, ScheduledActionType.RESUME],
  });
  new redshift.CfnScheduledAction(stack, 'PauseAtNight', {
    scheduledActionName: 'pause-at-night',
    schedule: 'cron(0 22 * * ? *)',
    iamRole: scheduler.roleArn,
    targetAction: { pauseCluster: { clusterIdentifier: 'my-redshift-cluster' } },
  });
  scenarios.push({
    title: 'Scheduled actions: RedshiftNightlyPause pauses my-redshift-cluster at 22:00 UTC; check it after deployment (AWS CLI)',
    sql: 'aws redshift describe-scheduled-actions --scheduled-action-name pause-at-night',
  });
  // end of issue 13
  scenarios.push(...buildLakehouseScenarios(stack)); // issue 23: Bedrock, S3 Tables, data sharing
  scenarios.push(...buildIdentityScenarios(stack)); // issue 24: Identity Center, zero-ETL, an existing role

  return scenarios;
}

/**
 * Seed 001 "Chaining IAM roles": Company A's cluster role RoleA assumes Company B's RoleB, which
 * may read and write B's bucket, use B's Glue database and invoke B's function. Two stacks, two
 * accounts, one app.
 */
function buildCompanyChain(app: App): Scenario[] {
  const companyA = new Stack(app, 'CompanyA', { env: COMPANY_A, description: 'Company A: the cluster role RoleA' });
  const companyB = new Stack(app, 'CompanyB', { env: COMPANY_B, description: 'Company B: RoleB, chained from Company A' });

  const roleA = new RedshiftServiceRole(companyA, 'RoleA', { roleName: 'RoleA' });
  const roleB = new ChainedRole(companyB, 'RoleB', { assumedBy: roleA, roleName: 'RoleB' });
  const companyb = s3.Bucket.fromBucketName(companyB, 'CompanyBBucket', 'companyb');
  roleB.allowUnloadTo(companyb, { keyPrefix: 'redshift/' });
  roleB.allowCopyFrom(companyb, { keyPrefix: 'redshift/' });
  roleB.allowSpectrum({ databases: ['exampledb'] });
  roleB.allowInvokeFunction(lambda.Function.fromFunctionName(companyB, 'ExampleFunction', 'exampleLambdaFunction'));

  const iamRole = roleB.chain.iamRoleClause();
  return [
    {
      title: 'Chaining IAM roles: UNLOAD to Company B\'s bucket through RoleA,RoleB',
      sql: `unload ('select * from venue limit 10') to 's3://companyb/redshift/venue_pipe_' ${iamRole}`,
    },
    {
      title: 'Chaining IAM roles: COPY from Company B\'s bucket',
      sql: `copy venue from 's3://companyb/redshift/venue_pipe_' ${iamRole}`,
    },
    {
      title: 'Chaining IAM roles: CREATE EXTERNAL SCHEMA on Company B\'s catalog',
      sql: `create external schema spectrumexample from data catalog database 'exampledb' region 'us-west-2' ${iamRole}`,
    },
    {
      title: 'Chaining IAM roles: CREATE EXTERNAL FUNCTION invoking Company B\'s function',
      sql: `create external function lambda_example(varchar) returns varchar volatile lambda 'exampleLambdaFunction' ${iamRole}`,
    },
  ];
}
