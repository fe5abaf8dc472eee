import { aws_dynamodb as dynamodb, aws_iam as iam, aws_kms as kms, aws_s3 as s3, Stack, Token } from 'aws-cdk-lib';
import { ClusterRoleAssociation, RedshiftIdcApplicationRole, RedshiftPermissions, RedshiftServiceRole } from '../../src';
import { newApp } from '../helpers/synth';

/**
 * Bad input, valid neighbours and Tokens for issue 24: IAM Identity Center (RedshiftIdcApplicationRole,
 * getIdentityCenterAuthToken), Redshift Serverless IAM sign-in, the zero-ETL source, key and creator
 * policies, and roles that exist already. Spread into test/bad-input.test.ts.
 */

const A = '123456789012';
const B = '210987654321';
const UUID = '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
const TOKEN = () => Token.asString({ Ref: 'SomeParameter' });
const stack = () => new Stack(newApp(), 'S', { env: { account: A, region: 'us-west-2' } });
const operator = (s: Stack) => new iam.Role(s, 'Operator', { assumedBy: new iam.AccountRootPrincipal() });

const INSTANCE = 'arn:aws:sso:::instance/ssoins-1234567890abcdef';
const APP = `arn:aws:sso::${A}:application/ssoins-1234567890abcdef/apl-1234567890abcdef`;
const WORKGROUP = `arn:aws:redshift-serverless:us-west-2:${A}:workgroup/${UUID}`;
const NAMESPACE = `arn:aws:redshift:us-west-2:${A}:namespace:${UUID}`;
const SERVERLESS_NAMESPACE = `arn:aws:redshift-serverless:us-west-2:${A}:namespace/${UUID}`;
const AURORA = `arn:aws:rds:us-west-2:${A}:cluster:orders-db`;
const INTEGRATION = `arn:aws:redshift:us-west-2:${A}:integration:${UUID}`;

const idc = (props: object) => new RedshiftIdcApplicationRole(stack(), 'Idc', { identityCenterInstanceArn: INSTANCE, ...props } as any);
const authToken = (options: object) => { const s = stack(); return RedshiftPermissions.getIdentityCenterAuthToken(operator(s), options as any); };
const serverless = (options: object) => { const s = stack(); return RedshiftPermissions.getServerlessCredentials(operator(s), options as any); };
const creator = (options: object) => {
  const s = stack();
  return RedshiftPermissions.createIntegrations(operator(s), { sources: [AURORA], targetArns: [NAMESPACE], ...options } as any);
};
const table = (s: Stack, props: Partial<dynamodb.TableProps> = {}) =>
  new dynamodb.Table(s, 'Orders', { tableName: 'orders', partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, ...props });
const source = (options: object) => { const s = stack(); return RedshiftPermissions.dynamoDbIntegrationSource(table(s), options); };
const keyPolicy = (options: object) => { const s = stack(); return RedshiftPermissions.integrationKeyPolicy(new kms.Key(s, 'Key'), options); };
const existing = (arn: string) => RedshiftServiceRole.fromExistingRoleArn(stack(), 'Existing', arn);
const existingName = (name: string) => RedshiftServiceRole.fromExistingRoleName(stack(), 'Existing', name);
/** A ClusterRoleAssociation of `n` roles in a stack of `region` (its partition a literal: the enablePartitionLiterals flag). */
const rolesIn = (region: string, n: number) => {
  const s = new Stack(newApp(), 'S', { env: { account: A, region } });
  return new ClusterRoleAssociation(s, 'Assoc', { clusterIdentifier: 'c1', roles: Array.from({ length: n }, (_, i) => iam.Role.fromRoleName(s, `R${i}`, `role-${i}`)) });
};

const INSTANCE_RULE = (got: string) => '`identityCenterInstanceArn` must be the ARN of an IAM Identity Center instance, arn:aws:sso:::instance/ssoins-XXXXXXXXXXXXXXXX '
  + `(IAM Identity Center console, Settings, "Instance ARN"), got: '${got}'`;
const APP_RULE = (got: string) => `\`applicationArns\` must be ARNs of IAM Identity Center applications, arn:aws:sso::ACCOUNT:application/ssoins-XXXXXXXXXXXXXXXX/apl-XXXXXXXXXXXXXXXX, got: '${got}'`;
const WORKGROUP_RULE = (got: string) => '`workgroupArns` must be ARNs of Redshift Serverless workgroups, arn:aws:redshift-serverless:REGION:ACCOUNT:workgroup/WORKGROUP-ID '
  + `(the ID, not the name: CfnWorkgroup.attrWorkgroupWorkgroupArn), got: '${got}'`;
