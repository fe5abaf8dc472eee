import { ArnFormat, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import {
  isUnresolved,
  validateAccount,
  validateClusterIdentifier,
  validateDbUserName,
  validateRegion,
} from './private/validation';

/**
 * Where a Redshift resource lives, when it is not in the stack's own Region and account.
 */
export interface RedshiftArnOptions {
  /**
   * The resource's Region.
   *
   * @default - the stack's Region
   */
  readonly region?: string;

  /**
   * The account that owns the resource.
   *
   * @default - the stack's account
   */
  readonly account?: string;
}

/**
 * The ARNs of Amazon Redshift and Redshift Serverless resources, for IAM policies.
 *
 * Every ARN goes through `Stack.formatArn`, so the partition, Region and account come from the
 * stack unless given, and Tokens work anywhere. A name of `*` stands for every resource of that
 * type (for example `RedshiftArn.cluster(this, '*')`).
 */
export class RedshiftArn {
  /** `arn:aws:redshift:REGION:ACCOUNT:cluster:CLUSTER` */
  public static cluster(scope: Construct, clusterIdentifier: string, options: RedshiftArnOptions = {}): string {
    clusterOrWildcard('clusterIdentifier', clusterIdentifier);
    return redshift(scope, 'cluster', clusterIdentifier, options);
  }

  /** `arn:aws:redshift:REGION:ACCOUNT:dbuser:CLUSTER/USER` */
  public static dbUser(scope: Construct, clusterIdentifier: string, userName: string, options: RedshiftArnOptions = {}): string {
    clusterOrWildcard('clusterIdentifier', clusterIdentifier);
    if (userName !== '*') validateDbUserName('userName', userName);
    return redshift(scope, 'dbuser', `${clusterIdentifier}/${userName}`, options);
  }

  /** `arn:aws:redshift:REGION:ACCOUNT:dbname:CLUSTER/DATABASE` */
  public static dbName(scope: Construct, clusterIdentifier: string, databaseName: string, options: RedshiftArnOptions = {}): string {
    clusterOrWildcard('clusterIdentifier', clusterIdentifier);
    name('databaseName', databaseName, /^[a-z_][a-z0-9_$-]{0,126}$|^\*$/i, 'a database name of up to 127 letters, digits, _ or $, not starting with a digit');
    return redshift(scope, 'dbname', `${clusterIdentifier}/${databaseName}`, options);
  }

  /** `arn:aws:redshift:REGION:ACCOUNT:dbgroup:CLUSTER/GROUP` */
  public static dbGroup(scope: Construct, clusterIdentifier: string, groupName: string, options: RedshiftArnOptions = {}): string {
    clusterOrWildcard('clusterIdentifier', clusterIdentifier);
    name('groupName', groupName, /^[a-z_][a-z0-9_$.+@-]{0,126}$|^\*$/i, 'a database group name of up to 127 characters, not starting with a digit');
    return redshift(scope, 'dbgroup', `${clusterIdentifier}/${groupName}`, options);
  }

  /** `arn:aws:redshift:REGION:ACCOUNT:snapshot:CLUSTER/SNAPSHOT` */
  public static snapshot(scope: Construct, clusterIdentifier: string, snapshotIdentifier: string, options: RedshiftArnOptions = {}): string {
    clusterOrWildcard('clusterIdentifier', clusterIdentifier);
    name('snapshotIdentifier', snapshotIdentifier, IDENTIFIER, IDENTIFIER_RULE);
    return redshift(scope, 'snapshot', `${clusterIdentifier}/${snapshotIdentifier}`, options);
  }

  /** `arn:aws:redshift:REGION:ACCOUNT:snapshotcopygrant:GRANT` */
  public static snapshotCopyGrant(scope: Construct, grantName: string, options: RedshiftArnOptions = {}): string {
    name('grantName', grantName, IDENTIFIER, IDENTIFIER_RULE);
    return redshift(scope, 'snapshotcopygrant', grantName, options);
  }

  /** `arn:aws:redshift:REGION:ACCOUNT:snapshotschedule:SCHEDULE` */
  public static snapshotSchedule(scope: Construct, scheduleIdentifier: string, options: RedshiftArnOptions = {}): string {
    name('scheduleIdentifier', scheduleIdentifier, IDENTIFIER, IDENTIFIER_RULE);
    return redshift(scope, 'snapshotschedule', scheduleIdentifier, options);
  }

  /** `arn:aws:redshift:REGION:ACCOUNT:parametergroup:GROUP` */
  public static parameterGroup(scope: Construct, parameterGroupName: string, options: RedshiftArnOptions = {}): string {
    name('parameterGroupName', parameterGroupName, IDENTIFIER, IDENTIFIER_RULE);
    return redshift(scope, 'parametergroup', parameterGroupName, options);
  }

  /** `arn:aws:redshift:REGION:ACCOUNT:subnetgroup:GROUP` */
  public static subnetGroup(scope: Construct, subnetGroupName: string, options: RedshiftArnOptions = {}): string {
    name('subnetGroupName', subnetGroupName, IDENTIFIER, IDENTIFIER_RULE);
    return redshift(scope, 'subnetgroup', subnetGroupName, options);
  }

  /** `arn:aws:redshift:REGION:ACCOUNT:securitygroup:GROUP` (EC2-Classic cluster security group) */
  public static securityGroup(scope: Construct, securityGroupName: string, options: RedshiftArnOptions = {}): string {
    name('securityGroupName', securityGroupName, IDENTIFIER, IDENTIFIER_RULE);
    return redshift(scope, 'securitygroup', securityGroupName, options);
  }

  /** `arn:aws:redshift:REGION:ACCOUNT:eventsubscription:SUBSCRIPTION` */
  public static eventSubscription(scope: Construct, subscriptionName: string, options: RedshiftArnOptions = {}): string {
    name('subscriptionName', subscriptionName, IDENTIFIER, IDENTIFIER_RULE);
    return redshift(scope, 'eventsubscription', subscriptionName, options);
  }

  /** `arn:aws:redshift:REGION:ACCOUNT:hsmclientcertificate:CERTIFICATE` */
  public static hsmClientCertificate(scope: Construct, certificateIdentifier: string, options: RedshiftArnOptions = {}): string {
    name('certificateIdentifier', certificateIdentifier, IDENTIFIER, IDENTIFIER_RULE);
    return redshift(scope, 'hsmclientcertificate', certificateIdentifier, options);
  }

  /** `arn:aws:redshift:REGION:ACCOUNT:hsmconfiguration:CONFIGURATION` */
  public static hsmConfiguration(scope: Construct, configurationIdentifier: string, options: RedshiftArnOptions = {}): string {
    name('configurationIdentifier', configurationIdentifier, IDENTIFIER, IDENTIFIER_RULE);
    return redshift(scope, 'hsmconfiguration', configurationIdentifier, options);
  }

  /** `arn:aws:redshift:REGION:ACCOUNT:usagelimit:USAGELIMITID` */
  public static usageLimit(scope: Construct, usageLimitId: string, options: RedshiftArnOptions = {}): string {
    name('usageLimitId', usageLimitId, /^[\w-]{1,255}$|^\*$/, 'a usage limit ID');
    return redshift(scope, 'usagelimit', usageLimitId, options);
  }

  /** `arn:aws:redshift-serverless:REGION:ACCOUNT:namespace/NAMESPACEID` (the namespace's UUID) */
  public static serverlessNamespace(scope: Construct, namespaceId: string, options: RedshiftArnOptions = {}): string {
    name('namespaceId', namespaceId, UUID, UUID_RULE);
    return serverless(scope, 'namespace', namespaceId, options);
  }

  /** `arn:aws:redshift-serverless:REGION:ACCOUNT:workgroup/WORKGROUPID` (the workgroup's UUID) */
  public static serverlessWorkgroup(scope: Construct, workgroupId: string, options: RedshiftArnOptions = {}): string {
    name('workgroupId', workgroupId, UUID, UUID_RULE);
    return serverless(scope, 'workgroup', workgroupId, options);
  }

  private constructor() {}
}

/** Redshift identifiers of the lowercase-letters-digits-hyphens family. */
const IDENTIFIER = /^[a-zA-Z][a-zA-Z0-9-]{0,254}$|^\*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$|^\*$/;
const IDENTIFIER_RULE = 'a Redshift identifier: letters, digits and hyphens, starting with a letter';
const UUID_RULE = 'the UUID Redshift Serverless assigns (not the name)';

function clusterOrWildcard(prop: string, value: string): void {
  if (value === '*') return;
  validateClusterIdentifier(prop, value);
}

function name(prop: string, value: string, rule: RegExp, what: string): void {
  if (isUnresolved(value)) return;
  if (!rule.test(value)) {
    throw new Error(`\`${prop}\` must be ${what}, or '*' for all, got: '${value}'`);
  }
}

function checkOptions(options: RedshiftArnOptions): void {
  if (options.region !== undefined) validateRegion('region', options.region);
  if (options.account !== undefined) validateAccount('account', options.account);
}

function redshift(scope: Construct, resource: string, resourceName: string, options: RedshiftArnOptions): string {
  checkOptions(options);
  return Stack.of(scope).formatArn({
    service: 'redshift',
    region: options.region,
    account: options.account,
    resource,
    resourceName,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}

function serverless(scope: Construct, resource: string, resourceName: string, options: RedshiftArnOptions): string {
  checkOptions(options);
  return Stack.of(scope).formatArn({
    service: 'redshift-serverless',
    region: options.region,
    account: options.account,
    resource,
    resourceName,
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });
}
