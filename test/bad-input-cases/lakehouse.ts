import { aws_iam as iam, Stack, Token } from 'aws-cdk-lib';
import { DataShareSide, RedshiftPermissions, RedshiftServiceRole } from '../../src';
import { newApp } from '../helpers/synth';

/**
 * Bad input, valid neighbours and Tokens for issue 23: Amazon Bedrock models (allowBedrockModels),
 * Apache Iceberg in Amazon S3 Tables (allowS3Tables) and data sharing administrators
 * (RedshiftPermissions.manageDataShares). Spread into test/bad-input.test.ts.
 */

const A = '123456789012';
const B = '210987654321';
const UUID = '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
const PRODUCER_NS = 'af06285e-8a45-4ee9-b598-648c218c8ff1';
const TOKEN = () => Token.asString({ Ref: 'SomeParameter' });
const stack = () => new Stack(newApp(), 'S', { env: { account: A, region: 'us-west-2' } });
const role = (s: Stack = stack()) => new RedshiftServiceRole(s, 'Role');
const grantee = (s: Stack) => new iam.Role(s, 'Operator', { assumedBy: new iam.AccountRootPrincipal() });

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const PROFILE = (id: string, region = 'us-west-2', partition = 'aws') => `arn:${partition}:bedrock:${region}:${A}:inference-profile/${id}`;
const APP_PROFILE = (id: string) => `arn:aws:bedrock:us-west-2:${A}:application-inference-profile/${id}`;
const PROVISIONED = (id: string, partition = 'aws', region = 'us-west-2') => `arn:${partition}:bedrock:${region}:${A}:provisioned-model/${id}`;
const bedrock = (options: object) => role().allowBedrockModels(options as any);

const TABLE_BUCKET = `arn:aws:s3tables:us-west-2:${A}:bucket/analytics`;
const s3Tables = (options: object) => role().allowS3Tables({ tableBucketArn: TABLE_BUCKET, ...options });

const SHARE = (name = 'salesshare', namespace = PRODUCER_NS) => `arn:aws:redshift:us-west-2:${A}:datashare:${namespace}/${name}`;
const NAMESPACE = (id = UUID, account = B) => `arn:aws:redshift:us-west-2:${account}:namespace:${id}`;
const dataShares = (options: object) => {
  const s = stack();
  return RedshiftPermissions.manageDataShares(grantee(s), { dataShareArns: [SHARE()], ...options });
};

const MODEL_RULE = 'Amazon Bedrock model IDs such as anthropic.claude-3-haiku-20240307-v1:0 (provider.model, lowercase, no wildcards)';
const MODEL = (value: string) => `\`foundationModels\` must be ${MODEL_RULE}, got: '${value}'`;
const PROFILE_SHAPE = (value: string) => '`inferenceProfileArns` must be ARNs of Amazon Bedrock inference profiles, '
  + 'arn:aws:bedrock:REGION:ACCOUNT:inference-profile/PROFILE_ID or arn:aws:bedrock:REGION:ACCOUNT:application-inference-profile/PROFILE_ID, '
  + `got: '${value}'`;
const PROVISIONED_SHAPE = (value: string) => '`provisionedModelArns` must be ARNs of Amazon Bedrock provisioned models, '
  + `arn:aws:bedrock:REGION:ACCOUNT:provisioned-model/MODEL_ID, got: '${value}'`;
const BUCKET = (value: string) => '`tableBucketArn` must be an S3 table bucket ARN, arn:aws:s3tables:REGION:ACCOUNT:bucket/NAME, whose name is 3 to 63 '
  + `lowercase letters, digits and hyphens, beginning and ending with a letter or digit, got: '${value}'`;
const NAME_RULE = '1 to 255 lowercase letters, digits and underscores, beginning and ending with a letter or digit';
const NAMESPACE_NAME = (value: string) => `\`namespaces\` must be S3 Tables namespace names of ${NAME_RULE}, got: '${value}'`;
const TABLE_NAME = (value: string) => '`tables` must name each table with its namespace, namespace.table, where both are S3 Tables names of '
  + `${NAME_RULE} (so no dots), got: '${value}'`;
