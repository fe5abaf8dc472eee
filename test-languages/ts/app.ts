/**
 * The TypeScript twin of test-languages/{python,java,go}: the same constructs, the same construct
 * ids, the same calls, in the same order. test-languages/run.ts synthesizes each app and compares
 * their templates, annotations and printed lines with this one's.
 *
 * Usage: `app <outdir>`. Output: the cloud assembly in <outdir>; on stdout, one `CLAUSE <name> = <text>` line per
 * IAM_ROLE text and one `ERROR <name> = <message>` line per bad input the library rejects.
 */
import {
  App,
  Aspects,
  CfnOutput,
  CfnResource,
  Duration,
  Stack,
  aws_dynamodb as dynamodb,
  aws_iam as iam,
  aws_lambda as lambda,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import {
  ChainTrust,
  ChainedRole,
  ClusterRoleAssociation,
  DataShareSide,
  DatabaseUser,
  RedshiftArn,
  RedshiftIamChecks,
  RedshiftIdcApplicationRole,
  RedshiftPermissions,
  RedshiftServiceRole,
  RoleChain,
} from '../../src';

const COMPANY_A = { account: '123456789012', region: 'us-west-2' };
const COMPANY_B = { account: '210987654321', region: 'us-west-2' };

function clause(name: string, text: string): void {
  console.log(`CLAUSE ${name} = ${text}`);
}

function rejects(name: string, build: (stack: Stack) => void): void {
  try {
    build(new Stack(new App(), 'Rejected', { env: COMPANY_A })); // never synthesized
    console.log(`ERROR ${name} = (none)`);
  } catch (e) {
    console.log(`ERROR ${name} = ${(e as Error).message}`);
  }
}

// Partition literals: ARNs in the us-west-2 stacks are literal text (arn:aws:...), so the IAM_ROLE
// clauses are too.
const app = new App({
  outdir: process.argv[2],
  context: { '@aws-cdk/core:enablePartitionLiterals': true },
});

// A role restricted to database users and Regions, with least-privilege grants on buckets.
const stack = new Stack(app, 'Roles', { env: COMPANY_A });
const data = s3.Bucket.fromBucketName(stack, 'Data', 'mybucket');
const exportsBucket = s3.Bucket.fromBucketName(stack, 'Exports', 'acmedata');
const spectrumData = s3.Bucket.fromBucketName(stack, 'SpectrumData', 'redshift-spectrum-data');

const copyUnload = new RedshiftServiceRole(stack, 'CopyUnload', {
  roleName: 'RedshiftCopyUnload',
  description: 'COPY and UNLOAD for user1 and user2',
  maxSessionDuration: Duration.hours(2),
  databaseUsers: [
    DatabaseUser.inCluster('my-cluster', 'user1'),
    DatabaseUser.inCluster('my-cluster', 'user2', { region: 'us-east-1', account: '123456789012' }),
  ],
  regions: ['us-east-1', 'us-west-2'],
});
copyUnload.addDatabaseUser(DatabaseUser.fromArn('arn:aws:redshift:us-west-2:123456789012:dbuser:my-cluster/user3'));
copyUnload.addExternalId('partner-etl-7');
copyUnload.allowCopyFrom(data, { keyPrefix: 'sales/' });
copyUnload.allowUnloadTo(exportsBucket, { keyPrefix: 'exports/venue/', allowCleanPath: true });
copyUnload.allowCreateLibraryFrom(data, { keyPrefix: 'libraries/' });
clause('copyUnload', copyUnload.iamRoleClause());

const spectrum = new RedshiftServiceRole(stack, 'Spectrum', { roleName: 'RedshiftSpectrum' });
spectrum.allowSpectrum({
  databases: ['spectrumdb'],
  dataLocations: [{ bucket: spectrumData, keyPrefix: 'tickit/' }],
  allowCreateDatabase: true,
});
spectrum.allowCopyFromTable(dynamodb.Table.fromTableName(stack, 'Movies', 'Movies'));
spectrum.allowCopyFromEmrCluster('j-SAMPLE2B500FC');
spectrum.allowInvokeFunction(lambda.Function.fromFunctionName(stack, 'LambdaSum', 'lambda_sum'));
clause('spectrum', spectrum.iamRoleClause());

const serverless = new RedshiftServiceRole(stack, 'Serverless', {
  serverless: true,
  databaseUsers: [DatabaseUser.inWorkgroup('0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b', 'analyst')],
});
serverless.allowCopyFrom(data);

// What RedshiftIamChecks warns about: the console's broad managed policy, on a role every user may use.
new RedshiftServiceRole(stack, 'Broad', {
  managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonS3ReadOnlyAccess')],
});

// Attach the roles to an existing cluster, and let operators manage that by hand.
const association = new ClusterRoleAssociation(stack, 'Attach', {
  clusterIdentifier: 'my-redshift-cluster',
  roles: [copyUnload, spectrum],
  defaultRole: copyUnload,
  waitTimeout: Duration.minutes(30),
});
const operators = new iam.Role(stack, 'Operators', { assumedBy: new iam.AccountRootPrincipal() });
association.grantManage(operators);
RedshiftPermissions.getClusterCredentials(operators, {
  clusterIdentifier: 'my-redshift-cluster',
  dbUsers: ['analyst'],
  dbNames: ['dev'],
  maxDuration: Duration.minutes(30),
  autoCreate: true,
  dbGroups: ['readers'],
});
RedshiftPermissions.manageClusters(operators, {
  actions: ['redshift:ModifyCluster'],
  region: 'us-west-2',
  resourceTags: { environment: 'test' },
});
new CfnOutput(stack, 'ClusterArn', { value: RedshiftArn.cluster(stack, 'my-redshift-cluster') });

// Amazon Bedrock models (CREATE EXTERNAL MODEL) and Apache Iceberg tables in Amazon S3 Tables.
const bedrock = new RedshiftServiceRole(stack, 'Bedrock', { roleName: 'RedshiftBedrock' });
bedrock.allowBedrockModels({ foundationModels: ['anthropic.claude-3-haiku-20240307-v1:0'] });
clause('bedrock', bedrock.iamRoleClause());
const lake = new RedshiftServiceRole(stack, 'Lake', { roleName: 'RedshiftS3Tables' });
lake.allowS3Tables({ tableBucketArn: 'arn:aws:s3tables:us-west-2:123456789012:bucket/analytics', namespaces: ['sales'] });
clause('s3Tables', lake.iamRoleClause());

// The operators administer the producer side of a datashare that Company B consumes.
RedshiftPermissions.manageDataShares(operators, {
  dataShareArns: ['arn:aws:redshift:us-west-2:123456789012:datashare:cc4ffe56-ad2c-4fd1-a5a2-f29124a56433/salesshare'],
  consumers: ['210987654321'],
  side: DataShareSide.PRODUCER,
});

// A role made in the console, with a grant of this app.
const consoleRole = RedshiftServiceRole.fromExistingRoleName(stack, 'ConsoleRole', 'ConsoleRole');
consoleRole.allowCopyFrom(data, { keyPrefix: 'daily/' });
clause('consoleRole', consoleRole.iamRoleClause());

// IAM Identity Center (the role of a Redshift IdC application), Redshift Serverless sign-in and
// zero-ETL integrations.
const idcRole = new RedshiftIdcApplicationRole(stack, 'IdcRole', {
  identityCenterInstanceArn: 'arn:aws:sso:::instance/ssoins-1234567890abcdef',
});
new CfnResource(stack, 'IdcApplication', {
  type: 'AWS::Redshift::RedshiftIdcApplication',
  properties: {
    IdcInstanceArn: 'arn:aws:sso:::instance/ssoins-1234567890abcdef',
    IdcDisplayName: 'RedshiftAnalytics',
    RedshiftIdcApplicationName: 'redshift-analytics',
    IamRoleArn: idcRole.roleArn,
  },
});
RedshiftPermissions.getIdentityCenterAuthToken(operators, { clusterIdentifiers: ['my-redshift-cluster'] });
RedshiftPermissions.getServerlessCredentials(operators, {
  workgroupArns: ['arn:aws:redshift-serverless:us-west-2:123456789012:workgroup/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b'],
});
RedshiftPermissions.createIntegrations(operators, {
  sources: ['arn:aws:dynamodb:us-west-2:123456789012:table/orders', 'arn:aws:rds:us-west-2:123456789012:cluster:orders-db'],
  targetArns: ['arn:aws:redshift:us-west-2:123456789012:namespace:cc4ffe56-ad2c-4fd1-a5a2-f29124a56433'],
});

// A chain across two accounts: Company A's cluster role assumes Company B's roles.
const companyA = new Stack(app, 'CompanyA', { env: COMPANY_A });
const companyB = new Stack(app, 'CompanyB', { env: COMPANY_B });
const roleA = new RedshiftServiceRole(companyA, 'RoleA', { roleName: 'RoleA' });
const roleB = new ChainedRole(companyB, 'RoleB', {
  assumedBy: roleA,
  roleName: 'RoleB',
  databaseUsers: [DatabaseUser.inCluster('my-cluster', 'etl', { account: '123456789012' })],
});
roleB.allowCopyFrom(s3.Bucket.fromBucketName(companyB, 'CompanyBData', 'companyb'), { keyPrefix: 'redshift/' });
const roleC = new ChainedRole(companyB, 'RoleC', { assumedBy: roleB, trust: ChainTrust.ACCOUNT });
roleC.allowSpectrum({ databases: ['exampledb'] });
clause('roleB.chain', roleB.chain.iamRoleClause());
clause('roleC.chain', roleC.chain.iamRoleClause());
clause('roleC.chain.parameter', `${roleC.chain.iamRoleParameter} (${roleC.chain.length} roles)`);
clause('RoleChain.of', RoleChain.of([roleA, roleB]).iamRoleClause());
clause('RoleChain.fromRoleArns', RoleChain.fromRoleArns([
  'arn:aws:iam::123456789012:role/RoleA',
  'arn:aws:iam::210987654321:role/partner/RoleP',
]).iamRoleClause());

Aspects.of(app).add(new RedshiftIamChecks());
app.synth();

// Bad input raises the library's own message (a constructor, a method, a static method).
rejects('regions', (s) => new RedshiftServiceRole(s, 'Bad', { regions: ['us west 2'] }));
rejects('keyPrefix', (s) => new RedshiftServiceRole(s, 'Bad').allowCopyFrom(
  s3.Bucket.fromBucketName(s, 'B', 'mybucket'), { keyPrefix: '/sales/' }));
rejects('clusterIdentifier', () => DatabaseUser.inCluster('My_Cluster', 'user1'));
rejects('tableBucketArn', (s) => new RedshiftServiceRole(s, 'Bad').allowS3Tables({ tableBucketArn: 'arn:aws:s3:::analytics' }));
rejects('existingRoleName', (s) => RedshiftServiceRole.fromExistingRoleName(s, 'Bad', 'service-role/ConsoleRole'));
rejects('consumers', (s) => RedshiftPermissions.manageDataShares(new iam.Role(s, 'Admins', { assumedBy: new iam.AccountRootPrincipal() }), {
  dataShareArns: ['arn:aws:redshift:us-west-2:123456789012:datashare:cc4ffe56-ad2c-4fd1-a5a2-f29124a56433/salesshare'],
  consumers: ['210987654321'],
  side: DataShareSide.CONSUMER,
}));
