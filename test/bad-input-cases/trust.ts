import { aws_iam as iam, aws_s3 as s3, Stack, Token, Validations } from 'aws-cdk-lib';
import {
  ChainedRole, DatabaseUser, NamespaceRoleAssociation, RedshiftPermissions, RedshiftServiceRole, RoleChain,
} from '../../src';
import { newApp } from '../helpers/synth';

/**
 * Issue 21, trust and database users (items 1, 2, 7, 8, 11, 13): each bad input with its exact
 * message, its valid neighbours, and a Token case. Spread into the tables of test/bad-input.test.ts.
 */

const A = '123456789012';
const B = '210987654321';
const UUID = '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
const TOKEN = () => Token.asString({ Ref: 'SomeParameter' });
const stack = () => new Stack(newApp(), 'S', { env: { account: A, region: 'us-west-2' } });
const synthOf = (s: Stack) => (s.node.root as any).synth();
const role = (s: Stack, id = 'Role', props = {}) => new RedshiftServiceRole(s, id, props);
const bucket = (s: Stack) => s3.Bucket.fromBucketName(s, 'B', 'my-bucket');
const operator = (s: Stack) => new iam.Role(s, 'Operator', { assumedBy: new iam.AccountRootPrincipal() });
const trusting = (s: Stack, id: string, principal: iam.IPrincipal) => new iam.Role(s, id, { assumedBy: principal });
const associate = (s: Stack, roles: iam.IRole[], clusterIdentifiers = ['c1']) =>
  RedshiftPermissions.associateRoles(operator(s), { clusterIdentifiers, roles });
const namespaceOf = (s: Stack, r: iam.IRole) => new NamespaceRoleAssociation(s, 'Assoc', { namespaceName: 'ns1', namespaceId: UUID, roles: [r] });

/** Item 1: the dbuser ARN has a colon after `dbuser`. */
const SLASH_ARN = `arn:aws:redshift:us-west-2:${A}:dbuser/my-cluster/etl`;
const SLASH = (arn: string, fixed: string) => '`DatabaseUser.fromArn` expects arn:aws:redshift:REGION:ACCOUNT:dbuser:CLUSTER/USER, with a colon after dbuser: '
  + 'Redshift sends the user\'s ARN in that form only, so a trust that lists dbuser/CLUSTER/USER never matches '
  + `(use '${fixed}'), got: '${arn}'`;

/** Item 2: an empty list restricts nothing. */
const NO_USERS = '`databaseUsers` must list at least one database user: leave it out to let every database user of every cluster the role is attached to use it';
const NO_IDS = '`externalIds` must list at least one ExternalId: leave it out to accept no other ExternalId '
  + '(with neither `databaseUsers` nor `externalIds`, every database user may use the role)';

/** Item 7: each link of a chain lets the one before it in. */
const LINK = (before: string, after: string) => `\`roles\` puts '${before}' before '${after}', but the trust policy of '${after}' does not let '${before}' assume it `
  + '(it names neither that role\'s ARN nor its account root as an AWS principal), so Redshift could not chain from one to the next: '
  + `make '${after}' a ChainedRole with \`assumedBy\` '${before}', or add '${before}' to its trust policy`;

/** Item 8: associateRoles passes only roles Redshift can assume. */
const PASS = (path: string, where = 'cluster \'c1\'') => `[S/Operator] \`roles\` (associateRoles for ${where}): Role '${path}' is attached to this cluster, `
  + 'but its trust policy does not let redshift.amazonaws.com assume it: the deployment would fail with "IAM role must delegate access to an Amazon Redshift account". '
  + 'Use RedshiftServiceRole, or trust redshift.amazonaws.com with sts:AssumeRole [cdk-redshift-iam:trust-names-redshift]';

/** Item 11: a database user's Region that no partition knows. */
const USER_REGION = (user: string, region: string) => `\`databaseUsers\` lists '${user}', a user in '${region}', `
  + 'a Region no AWS partition known to this aws-cdk-lib has: check the code (a newer Region needs a newer aws-cdk-lib to be recognized)';

/** Item 13: the fix each message gives is one that works. */
const NAMESPACE = (path: string, fix: string) => `[S/Assoc] \`roles\`: Role '${path}' is attached to this namespace, but its trust policy does not let `
  + 'redshift-serverless.amazonaws.com assume it: the deployment would fail with "IAM role must delegate access to an Amazon Redshift account". '
  + `${fix} [cdk-redshift-iam:trust-names-redshift]`;
const SLASH_PREFIX = (prop: string, value: string, fix: string) => `\`${prop}\` must not start with '/': S3 keys have no leading slash, so the grant would match nothing (${fix}), got: '${value}'`;

