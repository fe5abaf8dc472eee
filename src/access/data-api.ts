import { aws_iam as iam, aws_secretsmanager as secretsmanager, Stack } from 'aws-cdk-lib';
import { scopeOf } from '../private/conditions';
import { DedicatedPolicy } from '../private/dedicated-policy';
import { validateWorkgroupArn } from '../private/integration-arns';
import { validateClusterIdentifier, validateDatabaseName, validateDbUserName } from '../private/validation';
import { RedshiftArn, RedshiftArnOptions } from '../redshift-arn';

/**
 * Options of `RedshiftPermissions.dataApi`: one cluster or workgroup, and exactly one way to sign
 * in (`dbUser`, `secret` or `iamIdentity`).
 */
export interface DataApiOptions extends RedshiftArnOptions {
  /**
   * The provisioned cluster the grantee runs SQL on. Give this or `workgroupArn`. `region` and
   * `account` locate it when it is not in the grantee's stack's Region and account.
   *
   * @default - no cluster: `workgroupArn` must be given
   */
  readonly clusterIdentifier?: string;

  /**
   * The ARN of the Redshift Serverless workgroup the grantee runs SQL on
   * (`arn:aws:redshift-serverless:REGION:ACCOUNT:workgroup/WORKGROUP-ID`, for example
   * `CfnWorkgroup.attrWorkgroupWorkgroupArn`). Give this or `clusterIdentifier`.
   *
   * @default - no workgroup: `clusterIdentifier` must be given
   */
  readonly workgroupArn?: string;

  /**
   * The only database the grantee may sign in to, where IAM can tell (`redshift:DbName` on the
   * temporary credentials of a cluster: `dbUser`, or `iamIdentity` with `clusterIdentifier`). A
   * secret, or the IAM identity on a workgroup, carries no database IAM could limit: with them,
   * `database` is an error rather than a restriction that does not hold.
   *
   * @default - any database of the cluster
   */
  readonly database?: string;

  /**
   * Sign in with temporary credentials for this database user (`redshift:GetClusterCredentials`,
   * clusters only). The Data API's `DbUser` parameter.
   *
   * @default - not this way: `secret` or `iamIdentity`
   */
  readonly dbUser?: string;

  /**
   * Sign in with the database credentials in this Secrets Manager secret
   * (`secretsmanager:GetSecretValue`, and `kms:Decrypt` through Secrets Manager on its key when
   * it has one). The Data API's `SecretArn` parameter.
   *
   * @default - not this way: `dbUser` or `iamIdentity`
   */
  readonly secret?: secretsmanager.ISecret;

  /**
   * Sign in as the caller's own IAM identity: `redshift:GetClusterCredentialsWithIAM` on a
   * cluster, `redshift-serverless:GetCredentials` on a workgroup (the database user is `IAM:name`
   * or `IAMR:name`).
   *
   * @default false - not this way: `dbUser` or `secret`
   */
  readonly iamIdentity?: boolean;
}

/** The Data API statement actions, which act on a statement ID rather than a resource IAM can name. */
const STATEMENT_ACTIONS = [
  'redshift-data:DescribeStatement',
  // Also authorizes the GetStatementResultV2 operation (there is no separate IAM action).
  'redshift-data:GetStatementResult',
  'redshift-data:CancelStatement',
  'redshift-data:ListStatements',
];

const DEDICATED_POLICY_ID = 'RedshiftDataApiPolicy';