const DATASHARE = (value: string) => '`dataShareArns` must be datashare ARNs, arn:aws:redshift:REGION:ACCOUNT:datashare:NAMESPACE_ID/NAME, '
  + 'where NAMESPACE_ID is the producer namespace\'s UUID and NAME the datashare\'s name (letters, digits, _ or $, not starting with a digit), '
  + `got: '${value}'`;
const CONSUMER = (value: string) => '`consumers` must be AWS account IDs (12 digits), consumer namespace ARNs '
  + `(arn:aws:redshift:REGION:ACCOUNT:namespace:NAMESPACE_ID) or ADX, got: '${value}'`;
const NO_NAMESPACE = (side: string, consumers: string) => `\`consumers\` must list at least one consumer namespace ARN for the consumer side (\`side\`: ${side}): `
  + 'AssociateDataShareConsumer and DisassociateDataShareConsumer are limited by redshift:ConsumerArn, the namespace that '
  + `receives the datashare, which account IDs and ADX do not name, got: ${consumers}`;

/** [what, the call, the exact error message] */
export const ERRORS: Array<[string, () => unknown, string]> = [
  // allowBedrockModels
  ['allowBedrockModels: no list', () => bedrock({}),
    'allowBedrockModels requires at least one of `foundationModels`, `inferenceProfileArns` and `provisionedModelArns`, got options without them'],
  ['allowBedrockModels: no options (JavaScript)', () => bedrock(undefined as any),
    'allowBedrockModels requires at least one of `foundationModels`, `inferenceProfileArns` and `provisionedModelArns`, got no options'],
  ['allowBedrockModels foundationModels: empty', () => bedrock({ foundationModels: [] }),
    '`foundationModels` must list at least one model ID: leave it out when the role invokes none'],
  ['allowBedrockModels foundationModels: the model ARN', () => bedrock({ foundationModels: [`arn:aws:bedrock:us-west-2::foundation-model/${HAIKU}`] }),
    `\`foundationModels\` must be ${MODEL_RULE}: give the model ID, not its ARN, got: 'arn:aws:bedrock:us-west-2::foundation-model/${HAIKU}'`],
  ['allowBedrockModels foundationModels: upper case', () => bedrock({ foundationModels: ['Anthropic.Claude-3-Haiku'] }), MODEL('Anthropic.Claude-3-Haiku')],
  ['allowBedrockModels foundationModels: a wildcard', () => bedrock({ foundationModels: ['anthropic.*'] }), MODEL('anthropic.*')],
  ['allowBedrockModels foundationModels: no provider', () => bedrock({ foundationModels: ['claude-3-haiku-20240307-v1:0'] }), MODEL('claude-3-haiku-20240307-v1:0')],
  ['allowBedrockModels foundationModels: a space', () => bedrock({ foundationModels: ['anthropic.claude 3'] }), MODEL('anthropic.claude 3')],
  ['allowBedrockModels foundationModels: empty ID', () => bedrock({ foundationModels: [''] }), MODEL('')],
  ['allowBedrockModels foundationModels: a cross-Region profile ID', () => bedrock({ foundationModels: [`us.${HAIKU}`] }),
    `\`foundationModels\` must be ${MODEL_RULE}; 'us.${HAIKU}' is the ID of a cross-Region inference profile: `
    + `give its ARN in \`inferenceProfileArns\` (arn:aws:bedrock:REGION:ACCOUNT:inference-profile/us.${HAIKU}), got: 'us.${HAIKU}'`],
  ['allowBedrockModels foundationModels: twice', () => bedrock({ foundationModels: [HAIKU, HAIKU] }), `\`foundationModels\` lists '${HAIKU}' more than once`],
  ['allowBedrockModels inferenceProfileArns: empty', () => bedrock({ inferenceProfileArns: [] }),
    '`inferenceProfileArns` must list at least one inference profile ARN: leave it out when the role invokes none'],
  ['allowBedrockModels inferenceProfileArns: a profile ID, not its ARN', () => bedrock({ inferenceProfileArns: [`us.${HAIKU}`] }), PROFILE_SHAPE(`us.${HAIKU}`)],
  ['allowBedrockModels inferenceProfileArns: a foundation model ARN', () => bedrock({ inferenceProfileArns: [`arn:aws:bedrock:us-west-2::foundation-model/${HAIKU}`] }),
    PROFILE_SHAPE(`arn:aws:bedrock:us-west-2::foundation-model/${HAIKU}`)],
  ['allowBedrockModels inferenceProfileArns: a SageMaker ARN', () => bedrock({ inferenceProfileArns: [`arn:aws:sagemaker:us-west-2:${A}:inference-profile/x`] }),
    PROFILE_SHAPE(`arn:aws:sagemaker:us-west-2:${A}:inference-profile/x`)],
  ['allowBedrockModels inferenceProfileArns: no geography', () => bedrock({ inferenceProfileArns: [PROFILE(HAIKU)] }),
    `\`inferenceProfileArns\` cross-Region inference profile IDs must be a geography and a model ID, such as us.anthropic.claude-3-5-haiku-20241022-v1:0, got: '${HAIKU}' in '${PROFILE(HAIKU)}'`],
  ['allowBedrockModels inferenceProfileArns: a wildcard profile', () => bedrock({ inferenceProfileArns: [PROFILE('us.*')] }),
    `\`inferenceProfileArns\` cross-Region inference profile IDs must be a geography and a model ID, such as us.anthropic.claude-3-5-haiku-20241022-v1:0, got: 'us.*' in '${PROFILE('us.*')}'`],
  ['allowBedrockModels inferenceProfileArns: an application profile named, not its ID', () => bedrock({ inferenceProfileArns: [APP_PROFILE('my-profile')] }),
    `\`inferenceProfileArns\` application inference profile IDs must be 12 lowercase letters and digits, got: 'my-profile' in '${APP_PROFILE('my-profile')}'`],
  ['allowBedrockModels inferenceProfileArns: a Region with spaces', () => bedrock({ inferenceProfileArns: [PROFILE(`us.${HAIKU}`, 'us west 2')] }),
    '`inferenceProfileArns region` must be AWS Region codes such as us-west-2, us-gov-west-1 or cn-north-1, got: \'us west 2\''],
  ['allowBedrockModels inferenceProfileArns: no account', () => bedrock({ inferenceProfileArns: [`arn:aws:bedrock:us-west-2::inference-profile/us.${HAIKU}`] }),
    '`inferenceProfileArns account` must be a 12-digit AWS account ID, got: \'\''],
  ['allowBedrockModels inferenceProfileArns: twice', () => bedrock({ inferenceProfileArns: [PROFILE(`us.${HAIKU}`), PROFILE(`us.${HAIKU}`)] }),
    `\`inferenceProfileArns\` lists '${PROFILE(`us.${HAIKU}`)}' more than once`],
  ['allowBedrockModels provisionedModelArns: empty', () => bedrock({ provisionedModelArns: [] }),
    '`provisionedModelArns` must list at least one provisioned model ARN: leave it out when the role invokes none'],
  ['allowBedrockModels provisionedModelArns: a custom model ARN', () => bedrock({ provisionedModelArns: [`arn:aws:bedrock:us-west-2:${A}:custom-model/abcdefgh1234`] }),
    PROVISIONED_SHAPE(`arn:aws:bedrock:us-west-2:${A}:custom-model/abcdefgh1234`)],
  ['allowBedrockModels provisionedModelArns: a name, not the ID', () => bedrock({ provisionedModelArns: [PROVISIONED('my-throughput')] }),
    `\`provisionedModelArns\` provisioned model IDs must be 12 lowercase letters and digits, got: 'my-throughput' in '${PROVISIONED('my-throughput')}'`],
  ['allowBedrockModels provisionedModelArns: an 11-digit account', () => bedrock({ provisionedModelArns: [PROVISIONED('abcdefgh1234').replace(A, '12345678901')] }),
    '`provisionedModelArns account` must be a 12-digit AWS account ID, got: \'12345678901\''],

  // allowS3Tables
  ['allowS3Tables: no tableBucketArn', () => role().allowS3Tables({} as any), 'allowS3Tables requires `tableBucketArn`, got options without it'],
  ['allowS3Tables tableBucketArn: a general purpose bucket', () => s3Tables({ tableBucketArn: 'arn:aws:s3:::analytics' }), BUCKET('arn:aws:s3:::analytics')],
  ['allowS3Tables tableBucketArn: a bucket name', () => s3Tables({ tableBucketArn: 'analytics' }), BUCKET('analytics')],
  ['allowS3Tables tableBucketArn: a table ARN', () => s3Tables({ tableBucketArn: `${TABLE_BUCKET}/table/${UUID}` }), BUCKET(`${TABLE_BUCKET}/table/${UUID}`)],
  ['allowS3Tables tableBucketArn: upper case', () => s3Tables({ tableBucketArn: `arn:aws:s3tables:us-west-2:${A}:bucket/Analytics` }),
    BUCKET(`arn:aws:s3tables:us-west-2:${A}:bucket/Analytics`)],
  ['allowS3Tables tableBucketArn: an underscore', () => s3Tables({ tableBucketArn: `arn:aws:s3tables:us-west-2:${A}:bucket/my_lake` }),
    BUCKET(`arn:aws:s3tables:us-west-2:${A}:bucket/my_lake`)],
  ['allowS3Tables tableBucketArn: 2 characters', () => s3Tables({ tableBucketArn: `arn:aws:s3tables:us-west-2:${A}:bucket/ab` }),
    BUCKET(`arn:aws:s3tables:us-west-2:${A}:bucket/ab`)],
  ['allowS3Tables tableBucketArn: a trailing hyphen', () => s3Tables({ tableBucketArn: `arn:aws:s3tables:us-west-2:${A}:bucket/lake-` }),
    BUCKET(`arn:aws:s3tables:us-west-2:${A}:bucket/lake-`)],
  ['allowS3Tables tableBucketArn: every bucket', () => s3Tables({ tableBucketArn: `arn:aws:s3tables:us-west-2:${A}:bucket/*` }),
    BUCKET(`arn:aws:s3tables:us-west-2:${A}:bucket/*`)],
  ['allowS3Tables tableBucketArn: a bad Region', () => s3Tables({ tableBucketArn: `arn:aws:s3tables:uswest2:${A}:bucket/analytics` }),
    '`tableBucketArn region` must be AWS Region codes such as us-west-2, us-gov-west-1 or cn-north-1, got: \'uswest2\''],
  ['allowS3Tables tableBucketArn: no account', () => s3Tables({ tableBucketArn: 'arn:aws:s3tables:us-west-2::bucket/analytics' }),
    '`tableBucketArn account` must be a 12-digit AWS account ID, got: \'\''],
  ['allowS3Tables namespaces: empty', () => s3Tables({ namespaces: [] }),
    '`namespaces` must list at least one namespace: leave it out to grant every namespace of the table bucket'],
  ['allowS3Tables namespaces: upper case', () => s3Tables({ namespaces: ['Sales'] }), NAMESPACE_NAME('Sales')],
  ['allowS3Tables namespaces: a hyphen', () => s3Tables({ namespaces: ['sales-eu'] }), NAMESPACE_NAME('sales-eu')],
  ['allowS3Tables namespaces: a leading underscore', () => s3Tables({ namespaces: ['_sales'] }), NAMESPACE_NAME('_sales')],
  ['allowS3Tables namespaces: a wildcard', () => s3Tables({ namespaces: ['sales*'] }), NAMESPACE_NAME('sales*')],
  ['allowS3Tables namespaces: 256 characters', () => s3Tables({ namespaces: ['a'.repeat(256)] }), NAMESPACE_NAME('a'.repeat(256))],
  ['allowS3Tables namespaces: twice', () => s3Tables({ namespaces: ['sales', 'sales'] }), '`namespaces` lists \'sales\' more than once'],
  ['allowS3Tables tables: empty', () => s3Tables({ tables: [] }),
    '`tables` must list at least one table: leave it out to grant whole namespaces (or, without `namespaces`, the whole table bucket)'],
  ['allowS3Tables tables: no namespace', () => s3Tables({ tables: ['orders'] }), TABLE_NAME('orders')],
  ['allowS3Tables tables: three parts', () => s3Tables({ tables: ['analytics.sales.orders'] }), TABLE_NAME('analytics.sales.orders')],
  ['allowS3Tables tables: upper case', () => s3Tables({ tables: ['sales.Orders'] }), TABLE_NAME('sales.Orders')],
  ['allowS3Tables tables: a wildcard', () => s3Tables({ tables: ['sales.*'] }), TABLE_NAME('sales.*')],
  ['allowS3Tables tables: twice', () => s3Tables({ tables: ['sales.orders', 'sales.orders'] }), '`tables` lists \'sales.orders\' more than once'],
  ['allowS3Tables tables: a table of a namespace granted whole', () => s3Tables({ namespaces: ['sales'], tables: ['sales.orders'] }),
    '`tables` lists \'sales.orders\', a table of the namespace \'sales\', which `namespaces` grants whole: list the table or its namespace, not both'],

  // RedshiftPermissions.manageDataShares
  ['manageDataShares: no dataShareArns', () => { const s = stack(); return RedshiftPermissions.manageDataShares(grantee(s), {} as any); },
    'RedshiftPermissions.manageDataShares requires `dataShareArns`, got options without it'],
  ['manageDataShares dataShareArns: empty', () => dataShares({ dataShareArns: [] }), '`dataShareArns` must list at least one datashare ARN'],
  ['manageDataShares dataShareArns: a namespace name, not its ID', () => dataShares({ dataShareArns: [SHARE('salesshare', 'my-namespace')] }),
    DATASHARE(SHARE('salesshare', 'my-namespace'))],
  ['manageDataShares dataShareArns: no name', () => dataShares({ dataShareArns: [`arn:aws:redshift:us-west-2:${A}:datashare:${PRODUCER_NS}`] }),
    DATASHARE(`arn:aws:redshift:us-west-2:${A}:datashare:${PRODUCER_NS}`)],
  ['manageDataShares dataShareArns: a wildcard name', () => dataShares({ dataShareArns: [SHARE('*')] }), DATASHARE(SHARE('*'))],
  ['manageDataShares dataShareArns: a name starting with a digit', () => dataShares({ dataShareArns: [SHARE('1share')] }), DATASHARE(SHARE('1share'))],
  ['manageDataShares dataShareArns: a cluster ARN', () => dataShares({ dataShareArns: [`arn:aws:redshift:us-west-2:${A}:cluster:producer`] }),
    DATASHARE(`arn:aws:redshift:us-west-2:${A}:cluster:producer`)],
  ['manageDataShares dataShareArns: a datashare name alone', () => dataShares({ dataShareArns: ['salesshare'] }), DATASHARE('salesshare')],
  ['manageDataShares dataShareArns: twice', () => dataShares({ dataShareArns: [SHARE(), SHARE()] }), `\`dataShareArns\` lists '${SHARE()}' more than once`],
  ['manageDataShares consumers: empty', () => dataShares({ consumers: [] }), '`consumers` must list at least one consumer: leave it out to allow any consumer'],
  ['manageDataShares consumers: a short account', () => dataShares({ consumers: ['21098765432'] }), CONSUMER('21098765432')],
  ['manageDataShares consumers: a namespace ID alone', () => dataShares({ consumers: [UUID] }), CONSUMER(UUID)],
  ['manageDataShares consumers: a namespace named, not its ID', () => dataShares({ consumers: [NAMESPACE('consumer-ns')] }), CONSUMER(NAMESPACE('consumer-ns'))],
  ['manageDataShares consumers: a wildcard', () => dataShares({ consumers: ['*'] }), CONSUMER('*')],
  ['manageDataShares consumers: adx in lower case', () => dataShares({ consumers: ['adx'] }), CONSUMER('adx')],
  ['manageDataShares consumers: twice', () => dataShares({ consumers: [B, B] }), `\`consumers\` lists '${B}' more than once`],
  ['manageDataShares consumers: only accounts for the consumer side', () => dataShares({ consumers: [B], side: DataShareSide.CONSUMER }),
    NO_NAMESPACE('CONSUMER', `'${B}'`)],
  ['manageDataShares consumers: only accounts and ADX for both sides', () => dataShares({ consumers: [B, 'ADX'], side: DataShareSide.BOTH }),
    NO_NAMESPACE('BOTH', `'${B}', 'ADX'`)],
  ['manageDataShares side: not a DataShareSide (JavaScript)', () => dataShares({ side: 'SIDEWAYS' }),
    '`side` must be DataShareSide.PRODUCER, CONSUMER or BOTH, got: \'SIDEWAYS\''],
];