/** [what, the call, the exact error message] */
export const ERRORS: Array<[string, () => unknown, string]> = [
  // 1
  ['fromArn: dbuser/CLUSTER/USER (a slash where the format has a colon)', () => DatabaseUser.fromArn(SLASH_ARN),
    SLASH(SLASH_ARN, `arn:aws:redshift:us-west-2:${A}:dbuser:my-cluster/etl`)],
  ['fromArn: dbuser/CLUSTER/USER in GovCloud', () => DatabaseUser.fromArn(`arn:aws-us-gov:redshift:us-gov-west-1:${A}:dbuser/c1/u1`),
    SLASH(`arn:aws-us-gov:redshift:us-gov-west-1:${A}:dbuser/c1/u1`, `arn:aws-us-gov:redshift:us-gov-west-1:${A}:dbuser:c1/u1`)],
  // 2
  ['role databaseUsers: empty', () => role(stack(), 'Role', { databaseUsers: [] }), NO_USERS],
  ['role externalIds: empty', () => role(stack(), 'Role', { externalIds: [] }), NO_IDS],
  ['role externalIds: empty, beside database users', () => role(stack(), 'Role', { databaseUsers: [DatabaseUser.inCluster('c1', 'u1')], externalIds: [] }), NO_IDS],
  ['ChainedRole databaseUsers: empty', () => (() => { const s = stack(); return new ChainedRole(s, 'B', { assumedBy: role(s), databaseUsers: [] }); })(), NO_USERS],
  // 7
  ['RoleChain.of: the next role trusts only Redshift (a RedshiftServiceRole)', () => (() => {
    const s = stack(); return RoleChain.of([role(s, 'A'), role(s, 'X')]);
  })(), LINK('S/A', 'S/X')],
  ['RoleChain.of: the next role trusts another account', () => (() => {
    const s = stack(); return RoleChain.of([role(s, 'A'), trusting(s, 'X', new iam.ArnPrincipal(`arn:aws:iam::${B}:root`))]);
  })(), LINK('S/A', 'S/X')],
  ['RoleChain.of: the next role trusts another role of the same account', () => (() => {
    const s = stack(); return RoleChain.of([role(s, 'A', { roleName: 'A' }), trusting(s, 'X', new iam.ArnPrincipal(`arn:aws:iam::${A}:role/Other`))]);
  })(), LINK('S/A', 'S/X')],
  ['RoleChain.of: the third role does not trust the second', () => (() => {
    const s = stack(); const a = role(s, 'A'); const b = new ChainedRole(s, 'B', { assumedBy: a }); return RoleChain.of([a, b, role(s, 'X')]);
  })(), LINK('S/B', 'S/X')],
  // 13
  ['allowCopyFrom keyPrefix: only a slash', () => (() => { const s = stack(); role(s).allowCopyFrom(bucket(s), { keyPrefix: '/' }); })(),
    SLASH_PREFIX('allowCopyFrom keyPrefix', '/', 'leave it out to grant the whole bucket')],
  ['allowUnloadTo keyPrefix: only slashes', () => (() => { const s = stack(); role(s).allowUnloadTo(bucket(s), { keyPrefix: '//' }); })(),
    SLASH_PREFIX('allowUnloadTo keyPrefix', '//', 'leave it out to grant the whole bucket')],
  ['allowCopyFrom keyPrefix: a slash before a wildcard (no rejected value suggested)', () => (() => { const s = stack(); role(s).allowCopyFrom(bucket(s), { keyPrefix: '/*' }); })(),
    SLASH_PREFIX('allowCopyFrom keyPrefix', '/*', 'remove the leading slashes')],
  ['allowCopyFrom keyPrefix: two leading slashes', () => (() => { const s = stack(); role(s).allowCopyFrom(bucket(s), { keyPrefix: '//in/' }); })(),
    SLASH_PREFIX('allowCopyFrom keyPrefix', '//in/', 'use \'in/\'')],
];

