import { aws_kms as kms, aws_s3 as s3 } from 'aws-cdk-lib';
import { grantSetup as setup } from '../helpers/grants';
import { decide, keyDecider, roleMay, roleView } from '../helpers/iam';
import { synth } from '../helpers/synth';

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

  test('the documented minimum S3 permissions ("Policies to grant minimum permissions"): bucket location and multipart listing, on that bucket and prefix only', async () => {
    const { stack, role } = setup();
    const data = s3.Bucket.fromBucketName(stack, 'Data', 'spectrum-data');
    role.allowSpectrum({ databases: ['spectrumdb'], dataLocations: [{ bucket: data, keyPrefix: 'tickit/' }] });
    const view = roleView(role, synth(stack));
    expect(await roleMay(view, 's3:GetBucketLocation', 'arn:aws:s3:::spectrum-data')).toBe('Allowed');
    expect(await roleMay(view, 's3:ListBucketMultipartUploads', 'arn:aws:s3:::spectrum-data')).toBe('Allowed');
    expect(await roleMay(view, 's3:ListMultipartUploadParts', 'arn:aws:s3:::spectrum-data/tickit/sales/part-0')).toBe('Allowed');
    expect(await roleMay(view, 's3:ListBucket', 'arn:aws:s3:::spectrum-data', { 's3:prefix': 'tickit/sales/' })).toBe('Allowed');
    // neighbours: another bucket, parts outside the prefix, writes
    expect(await roleMay(view, 's3:GetBucketLocation', 'arn:aws:s3:::other-bucket')).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:ListBucketMultipartUploads', 'arn:aws:s3:::other-bucket')).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:ListMultipartUploadParts', 'arn:aws:s3:::spectrum-data/private/x')).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:AbortMultipartUpload', 'arn:aws:s3:::spectrum-data/tickit/x')).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:PutObject', 'arn:aws:s3:::spectrum-data/tickit/x')).toBe('ImplicitlyDenied');
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

  test('lakeFormation: lakeformation:GetDataAccess (no resource type, so on *), and no S3 access of its own', async () => {
    const { stack, role } = setup();
    role.allowSpectrum({ databases: ['lfdb'], lakeFormation: true });
    const view = roleView(role, synth(stack));
    expect(await roleMay(view, 'lakeformation:GetDataAccess', '*')).toBe('Allowed');
    expect(await roleMay(view, 'glue:GetTable', glue('table/lfdb/sales'))).toBe('Allowed');
    // denied: Lake Formation administration, data outside Lake Formation, other databases
    expect(await roleMay(view, 'lakeformation:GrantPermissions', '*')).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'lakeformation:GetDataLakeSettings', '*')).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:GetObject', 'arn:aws:s3:::lake-data/sales/part-0')).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'glue:GetTable', glue('table/otherdb/sales'))).toBe('ImplicitlyDenied');
  });

  test.each([
    ['a read-only catalog', {}, ['kms:Decrypt'], ['kms:Encrypt', 'kms:GenerateDataKey']],
    ['a catalog Spectrum writes to', { allowTableChanges: true }, ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'], ['kms:ReEncryptFrom']],
    ['a catalog Spectrum creates databases in', { allowCreateDatabase: true }, ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'], ['kms:ReEncryptFrom']],
  ])('catalogKey, %s: the key actions of the Glue docs on that key only', async (_label, extra, allowed, denied) => {
    const { stack, role } = setup();
    const key = new kms.Key(stack, 'CatalogKey');
    role.allowSpectrum({ databases: ['spectrumdb'], catalogKey: key, ...extra });
    const template = synth(stack);
    const view = roleView(role, template);
    const { arn: keyArn, decide: kmsDecide } = keyDecider(stack, template, view, key);
    for (const action of allowed) expect(await kmsDecide(action, keyArn)).toBe('Allowed');
    for (const action of denied) expect(await kmsDecide(action, keyArn)).toBe('ImplicitlyDenied');
    expect(await kmsDecide('kms:Decrypt', 'arn:aws:kms:us-west-2:123456789012:key/other-key')).toBe('ImplicitlyDenied');
  });

  test('a writable data location: PUT under its prefix (INSERT INTO, CREATE EXTERNAL TABLE AS); read-only ones stay so', async () => {
    const { stack, role } = setup();
    const lake = s3.Bucket.fromBucketName(stack, 'Lake', 'lake-data');
    role.allowSpectrum({
      databases: ['spectrumdb'],
      allowTableChanges: true,
      dataLocations: [{ bucket: lake, keyPrefix: 'curated/', writable: true }, { bucket: lake, keyPrefix: 'raw/' }],
    });
    const view = roleView(role, synth(stack));
    expect(await roleMay(view, 's3:PutObject', 'arn:aws:s3:::lake-data/curated/sales/20240101_000000_1_2_part_00.parquet')).toBe('Allowed');
    expect(await roleMay(view, 's3:GetObject', 'arn:aws:s3:::lake-data/curated/sales/x')).toBe('Allowed');
    expect(await roleMay(view, 's3:GetObject', 'arn:aws:s3:::lake-data/raw/x')).toBe('Allowed');
    expect(await roleMay(view, 'glue:BatchCreatePartition', glue('table/spectrumdb/sales'))).toBe('Allowed');
    // denied: writes to the read-only location or elsewhere, deletes
    expect(await roleMay(view, 's3:PutObject', 'arn:aws:s3:::lake-data/raw/x')).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:PutObject', 'arn:aws:s3:::lake-data/other/x')).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 's3:DeleteObject', 'arn:aws:s3:::lake-data/curated/sales/x')).toBe('ImplicitlyDenied');
  });

  test.each([
    ['no database', { databases: [] }, '`databases` must list at least one AWS Glue database'],
    ['a bad name', { databases: ['Spectrum DB'] }, "`databases` must be AWS Glue database names of 1 to 255 lowercase letters, digits, underscores or hyphens, got: 'Spectrum DB'"],
    ['a repeat', { databases: ['a', 'a'] }, "`databases` lists 'a' more than once"],
    ['a bad account', { databases: ['a'], catalogAccount: 'x' }, "`catalogAccount` must be a 12-digit AWS account ID, got: 'x'"],
  ])('%s is rejected', (_label, options, message) => {
    const { role } = setup();
    expect(() => role.allowSpectrum(options)).toThrow(message);
  });
});
