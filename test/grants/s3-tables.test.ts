import { CfnParameter } from 'aws-cdk-lib';
import { ChainedRole, RedshiftServiceRole } from '../../src';
import { grantSetup as setup } from '../helpers/grants';
import { decide, roleMay, roleView } from '../helpers/iam';
import { acknowledgements, nagFindings } from '../helpers/nag';
import { newStack, synth } from '../helpers/synth';

const ACCT = '123456789012';
const BUCKET = `arn:aws:s3tables:us-west-2:${ACCT}:bucket/analytics`;
const OTHER_BUCKET = `arn:aws:s3tables:us-west-2:${ACCT}:bucket/finance`;
const TABLE_ID = '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
const table = (bucket = BUCKET) => `${bucket}/table/${TABLE_ID}`;
const glue = (resource: string, region = 'us-west-2', account = ACCT) => `arn:aws:glue:${region}:${account}:${resource}`;
const at = (namespace: string, tableName?: string): Record<string, string> => (tableName === undefined
  ? { 's3tables:namespace': namespace }
  : { 's3tables:namespace': namespace, 's3tables:tableName': tableName });
const READS = ['s3tables:GetTable', 's3tables:GetTableMetadataLocation', 's3tables:GetTableData'];

describe('allowS3Tables', () => {
  test('the whole table bucket: the federated catalog, its namespaces and tables, and the s3tables reads', async () => {
    // GIVEN
    const { stack, role } = setup();
    // WHEN
    const grant = role.allowS3Tables({ tableBucketArn: BUCKET });
    // THEN
    expect(grant.success).toBe(true);
    const view = roleView(role, synth(stack));
    // CREATE EXTERNAL SCHEMA ... CATALOG_ID '123456789012:s3tablescatalog/analytics', and the auto-mounted "analytics@s3tablescatalog"
    expect(await roleMay(view, 'glue:GetCatalog', glue('catalog'))).toBe('Allowed');
    expect(await roleMay(view, 'glue:GetCatalog', glue('catalog/s3tablescatalog/analytics'))).toBe('Allowed');
    expect(await roleMay(view, 'glue:GetDatabase', glue('database/s3tablescatalog/analytics/sales'))).toBe('Allowed');
    expect(await roleMay(view, 'glue:GetTables', glue('table/s3tablescatalog/analytics/sales/orders'))).toBe('Allowed');
    expect(await roleMay(view, 's3tables:GetTableBucket', BUCKET)).toBe('Allowed');
    expect(await roleMay(view, 's3tables:ListNamespaces', BUCKET)).toBe('Allowed');
    expect(await roleMay(view, 's3tables:GetNamespace', BUCKET, at('sales'))).toBe('Allowed');
    for (const action of READS) expect(await roleMay(view, action, table(), at('sales', 'orders'))).toBe('Allowed');
    // denied: another table bucket and its catalog, another account's catalog, writes, Lake Formation
    expect(await roleMay(view, 's3tables:GetTableData', table(OTHER_BUCKET), at('sales', 'orders'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'glue:GetTable', glue('table/s3tablescatalog/finance/sales/orders'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'glue:GetTable', glue('table/sales/orders'))).toBe('ImplicitlyDenied');
    expect(await decide({
      principal: view.arn,
      identity: view.identity,
      action: 'glue:GetTable',
      resourceAccount: ACCT,
      resource: glue('table/s3tablescatalog/analytics/sales/orders', 'us-west-2', '210987654321'),
    })).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3tables:PutTableData', table(), at('sales', 'orders'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3tables:DeleteTable', table(), at('sales', 'orders'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'glue:UpdateTable', glue('table/s3tablescatalog/analytics/sales/orders'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'lakeformation:GetDataAccess', '*')).toBe('ImplicitlyDenied');
  });

  test('namespaces: every table of those namespaces only', async () => {
    const { stack, role } = setup();
    role.allowS3Tables({ tableBucketArn: BUCKET, namespaces: ['sales', 'marketing'] });
    const view = roleView(role, synth(stack));
    expect(await roleMay(view, 'glue:GetDatabase', glue('database/s3tablescatalog/analytics/sales'))).toBe('Allowed');
    expect(await roleMay(view, 'glue:GetTable', glue('table/s3tablescatalog/analytics/marketing/campaigns'))).toBe('Allowed');
    expect(await roleMay(view, 's3tables:GetNamespace', BUCKET, at('sales'))).toBe('Allowed');
    expect(await roleMay(view, 's3tables:ListTables', BUCKET, at('marketing'))).toBe('Allowed');
    for (const action of READS) expect(await roleMay(view, action, table(), at('sales', 'orders'))).toBe('Allowed');
    // denied: another namespace, in Glue and in S3 Tables
    expect(await roleMay(view, 'glue:GetDatabase', glue('database/s3tablescatalog/analytics/hr'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'glue:GetTable', glue('table/s3tablescatalog/analytics/hr/salaries'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3tables:GetNamespace', BUCKET, at('hr'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3tables:ListTables', BUCKET, at('hr'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3tables:GetTableData', table(), at('hr', 'salaries'))).toBe('ImplicitlyDenied');
  });

  test('tables: only those tables, by namespace.table, beside whole namespaces', async () => {
    const { stack, role } = setup();
    role.allowS3Tables({ tableBucketArn: BUCKET, namespaces: ['marketing'], tables: ['sales.orders', 'sales.customers', 'hr.headcount'] });
    const view = roleView(role, synth(stack));
    expect(await roleMay(view, 'glue:GetTable', glue('table/s3tablescatalog/analytics/sales/orders'))).toBe('Allowed');
    expect(await roleMay(view, 'glue:GetTable', glue('table/s3tablescatalog/analytics/hr/headcount'))).toBe('Allowed');
    expect(await roleMay(view, 'glue:GetTable', glue('table/s3tablescatalog/analytics/marketing/campaigns'))).toBe('Allowed');
    expect(await roleMay(view, 'glue:GetDatabase', glue('database/s3tablescatalog/analytics/hr'))).toBe('Allowed');
    for (const action of READS) {
      expect(await roleMay(view, action, table(), at('sales', 'customers'))).toBe('Allowed');
      expect(await roleMay(view, action, table(), at('hr', 'headcount'))).toBe('Allowed');
    }
    // denied: another table of the same namespace, a table name of one namespace in another
    expect(await roleMay(view, 'glue:GetTable', glue('table/s3tablescatalog/analytics/sales/refunds'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3tables:GetTableData', table(), at('sales', 'refunds'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3tables:GetTableData', table(), at('hr', 'orders'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3tables:GetTableData', table(), at('hr', 'salaries'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'glue:GetTable', glue('table/s3tablescatalog/analytics/hr/salaries'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'glue:GetDatabase', glue('database/s3tablescatalog/analytics/finance'))).toBe('ImplicitlyDenied');
  });

  test('writable: INSERT, UPDATE, DELETE, MERGE and CREATE TABLE on the tables in scope; no DROP TABLE', async () => {
    const { stack, role } = setup();
    role.allowS3Tables({ tableBucketArn: BUCKET, tables: ['sales.orders'], writable: true });
    const view = roleView(role, synth(stack));
    // "Granting access with SQL semantics": INSERT and UPDATE are PutTableData and UpdateTableMetadataLocation
    expect(await roleMay(view, 's3tables:PutTableData', table(), at('sales', 'orders'))).toBe('Allowed');
    expect(await roleMay(view, 's3tables:UpdateTableMetadataLocation', table(), at('sales', 'orders'))).toBe('Allowed');
    expect(await roleMay(view, 'glue:UpdateTable', glue('table/s3tablescatalog/analytics/sales/orders'))).toBe('Allowed');
    // CREATE TABLE "analytics@s3tablescatalog".sales.orders USING ICEBERG
    expect(await roleMay(view, 'glue:CreateTable', glue('table/s3tablescatalog/analytics/sales/orders'))).toBe('Allowed');
    expect(await roleMay(view, 's3tables:CreateTable', BUCKET, at('sales'))).toBe('Allowed');
    // denied: writes elsewhere, creating another table, dropping
    expect(await roleMay(view, 's3tables:PutTableData', table(), at('sales', 'refunds'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3tables:PutTableData', table(OTHER_BUCKET), at('sales', 'orders'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'glue:CreateTable', glue('table/s3tablescatalog/analytics/sales/refunds'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'glue:UpdateTable', glue('table/s3tablescatalog/analytics/hr/salaries'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3tables:CreateTable', BUCKET, at('hr'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3tables:DeleteTable', table(), at('sales', 'orders'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'glue:DeleteTable', glue('table/s3tablescatalog/analytics/sales/orders'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3tables:DeleteTableBucket', BUCKET)).toBe('ImplicitlyDenied');
  });

  test('lakeFormation: the Glue reads and lakeformation:GetDataAccess, and no s3tables action (Lake Formation vends the data)', async () => {
    const { stack, role } = setup();
    role.allowS3Tables({ tableBucketArn: BUCKET, namespaces: ['sales'], lakeFormation: true });
    const view = roleView(role, synth(stack));
    expect(await roleMay(view, 'lakeformation:GetDataAccess', '*')).toBe('Allowed');
    expect(await roleMay(view, 'glue:GetTable', glue('table/s3tablescatalog/analytics/sales/orders'))).toBe('Allowed');
    expect(await roleMay(view, 's3tables:GetTableData', table(), at('sales', 'orders'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3tables:GetTableBucket', BUCKET)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'glue:GetTable', glue('table/s3tablescatalog/analytics/hr/salaries'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'lakeformation:GrantPermissions', '*')).toBe('ImplicitlyDenied');
  });

  test('a table bucket of another Region and account: the catalog there', async () => {
    const { stack, role } = setup();
    const shared = 'arn:aws:s3tables:us-east-1:210987654321:bucket/shared-lake';
    role.allowS3Tables({ tableBucketArn: shared, namespaces: ['sales'] });
    const view = roleView(role, synth(stack));
    const there = (action: string, resource: string, context = {}) =>
      decide({ principal: view.arn, identity: view.identity, action, resource, resourceAccount: ACCT, context });
    expect(await there('glue:GetTable', glue('table/s3tablescatalog/shared-lake/sales/orders', 'us-east-1', '210987654321'))).toBe('Allowed');
    expect(await there('s3tables:GetTableData', `${shared}/table/${TABLE_ID}`, at('sales', 'orders'))).toBe('Allowed');
    expect(await roleMay(view, 'glue:GetTable', glue('table/s3tablescatalog/shared-lake/sales/orders'))).toBe('ImplicitlyDenied');
  });

  test('a table bucket ARN and a table given as Tokens: the ARNs and conditions resolve in the template', () => {
    const { stack, role } = setup();
    const bucketArn = new CfnParameter(stack, 'TableBucketArn').valueAsString;
    const orders = new CfnParameter(stack, 'OrdersTable').valueAsString;
    role.allowS3Tables({ tableBucketArn: bucketArn, tables: [orders] });
    const statements: any[] = synth(stack).toJSON().Resources.RoleAccessPolicyD30852D6.Properties.PolicyDocument.Statement;
    const tableStatement = statements.find((s) => JSON.stringify(s.Condition ?? {}).includes('s3tables:tableName'));
    expect(tableStatement.Condition.StringEquals['s3tables:tableName']).toEqual([{ 'Fn::Select': [1, { 'Fn::Split': ['.', { Ref: 'OrdersTable' }] }] }]);
    expect(tableStatement.Resource).toEqual({ 'Fn::Join': ['', [{ Ref: 'TableBucketArn' }, '/table/*']] });
  });

  test('a ChainedRole gets the same grant', async () => {
    const stack = newStack();
    const first = new RedshiftServiceRole(stack, 'First', { roleName: 'First' });
    const chained = new ChainedRole(stack, 'Chained', { assumedBy: first, roleName: 'Chained' });
    chained.allowS3Tables({ tableBucketArn: BUCKET, namespaces: ['sales'] });
    const view = roleView(chained, synth(stack));
    expect(await roleMay(view, 's3tables:GetTableData', table(), at('sales', 'orders'))).toBe('Allowed');
    expect(await roleMay(view, 's3tables:GetTableData', table(), at('hr', 'salaries'))).toBe('ImplicitlyDenied');
  });

  test.each([
    ['the whole bucket', {}],
    ['namespaces and tables, writable', { namespaces: ['marketing'], tables: ['sales.orders'], writable: true }],
    ['Lake Formation', { namespaces: ['sales'], lakeFormation: true }],
  ])('cdk-nag, %s: every wildcard is acknowledged with its reason; nothing is reported', (_what, extra) => {
    const { stack, role } = setup();
    role.allowS3Tables({ tableBucketArn: BUCKET, ...extra });
    expect(nagFindings(stack)).toEqual([]);
    for (const reason of Object.values(acknowledgements(role))) expect(reason).toMatch(/^cdk-redshift-iam: /);
  });

  test('cdk-nag: the table wildcard names why (table ARNs end in IDs; the condition keys choose)', () => {
    const { stack, role } = setup();
    role.allowS3Tables({ tableBucketArn: BUCKET, namespaces: ['sales'] });
    nagFindings(stack);
    expect(acknowledgements(role)[`AwsSolutions-IAM5[Resource::${BUCKET}/table/*]`]).toMatch(/table IDs/);
  });
});
