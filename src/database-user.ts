import { Arn, ArnFormat, Stack, Token } from 'aws-cdk-lib';
import { parseArn } from './private/arns';
import { recordDatabaseUser } from './private/database-user-keys';
import { partitionOf, StackScopedValue } from './private/stack-scoped';
import {
  isUnresolved,
  isUuid,
  UUID_PATTERN,
  validateAccount,
  validateClusterIdentifier,
  validateDbUserName,
  validateRegion,
} from './private/validation';

/**
 * Where a database user lives, when it is not in the stack's own Region and account.
 */
export interface DatabaseUserOptions {
  /**
   * The AWS Region of the cluster or workgroup.
   *
   * @default - the Region of the stack that uses this user
   */
  readonly region?: string;

  /**
   * The AWS account that owns the cluster or workgroup.
   *
   * @default - the account of the stack that uses this user
   */
  readonly account?: string;
}

/** The partitions whose Redshift database users this library can name. */
const PARTITION = /^(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-[a-z]|aws-eusc)$/;
/** The resource name of a database user ARN: `CLUSTER/USER`. */
const CLUSTER_AND_USER = /^([^/:]+)\/([^/:]+)$/;

/** The cluster part of a Serverless database user's ARN, `serverless-ACCOUNT-WORKGROUPID`, loosely. */
const SERVERLESS_WITH_ACCOUNT = /^serverless-([0-9]{12})-(.+)$/;
const SERVERLESS_WITHOUT_ACCOUNT = new RegExp(`^serverless-${UUID_PATTERN}$`);

/**
 * Whether the cluster part of a user's ARN is meant for Redshift Serverless: `serverless-` and an
 * account ID, or `serverless-` and a workgroup ID. (`serverless-etl` is a provisioned cluster.)
 */
function looksServerless(cluster: string): boolean {
  return SERVERLESS_WITH_ACCOUNT.test(cluster) || SERVERLESS_WITHOUT_ACCOUNT.test(cluster);
}

/**
 * The cluster part of a Serverless user's ARN names the workgroup by its ID and repeats the ARN's
 * account; a workgroup name, or another account, makes an ARN that Redshift never sends.
 */
function validateServerlessUser(arn: string, cluster: string, account: string): void {
  const match = SERVERLESS_WITH_ACCOUNT.exec(cluster);
  if (!match || !isUuid(match[2])) {
    throw new Error(`\`DatabaseUser.fromArn\` for Redshift Serverless expects the cluster part serverless-ACCOUNT-WORKGROUPID, where WORKGROUPID is the workgroup's ID (a UUID; Redshift puts the ID, not the name, in the database user ARN), got: '${arn}'`);
  }
  if (match[1] !== account) {
    throw new Error(`\`DatabaseUser.fromArn\` for Redshift Serverless expects the account in serverless-ACCOUNT-WORKGROUPID to be the ARN's account ${account} (Redshift sends the workgroup's own account in both places), got '${match[1]}' in: '${arn}'`);
  }
}

/**
 * A Redshift database user, as Redshift identifies it when it assumes an IAM role.
 *
 * When a database user runs COPY, UNLOAD or another command with an IAM role, Redshift sends
 * the user's ARN, `arn:aws:redshift:REGION:ACCOUNT:dbuser:CLUSTER/USER`, as the `sts:ExternalId`
 * of the AssumeRole call. A role's trust policy that lists these ARNs lets only those users use
 * the role.
 *
 * @example
 * new RedshiftServiceRole(this, 'Role', {
 *   databaseUsers: [
 *     DatabaseUser.inCluster('my-cluster', 'user1'),                    // the stack's Region and account
 *     DatabaseUser.inCluster('my-cluster', 'user2', { region: 'us-east-1' }),
 *     DatabaseUser.fromArn('arn:aws:redshift:us-west-2:123456789012:dbuser:my-cluster/user3'),
 *   ],
 * });
 */
