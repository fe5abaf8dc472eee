import { aws_iam as iam, aws_kms as kms, aws_lambda as lambda, aws_redshiftserverless as rss, aws_secretsmanager as secretsmanager, Stack, Token } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { DataApiOptions, RedshiftPermissions } from '../../src';
import { decide, roleMay, roleView } from '../helpers/iam';
import { newStack, synth } from '../helpers/synth';
import { testNamespace } from '../helpers/targets';

const ACCT = '123456789012';
const cluster = (name: string) => `arn:aws:redshift:us-west-2:${ACCT}:cluster:${name}`;
const WORKGROUP_ID = '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
const OTHER_WORKGROUP_ID = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const workgroup = (id: string) => `arn:aws:redshift-serverless:us-west-2:${ACCT}:workgroup/${id}`;
const SECRET_ARN = `arn:aws:secretsmanager:us-west-2:${ACCT}:secret:redshift/etl-AbCdEf`;
const KEY_ARN = `arn:aws:kms:us-west-2:${ACCT}:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b`;
/** What the Data API sends: the caller's user ID, and the owner of the statement asked about. */
const CALLER_ID = 'AROAEXAMPLECALLER:loader';
const own = { 'aws:userid': CALLER_ID, 'redshift-data:statement-owner-iam-userid': CALLER_ID };
const someoneElses = { 'aws:userid': CALLER_ID, 'redshift-data:statement-owner-iam-userid': 'AROAOTHERCALLER:someone' };
const STATEMENT_ACTIONS = ['redshift-data:DescribeStatement', 'redshift-data:GetStatementResult', 'redshift-data:CancelStatement', 'redshift-data:ListStatements'];

function setup() {
  const stack = newStack();
  const caller = new iam.Role(stack, 'Caller', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), roleName: 'Caller' });
  return { stack, caller };
}

