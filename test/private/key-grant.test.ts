import { aws_dynamodb as dynamodb, aws_kinesis as kinesis, aws_kms as kms, aws_s3 as s3, aws_secretsmanager as secretsmanager, CfnParameter, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { RedshiftServiceRole } from '../../src';
import { decide, keyDecider, roleMay, roleView } from '../helpers/iam';
import { ACCOUNT, newApp, newStack, OTHER_ACCOUNT, REGION, synth } from '../helpers/synth';

const OTHER_KEY_ARN = `arn:aws:kms:${REGION}:${OTHER_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

/** A role in one account, and a stack of another account (or Region) that holds the data and its key. */
function twoEnvironments(otherEnv = { account: OTHER_ACCOUNT, region: REGION }) {
  const app = newApp();
  const stack = new Stack(app, 'Warehouse', { env: { account: ACCOUNT, region: REGION } });
  const data = new Stack(app, 'Data', { env: otherEnv });
  const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'RedshiftRole' });
  return { stack, data, role };
}

describe('KMS grants on a key of another environment', () => {
  test.each([
    ['allowCopyFrom', (role: RedshiftServiceRole, key: kms.IKey, data: Stack) =>
      role.allowCopyFrom(s3.Bucket.fromBucketAttributes(data, 'Bucket', { bucketName: 'other-data', encryptionKey: key })), ['kms:Decrypt']],
    ['allowUnloadTo', (role: RedshiftServiceRole, key: kms.IKey, data: Stack) =>
      role.allowUnloadTo(s3.Bucket.fromBucketAttributes(data, 'Bucket', { bucketName: 'other-data', encryptionKey: key })), ['kms:Decrypt', 'kms:GenerateDataKey']],
    ['allowUnloadTo kmsKey', (role: RedshiftServiceRole, key: kms.IKey, data: Stack) =>
      role.allowUnloadTo(s3.Bucket.fromBucketName(data, 'Bucket', 'other-data'), { kmsKey: key }), ['kms:Decrypt', 'kms:GenerateDataKey']],
    ['allowCopyFromTable', (role: RedshiftServiceRole, key: kms.IKey, data: Stack) =>
      role.allowCopyFromTable(dynamodb.Table.fromTableAttributes(data, 'Table', { tableName: 'other-table', encryptionKey: key })), ['kms:Decrypt', 'kms:DescribeKey']],
    ['allowStreamingIngestion', (role: RedshiftServiceRole, key: kms.IKey, data: Stack) =>
      role.allowStreamingIngestion(kinesis.Stream.fromStreamAttributes(data, 'Stream', { streamArn: `arn:aws:kinesis:${REGION}:${OTHER_ACCOUNT}:stream/s`, encryptionKey: key })), ['kms:Decrypt']],
  ])('%s: the key\'s ARN only, never "*" (iam-simulate: that key allowed, another denied)', async (_name, grant, actions) => {
    const { stack, data, role } = twoEnvironments();
    const key = kms.Key.fromKeyArn(data, 'Key', OTHER_KEY_ARN);
    grant(role, key, data);
    const view = roleView(role, synth(stack));
    const kmsStatements = view.identity.flatMap((d) => d.Statement).filter((st) => JSON.stringify(st.Action).includes('kms:'));
    expect(kmsStatements.map((st) => st.Resource)).toEqual(kmsStatements.map(() => OTHER_KEY_ARN));
    // the key owner's policy allows the role everything: the role's own policy decides
    const keyPolicy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: view.arn }, Action: 'kms:*', Resource: '*' }] };
    const inOtherAccount = (action: string, resource: string) => decide({
      principal: view.arn, action, resource, resourceAccount: OTHER_ACCOUNT, identity: view.identity, resourcePolicy: keyPolicy,
    });
    for (const action of actions as string[]) {
      expect(await inOtherAccount(action, OTHER_KEY_ARN)).toBe('Allowed');
      expect(await inOtherAccount(action, OTHER_KEY_ARN.replace('1234abcd', 'ffffffff'))).toBe('ImplicitlyDenied');
      expect(await roleMay(view, action, `arn:aws:kms:${REGION}:${ACCOUNT}:key/any`)).toBe('ImplicitlyDenied');
    }
  });

  test.each([
    ['another account', { account: OTHER_ACCOUNT, region: REGION }],
    ['another Region', { account: ACCOUNT, region: 'eu-west-1' }],
  ])('a key this app defines in %s: a clear error, not a grant on every key', (_name, env) => {
    const { data, role } = twoEnvironments(env);
    const key = new kms.Key(data, 'Key');
    const bucket = new s3.Bucket(data, 'Bucket', { bucketName: 'other-data', encryptionKey: key });
    expect(() => role.allowCopyFrom(bucket)).toThrow(
      `\`allowCopyFrom\`: the encryption key of the bucket 'Data/Key' is in stack 'Data' (aws://${env.account}/${env.region}), another environment than the role `
      + `'Warehouse/Role' (aws://${ACCOUNT}/${REGION}): its ARN cannot be referenced there, and a grant of kms:Decrypt on '*' would reach every key. `
      + 'Import the key into the role\'s stack with kms.Key.fromKeyArn and its literal ARN (and the resource with that key), and allow the role in the key policy.',
    );
  });

  test('a key of another stack in the same environment keeps the usual grant on its ARN', async () => {
    const { data, role, stack } = twoEnvironments({ account: ACCOUNT, region: REGION });
    const key = new kms.Key(data, 'Key');
    role.allowCopyFrom(new s3.Bucket(data, 'Bucket', { bucketName: 'other-data', encryptionKey: key }));
    const json = JSON.stringify(synth(stack).toJSON());
    expect(json).toContain('Fn::ImportValue');
    expect(json).not.toContain('"Resource":"*"');
  });
});