/**
 * The Redshift Data API for one caller, as "Configuring IAM permissions" for the Data API (Amazon
 * Redshift Management Guide, data-api-iam.html) and the Service Authorization Reference
 * ("Actions, resources, and condition keys for Amazon Redshift Data API") describe it:
 *
 * - `redshift-data:ExecuteStatement` and `BatchExecuteStatement` on the one cluster or workgroup
 *   (both take the `cluster` and `workgroup` resource types);
 * - `DescribeStatement`, `GetStatementResult`, `CancelStatement` and `ListStatements` on `*`, as
 *   these actions have no resource type, limited with `redshift-data:statement-owner-iam-userid`
 *   = `${aws:userid}` to the caller's own statements: the statement of the AWS managed policy
 *   `AmazonRedshiftQueryEditor` that "Using identity-based policies (IAM policies) for Amazon
 *   Redshift" shows;
 * - one way to sign in: `GetClusterCredentials` on the `dbuser` (and `dbname`), or the secret, or
 *   `GetClusterCredentialsWithIAM` / `redshift-serverless:GetCredentials`.
 */
export function dataApi(grantee: iam.IGrantable, options: DataApiOptions): iam.Grant {
  const target = validateTarget(options);
  const signIn = validateSignIn(options, target);
  if (options.dbUser !== undefined) validateDbUserName('dbUser', options.dbUser);
  if (options.database !== undefined) validateDatabaseName('database', options.database);

  const scope = scopeOf(grantee);
  const dedicated = DedicatedPolicy.of(grantee, DEDICATED_POLICY_ID, 'RedshiftDataApi');
  const principal = dedicated?.grantee ?? grantee;
  const wildcard = (resource: string, reason: string) => dedicated?.scopedWildcard(resource, `cdk-redshift-iam: ${reason}`);

  const targetArn = target === 'cluster' ? RedshiftArn.cluster(scope, options.clusterIdentifier!, options) : options.workgroupArn!;
  let grant = iam.Grant.addToPrincipal({
    grantee: principal,
    actions: ['redshift-data:ExecuteStatement', 'redshift-data:BatchExecuteStatement'],
    resourceArns: [targetArn],
  }).combine(iam.Grant.addToPrincipal({
    grantee: principal,
    actions: STATEMENT_ACTIONS,
    resourceArns: ['*'],
    conditions: { StringEquals: { 'redshift-data:statement-owner-iam-userid': '${aws:userid}' } },
  }));
  wildcard('*', 'the Data API statement actions name no resource (a statement ID is not in any ARN); '
    + 'the redshift-data:statement-owner-iam-userid condition limits them to the statements the caller ran');

  const dbNames = () => {
    const arn = RedshiftArn.dbName(scope, options.clusterIdentifier!, options.database ?? '*', options);
    if (options.database === undefined) wildcard(arn, 'any database of one named cluster; set `database` to name one');
    return [arn];
  };
  const dbNameCondition = options.database !== undefined ? { 'redshift:DbName': options.database } : {};

  switch (signIn) {
    case 'dbUser':
      // "Using IAM authentication to generate database user credentials": GetClusterCredentials on
      // the dbuser (and dbname) resources, with the redshift:DbUser / redshift:DbName keys.
      grant = grant.combine(iam.Grant.addToPrincipal({
        grantee: principal,
        actions: ['redshift:GetClusterCredentials'],
        resourceArns: [RedshiftArn.dbUser(scope, options.clusterIdentifier!, options.dbUser!, options), ...dbNames()],
        conditions: { StringEquals: { 'redshift:DbUser': options.dbUser!, ...dbNameCondition } },
      }));
      break;
    case 'secret':
      grant = grant.combine(grantSecret(principal, options.secret!, wildcard));
      break;
    case 'iamIdentity':
      grant = grant.combine(target === 'cluster'
        ? iam.Grant.addToPrincipal({
          grantee: principal,
          actions: ['redshift:GetClusterCredentialsWithIAM'],
          resourceArns: dbNames(),
          conditions: options.database !== undefined ? { StringEquals: dbNameCondition } : undefined,
        })
        : iam.Grant.addToPrincipal({
          grantee: principal,
          actions: ['redshift-serverless:GetCredentials'],
          resourceArns: [targetArn],
        }));
      break;
  }
  return grant;
}

type Target = 'cluster' | 'workgroup';
type SignIn = 'dbUser' | 'secret' | 'iamIdentity';

