import { aws_dynamodb as dynamodb, aws_iam as iam, aws_lambda as lambda, aws_kms as kms, aws_s3 as s3, Duration, Stack, Token, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import {
  ChainedRole, ChainTrust, ClusterRoleAssociation, DatabaseUser, NamespaceRoleAssociation, RedshiftArn, RedshiftCommand,
  RedshiftPermissions, RedshiftSchedulerRole, RedshiftServiceRole, RoleChain,
} from '../src';
import * as grantCases from './bad-input-cases/grants';
import * as identityCases from './bad-input-cases/identity';
import * as lakehouseCases from './bad-input-cases/lakehouse';
import * as trustCases from './bad-input-cases/trust';
import { newApp } from './helpers/synth';

/**
 * Every public API against bad and edge input (issue 16): each bad input is a synth-time error
 * that names the prop, the rule and the value (the exact message); each valid edge input and each
 * unresolved Token is accepted.
 */

const A = '123456789012';
const UUID = '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
const TOKEN = () => Token.asString({ Ref: 'SomeParameter' });
const stack = () => new Stack(newApp(), 'S', { env: { account: A, region: 'us-west-2' } });
const role = (s = stack(), props = {}) => new RedshiftServiceRole(s, 'Role', props);
const bucket = (s: Stack) => s3.Bucket.fromBucketName(s, 'B', 'my-bucket');
const grantee = (s: Stack) => new iam.Role(s, 'Operator', { assumedBy: new iam.AccountRootPrincipal() });
const roles = (s: Stack, n: number) => Array.from({ length: n }, (_, i) => role(new Stack(s, `N${i}`, { env: { account: A, region: 'us-west-2' } })));
const policies = (_s: Stack, n: number) => Array.from({ length: n }, (_, i) => iam.ManagedPolicy.fromAwsManagedPolicyName(`Policy${i}`));
const creds = (options: object) => { const s = stack(); return RedshiftPermissions.getClusterCredentials(grantee(s), { clusterIdentifier: 'c1', dbUsers: ['u1'], ...options }); };
const withIam = (options: object) => { const s = stack(); return RedshiftPermissions.getClusterCredentialsWithIam(grantee(s), { clusterIdentifier: 'c1', ...options }); };
const manage = (options: object) => { const s = stack(); return RedshiftPermissions.manageClusters(grantee(s), { actions: ['redshift:ModifyCluster'], ...options }); };
const dataApi = (options: object) => { const s = stack(); return RedshiftPermissions.dataApi(grantee(s), options as any); };
const associate = (options: object) => { const s = stack(); return RedshiftPermissions.associateRoles(grantee(s), { clusterIdentifiers: ['c1'], roles: [role(s)], ...options }); };
const cluster = (props: object) => { const s = stack(); return new ClusterRoleAssociation(s, 'Assoc', { clusterIdentifier: 'my-cluster', roles: [role(s)], ...props }); };
const grantSql = (options: object) => role().assumeRoleGrantSql(options as any);
const integration = (options: object) => RedshiftPermissions.integrationResourcePolicy({ targetArn: `arn:aws:redshift:us-west-2:${A}:namespace:${UUID}`, sources: [`arn:aws:rds:us-west-2:${A}:cluster:aurora`], ...options });
const spectrum = (options: object) => { const s = stack(); return role(s).allowSpectrum({ databases: ['spectrumdb'], ...options }); };
const msk = (options: object) => role().allowMskIngestion({ clusterArn: `arn:aws:kafka:us-west-2:${A}:cluster/c/${UUID}-1`, ...options });
const chained = (props: object) => { const s = stack(); return new ChainedRole(s, 'B', { assumedBy: role(s), ...props }); };

const LONG = (n: number, c = 'a') => c.repeat(n);
const ACROSS = (path: string, there: string, here: string, why: string) => `\`roles\`: '${path}' is defined in ${there} and this association in ${here}, `
  + `and its ARN cannot be named across the two environments (${why}). `
  + 'Give both stacks the same concrete `env`, give the role a `roleName`, or import the role with iam.Role.fromRoleArn and its literal ARN';
const REGION_LEFT_OUT = (arn: string, region: string, regions: string) => `\`databaseUsers\` lists '${arn}', a user in ${region}, but \`regions\` trusts Redshift only in ${regions} (role 'S/Role'): `
  + `Redshift in ${region} assumes the role through redshift.${region}.amazonaws.com, so this user could never use it. Add '${region}' to \`regions\`, or remove the user`;

/** [what, the call, the exact error message] */
const ERRORS: Array<[string, () => unknown, string]> = [
  ['fromArn: not an ARN', () => DatabaseUser.fromArn('user1'),
    '`DatabaseUser.fromArn` expects arn:aws:redshift:REGION:ACCOUNT:dbuser:CLUSTER/USER, got: \'user1\''],
  ['fromArn: a cluster ARN', () => DatabaseUser.fromArn(`arn:aws:redshift:us-west-2:${A}:cluster:c1`),
    '`DatabaseUser.fromArn` expects arn:aws:redshift:REGION:ACCOUNT:dbuser:CLUSTER/USER, got: \'arn:aws:redshift:us-west-2:123456789012:cluster:c1\''],
  ['fromArn: no user', () => DatabaseUser.fromArn(`arn:aws:redshift:us-west-2:${A}:dbuser:c1`),
    '`DatabaseUser.fromArn` expects arn:aws:redshift:REGION:ACCOUNT:dbuser:CLUSTER/USER, got: \'arn:aws:redshift:us-west-2:123456789012:dbuser:c1\''],
  ['fromArn: empty user', () => DatabaseUser.fromArn(`arn:aws:redshift:us-west-2:${A}:dbuser:c1/`),
    '`DatabaseUser.fromArn` expects arn:aws:redshift:REGION:ACCOUNT:dbuser:CLUSTER/USER, got: \'arn:aws:redshift:us-west-2:123456789012:dbuser:c1/\''],
  ['fromArn: short account', () => DatabaseUser.fromArn('arn:aws:redshift:us-west-2:1234:dbuser:c1/user1'),
    '`DatabaseUser.fromArn account` must be a 12-digit AWS account ID, got: \'1234\''],
  ['fromArn: bad Region', () => DatabaseUser.fromArn(`arn:aws:redshift:uswest2:${A}:dbuser:c1/user1`),
    '`DatabaseUser.fromArn region` must be AWS Region codes such as us-west-2, us-gov-west-1 or cn-north-1, got: \'uswest2\''],
  ['fromArn: S3 service', () => DatabaseUser.fromArn(`arn:aws:s3:us-west-2:${A}:dbuser:c1/user1`),
    '`DatabaseUser.fromArn` expects arn:aws:redshift:REGION:ACCOUNT:dbuser:CLUSTER/USER, got: \'arn:aws:s3:us-west-2:123456789012:dbuser:c1/user1\''],
  ['fromArn: upper-case cluster', () => DatabaseUser.fromArn(`arn:aws:redshift:us-west-2:${A}:dbuser:C1/user1`),
    '`DatabaseUser.fromArn cluster` must be 1 to 63 lowercase letters, digits or hyphens, start with a letter, and contain no two consecutive hyphens and no trailing hyphen (Redshift cluster identifier), got: \'C1\''],
  ['fromArn: user starting with a digit', () => DatabaseUser.fromArn(`arn:aws:redshift:us-west-2:${A}:dbuser:c1/1user`),
    '`DatabaseUser.fromArn user name` must be 1 to 64 characters, start with a letter, and contain only letters, digits and _+.@- (Redshift database user name), got: \'1user\''],
  ['fromArn: user PUBLIC', () => DatabaseUser.fromArn(`arn:aws:redshift:us-west-2:${A}:dbuser:c1/public`),
    '`DatabaseUser.fromArn user name` must name a database user: PUBLIC is Redshift\'s group of every user, never a user that signs in, got: \'public\''],
  ['fromArn: wildcard user', () => DatabaseUser.fromArn(`arn:aws:redshift:us-west-2:${A}:dbuser:c1/*`),
    '`DatabaseUser.fromArn user name` must be 1 to 64 characters, start with a letter, and contain only letters, digits and _+.@- (Redshift database user name), got: \'*\''],
  ['fromArn: empty', () => DatabaseUser.fromArn(''),
    '`DatabaseUser.fromArn` expects arn:aws:redshift:REGION:ACCOUNT:dbuser:CLUSTER/USER, got: \'\''],
  ['inCluster: upper case', () => DatabaseUser.inCluster('MyCluster', 'user1'),
    '`clusterIdentifier` must be 1 to 63 lowercase letters, digits or hyphens, start with a letter, and contain no two consecutive hyphens and no trailing hyphen (Redshift cluster identifier), got: \'MyCluster\''],
  ['inCluster: underscore', () => DatabaseUser.inCluster('my_cluster', 'user1'),
    '`clusterIdentifier` must be 1 to 63 lowercase letters, digits or hyphens, start with a letter, and contain no two consecutive hyphens and no trailing hyphen (Redshift cluster identifier), got: \'my_cluster\''],
  ['inCluster: starts with a digit', () => DatabaseUser.inCluster('1cluster', 'user1'),
    '`clusterIdentifier` must be 1 to 63 lowercase letters, digits or hyphens, start with a letter, and contain no two consecutive hyphens and no trailing hyphen (Redshift cluster identifier), got: \'1cluster\''],
  ['inCluster: double hyphen', () => DatabaseUser.inCluster('my--cluster', 'user1'),
    '`clusterIdentifier` must be 1 to 63 lowercase letters, digits or hyphens, start with a letter, and contain no two consecutive hyphens and no trailing hyphen (Redshift cluster identifier), got: \'my--cluster\''],
  ['inCluster: trailing hyphen', () => DatabaseUser.inCluster('my-cluster-', 'user1'),
    '`clusterIdentifier` must be 1 to 63 lowercase letters, digits or hyphens, start with a letter, and contain no two consecutive hyphens and no trailing hyphen (Redshift cluster identifier), got: \'my-cluster-\''],
  ['inCluster: 64 characters', () => DatabaseUser.inCluster(LONG(64), 'user1'),
    '`clusterIdentifier` must be 1 to 63 lowercase letters, digits or hyphens, start with a letter, and contain no two consecutive hyphens and no trailing hyphen (Redshift cluster identifier), got: \'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\''],
  ['inCluster: empty', () => DatabaseUser.inCluster('', 'user1'),
    '`clusterIdentifier` must be 1 to 63 lowercase letters, digits or hyphens, start with a letter, and contain no two consecutive hyphens and no trailing hyphen (Redshift cluster identifier), got: \'\''],
  ['inCluster: space', () => DatabaseUser.inCluster('my cluster', 'user1'),
    '`clusterIdentifier` must be 1 to 63 lowercase letters, digits or hyphens, start with a letter, and contain no two consecutive hyphens and no trailing hyphen (Redshift cluster identifier), got: \'my cluster\''],
  ['inCluster: wildcard', () => DatabaseUser.inCluster('*', 'user1'),
    '`clusterIdentifier` must be 1 to 63 lowercase letters, digits or hyphens, start with a letter, and contain no two consecutive hyphens and no trailing hyphen (Redshift cluster identifier), got: \'*\''],
  ['inCluster user: empty', () => DatabaseUser.inCluster('c1', ''),
    '`userName` must be 1 to 64 characters, start with a letter, and contain only letters, digits and _+.@- (Redshift database user name), got: \'\''],
  ['inCluster user: digit first', () => DatabaseUser.inCluster('c1', '9lives'),
    '`userName` must be 1 to 64 characters, start with a letter, and contain only letters, digits and _+.@- (Redshift database user name), got: \'9lives\''],
  ['inCluster user: 65 characters', () => DatabaseUser.inCluster('c1', LONG(65)),
    '`userName` must be 1 to 64 characters, start with a letter, and contain only letters, digits and _+.@- (Redshift database user name), got: \'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\''],
  ['inCluster user: space', () => DatabaseUser.inCluster('c1', 'john doe'),
    '`userName` must be 1 to 64 characters, start with a letter, and contain only letters, digits and _+.@- (Redshift database user name), got: \'john doe\''],
  ['inCluster user: slash', () => DatabaseUser.inCluster('c1', 'a/b'),
    '`userName` must be 1 to 64 characters, start with a letter, and contain only letters, digits and _+.@- (Redshift database user name), got: \'a/b\''],
  ['inCluster user: quote', () => DatabaseUser.inCluster('c1', "o'brien"),
    '`userName` must be 1 to 64 characters, start with a letter, and contain only letters, digits and _+.@- (Redshift database user name), got: \'o\'brien\''],
  ['inCluster user: PUBLIC', () => DatabaseUser.inCluster('c1', 'PUBLIC'),
    '`userName` must name a database user: PUBLIC is Redshift\'s group of every user, never a user that signs in, got: \'PUBLIC\''],
  ['inCluster user: public', () => DatabaseUser.inCluster('c1', 'public'),
    '`userName` must name a database user: PUBLIC is Redshift\'s group of every user, never a user that signs in, got: \'public\''],
  ['inCluster user: wildcard', () => DatabaseUser.inCluster('c1', '*'),
    '`userName` must be 1 to 64 characters, start with a letter, and contain only letters, digits and _+.@- (Redshift database user name), got: \'*\''],
  ['inCluster user: underscore first', () => DatabaseUser.inCluster('c1', '_admin'),
    '`userName` must be 1 to 64 characters, start with a letter, and contain only letters, digits and _+.@- (Redshift database user name), got: \'_admin\''],
  ['inCluster region: spaces', () => DatabaseUser.inCluster('c1', 'user1', { region: 'us west 2' }),
    '`region` must be AWS Region codes such as us-west-2, us-gov-west-1 or cn-north-1, got: \'us west 2\''],
  ['inCluster region: upper case', () => DatabaseUser.inCluster('c1', 'user1', { region: 'US-WEST-2' }),
    '`region` must be AWS Region codes such as us-west-2, us-gov-west-1 or cn-north-1, got: \'US-WEST-2\''],
  ['inCluster region: no number', () => DatabaseUser.inCluster('c1', 'user1', { region: 'us-west' }),
    '`region` must be AWS Region codes such as us-west-2, us-gov-west-1 or cn-north-1, got: \'us-west\''],
  ['inCluster account: 11 digits', () => DatabaseUser.inCluster('c1', 'user1', { account: '12345678901' }),
    '`account` must be a 12-digit AWS account ID, got: \'12345678901\''],
  ['inCluster account: letters', () => DatabaseUser.inCluster('c1', 'user1', { account: 'abcdefghijkl' }),
    '`account` must be a 12-digit AWS account ID, got: \'abcdefghijkl\''],
  ['inCluster account: with dashes', () => DatabaseUser.inCluster('c1', 'user1', { account: '1234-5678-9012' }),
    '`account` must be a 12-digit AWS account ID, got: \'1234-5678-9012\''],
  ['inWorkgroup: a name, not the ID', () => DatabaseUser.inWorkgroup('my-workgroup', 'user1'),
    '`workgroupId` must be the Redshift Serverless workgroup ID (a UUID such as 0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b; Redshift puts the ID, not the name, in the database user ARN), got: \'my-workgroup\''],
  ['inWorkgroup: empty', () => DatabaseUser.inWorkgroup('', 'user1'),
    '`workgroupId` must be the Redshift Serverless workgroup ID (a UUID such as 0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b; Redshift puts the ID, not the name, in the database user ARN), got: \'\''],
  ['inWorkgroup: upper-case UUID', () => DatabaseUser.inWorkgroup(UUID.toUpperCase(), 'user1'),
    '`workgroupId` must be the Redshift Serverless workgroup ID (a UUID such as 0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b; Redshift puts the ID, not the name, in the database user ARN), got: \'0F1E2D3C-4B5A-6978-8A9B-0C1D2E3F4A5B\''],
  ['inWorkgroup user: digit first', () => DatabaseUser.inWorkgroup(UUID, '1user'),
    '`userName` must be 1 to 64 characters, start with a letter, and contain only letters, digits and _+.@- (Redshift database user name), got: \'1user\''],
  ['inWorkgroup user: PUBLIC', () => DatabaseUser.inWorkgroup(UUID, 'PUBLIC'),
    '`userName` must name a database user: PUBLIC is Redshift\'s group of every user, never a user that signs in, got: \'PUBLIC\''],
  ['inWorkgroup account: short', () => DatabaseUser.inWorkgroup(UUID, 'user1', { account: '1' }),
    '`account` must be a 12-digit AWS account ID, got: \'1\''],
  ['role roleName: 65 characters', () => role(stack(), { roleName: LONG(65) }),
    'Invalid roleName. The name must be a string of characters consisting of upper and lowercase alphanumeric characters with no spaces. You can also include any of the following characters: _+=,.@-. Length must be between 1 and 64 characters.'],
  ['role roleName: space', () => role(stack(), { roleName: 'my role' }),
    'Invalid roleName. The name must be a string of characters consisting of upper and lowercase alphanumeric characters with no spaces. You can also include any of the following characters: _+=,.@-. Length must be between 1 and 64 characters.'],
  ['role roleName: slash', () => role(stack(), { roleName: 'a/b' }),
    'Invalid roleName. The name must be a string of characters consisting of upper and lowercase alphanumeric characters with no spaces. You can also include any of the following characters: _+=,.@-. Length must be between 1 and 64 characters.'],
  ['role roleName: empty', () => role(stack(), { roleName: '' }),
    '`roleName` must be 1 to 64 letters, digits or _+=,.@- (IAM role name): leave it out to have one generated, got: \'\''],
  ['role path: no leading slash', () => role(stack(), { path: 'redshift/' }),
    'Role path must be either a slash or valid characters (alphanumerics and symbols) surrounded by slashes. Valid characters are unicode characters in [\\u0021-\\u007F]. However, redshift/ is provided.'],
  ['role path: no trailing slash', () => role(stack(), { path: '/redshift' }),
    'Role path must be either a slash or valid characters (alphanumerics and symbols) surrounded by slashes. Valid characters are unicode characters in [\\u0021-\\u007F]. However, /redshift is provided.'],
  ['role path: 513 characters', () => role(stack(), { path: `/${LONG(511)}/` }),
    'Role path must be between 1 and 512 characters. The provided role path is 513 characters.'],
  ['role path: space', () => role(stack(), { path: '/red shift/' }),
    'Role path must be either a slash or valid characters (alphanumerics and symbols) surrounded by slashes. Valid characters are unicode characters in [\\u0021-\\u007F]. However, /red shift/ is provided.'],
  ['role regions: empty list', () => role(stack(), { regions: [] }),
    '`regions` must list at least one AWS Region: leave it out to trust Redshift in every Region'],
  ['role regions: spaces', () => role(stack(), { regions: ['us west 2'] }),
    '`regions` must be AWS Region codes such as us-west-2, us-gov-west-1 or cn-north-1, got: \'us west 2\''],
  ['role regions: upper case', () => role(stack(), { regions: ['US-EAST-1'] }),
    '`regions` must be AWS Region codes such as us-west-2, us-gov-west-1 or cn-north-1, got: \'US-EAST-1\''],
  ['role regions: availability zone', () => role(stack(), { regions: ['us-east-1a'] }),
    '`regions` must be AWS Region codes such as us-west-2, us-gov-west-1 or cn-north-1, got: \'us-east-1a\''],
  ['role regions: twice', () => role(stack(), { regions: ['us-east-1', 'us-east-1'] }),
    '`regions` lists \'us-east-1\' more than once'],
  ['role regions: with serverless', () => role(stack(), { regions: ['us-east-1'], serverless: true }),
    '`regions` cannot be combined with `serverless`: Redshift Serverless assumes roles through the global redshift-serverless.amazonaws.com principal, so a Region restriction would not hold. Restrict a Serverless role with `databaseUsers` instead.'],
  ['role regions: wildcard', () => role(stack(), { regions: ['*'] }),
    '`regions` must be AWS Region codes such as us-west-2, us-gov-west-1 or cn-north-1, got: \'*\''],
  ['role externalIds: one character', () => role(stack(), { externalIds: ['x'] }),
    '`externalIds` values must be 2 to 1,224 characters long (STS ExternalId), got 1 characters: \'x\''],
  ['role externalIds: 1,225 characters', () => role(stack(), { externalIds: [LONG(1225)] }),
    '`externalIds` values must be 2 to 1,224 characters long (STS ExternalId), got 1225 characters: \'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...\''],
  ['role externalIds: space', () => role(stack(), { externalIds: ['a b'] }),
    '`externalIds` values may contain only letters, digits and _+=,.@:/- (STS ExternalId), got: \'a b\''],
  ['role externalIds: quote', () => role(stack(), { externalIds: ['a"b'] }),
    '`externalIds` values may contain only letters, digits and _+=,.@:/- (STS ExternalId), got: \'a"b\''],
  ['role externalIds: twice', () => role(stack(), { externalIds: ['abc', 'abc'] }),
    '`externalIds` lists \'abc\' more than once (role \'S/Role\')'],
  ['role externalIds: wildcard', () => role(stack(), { externalIds: ['ab*'] }),
    '`externalIds` values may contain only letters, digits and _+=,.@:/- (STS ExternalId), got: \'ab*\''],
  ['role databaseUsers: the same user twice', () => role(stack(), { databaseUsers: [DatabaseUser.inCluster('c1', 'u1'), DatabaseUser.inCluster('c1', 'u1')] }),
    '`databaseUsers` lists \'arn:aws:redshift:us-west-2:123456789012:dbuser:c1/u1\' more than once (role \'S/Role\')'],
  ['role databaseUsers: the same user twice, in an environment-agnostic stack', () => role(new Stack(newApp(), 'S'), { databaseUsers: [DatabaseUser.inCluster('c1', 'u1'), DatabaseUser.inCluster('c1', 'u1')] }),
    '`databaseUsers` lists \'<stack-region>:<stack-account>:c1/u1\' more than once (role \'S/Role\')'],
  ['role databaseUsers: one user as inCluster and as fromArn', () => role(stack(), { databaseUsers: [DatabaseUser.inCluster('c1', 'u1'), DatabaseUser.fromArn(`arn:aws:redshift:us-west-2:${A}:dbuser:c1/u1`)] }),
    '`databaseUsers` lists \'arn:aws:redshift:us-west-2:123456789012:dbuser:c1/u1\' more than once (role \'S/Role\')'],
  ['role databaseUsers: one user as fromArn and as inCluster with its Region and account', () => role(stack(), { databaseUsers: [DatabaseUser.fromArn(`arn:aws:redshift:us-east-1:${A}:dbuser:c1/u1`), DatabaseUser.inCluster('c1', 'u1', { region: 'us-east-1', account: A })] }),
    '`databaseUsers` lists \'arn:aws:redshift:us-east-1:123456789012:dbuser:c1/u1\' more than once (role \'S/Role\')'],
  ['role regions: leaves out the Region of a database user (stack Region)', () => role(stack(), { regions: ['us-east-1'], databaseUsers: [DatabaseUser.inCluster('c1', 'u1')] }),
    REGION_LEFT_OUT('arn:aws:redshift:us-west-2:123456789012:dbuser:c1/u1', 'us-west-2', 'us-east-1')],
  ['role regions: leaves out the Region of a database user (fromArn)', () => role(stack(), { regions: ['us-west-2', 'us-east-1'], databaseUsers: [DatabaseUser.fromArn(`arn:aws:redshift:eu-west-1:${A}:dbuser:c1/u1`)] }),
    REGION_LEFT_OUT('arn:aws:redshift:eu-west-1:123456789012:dbuser:c1/u1', 'eu-west-1', 'us-west-2, us-east-1')],
  ['role regions: addDatabaseUser in a Region left out', () => role(stack(), { regions: ['us-west-2'] }).addDatabaseUser(DatabaseUser.inCluster('c1', 'u1', { region: 'eu-west-1' })),
    REGION_LEFT_OUT('arn:aws:redshift:eu-west-1:123456789012:dbuser:c1/u1', 'eu-west-1', 'us-west-2')],
  ['fromArn: Serverless with the workgroup name', () => DatabaseUser.fromArn(`arn:aws:redshift:us-west-2:${A}:dbuser:serverless-${A}-my-workgroup/u1`),
    `\`DatabaseUser.fromArn\` for Redshift Serverless expects the cluster part serverless-ACCOUNT-WORKGROUPID, where WORKGROUPID is the workgroup's ID (a UUID; Redshift puts the ID, not the name, in the database user ARN), got: 'arn:aws:redshift:us-west-2:${A}:dbuser:serverless-${A}-my-workgroup/u1'`],
  ['fromArn: Serverless without the account', () => DatabaseUser.fromArn(`arn:aws:redshift:us-west-2:${A}:dbuser:serverless-${UUID}/u1`),
    `\`DatabaseUser.fromArn\` for Redshift Serverless expects the cluster part serverless-ACCOUNT-WORKGROUPID, where WORKGROUPID is the workgroup's ID (a UUID; Redshift puts the ID, not the name, in the database user ARN), got: 'arn:aws:redshift:us-west-2:${A}:dbuser:serverless-${UUID}/u1'`],
  ['fromArn: Serverless with another account inside', () => DatabaseUser.fromArn(`arn:aws:redshift:us-west-2:${A}:dbuser:serverless-210987654321-${UUID}/u1`),
    `\`DatabaseUser.fromArn\` for Redshift Serverless expects the account in serverless-ACCOUNT-WORKGROUPID to be the ARN's account ${A} (Redshift sends the workgroup's own account in both places), got '210987654321' in: 'arn:aws:redshift:us-west-2:${A}:dbuser:serverless-210987654321-${UUID}/u1'`],
  ['role managedPolicies: 11', () => role(stack(), { managedPolicies: policies(stack(), 11) }),
    '`managedPolicies` must hold at most 10 policies (IAM\'s default quota of managed policies per role; raise it in Service Quotas and attach the rest later), got 11'],
  ['role managedPolicies: 20', () => role(stack(), { managedPolicies: policies(stack(), 20) }),
    '`managedPolicies` must hold at most 10 policies (IAM\'s default quota of managed policies per role; raise it in Service Quotas and attach the rest later), got 20'],
  ['addExternalId: one character', () => role().addExternalId('x'),
    '`externalIds` values must be 2 to 1,224 characters long (STS ExternalId), got 1 characters: \'x\''],
  ['addExternalId: space', () => role().addExternalId('a b'),
    '`externalIds` values may contain only letters, digits and _+=,.@:/- (STS ExternalId), got: \'a b\''],
  ['addExternalId: twice', () => (() => { const r = role(); r.addExternalId('abc'); r.addExternalId('abc'); })(),
    '`externalIds` lists \'abc\' more than once (role \'S/Role\')'],
  ['allowCopyFrom keyPrefix: empty', () => (() => { const s = stack(); role(s).allowCopyFrom(bucket(s), { keyPrefix: '' }); })(),
    '`allowCopyFrom keyPrefix` must not be empty: leave it out to grant the whole bucket'],
  ['allowCopyFrom keyPrefix: leading slash', () => (() => { const s = stack(); role(s).allowCopyFrom(bucket(s), { keyPrefix: '/in/' }); })(),
    '`allowCopyFrom keyPrefix` must not start with \'/\': S3 keys have no leading slash, so the grant would match nothing (use \'in/\'), got: \'/in/\''],
  ['allowCopyFrom keyPrefix: wildcard *', () => (() => { const s = stack(); role(s).allowCopyFrom(bucket(s), { keyPrefix: 'in/*' }); })(),
    '`allowCopyFrom keyPrefix` must not contain the IAM wildcards \'*\' or \'?\': the prefix is matched literally and the grant adds the trailing \'*\' itself, got: \'in/*\''],
  ['allowCopyFrom keyPrefix: wildcard ?', () => (() => { const s = stack(); role(s).allowCopyFrom(bucket(s), { keyPrefix: 'in/?' }); })(),
    '`allowCopyFrom keyPrefix` must not contain the IAM wildcards \'*\' or \'?\': the prefix is matched literally and the grant adds the trailing \'*\' itself, got: \'in/?\''],
  ['allowCopyFrom keyPrefix: policy variable', () => (() => { const s = stack(); role(s).allowCopyFrom(bucket(s), { keyPrefix: '${aws:username}/' }); })(),
    '`allowCopyFrom keyPrefix` must not contain an IAM policy variable (\'${...}\'), got: \'${aws:username}/\''],
  ['allowCopyFrom keyPrefix: 1,025 bytes', () => (() => { const s = stack(); role(s).allowCopyFrom(bucket(s), { keyPrefix: LONG(1025) }); })(),
    '`allowCopyFrom keyPrefix` must be at most 1,024 bytes in UTF-8 (the S3 key length limit), got 1025'],
  ['allowCopyFrom keyPrefix: 513 two-byte characters', () => (() => { const s = stack(); role(s).allowCopyFrom(bucket(s), { keyPrefix: LONG(513, 'é') }); })(),
    '`allowCopyFrom keyPrefix` must be at most 1,024 bytes in UTF-8 (the S3 key length limit), got 1026'],
  ['allowUnloadTo keyPrefix: empty', () => (() => { const s = stack(); role(s).allowUnloadTo(bucket(s), { keyPrefix: '' }); })(),
    '`allowUnloadTo keyPrefix` must not be empty: leave it out to grant the whole bucket'],
  ['allowUnloadTo keyPrefix: leading slash', () => (() => { const s = stack(); role(s).allowUnloadTo(bucket(s), { keyPrefix: '/out/' }); })(),
    '`allowUnloadTo keyPrefix` must not start with \'/\': S3 keys have no leading slash, so the grant would match nothing (use \'out/\'), got: \'/out/\''],
  ['allowUnloadTo keyPrefix: wildcard', () => (() => { const s = stack(); role(s).allowUnloadTo(bucket(s), { keyPrefix: 'out/*/x' }); })(),
    '`allowUnloadTo keyPrefix` must not contain the IAM wildcards \'*\' or \'?\': the prefix is matched literally and the grant adds the trailing \'*\' itself, got: \'out/*/x\''],
  ['allowUnloadTo keyPrefix: 2,000 bytes', () => (() => { const s = stack(); role(s).allowUnloadTo(bucket(s), { keyPrefix: LONG(2000) }); })(),
    '`allowUnloadTo keyPrefix` must be at most 1,024 bytes in UTF-8 (the S3 key length limit), got 2000'],
  ['allowCreateLibraryFrom keyPrefix: empty', () => (() => { const s = stack(); role(s).allowCreateLibraryFrom(bucket(s), { keyPrefix: '' }); })(),
    '`allowCreateLibraryFrom keyPrefix` must not be empty: leave it out to grant the whole bucket'],
  ['allowCreateLibraryFrom keyPrefix: leading slash', () => (() => { const s = stack(); role(s).allowCreateLibraryFrom(bucket(s), { keyPrefix: '/lib/' }); })(),
    '`allowCreateLibraryFrom keyPrefix` must not start with \'/\': S3 keys have no leading slash, so the grant would match nothing (use \'lib/\'), got: \'/lib/\''],
  ['allowCreateLibraryFrom keyPrefix: wildcard', () => (() => { const s = stack(); role(s).allowCreateLibraryFrom(bucket(s), { keyPrefix: 'lib*' }); })(),
    '`allowCreateLibraryFrom keyPrefix` must not contain the IAM wildcards \'*\' or \'?\': the prefix is matched literally and the grant adds the trailing \'*\' itself, got: \'lib*\''],
  ['allowCreateModel keyPrefix: leading slash', () => (() => { const s = stack(); role(s).allowCreateModel({ bucket: bucket(s), keyPrefix: '/ml/' }); })(),
    '`allowCreateModel keyPrefix` must not start with \'/\': S3 keys have no leading slash, so the grant would match nothing (use \'ml/\'), got: \'/ml/\''],
  ['allowCreateModel keyPrefix: wildcard', () => (() => { const s = stack(); role(s).allowCreateModel({ bucket: bucket(s), keyPrefix: 'ml/*' }); })(),
    '`allowCreateModel keyPrefix` must not contain the IAM wildcards \'*\' or \'?\': the prefix is matched literally and the grant adds the trailing \'*\' itself, got: \'ml/*\''],
  ['allowCopyFromEmrCluster: lower case', () => role().allowCopyFromEmrCluster('j-abc'),
    '`emrClusterId` must be an Amazon EMR cluster ID such as j-2AXXXXXXGAPLF, got: \'j-abc\''],
  ['allowCopyFromEmrCluster: no j-', () => role().allowCopyFromEmrCluster('2AXXXXXXGAPLF'),
    '`emrClusterId` must be an Amazon EMR cluster ID such as j-2AXXXXXXGAPLF, got: \'2AXXXXXXGAPLF\''],
  ['allowCopyFromEmrCluster: empty', () => role().allowCopyFromEmrCluster(''),
    '`emrClusterId` must be an Amazon EMR cluster ID such as j-2AXXXXXXGAPLF, got: \'\''],
  ['allowCopyFromEmrCluster: wildcard', () => role().allowCopyFromEmrCluster('j-*'),
    '`emrClusterId` must be an Amazon EMR cluster ID such as j-2AXXXXXXGAPLF, got: \'j-*\''],
  ['allowCopyFromEmrCluster: an ARN', () => role().allowCopyFromEmrCluster(`arn:aws:elasticmapreduce:us-west-2:${A}:cluster/j-2AXXXXXXGAPLF`),
    '`emrClusterId` must be an Amazon EMR cluster ID such as j-2AXXXXXXGAPLF, got: \'arn:aws:elasticmapreduce:us-west-2:123456789012:cluster/j-2AXXXXXXGAPLF\''],
  ['allowInvokeSageMakerEndpoint: underscore', () => role().allowInvokeSageMakerEndpoint('my_endpoint'),
    '`endpointName` must be a SageMaker endpoint name of 1 to 63 letters, digits or hyphens, starting and ending with a letter or digit, got: \'my_endpoint\''],
  ['allowInvokeSageMakerEndpoint: trailing hyphen', () => role().allowInvokeSageMakerEndpoint('endpoint-'),
    '`endpointName` must be a SageMaker endpoint name of 1 to 63 letters, digits or hyphens, starting and ending with a letter or digit, got: \'endpoint-\''],
  ['allowInvokeSageMakerEndpoint: 64 characters', () => role().allowInvokeSageMakerEndpoint(LONG(64)),
    '`endpointName` must be a SageMaker endpoint name of 1 to 63 letters, digits or hyphens, starting and ending with a letter or digit, got: \'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\''],
  ['allowInvokeSageMakerEndpoint: empty', () => role().allowInvokeSageMakerEndpoint(''),
    '`endpointName` must be a SageMaker endpoint name of 1 to 63 letters, digits or hyphens, starting and ending with a letter or digit, got: \'\''],
  ['allowInvokeSageMakerEndpoint: wildcard', () => role().allowInvokeSageMakerEndpoint('*'),
    '`endpointName` must be a SageMaker endpoint name of 1 to 63 letters, digits or hyphens, starting and ending with a letter or digit, got: \'*\''],
  ['allowSpectrum databases: empty', () => spectrum({ databases: [] }),
    '`databases` must list at least one AWS Glue database'],
  ['allowSpectrum databases: upper case', () => spectrum({ databases: ['SpectrumDb'] }),
    '`databases` must be AWS Glue database names of 1 to 255 lowercase letters, digits, underscores or hyphens, got: \'SpectrumDb\''],
  ['allowSpectrum databases: wildcard', () => spectrum({ databases: ['*'] }),
    '`databases` must be AWS Glue database names of 1 to 255 lowercase letters, digits, underscores or hyphens, got: \'*\''],
  ['allowSpectrum databases: space', () => spectrum({ databases: ['my db'] }),
    '`databases` must be AWS Glue database names of 1 to 255 lowercase letters, digits, underscores or hyphens, got: \'my db\''],
  ['allowSpectrum databases: twice', () => spectrum({ databases: ['db', 'db'] }),
    '`databases` lists \'db\' more than once'],
  ['allowSpectrum catalogAccount: short', () => spectrum({ catalogAccount: '123' }),
    '`catalogAccount` must be a 12-digit AWS account ID, got: \'123\''],
  ['allowSpectrum catalogRegion: spaces', () => spectrum({ catalogRegion: 'us west 2' }),
    '`catalogRegion` must be AWS Region codes such as us-west-2, us-gov-west-1 or cn-north-1, got: \'us west 2\''],
  ['allowSpectrum dataLocations keyPrefix: leading slash', () => (() => { const s = stack(); role(s).allowSpectrum({ databases: ['db'], dataLocations: [{ bucket: bucket(s), keyPrefix: '/x/' }] }); })(),
    '`dataLocations keyPrefix` must not start with \'/\': S3 keys have no leading slash, so the grant would match nothing (use \'x/\'), got: \'/x/\''],
  ['allowMskIngestion clusterArn: not MSK', () => msk({ clusterArn: `arn:aws:kinesis:us-west-2:${A}:stream/s` }),
    '`clusterArn` must be an Amazon MSK cluster ARN such as arn:aws:kafka:us-east-1:123456789012:cluster/MyCluster/abcdefab-1234-abcd-5678-cdef0123ab01-2, got: \'arn:aws:kinesis:us-west-2:123456789012:stream/s\''],
  ['allowMskIngestion clusterArn: a name', () => msk({ clusterArn: 'my-cluster' }),
    '`clusterArn` must be an Amazon MSK cluster ARN such as arn:aws:kafka:us-east-1:123456789012:cluster/MyCluster/abcdefab-1234-abcd-5678-cdef0123ab01-2, got: \'my-cluster\''],
  ['allowMskIngestion topics: empty', () => msk({ topics: [] }),
    '`topics` must list at least one topic: leave it out to allow every topic of the cluster'],
  ['allowMskIngestion topics: wildcard', () => msk({ topics: ['orders*'] }),
    '`topics` must be Apache Kafka topic names of 1 to 249 letters, digits, dots, underscores or hyphens (no wildcards: leave `topics` out for every topic), got: \'orders*\''],
  ['allowMskIngestion topics: space', () => msk({ topics: ['my topic'] }),
    '`topics` must be Apache Kafka topic names of 1 to 249 letters, digits, dots, underscores or hyphens (no wildcards: leave `topics` out for every topic), got: \'my topic\''],
  ['allowMskIngestion topics: 250 characters', () => msk({ topics: [LONG(250)] }),
    '`topics` must be Apache Kafka topic names of 1 to 249 letters, digits, dots, underscores or hyphens (no wildcards: leave `topics` out for every topic), got: \'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\''],
  ['assumeRoleGrantSql: nobody', () => grantSql({}),
    'assumeRoleGrantSql needs at least one of `users`, `groups` or `roles`: GRANT ASSUMEROLE names who may use the IAM role'],
  ['assumeRoleGrantSql users: empty', () => grantSql({ users: [] }),
    '`users` must list at least one user: leave it out instead'],
  ['assumeRoleGrantSql groups: empty', () => grantSql({ groups: [] }),
    '`groups` must list at least one group: leave it out instead'],
  ['assumeRoleGrantSql users: PUBLIC', () => grantSql({ users: ['PUBLIC'] }),
    '`users` lists \'PUBLIC\', which GRANT reads as PUBLIC (every user): name the users, groups or roles that may use the IAM role'],
  ['assumeRoleGrantSql commands: empty', () => grantSql({ users: ['u1'], commands: [] }),
    '`commands` must list at least one RedshiftCommand: leave it out for RedshiftCommand.ALL'],
  ['assumeRoleGrantSql commands: ALL with COPY', () => grantSql({ users: ['u1'], commands: [RedshiftCommand.ALL, RedshiftCommand.COPY] }),
    '`commands` lists RedshiftCommand.ALL with other commands (COPY): ALL already covers them'],
  ['assumeRoleGrantSql commands: unknown', () => grantSql({ users: ['u1'], commands: ['DROP'] }),
    '`commands` must be RedshiftCommand values (ALL, COPY, UNLOAD, EXTERNAL_FUNCTION, CREATE_MODEL), got: \'DROP\''],
  ['ChainedRole trust: unknown', () => chained({ trust: 'ANYONE' as ChainTrust }),
    '`trust` must be ChainTrust.ROLE or ChainTrust.ACCOUNT, got: \'ANYONE\''],
  ['ChainedRole roleName: 65 characters', () => chained({ roleName: LONG(65) }),
    'Invalid roleName. The name must be a string of characters consisting of upper and lowercase alphanumeric characters with no spaces. You can also include any of the following characters: _+=,.@-. Length must be between 1 and 64 characters.'],
  ['ChainedRole: the 11th role', () => (() => { const s = stack(); let p: iam.IRole = role(s); for (let i = 1; i <= 10; i++) p = new ChainedRole(s, `H${i}`, { assumedBy: p }); })(),
    'ChainedRole \'S/H10\' would make a chain of 11 roles; Redshift\'s IAM_ROLE parameter takes at most 10'],
  ['RoleChain.of: empty', () => RoleChain.of([]),
    'A role chain needs at least one role'],
  ['RoleChain.of: 11 roles', () => (() => { const s = stack(); return RoleChain.of(Array.from({ length: 11 }, (_, i) => iam.Role.fromRoleArn(s, `R${i}`, `arn:aws:iam::${A}:role/R${i}`))); })(),
    'A role chain can hold at most 10 roles (Redshift\'s IAM_ROLE limit), got 11'],
  ['RoleChain.of: a role twice', () => (() => { const s = stack(); const r = role(s); return RoleChain.of([r, r]); })(),
    '`roles` lists the role \'S/Role\' more than once: a role chain never repeats a role'],
  ['RoleChain.of: next role does not trust the previous one', () => (() => { const s = stack(); const a = role(s, { roleName: 'A' }); const c = new RedshiftServiceRole(s, 'C', { roleName: 'C' }); const b = new ChainedRole(s, 'B', { assumedBy: c, roleName: 'B' }); return RoleChain.of([a, b]); })(),
    '`roles` puts \'S/Role\' before ChainedRole \'S/B\', but that role trusts \'S/C\''],
  ['RoleChain.fromRoleArns: empty', () => RoleChain.fromRoleArns([]),
    'A role chain needs at least one role'],
  ['RoleChain.fromRoleArns: not an ARN', () => RoleChain.fromRoleArns(['RoleA']),
    'A role chain holds IAM role ARNs such as arn:aws:iam::123456789012:role/RoleA, got: \'RoleA\''],
  ['RoleChain.fromRoleArns: a user ARN', () => RoleChain.fromRoleArns([`arn:aws:iam::${A}:user/bob`]),
    'A role chain holds IAM role ARNs such as arn:aws:iam::123456789012:role/RoleA, got: \'arn:aws:iam::123456789012:user/bob\''],
  ['RoleChain.fromRoleArns: spaces', () => RoleChain.fromRoleArns([`arn:aws:iam::${A}:role/A, arn:aws:iam::${A}:role/B`]),
    'A role chain ARN must not contain spaces or quotes (the chain is one quoted, comma-separated string), got: \'arn:aws:iam::123456789012:role/A, arn:aws:iam::123456789012:role/B\''],
  ['RoleChain.fromRoleArns: twice', () => RoleChain.fromRoleArns([`arn:aws:iam::${A}:role/A`, `arn:aws:iam::${A}:role/A`]),
    '`roles` lists \'arn:aws:iam::123456789012:role/A\' more than once: a role chain never repeats a role'],
  ['RoleChain.fromRoleArns: 11', () => RoleChain.fromRoleArns(Array.from({ length: 11 }, (_, i) => `arn:aws:iam::${A}:role/R${i}`)),
    'A role chain can hold at most 10 roles (Redshift\'s IAM_ROLE limit), got 11'],
  ['RedshiftArn.cluster: upper case', () => RedshiftArn.cluster(stack(), 'Bad_Cluster'),
    '`clusterIdentifier` must be 1 to 63 lowercase letters, digits or hyphens, start with a letter, and contain no two consecutive hyphens and no trailing hyphen (Redshift cluster identifier), got: \'Bad_Cluster\''],
  ['RedshiftArn.cluster: bad Region', () => RedshiftArn.cluster(stack(), 'c1', { region: 'mars-1' }),
    '`region` must be AWS Region codes such as us-west-2, us-gov-west-1 or cn-north-1, got: \'mars-1\''],
  ['RedshiftArn.cluster: bad account', () => RedshiftArn.cluster(stack(), 'c1', { account: '42' }),
    '`account` must be a 12-digit AWS account ID, got: \'42\''],
  ['RedshiftArn.dbUser: digit first', () => RedshiftArn.dbUser(stack(), 'c1', '1user'),
    '`userName` must be 1 to 64 characters, start with a letter, and contain only letters, digits and _+.@- (Redshift database user name), got: \'1user\''],
  ['RedshiftArn.dbUser: bad cluster', () => RedshiftArn.dbUser(stack(), 'C1', 'u1'),
    '`clusterIdentifier` must be 1 to 63 lowercase letters, digits or hyphens, start with a letter, and contain no two consecutive hyphens and no trailing hyphen (Redshift cluster identifier), got: \'C1\''],
  ['RedshiftArn.dbName: digit first', () => RedshiftArn.dbName(stack(), 'c1', '1db'),
    '`databaseName` must be a database name of up to 127 letters, digits, _ or $, not starting with a digit, or \'*\' for all, got: \'1db\''],
  ['RedshiftArn.dbName: space', () => RedshiftArn.dbName(stack(), 'c1', 'my db'),
    '`databaseName` must be a database name of up to 127 letters, digits, _ or $, not starting with a digit, or \'*\' for all, got: \'my db\''],
  ['RedshiftArn.dbGroup: digit first', () => RedshiftArn.dbGroup(stack(), 'c1', '1group'),
    '`groupName` must be a database group name of up to 127 characters, not starting with a digit, or \'*\' for all, got: \'1group\''],
  ['RedshiftArn.dbGroup: slash', () => RedshiftArn.dbGroup(stack(), 'c1', 'a/b'),
    '`groupName` must be a database group name of up to 127 characters, not starting with a digit, or \'*\' for all, got: \'a/b\''],
  ['RedshiftArn.snapshot: space', () => RedshiftArn.snapshot(stack(), 'c1', 'my snap'),
    '`snapshotIdentifier` must be a snapshot identifier: letters, digits and hyphens, starting with a letter (automated snapshots: rs:...), or \'*\' for all, got: \'my snap\''],
  ['RedshiftArn.snapshot: rs: alone', () => RedshiftArn.snapshot(stack(), 'c1', 'rs:'),
    '`snapshotIdentifier` must be a snapshot identifier: letters, digits and hyphens, starting with a letter (automated snapshots: rs:...), or \'*\' for all, got: \'rs:\''],
  ['RedshiftArn.snapshot: underscore', () => RedshiftArn.snapshot(stack(), 'c1', 'my_snap'),
    '`snapshotIdentifier` must be a snapshot identifier: letters, digits and hyphens, starting with a letter (automated snapshots: rs:...), or \'*\' for all, got: \'my_snap\''],
  ['RedshiftArn.parameterGroup: space', () => RedshiftArn.parameterGroup(stack(), 'has space'),
    '`parameterGroupName` must be a parameter group name: letters, digits, hyphens and dots, starting with a letter, or \'*\' for all, got: \'has space\''],
  ['RedshiftArn.parameterGroup: digit first', () => RedshiftArn.parameterGroup(stack(), '1group'),
    '`parameterGroupName` must be a parameter group name: letters, digits, hyphens and dots, starting with a letter, or \'*\' for all, got: \'1group\''],
  ['RedshiftArn.parameterGroup: slash', () => RedshiftArn.parameterGroup(stack(), 'a/b'),
    '`parameterGroupName` must be a parameter group name: letters, digits, hyphens and dots, starting with a letter, or \'*\' for all, got: \'a/b\''],
  ['RedshiftArn.subnetGroup: underscore', () => RedshiftArn.subnetGroup(stack(), 'my_group'),
    '`subnetGroupName` must be a Redshift identifier: letters, digits and hyphens, starting with a letter, or \'*\' for all, got: \'my_group\''],
  ['RedshiftArn.securityGroup: space', () => RedshiftArn.securityGroup(stack(), 'my group'),
    '`securityGroupName` must be a Redshift identifier: letters, digits and hyphens, starting with a letter, or \'*\' for all, got: \'my group\''],
  ['RedshiftArn.snapshotCopyGrant: space', () => RedshiftArn.snapshotCopyGrant(stack(), 'my grant'),
    '`grantName` must be a Redshift identifier: letters, digits and hyphens, starting with a letter, or \'*\' for all, got: \'my grant\''],
  ['RedshiftArn.snapshotSchedule: space', () => RedshiftArn.snapshotSchedule(stack(), 'my schedule'),
    '`scheduleIdentifier` must be a Redshift identifier: letters, digits and hyphens, starting with a letter, or \'*\' for all, got: \'my schedule\''],
  ['RedshiftArn.eventSubscription: space', () => RedshiftArn.eventSubscription(stack(), 'my sub'),
    '`subscriptionName` must be a Redshift identifier: letters, digits and hyphens, starting with a letter, or \'*\' for all, got: \'my sub\''],
  ['RedshiftArn.hsmClientCertificate: space', () => RedshiftArn.hsmClientCertificate(stack(), 'my cert'),
    '`certificateIdentifier` must be a Redshift identifier: letters, digits and hyphens, starting with a letter, or \'*\' for all, got: \'my cert\''],
  ['RedshiftArn.hsmConfiguration: space', () => RedshiftArn.hsmConfiguration(stack(), 'my conf'),
    '`configurationIdentifier` must be a Redshift identifier: letters, digits and hyphens, starting with a letter, or \'*\' for all, got: \'my conf\''],
  ['RedshiftArn.usageLimit: space', () => RedshiftArn.usageLimit(stack(), 'my limit'),
    '`usageLimitId` must be a usage limit ID, or \'*\' for all, got: \'my limit\''],
  ['RedshiftArn.serverlessWorkgroup: a name', () => RedshiftArn.serverlessWorkgroup(stack(), 'my-workgroup'),
    '`workgroupId` must be the UUID Redshift Serverless assigns (not the name), or \'*\' for all, got: \'my-workgroup\''],
  ['RedshiftArn.serverlessNamespace: a name', () => RedshiftArn.serverlessNamespace(stack(), 'my-namespace'),
    '`namespaceId` must be the UUID Redshift Serverless assigns (not the name), or \'*\' for all, got: \'my-namespace\''],
  ['associateRoles clusterIdentifiers: empty', () => associate({ clusterIdentifiers: [] }),
    '`clusterIdentifiers` must list at least one cluster'],
  ['associateRoles roles: empty', () => associate({ roles: [] }),
    '`roles` must list at least one role'],
  ['associateRoles clusterIdentifiers: upper case', () => associate({ clusterIdentifiers: ['C1'] }),
    '`clusterIdentifiers` must be 1 to 63 lowercase letters, digits or hyphens, start with a letter, and contain no two consecutive hyphens and no trailing hyphen (Redshift cluster identifier), got: \'C1\''],
  ['associateRoles clusterIdentifiers: twice', () => associate({ clusterIdentifiers: ['c1', 'c1'] }),
    '`clusterIdentifiers` lists \'c1\' more than once'],
  ['getClusterCredentials clusterIdentifier: upper case', () => creds({ clusterIdentifier: 'C1' }),
    '`clusterIdentifier` must be 1 to 63 lowercase letters, digits or hyphens, start with a letter, and contain no two consecutive hyphens and no trailing hyphen (Redshift cluster identifier), got: \'C1\''],
  ['getClusterCredentials dbUsers: empty', () => creds({ dbUsers: [] }),
    '`dbUsers` must list at least one user: set `allDbUsers: true` instead for any user'],
  ['getClusterCredentials dbUsers: digit first', () => creds({ dbUsers: ['1user'] }),
    '`dbUsers` must be 1 to 64 characters, start with a letter, and contain only letters, digits and _+.@- (Redshift database user name), got: \'1user\''],
  ['getClusterCredentials dbUsers: PUBLIC', () => creds({ dbUsers: ['PUBLIC'] }),
    '`dbUsers` must name a database user: PUBLIC is Redshift\'s group of every user, never a user that signs in, got: \'PUBLIC\''],
  ['getClusterCredentials: neither dbUsers nor allDbUsers', () => creds({ dbUsers: undefined }),
    '`dbUsers` must name the database users the grantee may get credentials for; set `allDbUsers: true` to allow every user of the cluster, the admin user included'],
  ['getClusterCredentials: dbUsers and allDbUsers', () => creds({ allDbUsers: true }),
    '`dbUsers` and `allDbUsers: true` exclude each other: name the users, or allow every user'],
  ['getClusterCredentials dbUsers: twice', () => creds({ dbUsers: ['u1', 'u1'] }),
    '`dbUsers` lists \'u1\' more than once'],
  ['getClusterCredentials dbNames: empty', () => creds({ dbNames: [] }),
    '`dbNames` must list at least one database: leave it out for any database'],
  ['getClusterCredentials dbNames: digit first', () => creds({ dbNames: ['1db'] }),
    '`dbNames` must be a database name of up to 127 letters, digits, _ or $, not starting with a digit, or \'*\' for all, got: \'1db\''],
  ['getClusterCredentials dbNames: twice', () => creds({ dbNames: ['dev', 'dev'] }),
    '`dbNames` lists \'dev\' more than once'],
  ['getClusterCredentials dbGroups: empty', () => creds({ dbGroups: [] }),
    '`dbGroups` must list at least one group: leave it out to join none'],
  ['getClusterCredentials dbGroups: digit first', () => creds({ dbGroups: ['1group'] }),
    '`dbGroups` must be a database group name of up to 127 characters, not starting with a digit, or \'*\' for all, got: \'1group\''],
  ['getClusterCredentials dbGroups: twice', () => creds({ dbGroups: ['g', 'g'] }),
    '`dbGroups` lists \'g\' more than once'],
  ['getClusterCredentials maxDuration: 14 minutes', () => creds({ maxDuration: Duration.minutes(14) }),
    '`maxDuration` must be 15 to 60 minutes (GetClusterCredentials DurationSeconds 900-3600), got 840 seconds'],
  ['getClusterCredentials maxDuration: 2 hours', () => creds({ maxDuration: Duration.hours(2) }),
    '`maxDuration` must be 15 to 60 minutes (GetClusterCredentials DurationSeconds 900-3600), got 7200 seconds'],
  ['getClusterCredentialsWithIam clusterIdentifier: upper case', () => withIam({ clusterIdentifier: 'C1' }),
    '`clusterIdentifier` must be 1 to 63 lowercase letters, digits or hyphens, start with a letter, and contain no two consecutive hyphens and no trailing hyphen (Redshift cluster identifier), got: \'C1\''],
  ['getClusterCredentialsWithIam dbNames: empty', () => withIam({ dbNames: [] }),
    '`dbNames` must list at least one database: leave it out for any database'],
  ['getClusterCredentialsWithIam dbNames: digit first', () => withIam({ dbNames: ['1db'] }),
    '`dbNames` must be a database name of up to 127 letters, digits, _ or $, not starting with a digit, or \'*\' for all, got: \'1db\''],
  ['getClusterCredentialsWithIam dbNames: twice', () => withIam({ dbNames: ['dev', 'dev'] }),
    '`dbNames` lists \'dev\' more than once'],
  ['getClusterCredentialsWithIam maxDuration: 2 hours', () => withIam({ maxDuration: Duration.hours(2) }),
    '`maxDuration` must be 15 to 60 minutes (GetClusterCredentials DurationSeconds 900-3600), got 7200 seconds'],
  ['manageClusters actions: empty', () => manage({ actions: [] }),
    '`actions` must list at least one Redshift action'],
  ['manageClusters actions: wildcard', () => manage({ actions: ['redshift:*'] }),
    '`actions` must be Redshift actions such as redshift:ModifyCluster (no wildcards), got: \'redshift:*\''],
  ['manageClusters actions: another service', () => manage({ actions: ['s3:GetObject'] }),
    '`actions` must be Redshift actions such as redshift:ModifyCluster (no wildcards), got: \'s3:GetObject\''],
  ['manageClusters actions: no cluster resource (DescribeEvents)', () => manage({ actions: ['redshift:DescribeEvents'] }),
    '`actions` must be Redshift actions that IAM authorizes on a cluster (manageClusters grants on clusters only), got: \'redshift:DescribeEvents\', which takes no cluster resource'],
  ['manageClusters actions: no cluster resource (DescribeReservedNodes)', () => manage({ actions: ['DescribeReservedNodes'] }),
    '`actions` must be Redshift actions that IAM authorizes on a cluster (manageClusters grants on clusters only), got: \'redshift:DescribeReservedNodes\', which takes no cluster resource'],
  ['manageClusters allowedTagKeys: empty', () => manage({ allowedTagKeys: [] }),
    '`allowedTagKeys` must list at least one tag key: leave it out to allow any'],
  ['manageClusters region: spaces', () => manage({ region: 'us west 2' }),
    '`region` must be AWS Region codes such as us-west-2, us-gov-west-1 or cn-north-1, got: \'us west 2\''],
  ['dataApi: neither cluster nor workgroup', () => dataApi({ iamIdentity: true }),
    '`RedshiftPermissions.dataApi` needs `clusterIdentifier` (a provisioned cluster) or `workgroupArn` (a Redshift Serverless workgroup), got neither'],
  ['dataApi: both cluster and workgroup', () => dataApi({ clusterIdentifier: 'c1', workgroupArn: `arn:aws:redshift-serverless:us-west-2:${A}:workgroup/${UUID}`, iamIdentity: true }),
    '`RedshiftPermissions.dataApi` takes `clusterIdentifier` (a provisioned cluster) or `workgroupArn` (a Redshift Serverless workgroup), not both'],
  ['dataApi: no way to sign in', () => dataApi({ clusterIdentifier: 'c1' }),
    '`RedshiftPermissions.dataApi` needs exactly one way to sign in: `dbUser` (temporary credentials for a database user), `secret` (a Secrets Manager secret) or `iamIdentity: true` (the caller\'s IAM identity), got none'],
  ['dataApi: two ways to sign in', () => dataApi({ clusterIdentifier: 'c1', dbUser: 'u1', iamIdentity: true }),
    '`RedshiftPermissions.dataApi` needs exactly one way to sign in: `dbUser` (temporary credentials for a database user), `secret` (a Secrets Manager secret) or `iamIdentity: true` (the caller\'s IAM identity), got `dbUser` and `iamIdentity`'],
  ['dataApi: dbUser with a workgroup', () => dataApi({ workgroupArn: `arn:aws:redshift-serverless:us-west-2:${A}:workgroup/${UUID}`, dbUser: 'u1' }),
    '`dbUser` signs in with redshift:GetClusterCredentials, which only provisioned clusters offer; with `workgroupArn` use `secret` or `iamIdentity: true`'],
  ['dataApi workgroupArn: a name', () => dataApi({ workgroupArn: 'my-workgroup', iamIdentity: true }),
    '`workgroupArn` must be the ARN of a Redshift Serverless workgroup, arn:aws:redshift-serverless:REGION:ACCOUNT:workgroup/WORKGROUP-ID (the ID, not the name), got: \'my-workgroup\''],
  ['dataApi clusterIdentifier: upper case', () => dataApi({ clusterIdentifier: 'C1', iamIdentity: true }),
    '`clusterIdentifier` must be 1 to 63 lowercase letters, digits or hyphens, start with a letter, and contain no two consecutive hyphens and no trailing hyphen (Redshift cluster identifier), got: \'C1\''],
  ['dataApi dbUser: digit first', () => dataApi({ clusterIdentifier: 'c1', dbUser: '1user' }),
    '`dbUser` must be 1 to 64 characters, start with a letter, and contain only letters, digits and _+.@- (Redshift database user name), got: \'1user\''],
  ['allowAuditLogging: an imported bucket', () => (() => { const s = stack(); RedshiftPermissions.allowAuditLogging(bucket(s)); })(),
    '`allowAuditLogging` cannot add to the bucket policy of \'S/B\': the bucket is imported, so this app does not own its policy. Add these statements to the policy of bucket "my-bucket" where it is defined:\n[\n  {\n    "Action": "s3:PutObject",\n    "Condition": {\n      "StringEquals": {\n        "aws:SourceAccount": "123456789012"\n      }\n    },\n    "Effect": "Allow",\n    "Principal": {\n      "Service": "redshift.amazonaws.com"\n    },\n    "Resource": "arn:aws:s3:::my-bucket/*",\n    "Sid": "RedshiftAuditLoggingPutObject"\n  },\n  {\n    "Action": "s3:GetBucketAcl",\n    "Condition": {\n      "StringEquals": {\n        "aws:SourceAccount": "123456789012"\n      }\n    },\n    "Effect": "Allow",\n    "Principal": {\n      "Service": "redshift.amazonaws.com"\n    },\n    "Resource": "arn:aws:s3:::my-bucket",\n    "Sid": "RedshiftAuditLoggingGetBucketAcl"\n  }\n]'],
  ['allowAuditLogging clusterIdentifiers: empty', () => (() => { const s = stack(); RedshiftPermissions.allowAuditLogging(new s3.Bucket(s, 'Logs'), { clusterIdentifiers: [] }); })(),
    '`clusterIdentifiers` must list at least one cluster: leave it out for any cluster of the account'],
  ['allowAuditLogging keyPrefix: 513 characters', () => (() => { const s = stack(); RedshiftPermissions.allowAuditLogging(new s3.Bucket(s, 'Logs'), { keyPrefix: LONG(513) }); })(),
    '`keyPrefix` must be at most 512 characters (EnableLogging S3KeyPrefix), got 513'],
  ['allowAuditLogging: a KMS bucket', () => (() => { const s = stack(); RedshiftPermissions.allowAuditLogging(new s3.Bucket(s, 'Logs', { encryptionKey: new kms.Key(s, 'K') })); })(),
    '`allowAuditLogging`: bucket \'S/Logs\' is encrypted with AWS KMS (aws:kms), but Redshift audit logging writes only to buckets encrypted with Amazon S3 managed keys (SSE-S3, AES-256); give the log bucket `encryption: s3.BucketEncryption.S3_MANAGED`'],
  ['integrationResourcePolicy sources: empty', () => integration({ sources: [] }),
    '`sources` must list at least one source ARN'],
  ['integrationResourcePolicy creatorAccounts: empty', () => integration({ creatorAccounts: [] }),
    '`creatorAccounts` must list at least one account: leave it out to authorize none'],
  ['integrationResourcePolicy targetArn: a cluster ARN', () => integration({ targetArn: `arn:aws:redshift:us-west-2:${A}:cluster:c1` }),
    '`targetArn` must be the namespace ARN of a cluster (arn:aws:redshift:REGION:ACCOUNT:namespace:NAMESPACE-ID) or of a Serverless namespace (arn:aws:redshift-serverless:REGION:ACCOUNT:namespace/NAMESPACE-ID), not a cluster or workgroup ARN, got: \'arn:aws:redshift:us-west-2:123456789012:cluster:c1\''],
  ['integrationResourcePolicy creatorAccounts: short', () => integration({ creatorAccounts: ['123'] }),
    '`creatorAccounts` must be a 12-digit AWS account ID, got: \'123\''],
  ['ClusterRoleAssociation clusterIdentifier: upper case', () => cluster({ clusterIdentifier: 'MyCluster' }),
    '`clusterIdentifier` must be 1 to 63 lowercase letters, digits or hyphens, start with a letter, and contain no two consecutive hyphens and no trailing hyphen (Redshift cluster identifier), got: \'MyCluster\''],
  ['ClusterRoleAssociation roles: empty', () => cluster({ roles: [] }),
    '`roles` must list at least one role to attach'],
  ['ClusterRoleAssociation roles: 51', () => (() => { const s = stack(); return new ClusterRoleAssociation(s, 'Assoc', { clusterIdentifier: 'c1', roles: roles(s, 51) }); })(),
    '`roles`: This cluster would have 51 IAM roles (listed in `roles`), over Redshift\'s limit of 50 [cdk-redshift-iam:roles-per-cluster]'],
  ['ClusterRoleAssociation roles: twice', () => (() => { const s = stack(); const r = role(s); return new ClusterRoleAssociation(s, 'Assoc', { clusterIdentifier: 'c1', roles: [r, r] }); })(),
    '`roles` lists \'S/Role\' more than once'],
  ['ClusterRoleAssociation defaultRole: not attached', () => (() => { const s = stack(); const [a, b] = roles(s, 2); return new ClusterRoleAssociation(s, 'Assoc', { clusterIdentifier: 'c1', roles: [a], defaultRole: b }); })(),
    '`defaultRole` \'S/N1/Role\' must be one of `roles` (the default role must be attached)'],
  ['ClusterRoleAssociation roles: a role of an environment-agnostic stack (no name it can generate)', () => (() => { const s = stack(); return clusterOf(s, role(new Stack(s.node.root as any, 'Agnostic'))); })(),
    ACROSS('Agnostic/Role', 'stack \'Agnostic\' (environment-agnostic)', 'stack \'S\' (aws://123456789012/us-west-2)', 'a role of an environment-agnostic stack has no name it can generate at synth time')],
  ['NamespaceRoleAssociation in an environment-agnostic stack, an unnamed iam.Role of a concrete one', () => (() => {
    const s = stack();
    const r = new iam.Role(s, 'Plain', { assumedBy: new iam.ServicePrincipal('redshift-serverless.amazonaws.com') });
    return namespaceOf(new Stack(s.node.root as any, 'Agnostic'), r);
  })(),
  ACROSS('S/Plain', 'stack \'S\' (aws://123456789012/us-west-2)', 'stack \'Agnostic\' (environment-agnostic)', 'the role has no physical name to be named by')],
  ['ClusterRoleAssociation roles: an unnamed iam.Role of another Region', () => (() => {
    const s = stack();
    const east = new Stack(s.node.root as any, 'East', { env: { account: A, region: 'us-east-1' } });
    return clusterOf(s, new iam.Role(east, 'Plain', { assumedBy: new iam.ServicePrincipal('redshift.amazonaws.com') }));
  })(),
  ACROSS('East/Plain', 'stack \'East\' (aws://123456789012/us-east-1)', 'stack \'S\' (aws://123456789012/us-west-2)', 'the role has no physical name to be named by')],
  ['ClusterRoleAssociation waitTimeout: 0', () => cluster({ waitTimeout: Duration.seconds(0) }),
    '`waitTimeout` must be between 1 and 55 minutes (CloudFormation waits one hour for a custom resource), got 0 seconds'],
  ['ClusterRoleAssociation waitTimeout: 56 minutes', () => cluster({ waitTimeout: Duration.minutes(56) }),
    '`waitTimeout` must be between 1 and 55 minutes (CloudFormation waits one hour for a custom resource), got 56 minutes'],
  ['NamespaceRoleAssociation namespaceName: upper case', () => (() => { const s = stack(); return new NamespaceRoleAssociation(s, 'N', { namespaceName: 'MyNamespace', namespaceId: UUID, roles: [role(s, { serverless: true })] }); })(),
    '`namespaceName` must be 3 to 64 lowercase letters, digits or hyphens (Redshift Serverless name), got: \'MyNamespace\''],
  ['NamespaceRoleAssociation namespaceId: a name', () => (() => { const s = stack(); return new NamespaceRoleAssociation(s, 'N', { namespaceName: 'ns1', namespaceId: 'ns1', roles: [role(s, { serverless: true })] }); })(),
    '`namespaceId` must be the namespace\'s ID, a lower-case UUID such as 3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d, got \'ns1\''],
  ['NamespaceRoleAssociation roles: empty', () => (() => { const s = stack(); return new NamespaceRoleAssociation(s, 'N', { namespaceName: 'ns1', namespaceId: UUID, roles: [] }); })(),
    '`roles` must list at least one role to attach'],
  ['NamespaceRoleAssociation waitTimeout: 0', () => (() => { const s = stack(); return new NamespaceRoleAssociation(s, 'N', { namespaceName: 'ns1', namespaceId: UUID, roles: [role(s, { serverless: true })], waitTimeout: Duration.seconds(0) }); })(),
    '`waitTimeout` must be between 1 and 55 minutes (CloudFormation waits one hour for a custom resource), got 0 seconds'],
  ['RedshiftSchedulerRole clusterIdentifiers: empty', () => new RedshiftSchedulerRole(stack(), 'Sched', { clusterIdentifiers: [] }),
    '`clusterIdentifiers` must list at least one cluster'],
  ['RedshiftSchedulerRole clusterIdentifiers: upper case', () => new RedshiftSchedulerRole(stack(), 'Sched', { clusterIdentifiers: ['C1'] }),
    '`clusterIdentifiers` must be 1 to 63 lowercase letters, digits or hyphens, start with a letter, and contain no two consecutive hyphens and no trailing hyphen (Redshift cluster identifier), got: \'C1\''],
  ['RedshiftSchedulerRole clusterIdentifiers: twice', () => new RedshiftSchedulerRole(stack(), 'Sched', { clusterIdentifiers: ['c1', 'c1'] }),
    '`clusterIdentifiers` lists \'c1\' more than once'],
  ['RedshiftSchedulerRole actions: empty', () => new RedshiftSchedulerRole(stack(), 'Sched', { clusterIdentifiers: ['c1'], actions: [] }),
    '`actions` must list at least one ScheduledActionType: leave it out for PAUSE, RESUME and RESIZE'],
];

const TRUST = (path: string, target: string, principal: string) => `\`roles\`: Role '${path}' is attached to this ${target}, but its trust policy does not let ${principal} assume it: `
  + `the deployment would fail with "IAM role must delegate access to an Amazon Redshift account". Use RedshiftServiceRole, or trust ${principal} with sts:AssumeRole [cdk-redshift-iam:trust-names-redshift]`;
const namespaceOf = (s: Stack, r: iam.IRole) => new NamespaceRoleAssociation(s, 'Assoc', { namespaceName: 'ns1', namespaceId: UUID, roles: [r] });
const clusterOf = (s: Stack, r: iam.IRole) => new ClusterRoleAssociation(s, 'Assoc', { clusterIdentifier: 'c1', roles: [r] });

/**
 * [what, the app built on a fresh stack, the exact error] — errors found when the app is synthesized
 * (after every statement has been added to a role's trust), reported on the construct's path.
 */
const SYNTH_ERRORS: Array<[string, (s: Stack) => unknown, string]> = [
  ['ClusterRoleAssociation roles: a ChainedRole (trusts the previous role, not Redshift)', (s) => clusterOf(s, new ChainedRole(s, 'B', { assumedBy: role(s) })),
    `[S/Assoc] ${TRUST('S/B', 'cluster', 'redshift.amazonaws.com')}`],
  ['ClusterRoleAssociation roles: an iam.Role that trusts Lambda', (s) => clusterOf(s, new iam.Role(s, 'L', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') })),
    `[S/Assoc] ${TRUST('S/L', 'cluster', 'redshift.amazonaws.com')}`],
  ['ClusterRoleAssociation roles: an iam.Role that trusts only Redshift Serverless', (s) => clusterOf(s, new iam.Role(s, 'L', { assumedBy: new iam.ServicePrincipal('redshift-serverless.amazonaws.com') })),
    `[S/Assoc] ${TRUST('S/L', 'cluster', 'redshift.amazonaws.com')}`],
  ['NamespaceRoleAssociation roles: a role without the Serverless principal', (s) => namespaceOf(s, role(s)),
    '[S/Assoc] `roles`: Role \'S/Role\' is attached to this namespace, but its trust policy does not let redshift-serverless.amazonaws.com assume it: '
    + 'the deployment would fail with "IAM role must delegate access to an Amazon Redshift account". Its trust names Redshift for provisioned clusters only '
    + '(redshift.amazonaws.com): for a RedshiftServiceRole, set `serverless: true`; for another role, trust redshift-serverless.amazonaws.com with sts:AssumeRole as well '
    + '[cdk-redshift-iam:trust-names-redshift]'],
  ['ClusterRoleAssociation roles: a role that trusts Redshift only in another Region', (s) => clusterOf(s, role(s, { regions: ['us-east-1'] })),
    '[S/Assoc] `roles`: Role \'S/Role\' trusts Redshift only in us-east-1, but this cluster is in us-west-2: Redshift could not assume it [cdk-redshift-iam:trust-region]'],
];

/** [what, the call] — valid edge input and Tokens: accepted */
const ACCEPTED: Array<[string, () => unknown]> = [
  ['fromArn: a Token', () => DatabaseUser.fromArn(TOKEN())],
  ['fromArn: GovCloud', () => DatabaseUser.fromArn(`arn:aws-us-gov:redshift:us-gov-west-1:${A}:dbuser:c1/user1`)],
  ['fromArn: China', () => DatabaseUser.fromArn(`arn:aws-cn:redshift:cn-north-1:${A}:dbuser:c1/user1`)],
  ['fromArn: the European Sovereign Cloud', () => DatabaseUser.fromArn(`arn:aws-eusc:redshift:eusc-de-east-1:${A}:dbuser:c1/user1`)],
  ['inCluster: 63 characters', () => DatabaseUser.inCluster(`a${LONG(62, 'b')}`, 'user1')],
  ['inCluster: a Token cluster', () => DatabaseUser.inCluster(TOKEN(), 'user1')],
  ['inCluster: a Token user', () => DatabaseUser.inCluster('c1', TOKEN())],
  ['inCluster user: 64 characters', () => DatabaseUser.inCluster('c1', LONG(64))],
  ['inCluster user: all allowed signs', () => DatabaseUser.inCluster('c1', 'a_b+c.d@e-f')],
  ['inCluster user: publicity (not PUBLIC)', () => DatabaseUser.inCluster('c1', 'publicity')],
  ['inCluster region: eusc-de-east-1', () => DatabaseUser.inCluster('c1', 'user1', { region: 'eusc-de-east-1' })],
  ['inCluster region: us-isob-east-1', () => DatabaseUser.inCluster('c1', 'user1', { region: 'us-isob-east-1' })],
  ['inCluster region: a Token', () => DatabaseUser.inCluster('c1', 'user1', { region: TOKEN(), account: TOKEN() })],
  ['inWorkgroup: a UUID', () => DatabaseUser.inWorkgroup(UUID, 'user1')],
  ['fromArn: a provisioned cluster named serverless-etl', () => DatabaseUser.fromArn(`arn:aws:redshift:us-west-2:${A}:dbuser:serverless-etl/user1`)],
  ['fromArn: Serverless', () => DatabaseUser.fromArn(`arn:aws:redshift:us-west-2:${A}:dbuser:serverless-${A}-${UUID}/user1`)],
  ['role databaseUsers: one user in two clusters', () => role(stack(), { databaseUsers: [DatabaseUser.inCluster('c1', 'u1'), DatabaseUser.inCluster('c2', 'u1')] })],
  ['role databaseUsers: one user name in two Regions', () => role(stack(), { databaseUsers: [DatabaseUser.inCluster('c1', 'u1'), DatabaseUser.inCluster('c1', 'u1', { region: 'us-east-1' })] })],
  ['role regions: include every database user\'s Region', () => role(stack(), { regions: ['us-west-2', 'us-east-1'], databaseUsers: [DatabaseUser.inCluster('c1', 'u1'), DatabaseUser.inCluster('c1', 'u2', { region: 'us-east-1' })] })],
  ['role regions: a user whose Region is a Token', () => role(stack(), { regions: ['us-east-1'], databaseUsers: [DatabaseUser.inCluster('c1', 'u1', { region: TOKEN(), account: A })] })],
  ['role regions: a Token Region and a user elsewhere', () => role(stack(), { regions: [TOKEN()], databaseUsers: [DatabaseUser.inCluster('c1', 'u1')] })],
  ['role regions: a user in an environment-agnostic stack', () => role(new Stack(newApp(), 'S'), { regions: ['us-east-1'], databaseUsers: [DatabaseUser.inCluster('c1', 'u1')] })],
  ['inWorkgroup: a Token', () => DatabaseUser.inWorkgroup(TOKEN(), 'user1')],
  ['role roleName: 64 characters', () => role(stack(), { roleName: LONG(64) })],
  ['role roleName: all allowed signs', () => role(stack(), { roleName: 'a+=,.@_-b' })],
  ['role roleName: a Token', () => role(stack(), { roleName: TOKEN() })],
  ['role path: 512 characters', () => role(stack(), { path: `/${LONG(510)}/` })],
  ['role regions: eusc-de-east-1', () => role(stack(), { regions: ['eusc-de-east-1'] })],
  ['role regions: cn-northwest-1', () => role(stack(), { regions: ['cn-northwest-1'] })],
  ['role regions: us-gov-east-1', () => role(stack(), { regions: ['us-gov-east-1'] })],
  ['role regions: a Token', () => role(stack(), { regions: [TOKEN()] })],
  ['role externalIds: 2 characters', () => role(stack(), { externalIds: ['ab'] })],
  ['role externalIds: 1,224 characters', () => role(stack(), { externalIds: [LONG(1224)] })],
  ['role externalIds: all allowed signs', () => role(stack(), { externalIds: ['a_+=,.@:/-b'] })],
  ['role externalIds: a Token', () => role(stack(), { externalIds: [TOKEN()] })],
  ['role managedPolicies: 10', () => role(stack(), { managedPolicies: policies(stack(), 10) })],
  ['allowCopyFrom keyPrefix: 1,024 bytes', () => (() => { const s = stack(); role(s).allowCopyFrom(bucket(s), { keyPrefix: LONG(1024) }); })()],
  ['allowCopyFrom keyPrefix: 512 two-byte characters', () => (() => { const s = stack(); role(s).allowCopyFrom(bucket(s), { keyPrefix: LONG(512, 'é') }); })()],
  ['allowCopyFrom keyPrefix: no trailing slash', () => (() => { const s = stack(); role(s).allowCopyFrom(bucket(s), { keyPrefix: 'sales' }); })()],
  ['allowCopyFrom keyPrefix: a Token', () => (() => { const s = stack(); role(s).allowCopyFrom(bucket(s), { keyPrefix: TOKEN() }); })()],
  ['allowUnloadTo keyPrefix: a Token', () => (() => { const s = stack(); role(s).allowUnloadTo(bucket(s), { keyPrefix: TOKEN() }); })()],
  ['allowCopyFromEmrCluster: a Token', () => role().allowCopyFromEmrCluster(TOKEN())],
  ['allowInvokeSageMakerEndpoint: 63 characters', () => role().allowInvokeSageMakerEndpoint(LONG(63))],
  ['allowInvokeSageMakerEndpoint: a Token', () => role().allowInvokeSageMakerEndpoint(TOKEN())],
  ['allowSpectrum databases: a Token', () => spectrum({ databases: [TOKEN()] })],
  ['allowSpectrum catalogRegion: eusc-de-east-1', () => spectrum({ catalogRegion: 'eusc-de-east-1' })],
  ['allowMskIngestion topics: dots and underscores', () => msk({ topics: ['orders.v1_eu-west'] })],
  ['assumeRoleGrantSql users: a quoted name', () => grantSql({ users: ['etl.user@corp'] })],
  ['RoleChain.of: 10 roles', () => (() => { const s = stack(); return RoleChain.of(Array.from({ length: 10 }, (_, i) => iam.Role.fromRoleArn(s, `R${i}`, `arn:aws:iam::${A}:role/R${i}`))); })()],
  ['RoleChain.fromRoleArns: a Token', () => RoleChain.fromRoleArns([TOKEN()])],
  ['RedshiftArn.parameterGroup: default.redshift-1.0', () => RedshiftArn.parameterGroup(stack(), 'default.redshift-1.0')],
  ['RedshiftArn.snapshot: automated rs:...', () => RedshiftArn.snapshot(stack(), 'c1', 'rs:my-cluster-2024-01-01-00-00-00')],
  ['RedshiftArn.snapshot: manual', () => RedshiftArn.snapshot(stack(), 'c1', 'my-snapshot')],
  ['RedshiftArn.cluster: eusc-de-east-1', () => RedshiftArn.cluster(stack(), 'c1', { region: 'eusc-de-east-1' })],
  ['RedshiftArn.cluster: a Token', () => RedshiftArn.cluster(stack(), TOKEN())],
  ['RedshiftArn.cluster: wildcard', () => RedshiftArn.cluster(stack(), '*')],
  ['RedshiftArn.dbName: a Token', () => RedshiftArn.dbName(stack(), 'c1', TOKEN())],
  ['RedshiftArn.dbGroup: dots and at signs', () => RedshiftArn.dbGroup(stack(), 'c1', 'etl.team@corp')],
  ['RedshiftArn.serverlessWorkgroup: a UUID', () => RedshiftArn.serverlessWorkgroup(stack(), UUID)],
  ['getClusterCredentials dbNames: a Token', () => creds({ dbNames: [TOKEN()] })],
  ['getClusterCredentials dbGroups: a Token', () => creds({ dbGroups: [TOKEN()] })],
  ['getClusterCredentials allDbUsers: true', () => creds({ dbUsers: undefined, allDbUsers: true })],
  ['getClusterCredentials maxDuration: 15 minutes', () => creds({ maxDuration: Duration.minutes(15) })],
  ['getClusterCredentials maxDuration: 1 hour', () => creds({ maxDuration: Duration.hours(1) })],
  ['getClusterCredentialsWithIam dbNames: a Token', () => withIam({ dbNames: [TOKEN()] })],
  ['manageClusters region: eusc-de-east-1', () => manage({ region: 'eusc-de-east-1' })],
  ['ClusterRoleAssociation: 50 roles', () => (() => { const s = stack(); return new ClusterRoleAssociation(s, 'Assoc', { clusterIdentifier: 'c1', roles: roles(s, 50) }); })()],
  ['ClusterRoleAssociation clusterIdentifier: a Token', () => cluster({ clusterIdentifier: TOKEN() })],
  ['ClusterRoleAssociation waitTimeout: 55 minutes', () => cluster({ waitTimeout: Duration.minutes(55) })],
  ['ClusterRoleAssociation waitTimeout: 1 minute', () => cluster({ waitTimeout: Duration.minutes(1) })],
  ['RedshiftSchedulerRole clusterIdentifiers: a Token', () => new RedshiftSchedulerRole(stack(), 'Sched', { clusterIdentifiers: [TOKEN()] })],
  ['manageClusters actions: without the redshift: prefix', () => manage({ actions: ['ModifyCluster'] })],
  ['manageClusters actions: a Token', () => manage({ actions: [TOKEN()] })],
  ['ChainedRole: ChainTrust.ACCOUNT', () => chained({ trust: ChainTrust.ACCOUNT })],
];

const B = '210987654321';
const otherBucket = (s: Stack) => s3.Bucket.fromBucketAttributes(s, 'Other', { bucketName: 'their-bucket', account: B });
const CROSS = (method: string, path: string) => `\`${method}\`: '${path}' belongs to account ${B}, the role to account ${A}: the grant works only if `
  + `the resource's own policy in ${B} also allows this role, or through a role chain into that account (ChainedRole)`;
const MIXED = (name: string) => `\`databaseUsers\` names the database user '${name}' with upper-case letters: Redshift stores user names in lower case `
  + `unless they were created quoted with enable_case_sensitive_identifier, so the ExternalId it sends is likely for '${name.toLowerCase()}'`;
const UNKNOWN_REGION = (region: string) => `\`regions\` lists '${region}', a Region no AWS partition known to this aws-cdk-lib has: check the code (a newer Region needs a newer aws-cdk-lib to be recognized)`;

/** [what, the call on a fresh stack, the warning's id, its exact message] — input that may still be right */
const WARNINGS: Array<[string, (s: Stack) => unknown, string, string]> = [
  ['allowCopyFrom: a bucket of another account', (s) => role(s).allowCopyFrom(otherBucket(s)), 'crossAccountGrant', CROSS('allowCopyFrom', 'S/Other')],
  ['allowUnloadTo: a bucket of another account', (s) => role(s).allowUnloadTo(otherBucket(s)), 'crossAccountGrant', CROSS('allowUnloadTo', 'S/Other')],
  ['allowCreateLibraryFrom: a bucket of another account', (s) => role(s).allowCreateLibraryFrom(otherBucket(s)), 'crossAccountGrant', CROSS('allowCreateLibraryFrom', 'S/Other')],
  ['allowCopyFromTable: a table of another account', (s) => role(s).allowCopyFromTable(dynamodb.Table.fromTableArn(s, 'Other', `arn:aws:dynamodb:us-west-2:${B}:table/t`)), 'crossAccountGrant', CROSS('allowCopyFromTable', 'S/Other')],
  ['allowInvokeFunction: a function of another account', (s) => role(s).allowInvokeFunction(lambda.Function.fromFunctionArn(s, 'Other', `arn:aws:lambda:us-west-2:${B}:function:f`)), 'crossAccountGrant', CROSS('allowInvokeFunction', 'S/Other')],
  ['databaseUsers: a mixed-case user (inCluster)', (s) => role(s, { databaseUsers: [DatabaseUser.inCluster('c1', 'EtlUser')] }), 'mixedCaseUser', MIXED('EtlUser')],
  ['databaseUsers: a mixed-case user (fromArn)', (s) => role(s, { databaseUsers: [DatabaseUser.fromArn(`arn:aws:redshift:us-west-2:${A}:dbuser:c1/Admin`)] }), 'mixedCaseUser', MIXED('Admin')],
  ['addDatabaseUser: an upper-case user', (s) => role(s).addDatabaseUser(DatabaseUser.inCluster('c1', 'ETL')), 'mixedCaseUser', MIXED('ETL')],
  ['manageClusters actions: an action IAM does not know', (s) => RedshiftPermissions.manageClusters(grantee(s), { actions: ['redshift:MakeItFaster'] }), 'unknownAction',
    '`actions` lists \'redshift:MakeItFaster\', which is not a Redshift action IAM knows (W3037): check the spelling; a policy that names it grants nothing'],
  ['manageClusters actions: a misspelt action', (s) => RedshiftPermissions.manageClusters(grantee(s), { actions: ['redshift:ModifyClusters'] }), 'unknownAction',
    '`actions` lists \'redshift:ModifyClusters\', which is not a Redshift action IAM knows (W3037): check the spelling; a policy that names it grants nothing'],
  ['regions: a Region no partition knows', (s) => role(s, { regions: ['xx-moon-1'] }), 'unknownRegion', UNKNOWN_REGION('xx-moon-1')],
  ['regions: a plausible but unknown Region', (s) => role(s, { regions: ['us-west-9'] }), 'unknownRegion', UNKNOWN_REGION('us-west-9')],
];

/** [what, the call on a fresh stack] — input that draws none of the warnings above */
const NO_WARNING: Array<[string, (s: Stack) => unknown]> = [
  ['allowCopyFrom: a bucket of the same account', (s) => role(s).allowCopyFrom(bucket(s))],
  ['databaseUsers: a lower-case user', (s) => role(s, { databaseUsers: [DatabaseUser.inCluster('c1', 'etl_user')] })],
  ['regions: eusc-de-east-1', (s) => role(s, { regions: ['eusc-de-east-1'] })],
  ['manageClusters actions: real cluster actions', (s) => RedshiftPermissions.manageClusters(grantee(s), { actions: ['redshift:ModifyCluster', 'redshift:PauseCluster', 'CreateTags'] })],
  ['regions: us-isof-south-1', (s) => role(s, { regions: ['us-isof-south-1'] })],
];

// The cases of issue 21, kept beside the code they exercise (test/bad-input-cases/).
for (const cases of [trustCases, grantCases, lakehouseCases, identityCases]) {
  ERRORS.push(...cases.ERRORS);
  SYNTH_ERRORS.push(...cases.SYNTH_ERRORS);
  ACCEPTED.push(...cases.ACCEPTED);
  WARNINGS.push(...cases.WARNINGS);
}

describe('bad input: a synth-time error naming the prop, the rule and the value', () => {
  test.each(ERRORS)('%s', (_what, call, message) => {
    expect(call).toThrow(message);
    try { call(); } catch (e) { expect((e as Error).message).toBe(message); }
  });
});

describe('bad input found at synthesis: an error on the construct naming the prop, the rule and the value', () => {
  test.each(SYNTH_ERRORS)('%s', (_what, build, message) => {
    const s = stack();
    build(s);
    expect(() => (s.node.root as any).synth()).toThrow(message);
  });
});

/** [what, the app built on a fresh stack] — synthesizes without an error */
const SYNTH_ACCEPTED: Array<[string, (s: Stack) => unknown]> = [
  ['ClusterRoleAssociation roles: an iam.Role that trusts Redshift', (s) => clusterOf(s, new iam.Role(s, 'R', { assumedBy: new iam.ServicePrincipal('redshift.amazonaws.com') }))],
  ['ClusterRoleAssociation roles: a role that trusts Redshift in this Region', (s) => clusterOf(s, role(s, { regions: ['us-west-2', 'us-east-1'] }))],
  ['ClusterRoleAssociation roles: an imported role (its trust is not visible)', (s) => clusterOf(s, iam.Role.fromRoleArn(s, 'R', `arn:aws:iam::${A}:role/Anything`))],
  ['ClusterRoleAssociation roles: trust added after the association', (s) => {
    const r = new iam.Role(s, 'R', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    clusterOf(s, r);
    r.assumeRolePolicy!.addStatements(new iam.PolicyStatement({ actions: ['sts:AssumeRole'], principals: [new iam.ServicePrincipal('redshift.amazonaws.com')] }));
  }],
  ['ClusterRoleAssociation roles: a principal that is a Token', (s) => clusterOf(s, new iam.Role(s, 'R', { assumedBy: new iam.ServicePrincipal(TOKEN()) }))],
  ['NamespaceRoleAssociation roles: a Serverless role', (s) => namespaceOf(s, role(s, { serverless: true }))],
  ['ClusterRoleAssociation in an environment-agnostic stack, a RedshiftServiceRole of a concrete one (its name is generated)',
    (s) => clusterOf(new Stack(s.node.root as any, 'Agnostic'), role(s))],
  ['ClusterRoleAssociation roles: a named role of an environment-agnostic stack', (s) => clusterOf(s, role(new Stack(s.node.root as any, 'Agnostic'), { roleName: 'LoadRole' }))],
  ['ClusterRoleAssociation roles: a RedshiftServiceRole of another Region (its name is generated)',
    (s) => clusterOf(s, role(new Stack(s.node.root as any, 'East', { env: { account: A, region: 'us-east-1' } })))],
  ['ClusterRoleAssociation roles: a role that trusts Redshift only elsewhere, acknowledged', (s) => {
    clusterOf(s, role(s, { regions: ['us-east-1'] }));
    Validations.of(s).acknowledge({ id: 'cdk-redshift-iam:trust-region', reason: 'the cluster moves to us-east-1 next week' });
  }],
  ['ClusterRoleAssociation roles: a role of another stack in the same environment', (s) => clusterOf(s, role(new Stack(s.node.root as any, 'Other', { env: { account: A, region: 'us-west-2' } })))],
];

describe('valid input found at synthesis: no error', () => {
  test.each(SYNTH_ACCEPTED)('%s', (_what, build) => {
    const s = stack();
    build(s);
    expect(() => (s.node.root as any).synth()).not.toThrow();
  });
});

describe('valid edge input and Tokens: accepted', () => {
  test.each(ACCEPTED)('%s', (_what, call) => {
    expect(call).not.toThrow();
  });
});

describe('input that may still be right: a warning with an id', () => {
  test.each(WARNINGS)('%s', (_what, call, id, message) => {
    const s = stack();
    call(s);
    const warnings = Annotations.fromStack(s).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data));
    expect(warnings).toContainEqual(`${message} [ack: cdk-redshift-iam:${id}]`);
  });

  test.each(NO_WARNING)('%s: no warning', (_what, call) => {
    const s = stack();
    call(s);
    const warnings = Annotations.fromStack(s).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data));
    expect(warnings.filter((w) => /crossAccountGrant|mixedCaseUser|unknownRegion|unknownAction/.test(w))).toEqual([]);
  });
});

test('the table holds at least 200 cases', () => {
  const cases = ERRORS.length + SYNTH_ERRORS.length + ACCEPTED.length + SYNTH_ACCEPTED.length + WARNINGS.length + NO_WARNING.length;
  expect(cases).toBeGreaterThanOrEqual(200);
});
