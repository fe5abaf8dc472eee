import { aws_dynamodb as dynamodb, aws_iam as iam, aws_kms as kms, aws_lambda as lambda, aws_s3 as s3, CfnParameter } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { RedshiftServiceRole } from '../src';
import { decide, envOf, materialize, roleMay, roleView } from './helpers/iam';
import { newStack, synth } from './helpers/synth';

const BUCKET = 'arn:aws:s3:::mybucket';
const OTHER_BUCKET = 'arn:aws:s3:::otherbucket';

function setup() {
  const stack = newStack();
  const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'RedshiftRole' });
  const bucket = s3.Bucket.fromBucketName(stack, 'Bucket', 'mybucket');
  return { stack, role, bucket };
}

describe('allowCopyFrom', () => {
  test('LIST limited to the prefix and GET under it; nothing else', async () => {
    // GIVEN
    const { stack, role, bucket } = setup();
    // WHEN
    const grant = role.allowCopyFrom(bucket, { keyPrefix: 'data/' });
    // THEN
    expect(grant.success).toBe(true);
    const template = synth(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          { Effect: 'Allow', Action: 's3:ListBucket', Resource: BUCKET, Condition: { StringLike: { 's3:prefix': ['data/*'] } } },
          { Effect: 'Allow', Action: 's3:GetObject', Resource: `${BUCKET}/data/*` },
        ]),
      },
    });
    const view = roleView(role, template);
    // allowed: the requests COPY makes (data files, a manifest, a JSONPaths file, the listing)
    expect(await roleMay(view, 's3:GetObject', `${BUCKET}/data/part-0000`)).toBe('Allowed');
    expect(await roleMay(view, 's3:GetObject', `${BUCKET}/data/manifests/load.manifest`)).toBe('Allowed');
    expect(await roleMay(view, 's3:ListBucket', BUCKET, { 's3:prefix': 'data/part' })).toBe('Allowed');
    // denied: outside the prefix, another bucket, listing elsewhere or everything, writes
    expect(await roleMay(view, 's3:GetObject', `${BUCKET}/other/part-0000`)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:GetObject', `${BUCKET}/dat`)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:GetObject', `${OTHER_BUCKET}/data/part-0000`)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:ListBucket', BUCKET, { 's3:prefix': 'other/' })).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:ListBucket', BUCKET)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:ListBucket', OTHER_BUCKET, { 's3:prefix': 'data/' })).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:PutObject', `${BUCKET}/data/part-0000`)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:DeleteObject', `${BUCKET}/data/part-0000`)).toBe('ImplicitlyDenied');
  });

  test('without a prefix: the whole bucket, still read-only', async () => {
    const { stack, role, bucket } = setup();
    role.allowCopyFrom(bucket);
    const view = roleView(role, synth(stack));
    expect(await roleMay(view, 's3:ListBucket', BUCKET)).toBe('Allowed');
    expect(await roleMay(view, 's3:GetObject', `${BUCKET}/anything/at/all`)).toBe('Allowed');
    expect(await roleMay(view, 's3:PutObject', `${BUCKET}/x`)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:GetObject', `${OTHER_BUCKET}/x`)).toBe('ImplicitlyDenied');
  });

  test('an encrypted bucket: kms:Decrypt on its key only', async () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'RedshiftRole' });
    const key = new kms.Key(stack, 'Key');
    const bucket = new s3.Bucket(stack, 'Encrypted', { bucketName: 'encrypted-data', encryptionKey: key, enforceSSL: true });
    role.allowCopyFrom(bucket, { keyPrefix: 'in/' });
    const template = synth(stack);
    const view = roleView(role, template);
    const json = template.toJSON();
    const keyLogicalId = stack.getLogicalId(key.node.defaultChild as kms.CfnKey);
    const keyArn = materialize(json, { 'Fn::GetAtt': [keyLogicalId, 'Arn'] }, envOf(stack));
    const keyPolicy = materialize(json, json.Resources[keyLogicalId].Properties.KeyPolicy, envOf(stack));
    const kmsDecide = (action: string, resource: string) =>
      decide({ principal: view.arn, action, resource, identity: view.identity, resourcePolicy: keyPolicy });
    expect(await kmsDecide('kms:Decrypt', keyArn)).toBe('Allowed');
    expect(await kmsDecide('kms:Encrypt', keyArn)).toBe('ImplicitlyDenied');
    expect(await kmsDecide('kms:GenerateDataKey', keyArn)).toBe('ImplicitlyDenied');
    expect(await kmsDecide('kms:Decrypt', 'arn:aws:kms:us-west-2:123456789012:key/other-key')).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:GetObject', 'arn:aws:s3:::encrypted-data/in/file')).toBe('Allowed');
  });

  test('several prefixes of one bucket share one ListBucket statement and one GetObject statement', async () => {
    const { stack, role, bucket } = setup();
    role.allowCopyFrom(bucket, { keyPrefix: 'sales/' });
    role.allowCopyFrom(bucket, { keyPrefix: 'returns/' });
    role.allowCopyFrom(bucket, { keyPrefix: 'sales/' }); // a repeat adds nothing
    const template = synth(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          { Effect: 'Allow', Action: 's3:ListBucket', Resource: BUCKET, Condition: { StringLike: { 's3:prefix': ['sales/*', 'returns/*'] } } },
          { Effect: 'Allow', Action: 's3:GetObject', Resource: [`${BUCKET}/returns/*`, `${BUCKET}/sales/*`] },
        ],
      },
    });
    const view = roleView(role, template);
    expect(await roleMay(view, 's3:ListBucket', BUCKET, { 's3:prefix': 'returns/2024' })).toBe('Allowed');
    expect(await roleMay(view, 's3:ListBucket', BUCKET, { 's3:prefix': 'inventory/' })).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:GetObject', `${BUCKET}/inventory/x`)).toBe('ImplicitlyDenied');
  });

  test.each([
    ['', /`allowCopyFrom keyPrefix` must not be empty: leave it out to grant the whole bucket/],
    ['/data/', /`allowCopyFrom keyPrefix` must not start with '\/'.*\(use 'data\/'\), got: '\/data\/'/],
    ['data/*', /must not contain the IAM wildcards '\*' or '\?'.*got: 'data\/\*'/],
    ['da?a/', /got: 'da\?a\/'/],
    ['${aws:username}/', /must not contain an IAM policy variable/],
  ])('keyPrefix %j is rejected', (keyPrefix, message) => {
    const { role, bucket } = setup();
    expect(() => role.allowCopyFrom(bucket, { keyPrefix })).toThrow(message);
  });

  test('a Token prefix and an imported bucket with a Token name pass through', () => {
    const { stack, role } = setup();
    const bucketName = new CfnParameter(stack, 'BucketParam');
    const prefix = new CfnParameter(stack, 'PrefixParam');
    const bucket = s3.Bucket.fromBucketName(stack, 'TokenBucket', bucketName.valueAsString);
    expect(() => role.allowCopyFrom(bucket, { keyPrefix: prefix.valueAsString })).not.toThrow();
    synth(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Action: 's3:ListBucket',
          Condition: { StringLike: { 's3:prefix': [{ 'Fn::Join': ['', [{ Ref: 'PrefixParam' }, '*']] }] } },
        })]),
      },
    });
  });
});