/** [what, the app built on a fresh stack, the exact error message at synthesis] */
export const SYNTH_ERRORS: Array<[string, (s: Stack) => unknown, string]> = [];

/** [what, the call] — accepted */
export const ACCEPTED: Array<[string, () => unknown]> = [
  // allowBedrockModels
  ['allowBedrockModels foundationModels: a context-window variant', () => bedrock({ foundationModels: ['anthropic.claude-3-sonnet-20240229-v1:0:28k'] })],
  ['allowBedrockModels foundationModels: IDs of several providers', () => bedrock({
    foundationModels: ['amazon.titan-embed-text-v2:0', 'meta.llama3-2-11b-instruct-v1:0', 'cohere.command-r-v1:0', 'amazon.nova-pro-v1:0', 'mistral.mistral-7b-instruct-v0:2'],
  })],
  ['allowBedrockModels foundationModels: a model ID without a version', () => bedrock({ foundationModels: ['amazon.titan-text-express-v1'] })],
  ['allowBedrockModels foundationModels: a Token', () => bedrock({ foundationModels: [TOKEN()] })],
  ['allowBedrockModels inferenceProfileArns: apac, eu, global and us-gov profiles', () => bedrock({
    inferenceProfileArns: [PROFILE(`apac.${HAIKU}`, 'ap-northeast-1'), PROFILE(`eu.${HAIKU}`, 'eu-central-1'), PROFILE(`global.${HAIKU}`),
      PROFILE(`us-gov.${HAIKU}`, 'us-gov-west-1', 'aws-us-gov')],
  })],
  ['allowBedrockModels inferenceProfileArns: an application inference profile', () => bedrock({ inferenceProfileArns: [APP_PROFILE('a1b2c3d4e5f6')] })],
  ['allowBedrockModels inferenceProfileArns: a Token', () => bedrock({ inferenceProfileArns: [TOKEN()] })],
  ['allowBedrockModels provisionedModelArns: in the China partition', () => bedrock({ provisionedModelArns: [PROVISIONED('abcdefgh1234', 'aws-cn', 'cn-north-1')] })],
  ['allowBedrockModels provisionedModelArns: a Token', () => bedrock({ provisionedModelArns: [TOKEN()] })],
  ['allowBedrockModels: all three lists', () => bedrock({ foundationModels: [HAIKU], inferenceProfileArns: [PROFILE(`us.${HAIKU}`)], provisionedModelArns: [PROVISIONED('abcdefgh1234')] })],

  // allowS3Tables
  ['allowS3Tables tableBucketArn: a Token', () => s3Tables({ tableBucketArn: TOKEN() })],
  ['allowS3Tables tableBucketArn: 63 characters', () => s3Tables({ tableBucketArn: `arn:aws:s3tables:us-west-2:${A}:bucket/${'a'.repeat(63)}` })],
  ['allowS3Tables tableBucketArn: an AWS managed table bucket (aws-s3, metadata tables)', () => s3Tables({ tableBucketArn: `arn:aws:s3tables:us-west-2:${A}:bucket/aws-s3` })],
  ['allowS3Tables tableBucketArn: the GovCloud partition', () => s3Tables({ tableBucketArn: `arn:aws-us-gov:s3tables:us-gov-west-1:${A}:bucket/analytics` })],
  ['allowS3Tables namespaces: a Token', () => s3Tables({ namespaces: [TOKEN()] })],
  ['allowS3Tables namespaces: 255 characters, digits and underscores', () => s3Tables({ namespaces: ['a'.repeat(255), 'sales_2024', '1st'] })],
  ['allowS3Tables tables: a Token (split by CloudFormation)', () => s3Tables({ tables: [TOKEN()] })],
  ['allowS3Tables tables: several tables of several namespaces', () => s3Tables({ tables: ['sales.orders', 'sales.customers', 'hr.headcount'] })],
  ['allowS3Tables: namespaces and tables of other namespaces', () => s3Tables({ namespaces: ['marketing'], tables: ['sales.orders'] })],
  ['allowS3Tables: writable and Lake Formation', () => s3Tables({ namespaces: ['sales'], writable: true, lakeFormation: true })],

  // RedshiftPermissions.manageDataShares
  ['manageDataShares dataShareArns: a Token', () => dataShares({ dataShareArns: [TOKEN()] })],
  ['manageDataShares dataShareArns: names with _ and $', () => dataShares({ dataShareArns: [SHARE('_sales$share'), SHARE('SalesShare2')] })],
  ['manageDataShares dataShareArns: a datashare of another account (consumer side)', () => dataShares({
    dataShareArns: [SHARE().replace(A, B)], consumers: [NAMESPACE(UUID, A)], side: DataShareSide.CONSUMER,
  })],
  ['manageDataShares consumers: account IDs, namespace ARNs and ADX', () => dataShares({ consumers: [B, NAMESPACE(), 'ADX'] })],
  ['manageDataShares consumers: a Redshift Serverless namespace ARN', () => dataShares({ consumers: [`arn:aws:redshift-serverless:us-west-2:${B}:namespace/${UUID}`] })],
  ['manageDataShares consumers: a Token, on the consumer side', () => dataShares({ consumers: [TOKEN()], side: DataShareSide.CONSUMER })],
  ['manageDataShares consumers: an account and a namespace for both sides', () => dataShares({ consumers: [B, NAMESPACE()], side: DataShareSide.BOTH, allowWrites: true })],
  ['manageDataShares: no consumers, the consumer side', () => dataShares({ side: DataShareSide.CONSUMER })],
];

/** [what, the call on a fresh stack, the warning id (without the cdk-redshift-iam: prefix), the exact message] */
export const WARNINGS: Array<[string, (s: Stack) => unknown, string, string]> = [
  ['allowS3Tables: a table bucket of another account', (s) => role(s).allowS3Tables({ tableBucketArn: `arn:aws:s3tables:us-west-2:${B}:bucket/shared-lake` }),
    'crossAccountGrant',
    `\`allowS3Tables\`: the table bucket 'arn:aws:s3tables:us-west-2:${B}:bucket/shared-lake' belongs to account ${B}, the role to account ${A}: the grant works only if `
    + `the table bucket policy and the Data Catalog resource policy (or AWS Lake Formation) in ${B} also allow this role, or through a role chain into that account (ChainedRole)`],
];