/** [what, the app built on a fresh stack, the exact error at synthesis] */
export const SYNTH_ERRORS: Array<[string, (s: Stack) => unknown, string]> = [
  // 8
  ['associateRoles roles: a ChainedRole (trusts the previous role, not Redshift)', (s) => associate(s, [new ChainedRole(s, 'B', { assumedBy: role(s) })]), PASS('S/B')],
  ['associateRoles roles: an iam.Role that trusts Lambda, for two clusters', (s) => associate(s, [trusting(s, 'L', new iam.ServicePrincipal('lambda.amazonaws.com'))], ['c1', 'c2']),
    PASS('S/L', 'clusters \'c1\', \'c2\'')],
  ['associateRoles roles: a role that trusts Redshift only in another Region', (s) => associate(s, [role(s, 'Role', { regions: ['us-east-1'] })]),
    '[S/Operator] `roles` (associateRoles for cluster \'c1\'): Role \'S/Role\' trusts Redshift only in us-east-1, but this cluster is in us-west-2: '
    + 'Redshift could not assume it [cdk-redshift-iam:trust-region]'],
  // 13
  ['NamespaceRoleAssociation roles: a RedshiftServiceRole without serverless', (s) => namespaceOf(s, role(s)),
    NAMESPACE('S/Role', 'Its trust names Redshift for provisioned clusters only (redshift.amazonaws.com): for a RedshiftServiceRole, set `serverless: true`; '
      + 'for another role, trust redshift-serverless.amazonaws.com with sts:AssumeRole as well')],
  ['NamespaceRoleAssociation roles: a RedshiftServiceRole with regions', (s) => namespaceOf(s, role(s, 'Role', { regions: ['us-west-2'] })),
    NAMESPACE('S/Role', 'Its trust names Redshift for provisioned clusters only (redshift.us-west-2.amazonaws.com): for a RedshiftServiceRole, set `serverless: true` '
      + 'and leave out `regions` (Redshift Serverless assumes roles through its global principal only); '
      + 'for another role, trust redshift-serverless.amazonaws.com with sts:AssumeRole as well')],
  ['NamespaceRoleAssociation roles: an iam.Role that trusts Lambda', (s) => namespaceOf(s, trusting(s, 'L', new iam.ServicePrincipal('lambda.amazonaws.com'))),
    NAMESPACE('S/L', 'Use RedshiftServiceRole with `serverless: true`, or trust redshift-serverless.amazonaws.com with sts:AssumeRole')],
];

/** [what, the call] — valid neighbours and Tokens: accepted (rows that need synthesis synthesize) */
export const ACCEPTED: Array<[string, () => unknown]> = [
  // 1
  ['fromArn: dbuser:CLUSTER/USER, the form Redshift sends', () => DatabaseUser.fromArn(`arn:aws:redshift:us-west-2:${A}:dbuser:my-cluster/etl`)],
  ['fromArn: a Token whose text holds dbuser/', () => DatabaseUser.fromArn(`arn:aws:redshift:us-west-2:${A}:dbuser/${TOKEN()}`)],
  // 2
  ['role databaseUsers and externalIds: left out', () => role(stack())],
  ['role databaseUsers: one user, externalIds left out', () => role(stack(), 'Role', { databaseUsers: [DatabaseUser.inCluster('c1', 'u1')] })],
  ['role externalIds: one value, databaseUsers left out', () => role(stack(), 'Role', { externalIds: ['partner-1'] })],
  ['role databaseUsers: a Token user', () => role(stack(), 'Role', { databaseUsers: [DatabaseUser.fromArn(TOKEN())] })],
  ['ChainedRole databaseUsers: one user', () => (() => { const s = stack(); return new ChainedRole(s, 'B', { assumedBy: role(s), databaseUsers: [DatabaseUser.inCluster('c1', 'u1')] }); })()],
  // 7
  ['RoleChain.of: the next role trusts the previous role\'s literal ARN', () => (() => {
    const s = stack(); return RoleChain.of([role(s, 'A', { roleName: 'A' }), trusting(s, 'X', new iam.ArnPrincipal(`arn:aws:iam::${A}:role/A`))]);
  })()],
  ['RoleChain.of: the next role trusts the previous role\'s account root', () => (() => {
    const s = stack(); return RoleChain.of([role(s, 'A'), trusting(s, 'X', new iam.ArnPrincipal(`arn:aws:iam::${A}:root`))]);
  })()],
  ['RoleChain.of: the next role trusts the previous role\'s account (AccountPrincipal)', () => (() => {
    const s = stack(); return RoleChain.of([role(s, 'A'), trusting(s, 'X', new iam.AccountPrincipal(A))]);
  })()],
  ['RoleChain.of: the next role trusts the previous role (its roleArn)', () => (() => {
    const s = stack(); const a = role(s, 'A'); return RoleChain.of([a, trusting(s, 'X', new iam.ArnPrincipal(a.roleArn))]);
  })()],
  ['RoleChain.of: the next role is imported (its trust is not visible)', () => (() => {
    const s = stack(); return RoleChain.of([role(s, 'A'), iam.Role.fromRoleArn(s, 'X', `arn:aws:iam::${B}:role/X`)]);
  })()],
  ['RoleChain.of: the next role trusts a principal that is a Token', () => (() => {
    const s = stack(); return RoleChain.of([role(s, 'A'), trusting(s, 'X', new iam.ArnPrincipal(TOKEN()))]);
  })()],
  // 8
  ['associateRoles roles: a RedshiftServiceRole (synthesized)', () => { const s = stack(); associate(s, [role(s)]); synthOf(s); }],
  ['associateRoles roles: a ChainedRole, acknowledged', () => {
    const s = stack();
    associate(s, [new ChainedRole(s, 'B', { assumedBy: role(s) })]);
    Validations.of(s).acknowledge({ id: 'cdk-redshift-iam:trust-names-redshift', reason: 'attached by hand in another account, for a test' });
    synthOf(s);
  }],
  ['associateRoles roles: an imported role (its trust is not visible)', () => { const s = stack(); associate(s, [iam.Role.fromRoleName(s, 'R', 'Anything')]); synthOf(s); }],
  ['associateRoles roles: a role whose trusted service is a Token', () => { const s = stack(); associate(s, [trusting(s, 'R', new iam.ServicePrincipal(TOKEN()))]); synthOf(s); }],
  ['associateRoles roles: Redshift trusted after the call', () => {
    const s = stack();
    const r = trusting(s, 'R', new iam.ServicePrincipal('lambda.amazonaws.com'));
    associate(s, [r]);
    r.assumeRolePolicy!.addStatements(new iam.PolicyStatement({ actions: ['sts:AssumeRole'], principals: [new iam.ServicePrincipal('redshift.amazonaws.com')] }));
    synthOf(s);
  }],
  ['associateRoles clusterIdentifiers: a Token, with a RedshiftServiceRole', () => { const s = stack(); associate(s, [role(s)], [TOKEN()]); synthOf(s); }],
  // 11
  ['databaseUsers: a user in a known Region', () => role(stack(), 'Role', { databaseUsers: [DatabaseUser.inCluster('c1', 'u1', { region: 'eu-west-1' })] })],
  ['databaseUsers: a user whose Region is a Token', () => role(stack(), 'Role', { databaseUsers: [DatabaseUser.inCluster('c1', 'u1', { region: TOKEN() })] })],
  // 13
  ['NamespaceRoleAssociation roles: a serverless RedshiftServiceRole (synthesized)', () => { const s = stack(); namespaceOf(s, role(s, 'Role', { serverless: true })); synthOf(s); }],
  ['allowCopyFrom keyPrefix: no leading slash', () => (() => { const s = stack(); role(s).allowCopyFrom(bucket(s), { keyPrefix: 'in/' }); })()],
  ['allowCopyFrom keyPrefix: left out (the whole bucket)', () => (() => { const s = stack(); role(s).allowCopyFrom(bucket(s)); })()],
  ['allowCopyFrom keyPrefix: a Token after a slash', () => (() => { const s = stack(); role(s).allowCopyFrom(bucket(s), { keyPrefix: `/${TOKEN()}` }); })()],
];