const CLUSTER_RULE = (got: string) => '`clusterIdentifiers` must be 1 to 63 lowercase letters, digits or hyphens, start with a letter, and contain no two consecutive hyphens '
  + `and no trailing hyphen (Redshift cluster identifier), got: '${got}'`;
const INTEGRATION_RULE = (got: string) => `\`integrationArns\` must be ARNs of Redshift integrations, arn:aws:redshift:REGION:ACCOUNT:integration:INTEGRATION-ID, got: '${got}'`;
const TARGET_RULE = (got: string) => '`targetArns` must be namespace ARNs of clusters (arn:aws:redshift:REGION:ACCOUNT:namespace:NAMESPACE-ID) '
  + `or of Serverless namespaces (arn:aws:redshift-serverless:REGION:ACCOUNT:namespace/NAMESPACE-ID), not cluster or workgroup ARNs, got: '${got}'`;
const SOURCE_RULE = (got: string) => `\`sources\` must be the ARNs of integration sources (an Aurora or RDS database, a DynamoDB table, an S3 bucket), without wildcards, got: '${got}'`;
const ROLE_ARN_RULE = (got: string) => `\`roleArn\` must be an IAM role ARN such as arn:aws:iam::123456789012:role/RedshiftCopyUnload, got: '${got}'`;
const ROLE_NAME_RULE = (got: string) => `\`roleName\` must be an IAM role name of 1 to 64 letters, digits or _+=,.@- (no path: use fromExistingRoleArn for a role with a path), got: '${got}'`;

/** The statements dynamoDbIntegrationSource prints for an imported table named `orders`, as its error message holds them. */
const TABLE_STATEMENTS = (() => {
  const condition = { StringEquals: { 'aws:SourceAccount': A }, ArnLike: { 'aws:SourceArn': `arn:aws:redshift:us-west-2:${A}:integration:*` } };
  const tableArn = `arn:aws:dynamodb:us-west-2:${A}:table/orders`;
  return JSON.stringify([
    { Action: ['dynamodb:ExportTableToPointInTime', 'dynamodb:DescribeTable'], Condition: condition, Effect: 'Allow', Principal: { Service: 'redshift.amazonaws.com' }, Resource: tableArn, Sid: 'RedshiftZeroEtlExportTable' },
    { Action: 'dynamodb:DescribeExport', Condition: condition, Effect: 'Allow', Principal: { Service: 'redshift.amazonaws.com' }, Resource: `${tableArn}/export/*`, Sid: 'RedshiftZeroEtlDescribeExport' },
  ], undefined, 2);
})();
const KEY_STATEMENT = JSON.stringify([{
  Action: ['kms:Decrypt', 'kms:CreateGrant'],
  Condition: { StringEquals: { 'aws:SourceAccount': A }, ArnEquals: { 'aws:SourceArn': INTEGRATION } },
  Effect: 'Allow',
  Principal: { Service: 'redshift.amazonaws.com' },
  Resource: '*',
  Sid: 'RedshiftZeroEtlKey',
}], undefined, 2);