function validateTarget(options: DataApiOptions): Target {
  const { clusterIdentifier, workgroupArn } = options;
  if (clusterIdentifier !== undefined && workgroupArn !== undefined) {
    throw new Error('`RedshiftPermissions.dataApi` takes `clusterIdentifier` (a provisioned cluster) or `workgroupArn` (a Redshift Serverless workgroup), not both');
  }
  if (clusterIdentifier === undefined && workgroupArn === undefined) {
    throw new Error('`RedshiftPermissions.dataApi` needs `clusterIdentifier` (a provisioned cluster) or `workgroupArn` (a Redshift Serverless workgroup), got neither');
  }
  if (clusterIdentifier !== undefined) {
    validateClusterIdentifier('clusterIdentifier', clusterIdentifier);
    return 'cluster';
  }
  if (options.region !== undefined || options.account !== undefined) {
    throw new Error('`region` and `account` locate a `clusterIdentifier`; a `workgroupArn` holds its own Region and account');
  }
  validateWorkgroupArn('workgroupArn', workgroupArn!, 'one');
  return 'workgroup';
}

function validateSignIn(options: DataApiOptions, target: Target): SignIn {
  const given: SignIn[] = [];
  if (options.dbUser !== undefined) given.push('dbUser');
  if (options.secret !== undefined) given.push('secret');
  if (options.iamIdentity) given.push('iamIdentity');
  if (given.length !== 1) {
    throw new Error('`RedshiftPermissions.dataApi` needs exactly one way to sign in: `dbUser` (temporary credentials for a database user), '
      + `\`secret\` (a Secrets Manager secret) or \`iamIdentity: true\` (the caller's IAM identity), got ${given.length === 0 ? 'none' : given.map((g) => `\`${g}\``).join(' and ')}`);
  }
  const signIn = given[0];
  if (signIn === 'dbUser' && target === 'workgroup') {
    throw new Error('`dbUser` signs in with redshift:GetClusterCredentials, which only provisioned clusters offer; with `workgroupArn` use `secret` or `iamIdentity: true`');
  }
  if (options.database !== undefined && (signIn === 'secret' || target === 'workgroup')) {
    throw new Error(`\`database\` is enforced only on the temporary credentials of a cluster (\`dbUser\`, or \`iamIdentity\` with \`clusterIdentifier\`); with ${signIn === 'secret' ? 'a `secret`' : 'a `workgroupArn`'} IAM cannot limit the database, got: '${options.database}'`);
  }
  return signIn;
}

/**
 * `secretsmanager:GetSecretValue` on the secret, and `kms:Decrypt` on its key through Secrets
 * Manager only (`kms:ViaService`), as `ISecret.grantRead` does, without its `DescribeSecret`
 * (the Data API only reads the secret's value).
 */
function grantSecret(grantee: iam.IGrantable, secret: secretsmanager.ISecret, wildcard: (resource: string, reason: string) => void): iam.Grant {
  // A secret imported by name has no full ARN; Secrets Manager appends six random characters.
  const secretArn = secret.secretFullArn ?? `${secret.secretArn}-??????`;
  if (secret.secretFullArn === undefined) {
    wildcard(secretArn, 'the six characters Secrets Manager appends to the name of one named secret');
  }
  let grant = iam.Grant.addToPrincipal({ grantee, actions: ['secretsmanager:GetSecretValue'], resourceArns: [secretArn] });
  if (secret.encryptionKey) {
    // Through Secrets Manager only (kms:ViaService); on the key's policy too when the key is in
    // another account (iam.Grant.addToPrincipalOrResource, as IKey.grant does).
    grant = grant.combine(iam.Grant.addToPrincipalOrResource({
      grantee,
      actions: ['kms:Decrypt'],
      resourceArns: [secret.encryptionKey.keyArn],
      resourceSelfArns: ['*'],
      resource: secret.encryptionKey,
      conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${Stack.of(secret).region}.amazonaws.com` } },
    }));
  }
  return grant;
}
