import {
  aws_iam as iam, aws_kinesis as kinesis, aws_kms as kms, aws_s3 as s3, aws_secretsmanager as secretsmanager, Stack, Token,
} from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ClusterRoleAssociation, NamespaceRoleAssociation, RedshiftPermissions, RedshiftServiceRole } from '../../src';
import { newApp } from '../helpers/synth';

/**
 * Bad input, valid neighbours and Tokens for issue 21 (items 3, 4, 5, 6, 9, 10): UNLOAD ... ENCRYPTED
 * AUTO on a bucket whose key is unknown, keys given as imported aliases, GRANT ASSUMEROLE names,
 * the MSK consumer groups, the audit log prefix and bucket encryption, one role twice in an
 * association. Spread into test/bad-input.test.ts.
 */

const A = '123456789012';
const B = '210987654321';
const UUID = '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
const ROLE_ARN = `arn:aws:iam::${A}:role/RedshiftCopy`;
const KEY_ARN = `arn:aws:kms:us-west-2:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const TOKEN = () => Token.asString({ Ref: 'SomeParameter' });
const stack = () => new Stack(newApp(), 'S', { env: { account: A, region: 'us-west-2' } });
const role = (s: Stack, props = {}) => new RedshiftServiceRole(s, 'Role', props);
const imported = (s: Stack) => s3.Bucket.fromBucketName(s, 'B', 'my-bucket');
const alias = (s: Stack, name = 'alias/redshift-data') => kms.Alias.fromAliasName(s, 'Alias', name);
const grantSql = (options: object) => role(stack(), { roleName: 'RedshiftCopy' }).assumeRoleGrantSql(options as any);
const unload = (options: object, bucket: (s: Stack) => s3.IBucket = imported) => {
  const s = stack();
  return role(s).allowUnloadTo(bucket(s), options);
};
const unloadWith = (options: (s: Stack) => object, bucket: (s: Stack) => s3.IBucket = imported) => {
  const s = stack();
  return role(s).allowUnloadTo(bucket(s), options(s));
};
const auditLog = (options: object) => { const s = stack(); return RedshiftPermissions.allowAuditLogging(new s3.Bucket(s, 'Logs'), options); };
const msk = (clusterArn = `arn:aws:kafka:us-west-2:${A}:cluster/c/${UUID}-1`) => {
  const s = stack();
  role(s).allowMskIngestion({ clusterArn });
  return s;
};

/** Throws unless `actual` is `expected`: accepted rows that also show what was made. */
function same(actual: string, expected: string): void {
  if (actual !== expected) throw new Error(`expected ${expected}, got ${actual}`);
}

/** The resolved identity statements of the stack's role; throws unless one matches. */
function hasStatement(s: Stack, what: string, match: (statement: any) => boolean): void {
  const statements = Object.values<any>(Template.fromStack(s).findResources('AWS::IAM::Policy'))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
  if (!statements.some(match)) throw new Error(`no statement ${what} in ${JSON.stringify(statements)}`);
}

/** A kms statement on the keys of this account and Region that carry `name`. */
const throughAlias = (name: unknown) => (st: any) => JSON.stringify(st.Action).includes('kms:')
  && st.Resource === `arn:aws:kms:us-west-2:${A}:key/*`
  && JSON.stringify(st.Condition?.['ForAnyValue:StringEquals']?.['kms:ResourceAliases']) === JSON.stringify(name);

const ENCRYPTED_AUTO = (path: string) => `\`allowUnloadTo\` \`encryptedAuto\`: the default encryption of bucket '${path}' is unknown (an imported bucket without \`encryptionKey\`), `
  + 'and UNLOAD ... ENCRYPTED AUTO writes with the bucket\'s default AWS KMS key, which the role needs kms:GenerateDataKey on: '
  + 'without it UNLOAD fails at run time. Give that key as `kmsKey` (SSE-KMS), or set `s3ManagedEncryption: true` if the bucket uses Amazon S3 managed keys (SSE-S3)';
const ALIAS_NAME = (what: string, name: string) => `${what} 'S/Alias' is an alias known by its name, and KMS alias names are alias/ followed by letters, digits and /_- `
  + `(e.g. kms.Alias.fromAliasName(this, 'Key', 'alias/redshift-unload')), got: '${name}'`;
const NAME_BYTES = (prop: string, bytes: number, shown: string) =>
  `\`${prop}\` must be Redshift names of 1 to 127 bytes in UTF-8 (Amazon Redshift "Names and identifiers"), got ${bytes} bytes: '${shown}'`;
const PRINTABLE = (prop: string, shown: string) => `\`${prop}\` must be Redshift names of printable characters, without control characters `
  + `(Amazon Redshift "Names and identifiers": identifiers consist of only UTF-8 printable characters), got: '${shown}'`;
const PREFIX = (code: string, index: number, shown: string) => '`keyPrefix` must not contain spaces, double quotes, single quotes, backslashes, control characters '
  + `or characters above x7e (EnableLogging S3KeyPrefix: x00 to x20, x22, x27, x5c, x7f or larger are invalid), got ${code} at index ${index}: '${shown}'`;
const KMS_LOGS = (path: string, algorithm: string) => `[${path}] \`allowAuditLogging\`: bucket '${path}' is encrypted with AWS KMS (${algorithm}), `
  + 'but Redshift audit logging writes only to buckets encrypted with Amazon S3 managed keys (SSE-S3, AES-256); give the log bucket `encryption: s3.BucketEncryption.S3_MANAGED`';
const TWICE = (arn: string, first: string, second: string) => `\`roles\` lists the role ${arn} more than once, as '${first}' and as '${second}': `
  + 'list each role once (an imported ARN and the role it names are one role)';

/** A RedshiftServiceRole named 'LoadRole' and the same role imported by its ARN. */
const sameRoleTwice = (s: Stack) => [role(s, { roleName: 'LoadRole' }), iam.Role.fromRoleArn(s, 'Imported', `arn:aws:iam::${A}:role/LoadRole`)];
/** An S3-managed log bucket with audit logging allowed, then changed by `escapeHatch`. */
const logsThen = (s: Stack, escapeHatch: (cfn: s3.CfnBucket) => void) => {
  const bucket = new s3.Bucket(s, 'Logs', { encryption: s3.BucketEncryption.S3_MANAGED });
  RedshiftPermissions.allowAuditLogging(bucket);
  escapeHatch(bucket.node.defaultChild as s3.CfnBucket);
};