const ALIAS = 'alias/redshift-data';
const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
const KEY_OF_ACCOUNT = `arn:aws:kms:${REGION}:${ACCOUNT}:key/${KEY_ID}`;
/** The key policies KMS creates by default: the account decides through IAM. */
const ACCOUNT_KEY_POLICY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }] };

describe('a key given as an alias known only by its name (kms.Alias.fromAliasName)', () => {
  const SECRET_ARN = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:warehouse-AbCdEf`;
  test.each<[string, (role: RedshiftServiceRole, key: kms.IKey, stack: Stack) => unknown, string[], Record<string, string>]>([
    ['allowUnloadTo kmsKey', (role, key, stack) => role.allowUnloadTo(s3.Bucket.fromBucketName(stack, 'Bucket', 'unload-data'), { kmsKey: key }),
      ['kms:Decrypt', 'kms:GenerateDataKey'], {}],
    ['allowCreateModel kmsKey', (role, key, stack) => role.allowCreateModel({ bucket: s3.Bucket.fromBucketName(stack, 'Bucket', 'ml-staging'), kmsKey: key }),
      ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext'], {}],
    ['allowSpectrum catalogKey', (role, key) => role.allowSpectrum({ databases: ['spectrumdb'], catalogKey: key, allowTableChanges: true }),
      ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'], {}],
    ['allowStreamingIngestion', (role, key, stack) =>
      role.allowStreamingIngestion(kinesis.Stream.fromStreamAttributes(stack, 'Stream', { streamArn: `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/s`, encryptionKey: key })),
    ['kms:Decrypt'], {}],
    ['allowFederatedQuery', (role, key, stack) =>
      role.allowFederatedQuery(secretsmanager.Secret.fromSecretAttributes(stack, 'Secret', { secretCompleteArn: SECRET_ARN, encryptionKey: key })),
    ['kms:Decrypt'], { 'kms:ViaService': `secretsmanager.${REGION}.amazonaws.com` }],
    ['allowCopyFrom, the bucket\'s key', (role, key, stack) =>
      role.allowCopyFrom(s3.Bucket.fromBucketAttributes(stack, 'Bucket', { bucketName: 'copy-data', encryptionKey: key })),
    ['kms:Decrypt'], {}],
  ])('%s: the key that carries the alias (kms:ResourceAliases), no other (iam-simulate)', async (_name, grant, actions, context) => {
    // GIVEN
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'RedshiftRole' });
    // WHEN
    grant(role, kms.Alias.fromAliasName(stack, 'Alias', ALIAS), stack);
    // THEN
    const view = roleView(role, synth(stack));
    const kmsStatements = view.identity.flatMap((d) => d.Statement).filter((st) => JSON.stringify(st.Action).includes('kms:'));
    expect(kmsStatements.length).toBeGreaterThan(0);
    for (const st of kmsStatements) {
      expect(st.Resource).toBe(`arn:aws:kms:${REGION}:${ACCOUNT}:key/*`);
      expect(st.Condition['ForAnyValue:StringEquals']).toEqual({ 'kms:ResourceAliases': ALIAS });
    }
    const onKey = (action: string, resource: string, aliases: string[]) => decide({
      principal: view.arn,
      action,
      resource,
      identity: view.identity,
      resourcePolicy: ACCOUNT_KEY_POLICY,
      context: { ...context, 'kms:ResourceAliases': aliases },
    });
    for (const action of actions) {
      // allowed: the key the alias names, also when it carries other aliases
      expect(await onKey(action, KEY_OF_ACCOUNT, [ALIAS])).toBe('Allowed');
      expect(await onKey(action, KEY_OF_ACCOUNT, ['alias/other', ALIAS])).toBe('Allowed');
      // denied: a key with another alias, a key with no alias, the alias's name in another Region
      expect(await onKey(action, KEY_OF_ACCOUNT.replace('1234abcd', 'ffffffff'), ['alias/other'])).toBe('ImplicitlyDenied');
      expect(await onKey(action, KEY_OF_ACCOUNT, [])).toBe('ImplicitlyDenied');
      expect(await onKey(action, KEY_OF_ACCOUNT.replace(REGION, 'us-east-1'), [ALIAS])).toBe('ImplicitlyDenied');
    }
    expect(await onKey('kms:ScheduleKeyDeletion', KEY_OF_ACCOUNT, [ALIAS])).toBe('ImplicitlyDenied');
  });

  test('CREATE MODEL: kms:CreateGrant through the alias, for AWS resources only', async () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'RedshiftRole' });
    role.allowCreateModel({ bucket: s3.Bucket.fromBucketName(stack, 'Bucket', 'ml-staging'), kmsKey: kms.Alias.fromAliasName(stack, 'Alias', ALIAS) });
    const view = roleView(role, synth(stack));
    const createGrant = (context: Record<string, string | string[]>) => decide({
      principal: view.arn, action: 'kms:CreateGrant', resource: KEY_OF_ACCOUNT, identity: view.identity, resourcePolicy: ACCOUNT_KEY_POLICY, context,
    });
    expect(await createGrant({ 'kms:ResourceAliases': [ALIAS], 'kms:GrantIsForAWSResource': 'true' })).toBe('Allowed');
    expect(await createGrant({ 'kms:ResourceAliases': [ALIAS], 'kms:GrantIsForAWSResource': 'false' })).toBe('ImplicitlyDenied');
    expect(await createGrant({ 'kms:ResourceAliases': ['alias/other'], 'kms:GrantIsForAWSResource': 'true' })).toBe('ImplicitlyDenied');
  });

  test('an alias ARN given as a key ARN (kms.Key.fromKeyArn): the alias\'s account and Region', async () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'RedshiftRole' });
    role.allowUnloadTo(s3.Bucket.fromBucketName(stack, 'Bucket', 'unload-data'), {
      kmsKey: kms.Key.fromKeyArn(stack, 'Key', `arn:aws:kms:${REGION}:${OTHER_ACCOUNT}:alias/shared-unload`),
    });
    const view = roleView(role, synth(stack));
    const otherKey = `arn:aws:kms:${REGION}:${OTHER_ACCOUNT}:key/${KEY_ID}`;
    const keyPolicy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: view.arn }, Action: 'kms:*', Resource: '*' }] };
    const onKey = (resource: string, aliases: string[]) => decide({
      principal: view.arn,
      action: 'kms:GenerateDataKey',
      resource,
      resourceAccount: OTHER_ACCOUNT,
      identity: view.identity,
      resourcePolicy: keyPolicy,
      context: { 'kms:ResourceAliases': aliases },
    });
    expect(await onKey(otherKey, ['alias/shared-unload'])).toBe('Allowed');
    expect(await onKey(otherKey, ['alias/other'])).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'kms:GenerateDataKey', KEY_OF_ACCOUNT, { 'kms:ResourceAliases': ['alias/shared-unload'] })).toBe('ImplicitlyDenied');
  });

  test('an alias with a known key (new kms.Alias): a grant on that key\'s ARN', async () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'RedshiftRole' });
    const key = new kms.Key(stack, 'Key');
    role.allowUnloadTo(s3.Bucket.fromBucketName(stack, 'Bucket', 'unload-data'), { kmsKey: new kms.Alias(stack, 'Alias', { aliasName: ALIAS, targetKey: key }) });
    const template = synth(stack);
    const view = roleView(role, template);
    const { arn, decide: kmsDecide } = keyDecider(stack, template, view, key);
    expect(await kmsDecide('kms:GenerateDataKey', arn)).toBe('Allowed');
    expect(await kmsDecide('kms:GenerateDataKey', KEY_OF_ACCOUNT)).toBe('ImplicitlyDenied');
    expect(JSON.stringify(view.identity)).not.toContain('kms:ResourceAliases');
  });

  test('an alias name without alias/ is a clear error; a Token name passes', () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'RedshiftRole' });
    const bucket = s3.Bucket.fromBucketName(stack, 'Bucket', 'unload-data');
    expect(() => role.allowUnloadTo(bucket, { kmsKey: kms.Alias.fromAliasName(stack, 'Bad', 'redshift-data') })).toThrow(
      "`allowUnloadTo` `kmsKey`: the key 'TestStack/Bad' is an alias known by its name, and KMS alias names are alias/ followed by letters, digits and /_- "
      + "(e.g. kms.Alias.fromAliasName(this, 'Key', 'alias/redshift-unload')), got: 'redshift-data'");
    const name = new CfnParameter(stack, 'AliasName').valueAsString;
    role.allowUnloadTo(bucket, { kmsKey: kms.Alias.fromAliasName(stack, 'FromParameter', name) });
    synth(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Condition: { 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': { Ref: 'AliasName' } } } })]),
      },
    });
  });
});

test('cdk-nag: the key/* of a grant through an alias is acknowledged with its reason', () => {
  const stack = newStack();
  const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'RedshiftRole' });
  role.allowUnloadTo(s3.Bucket.fromBucketName(stack, 'Bucket', 'unload-data'), { kmsKey: kms.Alias.fromAliasName(stack, 'Alias', ALIAS) });
  synth(stack);
  expect(new AwsSolutionsChecks().validateScope(stack).violations).toEqual([]);
});
