import { aws_iam as iam, Stack } from 'aws-cdk-lib';
import { DataShareSide, RedshiftPermissions, RedshiftServiceRole } from '../src';

/**
 * Issue 23: Amazon Bedrock models from SQL, Apache Iceberg in Amazon S3 Tables, and the
 * administrators of data sharing, in the example app's stack. Returns what each scenario runs.
 */
export function buildLakehouseScenarios(stack: Stack): Array<{ readonly title: string; readonly sql: string }> {
  const { account, region } = stack;

  // CREATE EXTERNAL MODEL ... MODEL_TYPE BEDROCK: one foundation model, and the US cross-Region
  // profile of another (the model in the Regions the profile routes to, through it only).
  const genAi = new RedshiftServiceRole(stack, 'RedshiftBedrock', { roleName: 'RedshiftBedrock' });
  genAi.allowBedrockModels({
    foundationModels: ['anthropic.claude-3-haiku-20240307-v1:0'],
    inferenceProfileArns: [`arn:aws:bedrock:${region}:${account}:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0`],
  });

  // Apache Iceberg in the S3 table bucket 'analytics': every table of 'sales', and one table of
  // 'marketing' that Redshift may also write (INSERT, UPDATE, DELETE, MERGE).
  const lake = new RedshiftServiceRole(stack, 'RedshiftS3Tables', { roleName: 'RedshiftS3Tables' });
  const tableBucketArn = `arn:aws:s3tables:${region}:${account}:bucket/analytics`;
  lake.allowS3Tables({ tableBucketArn, namespaces: ['sales'] });
  lake.allowS3Tables({ tableBucketArn, tables: ['marketing.campaign_results'], writable: true });

  // A producer administrator: authorize 'salesshare' for Company B's account only, read-only.
  const shareAdmin = new iam.Role(stack, 'DataShareAdmin', { roleName: 'DataShareAdmin', assumedBy: new iam.AccountRootPrincipal() });
  const salesShare = `arn:aws:redshift:${region}:${account}:datashare:cc4ffe56-ad2c-4fd1-a5a2-f29124a56433/salesshare`;
  RedshiftPermissions.manageDataShares(shareAdmin, { dataShareArns: [salesShare], consumers: ['210987654321'], side: DataShareSide.PRODUCER });

  return [
    {
      title: 'Amazon Bedrock from SQL: a model function on Claude 3 Haiku (REQUEST_TYPE RAW; UNIFIED uses the Converse API, which the same grant allows)',
      sql: 'CREATE EXTERNAL MODEL claude_haiku FUNCTION claude_haiku_summary '
        + `${genAi.iamRoleClause()} MODEL_TYPE BEDROCK SETTINGS (MODEL_ID 'anthropic.claude-3-haiku-20240307-v1:0', PROMPT 'Summarize the following review:')`,
    },
    {
      title: 'Apache Iceberg in S3 Tables: an external schema on the namespace sales of the table bucket analytics',
      sql: `CREATE EXTERNAL SCHEMA sales_lake FROM DATA CATALOG DATABASE 'sales' ${lake.iamRoleClause()} `
        + `CATALOG_ID '${account}:s3tablescatalog/analytics';\n`
        + '-- or through the auto-mounted catalog of the table bucket (Method 3 of "Query Amazon S3 Tables from Amazon Redshift" lists its prerequisites):\n'
        + 'INSERT INTO "analytics@s3tablescatalog".marketing.campaign_results SELECT * FROM campaign_staging',
    },
    {
      title: 'Data sharing: the DataShareAdmin role authorizes salesshare for Company B only, read-only (AWS CLI)',
      sql: `aws redshift authorize-data-share --data-share-arn ${salesShare} --consumer-identifier 210987654321`,
    },
  ];
}