/** [what, the call, the exact error message] */
export const ERRORS: Array<[string, () => unknown, string]> = [
  // item 3: UNLOAD ... ENCRYPTED AUTO into a bucket whose key is unknown
  ['allowUnloadTo encryptedAuto: an imported bucket without its key', () => unload({ encryptedAuto: true }), ENCRYPTED_AUTO('S/B')],
  ['allowUnloadTo encryptedAuto: an imported bucket named by a Token, without its key', () => unload({ encryptedAuto: true }, (s) => s3.Bucket.fromBucketName(s, 'T', TOKEN())),
    ENCRYPTED_AUTO('S/T')],
  ['allowUnloadTo s3ManagedEncryption: without encryptedAuto', () => unload({ s3ManagedEncryption: true }),
    '`allowUnloadTo` `s3ManagedEncryption` describes the bucket\'s default encryption for UNLOAD ... ENCRYPTED AUTO, and `encryptedAuto` is not set '
    + '(bucket \'S/B\'): set `encryptedAuto: true` too, or leave `s3ManagedEncryption` out'],
  ['allowUnloadTo s3ManagedEncryption: with kmsKey', () => unloadWith((s) => ({ encryptedAuto: true, s3ManagedEncryption: true, kmsKey: kms.Key.fromKeyArn(s, 'K', KEY_ARN) })),
    '`allowUnloadTo` `s3ManagedEncryption` says bucket \'S/B\' uses Amazon S3 managed keys (SSE-S3), but `kmsKey` names the AWS KMS key \'S/K\': '
    + 'with ENCRYPTED AUTO the files are written with the bucket\'s default key, so give one or the other'],
  ['allowUnloadTo s3ManagedEncryption: a bucket with a KMS key', () => unload({ encryptedAuto: true, s3ManagedEncryption: true },
    (s) => new s3.Bucket(s, 'Encrypted', { encryption: s3.BucketEncryption.KMS })),
  '`allowUnloadTo` `s3ManagedEncryption` says bucket \'S/Encrypted\' uses Amazon S3 managed keys (SSE-S3), but the bucket\'s `encryptionKey` names the AWS KMS key \'S/Encrypted/Key\': '
    + 'with ENCRYPTED AUTO the files are written with the bucket\'s default key, so give one or the other'],
  // item 4: a key given as an alias name
  ['allowUnloadTo kmsKey: an alias name without alias/', () => unloadWith((s) => ({ kmsKey: alias(s, 'redshift-data') })),
    ALIAS_NAME('`allowUnloadTo` `kmsKey`: the key', 'redshift-data')],
  ['allowSpectrum catalogKey: an alias ARN as an alias name', () => { const s = stack(); role(s).allowSpectrum({ databases: ['spectrumdb'], catalogKey: alias(s, `arn:aws:kms:us-west-2:${A}:alias/glue`) }); },
    ALIAS_NAME('`allowSpectrum` `catalogKey`: the key', `arn:aws:kms:us-west-2:${A}:alias/glue`)],
  ['allowCreateModel kmsKey: an alias name with a space', () => { const s = stack(); role(s).allowCreateModel({ bucket: imported(s), kmsKey: alias(s, 'alias/ml key') }); },
    ALIAS_NAME('`allowCreateModel` `kmsKey`: the key', 'alias/ml key')],
  // item 5: GRANT ASSUMEROLE names
  ['assumeRoleGrantSql users: 128 bytes (64 two-byte letters)', () => grantSql({ users: ['é'.repeat(64)] }), NAME_BYTES('users', 128, 'é'.repeat(64))],
  ['assumeRoleGrantSql users: 128 ASCII characters', () => grantSql({ users: ['u'.repeat(128)] }), NAME_BYTES('users', 128, 'u'.repeat(128))],
  ['assumeRoleGrantSql groups: an empty name', () => grantSql({ groups: [''] }), NAME_BYTES('groups', 0, '')],
  ['assumeRoleGrantSql roles: a line feed', () => grantSql({ roles: ['etl\nrole'] }), PRINTABLE('roles', 'etl\\x0arole')],
  ['assumeRoleGrantSql users: a NUL', () => grantSql({ users: ['a\u0000b'] }), PRINTABLE('users', 'a\\x00b')],
  ['assumeRoleGrantSql users: "public" quoted or not is PUBLIC', () => grantSql({ users: ['Public'] }),
    '`users` lists \'Public\', which GRANT reads as PUBLIC (every user): name the users, groups or roles that may use the IAM role'],
  // item 9: the audit log prefix (EnableLogging S3KeyPrefix)
  ['allowAuditLogging keyPrefix: a space', () => auditLog({ keyPrefix: 'audit logs/' }), PREFIX('x20', 5, 'audit logs/')],
  ['allowAuditLogging keyPrefix: a double quote', () => auditLog({ keyPrefix: 'audit"logs/' }), PREFIX('x22', 5, 'audit"logs/')],
  ['allowAuditLogging keyPrefix: a single quote', () => auditLog({ keyPrefix: "o'brien/" }), PREFIX('x27', 1, "o'brien/")],
  ['allowAuditLogging keyPrefix: a backslash', () => auditLog({ keyPrefix: 'audit\\logs/' }), PREFIX('x5c', 5, 'audit\\logs/')],
  ['allowAuditLogging keyPrefix: a tab', () => auditLog({ keyPrefix: 'audit\tlogs/' }), PREFIX('x09', 5, 'audit\\x09logs/')],
  ['allowAuditLogging keyPrefix: DEL', () => auditLog({ keyPrefix: 'audit\u007flogs/' }), PREFIX('x7f', 5, 'audit\\x7flogs/')],
  ['allowAuditLogging keyPrefix: a letter above x7e', () => auditLog({ keyPrefix: 'journal-é/' }), PREFIX('xe9', 8, 'journal-é/')],
  // item 10: one role twice in one association, once by its imported ARN
  ['ClusterRoleAssociation roles: a role and its imported ARN', () => { const s = stack(); return new ClusterRoleAssociation(s, 'Assoc', { clusterIdentifier: 'c1', roles: sameRoleTwice(s) }); },
    TWICE(`arn:aws:iam::${A}:role/LoadRole`, 'S/Role', 'S/Imported')],
  ['ClusterRoleAssociation roles: an imported ARN, then the iam.Role it names', () => {
    const s = stack();
    const named = new iam.Role(s, 'Plain', { roleName: 'PlainRole', assumedBy: new iam.ServicePrincipal('redshift.amazonaws.com') });
    return new ClusterRoleAssociation(s, 'Assoc', { clusterIdentifier: 'c1', roles: [iam.Role.fromRoleArn(s, 'Arn', `arn:aws:iam::${A}:role/PlainRole`), named] });
  }, TWICE(`arn:aws:iam::${A}:role/PlainRole`, 'S/Arn', 'S/Plain')],
  ['ClusterRoleAssociation roles: a role and its ARN Token', () => {
    const s = stack();
    const unnamed = new iam.Role(s, 'Unnamed', { assumedBy: new iam.ServicePrincipal('redshift.amazonaws.com') });
    return new ClusterRoleAssociation(s, 'Assoc', { clusterIdentifier: 'c1', roles: [unnamed, iam.Role.fromRoleArn(s, 'Again', unnamed.roleArn)] });
  }, TWICE('\'S/Unnamed\'', 'S/Unnamed', 'S/Again')],
  ['NamespaceRoleAssociation roles: a role and its imported ARN', () => {
    const s = stack();
    return new NamespaceRoleAssociation(s, 'Assoc', { namespaceName: 'analytics', namespaceId: UUID, roles: [role(s, { roleName: 'LoadRole', serverless: true }), iam.Role.fromRoleArn(s, 'Imported', `arn:aws:iam::${A}:role/LoadRole`)] });
  }, TWICE(`arn:aws:iam::${A}:role/LoadRole`, 'S/Role', 'S/Imported')],
];