export class DatabaseUser {
  /**
   * A database user from its ARN, `arn:aws:redshift:REGION:ACCOUNT:dbuser:CLUSTER/USER`.
   *
   * For Redshift Serverless the cluster part is `serverless-ACCOUNT-WORKGROUPID`.
   */
  public static fromArn(arn: string): DatabaseUser {
    if (isUnresolved(arn)) {
      return new DatabaseUser(() => arn, `token:${arn}`, undefined, arn);
    }
    const parts = parseArn(arn);
    if (parts?.service === 'redshift' && /^dbuser\//.test(arn.split(':').slice(5).join(':'))) {
      throw new Error(`\`DatabaseUser.fromArn\` expects arn:aws:redshift:REGION:ACCOUNT:dbuser:CLUSTER/USER, with a colon after dbuser: Redshift sends the user's ARN in that form only, so a trust that lists dbuser/CLUSTER/USER never matches (use '${arn.replace(':dbuser/', ':dbuser:')}'), got: '${arn}'`);
    }
    const names = parts !== undefined && PARTITION.test(parts.partition ?? '') && parts.service === 'redshift' && parts.resource === 'dbuser'
      ? CLUSTER_AND_USER.exec(parts.resourceName ?? '')
      : null;
    if (!parts || !names) {
      throw new Error(`\`DatabaseUser.fromArn\` expects arn:aws:redshift:REGION:ACCOUNT:dbuser:CLUSTER/USER, got: '${arn}'`);
    }
    const [, cluster, user] = names;
    const region = parts.region ?? '';
    const account = parts.account ?? '';
    validateRegion('DatabaseUser.fromArn region', region);
    validateAccount('DatabaseUser.fromArn account', account);
    if (looksServerless(cluster)) {
      validateServerlessUser(arn, cluster, account);
    } else {
      validateClusterIdentifier('DatabaseUser.fromArn cluster', cluster);
    }
    validateDbUserName('DatabaseUser.fromArn user name', user);
    return new DatabaseUser(() => arn, arn, region, arn);
  }

  /**
   * A database user of a provisioned Redshift cluster.
   *
   * @param clusterIdentifier the cluster identifier, e.g. `my-cluster`
   * @param userName the database user name, e.g. `user1`
   */
  public static inCluster(clusterIdentifier: string, userName: string,
    /** @default - the Region and account of the stack that uses this user */
    options: DatabaseUserOptions = {}): DatabaseUser {
    validateClusterIdentifier('clusterIdentifier', clusterIdentifier);
    validateDbUserName('userName', userName);
    return DatabaseUser.fromParts(() => clusterIdentifier, clusterIdentifier, userName, options);
  }

  /**
   * A database user of a Redshift Serverless workgroup.
   *
   * Redshift Serverless identifies the user as
   * `arn:aws:redshift:REGION:ACCOUNT:dbuser:serverless-ACCOUNT-WORKGROUPID/USER`: it uses the
   * workgroup's ID (a UUID, `CfnWorkgroup.attrWorkgroupWorkgroupId`), not its name.
   *
   * @param workgroupId the workgroup ID, e.g. `0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b`
   * @param userName the database user name
   */
  public static inWorkgroup(workgroupId: string, userName: string,
    /** @default - the Region and account of the stack that uses this user */
    options: DatabaseUserOptions = {}): DatabaseUser {
    if (!isUnresolved(workgroupId) && !isUuid(workgroupId)) {
      throw new Error(`\`workgroupId\` must be the Redshift Serverless workgroup ID (a UUID such as 0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b; Redshift puts the ID, not the name, in the database user ARN), got: '${workgroupId}'`);
    }
    validateDbUserName('userName', userName);
    return DatabaseUser.fromParts(
      (account) => `serverless-${account}-${workgroupId}`,
      `serverless-${workgroupId}`,
      userName,
      options,
    );
  }

  private static fromParts(
    cluster: (account: string) => string,
    clusterKey: string,
    userName: string,
    options: DatabaseUserOptions,
  ): DatabaseUser {
    if (options.region !== undefined) validateRegion('region', options.region);
    if (options.account !== undefined) validateAccount('account', options.account);
    const render = (stack?: Stack): string => {
      const region = options.region ?? stack?.region;
      const account = options.account ?? stack?.account;
      if (region === undefined || account === undefined) {
        throw new Error('DatabaseUser: the Region and account are taken from the stack that uses this user; give them explicitly to read `arn` outside a stack');
      }
      const partition = partitionOf(region) ?? stack?.partition;
      return Arn.format({
        partition,
        service: 'redshift',
        region,
        account,
        resource: 'dbuser',
        resourceName: `${cluster(account)}/${userName}`,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      }, stack);
    };
    const key = `${options.region ?? '<stack-region>'}:${options.account ?? '<stack-account>'}:${clusterKey}/${userName}`;
    if (options.region !== undefined && options.account !== undefined && partitionOf(options.region) !== undefined) {
      const arn = render();
      return new DatabaseUser(() => arn, key, options.region, arn);
    }
    return new DatabaseUser((stack) => render(stack), key, options.region, undefined);
  }

  /**
   * The user's ARN, `arn:aws:redshift:REGION:ACCOUNT:dbuser:CLUSTER/USER`: the value Redshift
   * sends as `sts:ExternalId`. A Token that takes the Region and account of the stack it is used
   * in, unless both were given.
   */
  public readonly arn: string;

  /**
   * `region`: the Region as given (in the ARN, or `options.region`); `undefined` when it is the stack's.
   * `arn`: the ARN when it needs no stack (given whole, or with its Region and account), else `undefined`.
   */
  private constructor(render: (stack?: Stack) => string, key: string, region: string | undefined, arn: string | undefined) {
    recordDatabaseUser(this, key, render, region);
    this.arn = arn ?? Token.asString(new StackScopedValue(render));
  }
}
