import { Construct } from 'constructs';
import { redshiftArn, serverlessArn } from './private/redshift-arns';
import {
  checkName,
  clusterOrWildcard,
  DATABASE_NAME,
  DATABASE_NAME_RULE,
  GROUP_NAME,
  GROUP_NAME_RULE,
  IDENTIFIER,
  IDENTIFIER_RULE,
  PARAMETER_GROUP,
  PARAMETER_GROUP_RULE,
  SNAPSHOT,
  SNAPSHOT_RULE,
  UUID,
  UUID_RULE,
  validateDbUserName,
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
 *
 * @example
 * declare const operators: iam.IRole;
 * operators.addToPrincipalPolicy(new iam.PolicyStatement({
 *   actions: ['redshift:RebootCluster'],
 *   resources: [RedshiftArn.cluster(this, 'my-cluster', { region: 'us-west-2' })],
 * }));
 */
export class RedshiftArn {
  /** `arn:aws:redshift:REGION:ACCOUNT:cluster:CLUSTER` */
  public static cluster(scope: Construct, clusterIdentifier: string,
    /** @default - the Region and account of the stack that `scope` belongs to */
    options: RedshiftArnOptions = {}): string {
    clusterOrWildcard('clusterIdentifier', clusterIdentifier);
    return redshiftArn(scope, 'cluster', clusterIdentifier, options);
  }

  /** `arn:aws:redshift:REGION:ACCOUNT:dbuser:CLUSTER/USER` */
  public static dbUser(scope: Construct, clusterIdentifier: string, userName: string,
    /** @default - the Region and account of the stack that `scope` belongs to */
    options: RedshiftArnOptions = {}): string {
    clusterOrWildcard('clusterIdentifier', clusterIdentifier);
    if (userName !== '*') validateDbUserName('userName', userName);
    return redshiftArn(scope, 'dbuser', `${clusterIdentifier}/${userName}`, options);
  }

  /** `arn:aws:redshift:REGION:ACCOUNT:dbname:CLUSTER/DATABASE` */
  public static dbName(scope: Construct, clusterIdentifier: string, databaseName: string,
    /** @default - the Region and account of the stack that `scope` belongs to */
    options: RedshiftArnOptions = {}): string {
    clusterOrWildcard('clusterIdentifier', clusterIdentifier);
    checkName('databaseName', databaseName, DATABASE_NAME, DATABASE_NAME_RULE);
    return redshiftArn(scope, 'dbname', `${clusterIdentifier}/${databaseName}`, options);
  }

  /** `arn:aws:redshift:REGION:ACCOUNT:dbgroup:CLUSTER/GROUP` */
  public static dbGroup(scope: Construct, clusterIdentifier: string, groupName: string,
    /** @default - the Region and account of the stack that `scope` belongs to */
    options: RedshiftArnOptions = {}): string {
    clusterOrWildcard('clusterIdentifier', clusterIdentifier);
    checkName('groupName', groupName, GROUP_NAME, GROUP_NAME_RULE);
    return redshiftArn(scope, 'dbgroup', `${clusterIdentifier}/${groupName}`, options);
  }

  /** `arn:aws:redshift:REGION:ACCOUNT:snapshot:CLUSTER/SNAPSHOT` */
  public static snapshot(scope: Construct, clusterIdentifier: string, snapshotIdentifier: string,
    /** @default - the Region and account of the stack that `scope` belongs to */
    options: RedshiftArnOptions = {}): string {
    clusterOrWildcard('clusterIdentifier', clusterIdentifier);
    checkName('snapshotIdentifier', snapshotIdentifier, SNAPSHOT, SNAPSHOT_RULE);
    return redshiftArn(scope, 'snapshot', `${clusterIdentifier}/${snapshotIdentifier}`, options);
  }

  /** `arn:aws:redshift:REGION:ACCOUNT:snapshotcopygrant:GRANT` */
  public static snapshotCopyGrant(scope: Construct, grantName: string,
    /** @default - the Region and account of the stack that `scope` belongs to */
    options: RedshiftArnOptions = {}): string {
    checkName('grantName', grantName, IDENTIFIER, IDENTIFIER_RULE);
    return redshiftArn(scope, 'snapshotcopygrant', grantName, options);
  }

  /** `arn:aws:redshift:REGION:ACCOUNT:snapshotschedule:SCHEDULE` */
  public static snapshotSchedule(scope: Construct, scheduleIdentifier: string,
    /** @default - the Region and account of the stack that `scope` belongs to */
    options: RedshiftArnOptions = {}): string {
    checkName('scheduleIdentifier', scheduleIdentifier, IDENTIFIER, IDENTIFIER_RULE);
    return redshiftArn(scope, 'snapshotschedule', scheduleIdentifier, options);
  }

  /** `arn:aws:redshift:REGION:ACCOUNT:parametergroup:GROUP` */
  public static parameterGroup(scope: Construct, parameterGroupName: string,
    /** @default - the Region and account of the stack that `scope` belongs to */
    options: RedshiftArnOptions = {}): string {
    checkName('parameterGroupName', parameterGroupName, PARAMETER_GROUP, PARAMETER_GROUP_RULE);
    return redshiftArn(scope, 'parametergroup', parameterGroupName, options);
  }

  /** `arn:aws:redshift:REGION:ACCOUNT:subnetgroup:GROUP` */
  public static subnetGroup(scope: Construct, subnetGroupName: string,
    /** @default - the Region and account of the stack that `scope` belongs to */
    options: RedshiftArnOptions = {}): string {
    checkName('subnetGroupName', subnetGroupName, IDENTIFIER, IDENTIFIER_RULE);
    return redshiftArn(scope, 'subnetgroup', subnetGroupName, options);
  }

  /** `arn:aws:redshift:REGION:ACCOUNT:securitygroup:GROUP` (EC2-Classic cluster security group) */
  public static securityGroup(scope: Construct, securityGroupName: string,
    /** @default - the Region and account of the stack that `scope` belongs to */
    options: RedshiftArnOptions = {}): string {
    checkName('securityGroupName', securityGroupName, IDENTIFIER, IDENTIFIER_RULE);
    return redshiftArn(scope, 'securitygroup', securityGroupName, options);
  }

  /** `arn:aws:redshift:REGION:ACCOUNT:eventsubscription:SUBSCRIPTION` */
  public static eventSubscription(scope: Construct, subscriptionName: string,
    /** @default - the Region and account of the stack that `scope` belongs to */
    options: RedshiftArnOptions = {}): string {
    checkName('subscriptionName', subscriptionName, IDENTIFIER, IDENTIFIER_RULE);
    return redshiftArn(scope, 'eventsubscription', subscriptionName, options);
  }

  /** `arn:aws:redshift:REGION:ACCOUNT:hsmclientcertificate:CERTIFICATE` */
  public static hsmClientCertificate(scope: Construct, certificateIdentifier: string,
    /** @default - the Region and account of the stack that `scope` belongs to */
    options: RedshiftArnOptions = {}): string {
    checkName('certificateIdentifier', certificateIdentifier, IDENTIFIER, IDENTIFIER_RULE);
    return redshiftArn(scope, 'hsmclientcertificate', certificateIdentifier, options);
  }

  /** `arn:aws:redshift:REGION:ACCOUNT:hsmconfiguration:CONFIGURATION` */
  public static hsmConfiguration(scope: Construct, configurationIdentifier: string,
    /** @default - the Region and account of the stack that `scope` belongs to */
    options: RedshiftArnOptions = {}): string {
    checkName('configurationIdentifier', configurationIdentifier, IDENTIFIER, IDENTIFIER_RULE);
    return redshiftArn(scope, 'hsmconfiguration', configurationIdentifier, options);
  }

  /** `arn:aws:redshift:REGION:ACCOUNT:usagelimit:USAGELIMITID` */
  public static usageLimit(scope: Construct, usageLimitId: string,
    /** @default - the Region and account of the stack that `scope` belongs to */
    options: RedshiftArnOptions = {}): string {
    checkName('usageLimitId', usageLimitId, /^[\w-]{1,255}$|^\*$/, 'a usage limit ID');
    return redshiftArn(scope, 'usagelimit', usageLimitId, options);
  }

  /** `arn:aws:redshift-serverless:REGION:ACCOUNT:namespace/NAMESPACEID` (the namespace's UUID) */
  public static serverlessNamespace(scope: Construct, namespaceId: string,
    /** @default - the Region and account of the stack that `scope` belongs to */
    options: RedshiftArnOptions = {}): string {
    checkName('namespaceId', namespaceId, UUID, UUID_RULE);
    return serverlessArn(scope, 'namespace', namespaceId, options);
  }

  /** `arn:aws:redshift-serverless:REGION:ACCOUNT:workgroup/WORKGROUPID` (the workgroup's UUID) */
  public static serverlessWorkgroup(scope: Construct, workgroupId: string,
    /** @default - the Region and account of the stack that `scope` belongs to */
    options: RedshiftArnOptions = {}): string {
    checkName('workgroupId', workgroupId, UUID, UUID_RULE);
    return serverlessArn(scope, 'workgroup', workgroupId, options);
  }

  private constructor() {}
}