/** [what, the app built on a fresh stack, the error message app.synth() throws] */
export const SYNTH_ERRORS: Array<[string, (s: Stack) => unknown, string]> = [
  // item 9: the log bucket switched to SSE-KMS through an escape hatch, after allowAuditLogging
  ['allowAuditLogging: SSEAlgorithm overridden to aws:kms (addPropertyOverride)', (s) => logsThen(s, (cfn) => cfn.addPropertyOverride(
    'BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.SSEAlgorithm', 'aws:kms')), KMS_LOGS('S/Logs', 'aws:kms')],
  ['allowAuditLogging: BucketEncryption overridden to DSSE-KMS (addOverride)', (s) => logsThen(s, (cfn) => cfn.addOverride('Properties.BucketEncryption',
    { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms:dsse', KMSMasterKeyID: KEY_ARN } }] })), KMS_LOGS('S/Logs', 'aws:kms:dsse')],
  ['allowAuditLogging: an override on a bucket with no encryption property', (s) => {
    const bucket = new s3.Bucket(s, 'Logs');
    RedshiftPermissions.allowAuditLogging(bucket);
    (bucket.node.defaultChild as s3.CfnBucket).addPropertyOverride('BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.SSEAlgorithm', 'aws:kms');
  }, KMS_LOGS('S/Logs', 'aws:kms')],
  ['allowAuditLogging: the L1 property set to aws:kms after the call', (s) => logsThen(s, (cfn) => {
    cfn.bucketEncryption = { serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: { sseAlgorithm: 'aws:kms' } }] };
  }), KMS_LOGS('S/Logs', 'aws:kms')],
  // item 10: across two associations of one cluster
  ['ClusterRoleAssociation: a role in one association, its imported ARN in another of the same cluster', (s) => {
    const [named, arn] = sameRoleTwice(s);
    new ClusterRoleAssociation(s, 'One', { clusterIdentifier: 'c1', roles: [named] });
    new ClusterRoleAssociation(s, 'Two', { clusterIdentifier: 'c1', roles: [arn] });
  }, '[S/One] The associations S/One and S/Two both attach S/Role to cluster \'c1\': list each role in one association only'],
];

/** [what, the call] — valid neighbours and Tokens */
export const ACCEPTED: Array<[string, () => unknown]> = [
  // item 3
  ['allowUnloadTo encryptedAuto: an imported SSE-KMS bucket with its key as kmsKey', () => unloadWith((s) => ({ encryptedAuto: true, kmsKey: kms.Key.fromKeyArn(s, 'K', KEY_ARN) }))],
  ['allowUnloadTo encryptedAuto: an imported SSE-S3 bucket, said so', () => unload({ encryptedAuto: true, s3ManagedEncryption: true })],
  ['allowUnloadTo encryptedAuto: an imported bucket with its encryptionKey', () => unload({ encryptedAuto: true },
    (s) => s3.Bucket.fromBucketAttributes(s, 'B', { bucketName: 'my-bucket', encryptionKey: kms.Key.fromKeyArn(s, 'K', KEY_ARN) }))],
  ['allowUnloadTo encryptedAuto: a bucket this app defines (SSE-S3)', () => unload({ encryptedAuto: true }, (s) => new s3.Bucket(s, 'Unload'))],
  ['allowUnloadTo encryptedAuto: a bucket this app defines with a KMS key', () => unload({ encryptedAuto: true }, (s) => new s3.Bucket(s, 'Unload', { encryption: s3.BucketEncryption.KMS }))],
  ['allowUnloadTo encryptedAuto: the AWS managed key aws/s3 as kmsKey (an alias)', () => unloadWith((s) => ({ encryptedAuto: true, kmsKey: alias(s, 'alias/aws/s3') }))],
  ['allowUnloadTo encryptedAuto: a Token bucket, s3ManagedEncryption', () => unload({ encryptedAuto: true, s3ManagedEncryption: true }, (s) => s3.Bucket.fromBucketName(s, 'T', TOKEN()))],
  ['allowUnloadTo encryptedAuto: kmsKey with a Token ARN', () => unloadWith((s) => ({ encryptedAuto: true, kmsKey: kms.Key.fromKeyArn(s, 'K', TOKEN()) }))],
  ['allowUnloadTo: an imported bucket without its key, without encryptedAuto (as before)', () => unload({})],
  // item 4: every key a grant accepts, as an alias: granted through kms:ResourceAliases
  ['allowUnloadTo kmsKey: an imported alias', () => { const s = stack(); role(s).allowUnloadTo(imported(s), { kmsKey: alias(s) }); hasStatement(s, 'through the alias', throughAlias('alias/redshift-data')); }],
  ['allowCreateModel kmsKey: an imported alias', () => { const s = stack(); role(s).allowCreateModel({ bucket: imported(s), kmsKey: alias(s) }); hasStatement(s, 'through the alias', throughAlias('alias/redshift-data')); }],
  ['allowSpectrum catalogKey: an imported alias', () => { const s = stack(); role(s).allowSpectrum({ databases: ['spectrumdb'], catalogKey: alias(s) }); hasStatement(s, 'through the alias', throughAlias('alias/redshift-data')); }],
  ['allowStreamingIngestion: a stream whose key is an imported alias', () => {
    const s = stack();
    role(s).allowStreamingIngestion(kinesis.Stream.fromStreamAttributes(s, 'Stream', { streamArn: `arn:aws:kinesis:us-west-2:${A}:stream/s`, encryptionKey: alias(s) }));
    hasStatement(s, 'through the alias', throughAlias('alias/redshift-data'));
  }],
  ['allowFederatedQuery: a secret whose key is an imported alias', () => {
    const s = stack();
    role(s).allowFederatedQuery(secretsmanager.Secret.fromSecretAttributes(s, 'Secret', { secretCompleteArn: `arn:aws:secretsmanager:us-west-2:${A}:secret:db-AbCdEf`, encryptionKey: alias(s) }));
    hasStatement(s, 'through the alias, via Secrets Manager', (st) => throughAlias('alias/redshift-data')(st) && JSON.stringify(st.Condition.StringEquals?.['kms:ViaService']).includes('secretsmanager.us-west-2.'));
  }],
  ['allowCopyFrom: a bucket whose key is an alias ARN (kms.Key.fromKeyArn)', () => {
    const s = stack();
    role(s).allowCopyFrom(s3.Bucket.fromBucketAttributes(s, 'B', { bucketName: 'my-bucket', encryptionKey: kms.Key.fromKeyArn(s, 'K', `arn:aws:kms:us-west-2:${A}:alias/copy`) }));
    hasStatement(s, 'through the alias', throughAlias('alias/copy'));
  }],
  ['allowUnloadTo kmsKey: an alias with a known key (new kms.Alias): that key', () => {
    const s = stack();
    role(s).allowUnloadTo(imported(s), { kmsKey: new kms.Alias(s, 'A', { aliasName: 'alias/unload', targetKey: new kms.Key(s, 'Key') }) });
    hasStatement(s, 'on the key', (st) => JSON.stringify(st.Action).includes('kms:') && JSON.stringify(st.Resource).includes('Fn::GetAtt'));
  }],
  ['allowUnloadTo kmsKey: an alias name that is a Token', () => { const s = stack(); role(s).allowUnloadTo(imported(s), { kmsKey: alias(s, TOKEN()) }); hasStatement(s, 'through the alias', throughAlias({ Ref: 'SomeParameter' })); }],
  // item 5: names Redshift allows, quoted exactly when it needs it
  ['assumeRoleGrantSql: reserved words are quoted', () => same(grantSql({ users: ['select', 'USER'], groups: ['group'], roles: ['order'] }),
    `GRANT ASSUMEROLE ON '${ROLE_ARN}' TO "select", "USER", GROUP "group", ROLE "order" FOR ALL;`)],
  ['assumeRoleGrantSql: words that are not reserved are not quoted', () => same(grantSql({ users: ['start', 'connect', 'users'] }),
    `GRANT ASSUMEROLE ON '${ROLE_ARN}' TO start, connect, users FOR ALL;`)],
  ['assumeRoleGrantSql: non-ASCII letters, unquoted', () => same(grantSql({ users: ['müller', '分析者'], groups: ['équipe_1'] }),
    `GRANT ASSUMEROLE ON '${ROLE_ARN}' TO müller, 分析者, GROUP équipe_1 FOR ALL;`)],
  ['assumeRoleGrantSql: a double quote is doubled', () => same(grantSql({ roles: ['a"b'] }), `GRANT ASSUMEROLE ON '${ROLE_ARN}' TO ROLE "a""b" FOR ALL;`)],
  ['assumeRoleGrantSql users: digit first (delimited)', () => same(grantSql({ users: ['1user'] }), `GRANT ASSUMEROLE ON '${ROLE_ARN}' TO "1user" FOR ALL;`)],
  ['assumeRoleGrantSql users: a quote (delimited)', () => same(grantSql({ users: ["o'brien"] }), `GRANT ASSUMEROLE ON '${ROLE_ARN}' TO "o'brien" FOR ALL;`)],
  ['assumeRoleGrantSql users: 127 bytes', () => grantSql({ users: [`${'é'.repeat(63)}x`] })],
  ['assumeRoleGrantSql users: a Token', () => grantSql({ users: [TOKEN()] })],
  // item 6: the consumer groups of the MSK cluster
  ['allowMskIngestion: DescribeGroup and AlterGroup on the cluster\'s groups', () => hasStatement(msk(), 'on the groups', (st) =>
    JSON.stringify(st.Action) === JSON.stringify(['kafka-cluster:AlterGroup', 'kafka-cluster:DescribeGroup']) && st.Resource === `arn:aws:kafka:us-west-2:${A}:group/c/${UUID}-1/*`)],
  ['allowMskIngestion: a Token cluster ARN, groups built from its parts', () => hasStatement(msk(TOKEN()), 'on the groups', (st) => JSON.stringify(st.Action).includes('AlterGroup'))],
  // item 9
  ['allowAuditLogging keyPrefix: letters, digits and _-./=+@:', () => auditLog({ keyPrefix: 'redshift/audit_logs-2024/a=b+c@d:e.f/' })],
  ['allowAuditLogging keyPrefix: a Token', () => auditLog({ keyPrefix: TOKEN() })],
  ['allowAuditLogging: an override that keeps SSE-S3', () => { const s = stack(); logsThen(s, (cfn) => cfn.addPropertyOverride('BucketEncryption.ServerSideEncryptionConfiguration.0.BucketKeyEnabled', false)); (s.node.root as any).synth(); }],
  ['allowAuditLogging: SSE-S3 set through an override after the call', () => { const s = stack(); logsThen(s, (cfn) => cfn.addPropertyOverride('BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.SSEAlgorithm', 'AES256')); (s.node.root as any).synth(); }],
  // item 10
  ['ClusterRoleAssociation roles: a role and another role\'s ARN', () => { const s = stack(); return new ClusterRoleAssociation(s, 'Assoc', { clusterIdentifier: 'c1', roles: [role(s, { roleName: 'LoadRole' }), iam.Role.fromRoleArn(s, 'X', `arn:aws:iam::${A}:role/UnloadRole`)] }); }],
  ['ClusterRoleAssociation roles: the same name on another path', () => { const s = stack(); return new ClusterRoleAssociation(s, 'Assoc', { clusterIdentifier: 'c1', roles: [role(s, { roleName: 'LoadRole' }), iam.Role.fromRoleArn(s, 'X', `arn:aws:iam::${A}:role/team/LoadRole`)] }); }],
  ['ClusterRoleAssociation roles: a role and an imported Token ARN', () => { const s = stack(); return new ClusterRoleAssociation(s, 'Assoc', { clusterIdentifier: 'c1', roles: [role(s, { roleName: 'LoadRole' }), iam.Role.fromRoleArn(s, 'X', TOKEN())] }); }],
  ['ClusterRoleAssociation defaultRole: the role given by its imported ARN', () => {
    const s = stack();
    const [named, arn] = sameRoleTwice(s);
    return new ClusterRoleAssociation(s, 'Assoc', { clusterIdentifier: 'c1', roles: [named], defaultRole: arn });
  }],
  ['ClusterRoleAssociation: a role and its ARN on two clusters', () => {
    const s = stack();
    const [named, arn] = sameRoleTwice(s);
    new ClusterRoleAssociation(s, 'One', { clusterIdentifier: 'c1', roles: [named] });
    new ClusterRoleAssociation(s, 'Two', { clusterIdentifier: 'c2', roles: [arn] });
    (s.node.root as any).synth();
  }],
];

/** [what, the call on a fresh stack, the warning id (no prefix), the message (no ack suffix)] */
export const WARNINGS: Array<[string, (s: Stack) => unknown, string, string]> = [
  ['allowUnloadTo encryptedAuto: a bucket of another account with its key as kmsKey', (s) => role(s).allowUnloadTo(
    s3.Bucket.fromBucketAttributes(s, 'Other', { bucketName: 'their-bucket', account: B }),
    { encryptedAuto: true, kmsKey: kms.Key.fromKeyArn(s, 'K', KEY_ARN.replace(A, B)) }), 'crossAccountGrant',
  `\`allowUnloadTo\`: 'S/Other' belongs to account ${B}, the role to account ${A}: the grant works only if `
    + `the resource's own policy in ${B} also allows this role, or through a role chain into that account (ChainedRole)`],
];