describe('allowUnloadTo', () => {
  test('GET, LIST and PUT under the prefix; no delete unless asked', async () => {
    const { stack, role, bucket } = setup();
    role.allowUnloadTo(bucket, { keyPrefix: 'redshift/' });
    const view = roleView(role, synth(stack));
    expect(await roleMay(view, 's3:PutObject', `${BUCKET}/redshift/venue_pipe_0000_part_00`)).toBe('Allowed');
    expect(await roleMay(view, 's3:GetObject', `${BUCKET}/redshift/venue_pipe_0000_part_00`)).toBe('Allowed');
    expect(await roleMay(view, 's3:ListBucket', BUCKET, { 's3:prefix': 'redshift/venue_pipe_' })).toBe('Allowed');
    expect(await roleMay(view, 's3:PutObject', `${BUCKET}/elsewhere/venue`)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:PutObject', `${OTHER_BUCKET}/redshift/venue`)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:DeleteObject', `${BUCKET}/redshift/venue_pipe_0000_part_00`)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:PutObjectAcl', `${BUCKET}/redshift/venue_pipe_0000_part_00`)).toBe('ImplicitlyDenied');
  });

  test('allowCleanPath adds DeleteObject under the prefix only', async () => {
    const { stack, role, bucket } = setup();
    role.allowUnloadTo(bucket, { keyPrefix: 'redshift/', allowCleanPath: true });
    const view = roleView(role, synth(stack));
    expect(await roleMay(view, 's3:DeleteObject', `${BUCKET}/redshift/old_part_00`)).toBe('Allowed');
    expect(await roleMay(view, 's3:DeleteObject', `${BUCKET}/keep/old_part_00`)).toBe('ImplicitlyDenied');
  });

  test('an encrypted bucket: GenerateDataKey and Decrypt on its key', async () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role');
    const bucket = new s3.Bucket(stack, 'Encrypted', { encryption: s3.BucketEncryption.KMS, enforceSSL: true });
    role.allowUnloadTo(bucket, { keyPrefix: 'out/' });
    synth(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
          Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('EncryptedKey'), 'Arn'] },
        })]),
      },
    });
  });

  test('a COPY role cannot write: PutObject is denied', async () => {
    const { stack, role, bucket } = setup();
    role.allowCopyFrom(bucket, { keyPrefix: 'redshift/' });
    const view = roleView(role, synth(stack));
    expect(await roleMay(view, 's3:PutObject', `${BUCKET}/redshift/venue`)).toBe('ImplicitlyDenied');
  });
});

