import { aws_kms as kms, aws_s3 as s3, CfnParameter, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { RedshiftServiceRole, UnloadAccessOptions } from '../../src';
import { BUCKET, grantSetup as setup, OTHER_BUCKET } from '../helpers/grants';
import { decide, envOf, keyDecider, materialize, roleMay, roleView } from '../helpers/iam';
import { newStack, synth } from '../helpers/synth';

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
    const { arn: keyArn, decide: kmsDecide } = keyDecider(stack, template, view, key);
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
          { Effect: 'Allow', Action: 's3:GetObject', Resource: [`${BUCKET}/sales/*`, `${BUCKET}/returns/*`] },
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

  test('kmsKey (UNLOAD ... KMS_KEY_ID): GenerateDataKey and Decrypt on that key only', async () => {
    const { stack, role, bucket } = setup();
    const key = new kms.Key(stack, 'UnloadKey');
    role.allowUnloadTo(bucket, { keyPrefix: 'encrypted/', kmsKey: key });
    const template = synth(stack);
    const view = roleView(role, template);
    const { arn: keyArn, decide: kmsDecide } = keyDecider(stack, template, view, key);
    expect(await kmsDecide('kms:GenerateDataKey', keyArn)).toBe('Allowed');
    expect(await kmsDecide('kms:Decrypt', keyArn)).toBe('Allowed');
    expect(await kmsDecide('kms:Encrypt', keyArn)).toBe('ImplicitlyDenied');
    expect(await kmsDecide('kms:CreateGrant', keyArn)).toBe('ImplicitlyDenied');
    expect(await kmsDecide('kms:GenerateDataKey', 'arn:aws:kms:us-west-2:123456789012:key/other-key')).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:PutObject', `${BUCKET}/encrypted/venue_0000_part_00`)).toBe('Allowed');
  });

  test('encryptedAuto (UNLOAD ... ENCRYPTED AUTO): reads the bucket\'s default encryption, of that bucket only', async () => {
    const { stack, role, bucket } = setup();
    role.allowUnloadTo(bucket, { keyPrefix: 'auto/', encryptedAuto: true, s3ManagedEncryption: true });
    const view = roleView(role, synth(stack));
    expect(await roleMay(view, 's3:GetEncryptionConfiguration', BUCKET)).toBe('Allowed');
    expect(await roleMay(view, 's3:GetEncryptionConfiguration', OTHER_BUCKET)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:PutEncryptionConfiguration', BUCKET)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:GetBucketPolicy', BUCKET)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:PutObject', `${BUCKET}/auto/venue_0000_part_00`)).toBe('Allowed');
  });

  test('without encryptedAuto the bucket\'s encryption configuration stays unreadable', async () => {
    const { stack, role, bucket } = setup();
    role.allowUnloadTo(bucket, { keyPrefix: 'out/' });
    const view = roleView(role, synth(stack));
    expect(await roleMay(view, 's3:GetEncryptionConfiguration', BUCKET)).toBe('ImplicitlyDenied');
  });

  test('encryptedAuto on a KMS-encrypted bucket: its key, and no other', async () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role');
    const bucket = new s3.Bucket(stack, 'Encrypted', { encryption: s3.BucketEncryption.KMS, enforceSSL: true });
    role.allowUnloadTo(bucket, { keyPrefix: 'out/', encryptedAuto: true });
    const template = synth(stack);
    const json = template.toJSON();
    const view = roleView(role, template);
    const { arn: keyArn, decide: kmsDecide } = keyDecider(stack, template, view, bucket.encryptionKey!);
    expect(await kmsDecide('kms:GenerateDataKey', keyArn)).toBe('Allowed');
    expect(await kmsDecide('kms:GenerateDataKey', 'arn:aws:kms:us-west-2:123456789012:key/other-key')).toBe('ImplicitlyDenied');
    const bucketArn = materialize(json, { 'Fn::GetAtt': [stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket), 'Arn'] }, envOf(stack));
    expect(await roleMay(view, 's3:GetEncryptionConfiguration', bucketArn)).toBe('Allowed');
  });

  test('encryptedAuto on an imported bucket whose key is unknown: a clear error naming both ways out', () => {
    const { role, bucket } = setup();
    expect(() => role.allowUnloadTo(bucket, { keyPrefix: 'auto/', encryptedAuto: true })).toThrow(
      "`allowUnloadTo` `encryptedAuto`: the default encryption of bucket 'TestStack/Bucket' is unknown (an imported bucket without `encryptionKey`), "
      + "and UNLOAD ... ENCRYPTED AUTO writes with the bucket's default AWS KMS key, which the role needs kms:GenerateDataKey on: "
      + 'without it UNLOAD fails at run time. Give that key as `kmsKey` (SSE-KMS), or set `s3ManagedEncryption: true` if the bucket uses Amazon S3 managed keys (SSE-S3)');
  });

  test('encryptedAuto on an imported SSE-KMS bucket with its key as kmsKey: that key, no other (iam-simulate)', async () => {
    const { stack, role, bucket } = setup();
    const keyArn = 'arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    role.allowUnloadTo(bucket, { keyPrefix: 'auto/', encryptedAuto: true, kmsKey: kms.Key.fromKeyArn(stack, 'BucketKey', keyArn) });
    const view = roleView(role, synth(stack));
    const keyPolicy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'kms:*', Resource: '*' }] };
    const onKey = (action: string, resource: string) => decide({
      principal: view.arn, action, resource, identity: view.identity, resourcePolicy: keyPolicy,
    });
    expect(await onKey('kms:GenerateDataKey', keyArn)).toBe('Allowed');
    expect(await onKey('kms:Decrypt', keyArn)).toBe('Allowed');
    expect(await onKey('kms:GenerateDataKey', keyArn.replace('1234abcd', 'ffffffff'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:GetEncryptionConfiguration', BUCKET)).toBe('Allowed');
  });

  test('encryptedAuto with s3ManagedEncryption: no key permission at all', () => {
    const { stack, role, bucket } = setup();
    role.allowUnloadTo(bucket, { encryptedAuto: true, s3ManagedEncryption: true });
    expect(JSON.stringify(synth(stack).toJSON())).not.toContain('kms:');
  });

  test('encryptedAuto on a bucket this app defines without a KMS key (SSE-S3): accepted as it is', () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role');
    const bucket = new s3.Bucket(stack, 'Unload', { encryption: s3.BucketEncryption.S3_MANAGED, enforceSSL: true });
    expect(() => role.allowUnloadTo(bucket, { encryptedAuto: true })).not.toThrow();
  });

  test.each<[string, (stack: Stack, bucket: s3.IBucket) => UnloadAccessOptions, string]>([
    ['s3ManagedEncryption without encryptedAuto', () => ({ s3ManagedEncryption: true }),
      "`allowUnloadTo` `s3ManagedEncryption` describes the bucket's default encryption for UNLOAD ... ENCRYPTED AUTO, and `encryptedAuto` is not set "
      + "(bucket 'TestStack/Bucket'): set `encryptedAuto: true` too, or leave `s3ManagedEncryption` out"],
    ['s3ManagedEncryption with kmsKey', (stack) => ({ encryptedAuto: true, s3ManagedEncryption: true, kmsKey: new kms.Key(stack, 'Key') }),
      "`allowUnloadTo` `s3ManagedEncryption` says bucket 'TestStack/Bucket' uses Amazon S3 managed keys (SSE-S3), but `kmsKey` names the AWS KMS key 'TestStack/Key': "
      + "with ENCRYPTED AUTO the files are written with the bucket's default key, so give one or the other"],
  ])('%s is a clear error', (_label, options, message) => {
    const { stack, role, bucket } = setup();
    expect(() => role.allowUnloadTo(bucket, options(stack, bucket))).toThrow(message);
  });

  test('s3ManagedEncryption on a bucket with a KMS key is a clear error', () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role');
    const bucket = new s3.Bucket(stack, 'Encrypted', { encryption: s3.BucketEncryption.KMS, enforceSSL: true });
    expect(() => role.allowUnloadTo(bucket, { encryptedAuto: true, s3ManagedEncryption: true })).toThrow(
      "`allowUnloadTo` `s3ManagedEncryption` says bucket 'TestStack/Encrypted' uses Amazon S3 managed keys (SSE-S3), but the bucket's `encryptionKey` names the AWS KMS key 'TestStack/Encrypted/Key': "
      + "with ENCRYPTED AUTO the files are written with the bucket's default key, so give one or the other");
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