describe('RedshiftPermissions.dataApi', () => {
  test('a cluster with temporary credentials: the statements, in a policy of their own', () => {
    // GIVEN
    const { stack, caller } = setup();
    // WHEN
    RedshiftPermissions.dataApi(caller, { clusterIdentifier: 'my-cluster', dbUser: 'etl', database: 'dev' });
    // THEN
    synth(stack).hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^Caller') }],
      PolicyDocument: {
        Statement: [
          { Effect: 'Allow', Action: ['redshift-data:ExecuteStatement', 'redshift-data:BatchExecuteStatement'], Resource: cluster('my-cluster') },
          {
            Effect: 'Allow',
            Action: STATEMENT_ACTIONS,
            Resource: '*',
            Condition: { StringEquals: { 'redshift-data:statement-owner-iam-userid': '${aws:userid}' } },
          },
          {
            Effect: 'Allow',
            Action: 'redshift:GetClusterCredentials',
            Resource: [`arn:aws:redshift:us-west-2:${ACCT}:dbuser:my-cluster/etl`, `arn:aws:redshift:us-west-2:${ACCT}:dbname:my-cluster/dev`],
            Condition: { StringEquals: { 'redshift:DbUser': 'etl', 'redshift:DbName': 'dev' } },
          },
        ],
      },
    });
    expect(stack.node.findChild('Caller').node.tryFindChild('RedshiftDataApiPolicy')).toBeInstanceOf(iam.Policy);
  });

  test('the cluster, the caller\'s own statements and the one user are allowed; their neighbours are denied', async () => {
    const { stack, caller } = setup();
    RedshiftPermissions.dataApi(caller, { clusterIdentifier: 'my-cluster', dbUser: 'etl', database: 'dev' });
    const view = roleView(caller, synth(stack));
    // run SQL on this cluster only
    expect(await roleMay(view, 'redshift-data:ExecuteStatement', cluster('my-cluster'))).toBe('Allowed');
    expect(await roleMay(view, 'redshift-data:BatchExecuteStatement', cluster('my-cluster'))).toBe('Allowed');
    expect(await roleMay(view, 'redshift-data:ExecuteStatement', cluster('other-cluster'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift-data:ExecuteStatement', workgroup(WORKGROUP_ID))).toBe('ImplicitlyDenied');
    // its own statements, not someone else's
    for (const action of STATEMENT_ACTIONS) {
      expect(await roleMay(view, action, '*', own)).toBe('Allowed');
      expect(await roleMay(view, action, '*', someoneElses)).toBe('ImplicitlyDenied');
    }
    // sign in as etl to dev, and nothing else
    const etl = `arn:aws:redshift:us-west-2:${ACCT}:dbuser:my-cluster/etl`;
    const ok = { 'redshift:DbUser': 'etl', 'redshift:DbName': 'dev' };
    expect(await roleMay(view, 'redshift:GetClusterCredentials', etl, ok)).toBe('Allowed');
    expect(await roleMay(view, 'redshift:GetClusterCredentials', etl.replace('/etl', '/admin'), { ...ok, 'redshift:DbUser': 'admin' })).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift:GetClusterCredentials', etl, { ...ok, 'redshift:DbName': 'prod' })).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift:GetClusterCredentials', etl.replace('my-cluster', 'other-cluster'), ok)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift:GetClusterCredentialsWithIAM', `arn:aws:redshift:us-west-2:${ACCT}:dbname:my-cluster/dev`)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'secretsmanager:GetSecretValue', SECRET_ARN)).toBe('ImplicitlyDenied');
    // the metadata actions are not part of the grant
    expect(await roleMay(view, 'redshift-data:ListTables', cluster('my-cluster'))).toBe('ImplicitlyDenied');
  });

  test('a workgroup with the caller\'s IAM identity: GetCredentials on that workgroup only', async () => {
    const { stack, caller } = setup();
    RedshiftPermissions.dataApi(caller, { workgroupArn: workgroup(WORKGROUP_ID), iamIdentity: true });
    const template = synth(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([{ Effect: 'Allow', Action: 'redshift-serverless:GetCredentials', Resource: workgroup(WORKGROUP_ID) }]),
      },
    });
    const view = roleView(caller, template);
    expect(await roleMay(view, 'redshift-data:ExecuteStatement', workgroup(WORKGROUP_ID))).toBe('Allowed');
    expect(await roleMay(view, 'redshift-data:ExecuteStatement', workgroup(OTHER_WORKGROUP_ID))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift-data:ExecuteStatement', cluster('my-cluster'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift-serverless:GetCredentials', workgroup(WORKGROUP_ID))).toBe('Allowed');
    expect(await roleMay(view, 'redshift-serverless:GetCredentials', workgroup(OTHER_WORKGROUP_ID))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift-data:GetStatementResult', '*', own)).toBe('Allowed');
    expect(await roleMay(view, 'redshift-data:GetStatementResult', '*', someoneElses)).toBe('ImplicitlyDenied');
  });

  test('a cluster with the caller\'s IAM identity: GetClusterCredentialsWithIAM on the one database', async () => {
    const { stack, caller } = setup();
    RedshiftPermissions.dataApi(caller, { clusterIdentifier: 'my-cluster', iamIdentity: true, database: 'dev' });
    const view = roleView(caller, synth(stack));
    const dev = `arn:aws:redshift:us-west-2:${ACCT}:dbname:my-cluster/dev`;
    expect(await roleMay(view, 'redshift:GetClusterCredentialsWithIAM', dev, { 'redshift:DbName': 'dev' })).toBe('Allowed');
    expect(await roleMay(view, 'redshift:GetClusterCredentialsWithIAM', dev.replace('/dev', '/prod'), { 'redshift:DbName': 'prod' })).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift:GetClusterCredentials', `arn:aws:redshift:us-west-2:${ACCT}:dbuser:my-cluster/etl`)).toBe('ImplicitlyDenied');
  });

  test('without `database`, any database of the one cluster', async () => {
    const { stack, caller } = setup();
    RedshiftPermissions.dataApi(caller, { clusterIdentifier: 'my-cluster', iamIdentity: true });
    const view = roleView(caller, synth(stack));
    expect(await roleMay(view, 'redshift:GetClusterCredentialsWithIAM', `arn:aws:redshift:us-west-2:${ACCT}:dbname:my-cluster/prod`)).toBe('Allowed');
    expect(await roleMay(view, 'redshift:GetClusterCredentialsWithIAM', `arn:aws:redshift:us-west-2:${ACCT}:dbname:other-cluster/prod`)).toBe('ImplicitlyDenied');
  });

  test('a secret: GetSecretValue on it, and kms:Decrypt on its key through Secrets Manager only', async () => {
    const { stack, caller } = setup();
    const secret = secretsmanager.Secret.fromSecretAttributes(stack, 'Secret', {
      secretCompleteArn: SECRET_ARN,
      encryptionKey: kms.Key.fromKeyArn(stack, 'Key', KEY_ARN),
    });
    RedshiftPermissions.dataApi(caller, { workgroupArn: workgroup(WORKGROUP_ID), secret });
    const view = roleView(caller, synth(stack));
    expect(await roleMay(view, 'secretsmanager:GetSecretValue', SECRET_ARN)).toBe('Allowed');
    expect(await roleMay(view, 'secretsmanager:GetSecretValue', SECRET_ARN.replace('etl', 'admin'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'secretsmanager:DescribeSecret', SECRET_ARN)).toBe('ImplicitlyDenied');
    // the key policy of a key that trusts its account's IAM policies (the default of kms.Key)
    const keyPolicy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCT}:root` }, Action: 'kms:*', Resource: '*' }] };
    const decrypt = (context: Record<string, string>) =>
      decide({ principal: view.arn, action: 'kms:Decrypt', resource: KEY_ARN, identity: view.identity, resourcePolicy: keyPolicy, context });
    expect(await decrypt({ 'kms:ViaService': 'secretsmanager.us-west-2.amazonaws.com' })).toBe('Allowed');
    expect(await decrypt({})).toBe('ImplicitlyDenied');
    expect(await decrypt({ 'kms:ViaService': 's3.us-west-2.amazonaws.com' })).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift-serverless:GetCredentials', workgroup(WORKGROUP_ID))).toBe('ImplicitlyDenied');
  });

  test('a secret imported by name: the six characters Secrets Manager appends, and no more', async () => {
    const { stack, caller } = setup();
    const secret = secretsmanager.Secret.fromSecretNameV2(stack, 'Secret', 'redshift/etl');
    RedshiftPermissions.dataApi(caller, { clusterIdentifier: 'my-cluster', secret });
    const view = roleView(caller, synth(stack));
    expect(await roleMay(view, 'secretsmanager:GetSecretValue', SECRET_ARN)).toBe('Allowed');
    expect(await roleMay(view, 'secretsmanager:GetSecretValue', `arn:aws:secretsmanager:us-west-2:${ACCT}:secret:redshift/etl-admin-AbCdEf`)).toBe('ImplicitlyDenied');
  });

  test('a Lambda function is a grantee; Tokens pass through', () => {
    const stack = newStack();
    const fn = new lambda.Function(stack, 'Loader', {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => {}'),
    });
    const ns = testNamespace(stack);
    const wg = new rss.CfnWorkgroup(stack, 'Workgroup', { workgroupName: 'analytics', namespaceName: ns.ref });
    RedshiftPermissions.dataApi(fn, { workgroupArn: wg.attrWorkgroupWorkgroupArn, iamIdentity: true });
    synth(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([{ Effect: 'Allow', Action: 'redshift-serverless:GetCredentials', Resource: { 'Fn::GetAtt': ['Workgroup', 'Workgroup.WorkgroupArn'] } }]),
      },
    });
    const tokenStack = new Stack(stack.node.root, 'Agnostic');
    const role = new iam.Role(tokenStack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() });
    expect(() => RedshiftPermissions.dataApi(role, { clusterIdentifier: Token.asString({ Ref: 'ClusterId' }), dbUser: Token.asString({ Ref: 'User' }) })).not.toThrow();
  });

  test('two clusters for one caller share its Data API policy', async () => {
    const { stack, caller } = setup();
    RedshiftPermissions.dataApi(caller, { clusterIdentifier: 'my-cluster', iamIdentity: true });
    RedshiftPermissions.dataApi(caller, { clusterIdentifier: 'reporting', iamIdentity: true });
    const template = synth(stack);
    template.resourceCountIs('AWS::IAM::Policy', 1);
    const view = roleView(caller, template);
    expect(await roleMay(view, 'redshift-data:ExecuteStatement', cluster('my-cluster'))).toBe('Allowed');
    expect(await roleMay(view, 'redshift-data:ExecuteStatement', cluster('reporting'))).toBe('Allowed');
    expect(await roleMay(view, 'redshift-data:ExecuteStatement', cluster('other-cluster'))).toBe('ImplicitlyDenied');
  });

  test('an imported role gets the statements the usual way', () => {
    const stack = newStack();
    const role = iam.Role.fromRoleArn(stack, 'Imported', `arn:aws:iam::${ACCT}:role/Loader`);
    RedshiftPermissions.dataApi(role, { clusterIdentifier: 'my-cluster', dbUser: 'etl' });
    synth(stack).hasResourceProperties('AWS::IAM::Policy', {
      Roles: ['Loader'],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'redshift:GetClusterCredentials' })]) },
    });
  });

  const secret = (stack: Stack) => secretsmanager.Secret.fromSecretNameV2(stack, 'S', 'redshift/etl');
  test.each<[string, (stack: Stack) => DataApiOptions, string]>([
    ['neither cluster nor workgroup', () => ({ dbUser: 'etl' }),
      '`RedshiftPermissions.dataApi` needs `clusterIdentifier` (a provisioned cluster) or `workgroupArn` (a Redshift Serverless workgroup), got neither'],
    ['both cluster and workgroup', () => ({ clusterIdentifier: 'c1', workgroupArn: workgroup(WORKGROUP_ID), iamIdentity: true }),
      '`RedshiftPermissions.dataApi` takes `clusterIdentifier` (a provisioned cluster) or `workgroupArn` (a Redshift Serverless workgroup), not both'],
    ['no way to sign in', () => ({ clusterIdentifier: 'c1' }),
      "`RedshiftPermissions.dataApi` needs exactly one way to sign in: `dbUser` (temporary credentials for a database user), `secret` (a Secrets Manager secret) or `iamIdentity: true` (the caller's IAM identity), got none"],
    ['iamIdentity: false is no way to sign in', () => ({ clusterIdentifier: 'c1', iamIdentity: false }), 'got none'],
    ['two ways to sign in', (s) => ({ clusterIdentifier: 'c1', dbUser: 'etl', secret: secret(s) }), 'got `dbUser` and `secret`'],
    ['three ways to sign in', (s) => ({ clusterIdentifier: 'c1', dbUser: 'etl', secret: secret(s), iamIdentity: true }), 'got `dbUser` and `secret` and `iamIdentity`'],
    ['dbUser with a workgroup', () => ({ workgroupArn: workgroup(WORKGROUP_ID), dbUser: 'etl' }),
      '`dbUser` signs in with redshift:GetClusterCredentials, which only provisioned clusters offer; with `workgroupArn` use `secret` or `iamIdentity: true`'],
    ['database with a secret', (s) => ({ clusterIdentifier: 'c1', secret: secret(s), database: 'dev' }),
      "`database` is enforced only on the temporary credentials of a cluster (`dbUser`, or `iamIdentity` with `clusterIdentifier`); with a `secret` IAM cannot limit the database, got: 'dev'"],
    ['database with a workgroup', () => ({ workgroupArn: workgroup(WORKGROUP_ID), iamIdentity: true, database: 'dev' }),
      "with a `workgroupArn` IAM cannot limit the database, got: 'dev'"],
    ['a workgroup name for its ARN', () => ({ workgroupArn: 'analytics', iamIdentity: true }),
      "`workgroupArn` must be the ARN of a Redshift Serverless workgroup, arn:aws:redshift-serverless:REGION:ACCOUNT:workgroup/WORKGROUP-ID (the ID, not the name), got: 'analytics'"],
    ['a workgroup ARN with its name', () => ({ workgroupArn: `arn:aws:redshift-serverless:us-west-2:${ACCT}:workgroup/analytics`, iamIdentity: true }),
      `got: 'arn:aws:redshift-serverless:us-west-2:${ACCT}:workgroup/analytics'`],
    ['a namespace ARN', () => ({ workgroupArn: `arn:aws:redshift-serverless:us-west-2:${ACCT}:namespace/${WORKGROUP_ID}`, iamIdentity: true }),
      '`workgroupArn` must be the ARN of a Redshift Serverless workgroup'],
    ['region with a workgroup', () => ({ workgroupArn: workgroup(WORKGROUP_ID), iamIdentity: true, region: 'us-east-1' }),
      '`region` and `account` locate a `clusterIdentifier`; a `workgroupArn` holds its own Region and account'],
    ['a bad cluster identifier', () => ({ clusterIdentifier: 'My_Cluster', iamIdentity: true }),
      "`clusterIdentifier` must be 1 to 63 lowercase letters, digits or hyphens, start with a letter, and contain no two consecutive hyphens and no trailing hyphen (Redshift cluster identifier), got: 'My_Cluster'"],
    ['a bad database user', () => ({ clusterIdentifier: 'c1', dbUser: '1etl' }),
      "`dbUser` must be 1 to 64 characters, start with a letter, and contain only letters, digits and _+.@- (Redshift database user name), got: '1etl'"],
    ['a bad database', () => ({ clusterIdentifier: 'c1', dbUser: 'etl', database: 'my db' }),
      "`database` must be a Redshift database name of 1 to 127 letters, digits, _, $ or -, not starting with a digit, got: 'my db'"],
  ])('rejects %s', (_label, options, message) => {
    const { stack, caller } = setup();
    expect(() => RedshiftPermissions.dataApi(caller, options(stack))).toThrow(message);
  });
});