describe('allowCreateLibraryFrom', () => {
  test('LIST and GET under the prefix', async () => {
    const { stack, role, bucket } = setup();
    role.allowCreateLibraryFrom(bucket, { keyPrefix: 'libraries/' });
    const view = roleView(role, synth(stack));
    expect(await roleMay(view, 's3:GetObject', `${BUCKET}/libraries/urlparse3.zip`)).toBe('Allowed');
    expect(await roleMay(view, 's3:ListBucket', BUCKET, { 's3:prefix': 'libraries/urlparse3.zip' })).toBe('Allowed');
    expect(await roleMay(view, 's3:GetObject', `${BUCKET}/data/urlparse3.zip`)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:PutObject', `${BUCKET}/libraries/urlparse3.zip`)).toBe('ImplicitlyDenied');
  });
});

describe('allowCopyFromTable', () => {
  test('Scan and DescribeTable on that table only', async () => {
    const { stack, role } = setup();
    const table = dynamodb.Table.fromTableArn(stack, 'Movies', 'arn:aws:dynamodb:us-west-2:123456789012:table/Movies');
    role.allowCopyFromTable(table);
    const view = roleView(role, synth(stack));
    const movies = 'arn:aws:dynamodb:us-west-2:123456789012:table/Movies';
    expect(await roleMay(view, 'dynamodb:Scan', movies)).toBe('Allowed');
    expect(await roleMay(view, 'dynamodb:DescribeTable', movies)).toBe('Allowed');
    expect(await roleMay(view, 'dynamodb:Scan', 'arn:aws:dynamodb:us-west-2:123456789012:table/Orders')).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'dynamodb:Query', movies)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'dynamodb:PutItem', movies)).toBe('ImplicitlyDenied');
  });

  test('a table with a customer managed key: Decrypt and DescribeKey on it', () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role');
    const table = new dynamodb.Table(stack, 'Table', {
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
    });
    role.allowCopyFromTable(table);
    synth(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Action: ['kms:Decrypt', 'kms:DescribeKey'] })]),
      },
    });
  });
});