/** [what, the call, the exact error message] */
export const ERRORS: Array<[string, () => unknown, string]> = [
  // 1. RedshiftIdcApplicationRole
  ['RedshiftIdcApplicationRole: no options (JavaScript)', () => new (RedshiftIdcApplicationRole as any)(stack(), 'Idc'),
    'RedshiftIdcApplicationRole requires `identityCenterInstanceArn`, got no options'],
  ['RedshiftIdcApplicationRole identityCenterInstanceArn: the instance ID alone', () => idc({ identityCenterInstanceArn: 'ssoins-1234567890abcdef' }), INSTANCE_RULE('ssoins-1234567890abcdef')],
  ['RedshiftIdcApplicationRole identityCenterInstanceArn: an application ARN', () => idc({ identityCenterInstanceArn: APP }), INSTANCE_RULE(APP)],
  ['RedshiftIdcApplicationRole identityCenterInstanceArn: with an account', () => idc({ identityCenterInstanceArn: `arn:aws:sso::${A}:instance/ssoins-1234567890abcdef` }),
    INSTANCE_RULE(`arn:aws:sso::${A}:instance/ssoins-1234567890abcdef`)],
  ['RedshiftIdcApplicationRole identityCenterInstanceArn: a short instance ID', () => idc({ identityCenterInstanceArn: 'arn:aws:sso:::instance/ssoins-1234' }),
    INSTANCE_RULE('arn:aws:sso:::instance/ssoins-1234')],
  ['RedshiftIdcApplicationRole applicationArns: empty', () => idc({ applicationArns: [] }),
    '`applicationArns` must list at least one Identity Center application ARN: leave it out for every application of the instance'],
  ['RedshiftIdcApplicationRole applicationArns: the instance ARN', () => idc({ applicationArns: [INSTANCE] }), APP_RULE(INSTANCE)],
  ['RedshiftIdcApplicationRole applicationArns: an application of another instance', () => idc({ applicationArns: [APP.replace(/ssoins-1234567890abcdef/, 'ssoins-abcdefabcdefabcd')] }),
    `\`applicationArns\` must be applications of the instance ssoins-1234567890abcdef (\`identityCenterInstanceArn\`), got '${APP.replace(/ssoins-1234567890abcdef/, 'ssoins-abcdefabcdefabcd')}', an application of ssoins-abcdefabcdefabcd`],
  ['RedshiftIdcApplicationRole applicationArns: twice', () => idc({ applicationArns: [APP, APP] }), `\`applicationArns\` lists '${APP}' more than once`],
  ['RedshiftIdcApplicationRole roleName: empty', () => idc({ roleName: '' }),
    "`roleName` must be 1 to 64 letters, digits or _+=,.@- (IAM role name): leave it out to have one generated, got: ''"],
  // 1. getIdentityCenterAuthToken
  ['getIdentityCenterAuthToken: neither clusters nor workgroups', () => authToken({}),
    '`RedshiftPermissions.getIdentityCenterAuthToken` needs `clusterIdentifiers` (provisioned clusters) or `workgroupArns` (Redshift Serverless workgroups), got neither'],
  ['getIdentityCenterAuthToken: null options (JavaScript)', () => authToken(null as any),
    '`RedshiftPermissions.getIdentityCenterAuthToken` needs `clusterIdentifiers` (provisioned clusters) or `workgroupArns` (Redshift Serverless workgroups), got neither'],
  ['getIdentityCenterAuthToken clusterIdentifiers: empty', () => authToken({ clusterIdentifiers: [] }),
    '`clusterIdentifiers` must list at least one cluster: leave it out when only `workgroupArns` are named'],
  ['getIdentityCenterAuthToken clusterIdentifiers: upper case', () => authToken({ clusterIdentifiers: ['Analytics'] }), CLUSTER_RULE('Analytics')],
  ['getIdentityCenterAuthToken clusterIdentifiers: twice', () => authToken({ clusterIdentifiers: ['analytics', 'analytics'] }), "`clusterIdentifiers` lists 'analytics' more than once"],
  ['getIdentityCenterAuthToken workgroupArns: empty', () => authToken({ workgroupArns: [] }),
    '`workgroupArns` must list at least one workgroup ARN: leave it out when only `clusterIdentifiers` are named'],
  ['getIdentityCenterAuthToken workgroupArns: the workgroup name', () => authToken({ workgroupArns: [`arn:aws:redshift-serverless:us-west-2:${A}:workgroup/analytics`] }),
    WORKGROUP_RULE(`arn:aws:redshift-serverless:us-west-2:${A}:workgroup/analytics`)],
  ['getIdentityCenterAuthToken workgroupArns: a namespace ARN', () => authToken({ workgroupArns: [SERVERLESS_NAMESPACE] }), WORKGROUP_RULE(SERVERLESS_NAMESPACE)],
  // 3. getServerlessCredentials
  ['getServerlessCredentials: no options (JavaScript)', () => serverless(undefined as any), 'RedshiftPermissions.getServerlessCredentials requires `workgroupArns`, got no options'],
  ['getServerlessCredentials workgroupArns: empty', () => serverless({ workgroupArns: [] }), '`workgroupArns` must list at least one workgroup ARN'],
  ['getServerlessCredentials workgroupArns: a wildcard', () => serverless({ workgroupArns: [`arn:aws:redshift-serverless:us-west-2:${A}:workgroup/*`] }),
    WORKGROUP_RULE(`arn:aws:redshift-serverless:us-west-2:${A}:workgroup/*`)],
  ['getServerlessCredentials workgroupArns: a cluster ARN', () => serverless({ workgroupArns: [`arn:aws:redshift:us-west-2:${A}:cluster:analytics`] }),
    WORKGROUP_RULE(`arn:aws:redshift:us-west-2:${A}:cluster:analytics`)],
  ['getServerlessCredentials workgroupArns: twice', () => serverless({ workgroupArns: [WORKGROUP, WORKGROUP] }), `\`workgroupArns\` lists '${WORKGROUP}' more than once`],
  // 2. dynamoDbIntegrationSource and integrationKeyPolicy
  ['dynamoDbIntegrationSource integrationArns: empty', () => source({ integrationArns: [] }),
    '`integrationArns` must list at least one integration ARN: leave it out for the integrations of the account'],
  ['dynamoDbIntegrationSource integrationArns: a wildcard', () => source({ integrationArns: [`arn:aws:redshift:us-west-2:${A}:integration:*`] }),
    INTEGRATION_RULE(`arn:aws:redshift:us-west-2:${A}:integration:*`)],
  ['dynamoDbIntegrationSource integrationArns: an RDS integration', () => source({ integrationArns: [`arn:aws:rds:us-west-2:${A}:integration:${UUID}`] }),
    INTEGRATION_RULE(`arn:aws:rds:us-west-2:${A}:integration:${UUID}`)],
  ['dynamoDbIntegrationSource integrationArns: a Glue integration', () => source({ integrationArns: [`arn:aws:glue:us-west-2:${A}:integration:${UUID}`] }),
    INTEGRATION_RULE(`arn:aws:glue:us-west-2:${A}:integration:${UUID}`)],
  ['dynamoDbIntegrationSource: an imported table', () => { const s = stack(); return RedshiftPermissions.dynamoDbIntegrationSource(dynamodb.Table.fromTableName(s, 'Imported', 'orders')); },
    "`dynamoDbIntegrationSource` cannot add to the resource policy of table 'S/Imported': the table is imported (or is no Table / TableV2), so this app does not own "
    + `its resource policy. Add these statements to its policy where it is defined:\n${TABLE_STATEMENTS}`],
  ['integrationKeyPolicy integrationArns: not an ARN', () => keyPolicy({ integrationArns: [UUID] }), INTEGRATION_RULE(UUID)],
  ['integrationKeyPolicy: a key alias known by its name', () => { const s = stack(); return RedshiftPermissions.integrationKeyPolicy(kms.Alias.fromAliasName(s, 'Alias', 'alias/zero-etl'), { integrationArns: [INTEGRATION] }); },
    "`integrationKeyPolicy` cannot add to the key policy of key 'S/Alias': the key is imported (or an alias known by its name), so this app does not own its key policy. "
    + `Add these statements to its policy where it is defined:\n${KEY_STATEMENT}`],
  // 2. createIntegrations
  ['createIntegrations: no options (JavaScript)', () => { const s = stack(); return RedshiftPermissions.createIntegrations(operator(s), undefined as any); },
    'RedshiftPermissions.createIntegrations requires `sources` and `targetArns`, got no options'],
  ['createIntegrations sources: empty', () => creator({ sources: [] }), '`sources` must list at least one source ARN'],
  ['createIntegrations sources: a wildcard', () => creator({ sources: [`arn:aws:rds:us-west-2:${A}:cluster:*`] }), SOURCE_RULE(`arn:aws:rds:us-west-2:${A}:cluster:*`)],
  ['createIntegrations sources: a name', () => creator({ sources: ['orders-db'] }), SOURCE_RULE('orders-db')],
  ['createIntegrations sources: twice', () => creator({ sources: [AURORA, AURORA] }), `\`sources\` lists '${AURORA}' more than once`],
  ['createIntegrations targetArns: empty', () => creator({ targetArns: [] }), '`targetArns` must list at least one namespace ARN'],
  ['createIntegrations targetArns: a cluster ARN', () => creator({ targetArns: [`arn:aws:redshift:us-west-2:${A}:cluster:analytics`] }), TARGET_RULE(`arn:aws:redshift:us-west-2:${A}:cluster:analytics`)],
  ['createIntegrations targetArns: a workgroup ARN', () => creator({ targetArns: [WORKGROUP] }), TARGET_RULE(WORKGROUP)],
  // 4. roles that exist already
  ['fromExistingRoleArn: a user ARN', () => existing(`arn:aws:iam::${A}:user/etl`), ROLE_ARN_RULE(`arn:aws:iam::${A}:user/etl`)],
  ['fromExistingRoleArn: a policy ARN', () => existing(`arn:aws:iam::${A}:policy/Redshift`), ROLE_ARN_RULE(`arn:aws:iam::${A}:policy/Redshift`)],
  ['fromExistingRoleArn: a role name', () => existing('RedshiftCopyUnload'), ROLE_ARN_RULE('RedshiftCopyUnload')],
  ['fromExistingRoleArn: a role of another account', () => existing(`arn:aws:iam::${B}:role/RoleB`),
    `\`roleArn\` names a role of account ${B}, but stack 'S' is in account ${A}: the grants are an IAM policy this stack creates and attaches to the role, `
    + `which IAM allows only in the role's own account. Define the grants in a stack of account ${B}, or chain a role of this account to it (ChainedRole), got: 'arn:aws:iam::${B}:role/RoleB'`],
  ['fromExistingRoleName: a path', () => existingName('etl/Loader'), ROLE_NAME_RULE('etl/Loader')],
  ['fromExistingRoleName: 65 characters', () => existingName('r'.repeat(65)), ROLE_NAME_RULE('r'.repeat(65))],
  ['fromExistingRoleName: a space', () => existingName('Redshift Loader'), ROLE_NAME_RULE('Redshift Loader')],
  ['fromExistingRoleName: empty', () => existingName(''), ROLE_NAME_RULE('')],
  // 5.
  ['ClusterRoleAssociation roles: 11 in us-iso-east-1', () => rolesIn('us-iso-east-1', 11),
    "`roles`: This cluster would have 11 IAM roles (listed in `roles`), over Redshift's limit of 10 in the aws-iso partition [cdk-redshift-iam:roles-per-cluster]"],
  ['ClusterRoleAssociation roles: 11 in us-isob-east-1', () => rolesIn('us-isob-east-1', 11),
    "`roles`: This cluster would have 11 IAM roles (listed in `roles`), over Redshift's limit of 10 in the aws-iso-b partition [cdk-redshift-iam:roles-per-cluster]"],
];