/** [what, the call on a fresh stack, the warning's id (without the prefix), its exact message (without the ack suffix)] */
export const WARNINGS: Array<[string, (s: Stack) => unknown, string, string]> = [
  // 11
  ['databaseUsers: inCluster in a Region no partition knows', (s) => role(s, 'Role', { databaseUsers: [DatabaseUser.inCluster('c1', 'u1', { region: 'xx-moon-1' })] }),
    'unknownRegion', USER_REGION(`arn:aws:redshift:xx-moon-1:${A}:dbuser:c1/u1`, 'xx-moon-1')],
  ['databaseUsers: inWorkgroup in a plausible but unknown Region', (s) => role(s, 'Role', { databaseUsers: [DatabaseUser.inWorkgroup(UUID, 'u1', { region: 'us-west-9', account: A })] }),
    'unknownRegion', USER_REGION(`arn:aws:redshift:us-west-9:${A}:dbuser:serverless-${A}-${UUID}/u1`, 'us-west-9')],
  ['databaseUsers: fromArn in a Region no partition knows', (s) => role(s, 'Role', { databaseUsers: [DatabaseUser.fromArn(`arn:aws:redshift:xx-moon-1:${A}:dbuser:c1/u1`)] }),
    'unknownRegion', USER_REGION(`arn:aws:redshift:xx-moon-1:${A}:dbuser:c1/u1`, 'xx-moon-1')],
  ['addDatabaseUser: a user in a Region no partition knows, on a ChainedRole', (s) => new ChainedRole(s, 'B', { assumedBy: role(s) })
    .addDatabaseUser(DatabaseUser.inCluster('c1', 'u1', { region: 'xx-moon-1', account: A })),
  'unknownRegion', USER_REGION(`arn:aws:redshift:xx-moon-1:${A}:dbuser:c1/u1`, 'xx-moon-1')],
];