describe('allowCopyFromEmrCluster', () => {
  test('ListInstances on that cluster only', async () => {
    const { stack, role } = setup();
    role.allowCopyFromEmrCluster('j-SAMPLE2B500FC');
    const view = roleView(role, synth(stack));
    const cluster = 'arn:aws:elasticmapreduce:us-west-2:123456789012:cluster/j-SAMPLE2B500FC';
    expect(await roleMay(view, 'elasticmapreduce:ListInstances', cluster)).toBe('Allowed');
    expect(await roleMay(view, 'elasticmapreduce:ListInstances', cluster.replace('SAMPLE2B500FC', 'OTHER000000'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'elasticmapreduce:TerminateJobFlows', cluster)).toBe('ImplicitlyDenied');
  });

  test('a malformed cluster id is rejected', () => {
    const { role } = setup();
    expect(() => role.allowCopyFromEmrCluster('my-emr')).toThrow("`emrClusterId` must be an Amazon EMR cluster ID such as j-2AXXXXXXGAPLF, got: 'my-emr'");
  });
});

describe('allowInvokeFunction', () => {
  test('InvokeFunction on that function only', async () => {
    const { stack, role } = setup();
    const fn = lambda.Function.fromFunctionArn(stack, 'Fn', 'arn:aws:lambda:us-west-2:123456789012:function:lambda_sum');
    role.allowInvokeFunction(fn);
    const view = roleView(role, synth(stack));
    expect(await roleMay(view, 'lambda:InvokeFunction', 'arn:aws:lambda:us-west-2:123456789012:function:lambda_sum')).toBe('Allowed');
    expect(await roleMay(view, 'lambda:InvokeFunction', 'arn:aws:lambda:us-west-2:123456789012:function:other')).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'lambda:UpdateFunctionCode', 'arn:aws:lambda:us-west-2:123456789012:function:lambda_sum')).toBe('ImplicitlyDenied');
  });
});