/** [what, the app built on a fresh stack, the error message app.synth() throws] */
export const SYNTH_ERRORS: Array<[string, (s: Stack) => unknown, string]> = [];

/** [what, the call] — valid neighbours and Tokens */
export const ACCEPTED: Array<[string, () => unknown]> = [
  // 1.
  ['RedshiftIdcApplicationRole identityCenterInstanceArn: the ins- form', () => idc({ identityCenterInstanceArn: 'arn:aws:sso:::instance/ins-1234567890abcdef' })],
  ['RedshiftIdcApplicationRole identityCenterInstanceArn: aws-us-gov', () => idc({ identityCenterInstanceArn: 'arn:aws-us-gov:sso:::instance/ssoins-1234567890abcdef' })],
  ['RedshiftIdcApplicationRole identityCenterInstanceArn: a Token', () => idc({ identityCenterInstanceArn: TOKEN() })],
  ['RedshiftIdcApplicationRole applicationArns: two of the instance', () => idc({ applicationArns: [APP, APP.replace('apl-1234567890abcdef', 'apl-fedcba0987654321')] })],
  ['RedshiftIdcApplicationRole applicationArns: an application of a Token instance', () => idc({ identityCenterInstanceArn: TOKEN(), applicationArns: [APP] })],
  ['RedshiftIdcApplicationRole applicationArns: a Token', () => idc({ applicationArns: [TOKEN()] })],
  ['RedshiftIdcApplicationRole roleName: 64 characters', () => idc({ roleName: 'r'.repeat(64) })],
  ['getIdentityCenterAuthToken: clusters only', () => authToken({ clusterIdentifiers: ['analytics'] })],
  ['getIdentityCenterAuthToken: workgroups only', () => authToken({ workgroupArns: [WORKGROUP] })],
  ['getIdentityCenterAuthToken: Tokens', () => authToken({ clusterIdentifiers: [TOKEN()], workgroupArns: [TOKEN()] })],
  ['getIdentityCenterAuthToken: clusters of another Region and account', () => authToken({ clusterIdentifiers: ['analytics'], region: 'eu-west-1', account: B })],
  // 3.
  ['getServerlessCredentials: a workgroup of another Region', () => serverless({ workgroupArns: [WORKGROUP.replace('us-west-2', 'eu-central-1')] })],
  ['getServerlessCredentials workgroupArns: a Token', () => serverless({ workgroupArns: [TOKEN()] })],
  // 2.
  ['dynamoDbIntegrationSource: without options', () => source({})],
  ['dynamoDbIntegrationSource integrationArns: integrations of two accounts', () => source({ integrationArns: [INTEGRATION, INTEGRATION.replace(A, B)] })],
  ['dynamoDbIntegrationSource integrationArns: a Token', () => source({ integrationArns: [TOKEN()] })],
  ['dynamoDbIntegrationSource: a table without a name', () => { const s = stack(); return RedshiftPermissions.dynamoDbIntegrationSource(new dynamodb.Table(s, 'T', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } })); }],
  ['dynamoDbIntegrationSource: a TableV2', () => { const s = stack(); return RedshiftPermissions.dynamoDbIntegrationSource(new dynamodb.TableV2(s, 'T', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } })); }],
  ['integrationKeyPolicy: a key of this app, any integration of the account', () => keyPolicy({})],
  ['integrationKeyPolicy: an alias with its key (new kms.Alias)', () => { const s = stack(); return RedshiftPermissions.integrationKeyPolicy(new kms.Alias(s, 'A', { aliasName: 'alias/zero-etl', targetKey: new kms.Key(s, 'K') })); }],
  ['integrationKeyPolicy integrationArns: a Token', () => keyPolicy({ integrationArns: [TOKEN()] })],
  ['createIntegrations: an RDS instance, a DynamoDB table and an S3 bucket', () => creator({ sources: [`arn:aws:rds:us-west-2:${A}:db:orders`, `arn:aws:dynamodb:us-west-2:${A}:table/orders`, 'arn:aws:s3:::incoming-data'] })],
  ['createIntegrations targetArns: a Serverless namespace', () => creator({ targetArns: [SERVERLESS_NAMESPACE] })],
  ['createIntegrations: a source of another account', () => creator({ sources: [AURORA.replace(A, B)] })],
  ['createIntegrations: Tokens', () => creator({ sources: [TOKEN()], targetArns: [TOKEN()] })],
  ['createIntegrations: an S3 bucket of this app', () => { const s = stack(); return RedshiftPermissions.createIntegrations(operator(s), { sources: [new s3.Bucket(s, 'Incoming').bucketArn], targetArns: [NAMESPACE] }); }],
  // 4.
  ['fromExistingRoleArn: a role with a path', () => existing(`arn:aws:iam::${A}:role/etl/Loader`)],
  ['fromExistingRoleArn: a Token', () => existing(TOKEN())],
  ['fromExistingRoleArn: aws-cn', () => RedshiftServiceRole.fromExistingRoleArn(new Stack(newApp(), 'Cn', { env: { account: A, region: 'cn-north-1' } }), 'R', `arn:aws-cn:iam::${A}:role/Loader`)],
  ['fromExistingRoleArn: an environment-agnostic stack', () => RedshiftServiceRole.fromExistingRoleArn(new Stack(newApp(), 'Agnostic'), 'R', `arn:aws:iam::${B}:role/Loader`)],
  ['fromExistingRoleName: 64 characters', () => existingName('r'.repeat(64))],
  ['fromExistingRoleName: all allowed signs', () => existingName('a+=,.@_-b')],
  ['fromExistingRoleName: a Token', () => existingName(TOKEN())],
  // 5.
  ['ClusterRoleAssociation roles: 10 in us-iso-east-1', () => rolesIn('us-iso-east-1', 10)],
  ['ClusterRoleAssociation roles: 11 in us-west-2', () => rolesIn('us-west-2', 11)],
];

/** [what, the call on a fresh stack, the warning id (no prefix), the message (no ack suffix)] */
export const WARNINGS: Array<[string, (s: Stack) => unknown, string, string]> = [
  ['fromExistingRoleArn allowCreateModel: SageMaker must be in the trust the app cannot change', (s) => RedshiftServiceRole.fromExistingRoleArn(s, 'Existing', `arn:aws:iam::${A}:role/Loader`)
    .allowCreateModel({ bucket: s3.Bucket.fromBucketName(s, 'B', 'ml-bucket') }), 'importedRoleTrust',
  `The trust policy of the existing role arn:aws:iam::${A}:role/Loader cannot be changed by this app, and this grant needs sagemaker.amazonaws.com to assume the role: `
    + 'check that its trust policy lets sagemaker.amazonaws.com call sts:AssumeRole (aws iam get-role --role-name Loader)'],
];
