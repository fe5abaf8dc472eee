import { aws_dynamodb as dynamodb, aws_iam as iam, aws_kms as kms, aws_s3 as s3, Stack } from 'aws-cdk-lib';
import { RedshiftIdcApplicationRole, RedshiftPermissions, RedshiftServiceRole } from '../src';

/**
 * Issue 24: IAM Identity Center, the source side and the creator of a DynamoDB zero-ETL
 * integration, Redshift Serverless IAM sign-in, and a role made in the console, in the example
 * app's stack. Returns what each scenario runs.
 */
export function buildIdentityScenarios(stack: Stack): Array<{ readonly title: string; readonly sql: string }> {
  const { account, region } = stack;
  const instance = 'arn:aws:sso:::instance/ssoins-1234567890abcdef';
  const namespace = `arn:aws:redshift:${region}:${account}:namespace:cc4ffe56-ad2c-4fd1-a5a2-f29124a56433`;
  const workgroup = `arn:aws:redshift-serverless:${region}:${account}:workgroup/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b`;

  // Trusted identity propagation: the role of the Redshift IdC application (CloudFormation has no
  // resource for the application yet: the CLI creates it), and a BI tool that gets Identity Center tokens.
  new RedshiftIdcApplicationRole(stack, 'RedshiftIdc', { identityCenterInstanceArn: instance, roleName: 'RedshiftIdcApplication' });
  const biTool = new iam.Role(stack, 'BiTool', { roleName: 'BiTool', assumedBy: new iam.AccountRootPrincipal() });
  RedshiftPermissions.getIdentityCenterAuthToken(biTool, { clusterIdentifiers: ['my-redshift-cluster'], workgroupArns: [workgroup] });
  // Redshift Serverless IAM sign-in (no condition key limits the database or the user).
  RedshiftPermissions.getServerlessCredentials(biTool, { workgroupArns: [workgroup] });

  // A DynamoDB zero-ETL integration into my-redshift-cluster: the table's and its key's policies, and who creates it.
  const key = new kms.Key(stack, 'OrdersKey', { enableKeyRotation: true, description: 'Encrypts the orders table' });
  const orders = new dynamodb.Table(stack, 'Orders', {
    tableName: 'orders',
    partitionKey: { name: 'order_id', type: dynamodb.AttributeType.STRING },
    encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
    encryptionKey: key,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
  });
  RedshiftPermissions.dynamoDbIntegrationSource(orders);
  RedshiftPermissions.integrationKeyPolicy(key);
  const integrator = new iam.Role(stack, 'Integrator', { roleName: 'ZeroEtlIntegrator', assumedBy: new iam.AccountRootPrincipal() });
  const ordersArn = `arn:aws:dynamodb:${region}:${account}:table/orders`;
  RedshiftPermissions.createIntegrations(integrator, { sources: [ordersArn], targetArns: [namespace] });

  // A role made in the Redshift console, given least-privilege COPY access by this app.
  const consoleRole = RedshiftServiceRole.fromExistingRoleName(stack, 'ConsoleRole', 'AmazonRedshift-CommandsAccessRole-20240101T000000');
  consoleRole.allowCopyFrom(s3.Bucket.fromBucketName(stack, 'Landing', 'landing-zone'), { keyPrefix: 'daily/' });

  return [
    {
      title: 'IAM Identity Center: create the Redshift IdC application with the RedshiftIdcApplication role (AWS CLI)',
      sql: `aws redshift create-redshift-idc-application --idc-instance-arn ${instance} --redshift-idc-application-name analytics `
        + `--idc-display-name Analytics --iam-role-arn arn:aws:iam::${account}:role/RedshiftIdcApplication`,
    },
    {
      title: 'DynamoDB zero-ETL: ZeroEtlIntegrator creates the integration of the orders table into my-redshift-cluster (AWS CLI)',
      sql: `aws redshift create-integration --integration-name orders --source-arn ${ordersArn} --target-arn ${namespace}`,
    },
    {
      title: 'A role made in the console: COPY from s3://landing-zone/daily/ with the grant this app attached to it',
      sql: `copy orders from 's3://landing-zone/daily/' ${consoleRole.iamRoleClause()}`,
    },
  ];
}