describe('allowSpectrum', () => {
  const glue = (resource: string) => `arn:aws:glue:us-west-2:123456789012:${resource}`;

  test('Glue reads on the named database and its tables, and S3 reads on the data', async () => {
    const { stack, role } = setup();
    const data = s3.Bucket.fromBucketName(stack, 'Data', 'spectrum-data');
    role.allowSpectrum({ databases: ['spectrumdb'], dataLocations: [{ bucket: data, keyPrefix: 'tickit/' }] });
    const view = roleView(role, synth(stack));
    expect(await roleMay(view, 'glue:GetDatabase', glue('database/spectrumdb'))).toBe('Allowed');
    expect(await roleMay(view, 'glue:GetTable', glue('table/spectrumdb/sales'))).toBe('Allowed');
    expect(await roleMay(view, 'glue:GetPartitions', glue('table/spectrumdb/sales'))).toBe('Allowed');
    expect(await roleMay(view, 'glue:GetTables', glue('catalog'))).toBe('Allowed');
    expect(await roleMay(view, 's3:GetObject', 'arn:aws:s3:::spectrum-data/tickit/sales/part-0')).toBe('Allowed');
    // neighbours: another database, writes to the catalog, data outside the location
    expect(await roleMay(view, 'glue:GetTable', glue('table/otherdb/sales'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'glue:GetDatabase', glue('database/otherdb'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'glue:CreateTable', glue('table/spectrumdb/new'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'glue:CreateDatabase', glue('database/spectrumdb'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'glue:DeleteDatabase', glue('database/spectrumdb'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:GetObject', 'arn:aws:s3:::spectrum-data/private/x')).toBe('ImplicitlyDenied');
  });

  test('allowCreateDatabase and allowTableChanges add exactly those writes', async () => {
    const { stack, role } = setup();
    role.allowSpectrum({ databases: ['spectrumdb'], allowCreateDatabase: true, allowTableChanges: true });
    const view = roleView(role, synth(stack));
    expect(await roleMay(view, 'glue:CreateDatabase', glue('database/spectrumdb'))).toBe('Allowed');
    expect(await roleMay(view, 'glue:CreateTable', glue('table/spectrumdb/new'))).toBe('Allowed');
    expect(await roleMay(view, 'glue:CreateTable', glue('table/otherdb/new'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'glue:DeleteDatabase', glue('database/spectrumdb'))).toBe('ImplicitlyDenied');
  });

  test('another account\'s catalog', async () => {
    const { stack, role } = setup();
    role.allowSpectrum({ databases: ['shared'], catalogAccount: '210987654321', catalogRegion: 'us-east-1' });
    const view = roleView(role, synth(stack));
    expect(await decide({
      principal: view.arn,
      identity: view.identity,
      action: 'glue:GetTable',
      resource: 'arn:aws:glue:us-east-1:210987654321:table/shared/t',
      resourceAccount: '123456789012',
    })).toBe('Allowed');
    expect(await roleMay(view, 'glue:GetTable', glue('table/shared/t'))).toBe('ImplicitlyDenied');
  });

  test.each([
    ['no database', { databases: [] }, '`databases` must name at least one AWS Glue database'],
    ['a bad name', { databases: ['Spectrum DB'] }, "`databases` must be AWS Glue database names of 1 to 255 lowercase letters, digits, underscores or hyphens, got: 'Spectrum DB'"],
    ['a repeat', { databases: ['a', 'a'] }, "`databases` lists 'a' more than once"],
    ['a bad account', { databases: ['a'], catalogAccount: 'x' }, "`catalogAccount` must be a 12-digit AWS account ID, got: 'x'"],
  ])('%s is rejected', (_label, options, message) => {
    const { role } = setup();
    expect(() => role.allowSpectrum(options)).toThrow(message);
  });
});

describe('allowAssumeRole', () => {
  test('sts:AssumeRole on exactly the next role', async () => {
    const { stack, role } = setup();
    const next = iam.Role.fromRoleArn(stack, 'Next', 'arn:aws:iam::210987654321:role/RoleB');
    role.allowAssumeRole(next);
    const view = roleView(role, synth(stack));
    expect(await roleMay(view, 'sts:AssumeRole', 'arn:aws:iam::210987654321:role/RoleB')).toBe('Allowed');
    expect(await roleMay(view, 'sts:AssumeRole', 'arn:aws:iam::210987654321:role/RoleC')).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'sts:AssumeRole', 'arn:aws:iam::123456789012:role/RoleB')).toBe('ImplicitlyDenied');
  });

  test('a role cannot be the next hop of itself', () => {
    const { role } = setup();
    expect(() => role.allowAssumeRole(role)).toThrow(/was given the role itself/);
  });
});

describe('a role with every grant', () => {
  test('stays one small inline policy and matches its snapshot', () => {
    const { stack, role, bucket } = setup();
    role.allowCopyFrom(bucket, { keyPrefix: 'in/' });
    role.allowUnloadTo(bucket, { keyPrefix: 'out/' });
    role.allowCreateLibraryFrom(bucket, { keyPrefix: 'lib/' });
    role.allowCopyFromTable(dynamodb.Table.fromTableName(stack, 'T', 'Movies'));
    role.allowCopyFromEmrCluster('j-SAMPLE2B500FC');
    role.allowInvokeFunction(lambda.Function.fromFunctionName(stack, 'F', 'lambda_sum'));
    role.allowSpectrum({ databases: ['spectrumdb'] });
    const template = synth(stack);
    template.resourceCountIs('AWS::IAM::Policy', 1);
    template.resourceCountIs('AWS::IAM::ManagedPolicy', 0);
    // no wildcard action, no '*' resource, no s3:*
    const doc = JSON.stringify(template.findResources('AWS::IAM::Policy'));
    expect(doc).not.toMatch(/"Resource":"\*"|"s3:\*"|"Action":"\*"/);
    expect(template.toJSON()).toMatchSnapshot();
  });
});
