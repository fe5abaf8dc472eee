import { aws_iam as iam, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { TrustPrincipal } from './private/trust';
import { requireOptions, validateClusterIdentifier, validateList } from './private/validation';
import { RedshiftArn } from './redshift-arn';

/**
 * What a Redshift scheduled action does to a cluster (`CfnScheduledAction.targetAction`).
 */
export enum ScheduledActionType {
  /** `PauseCluster`: `redshift:PauseCluster`. */
  PAUSE = 'PAUSE',
  /** `ResumeCluster`: `redshift:ResumeCluster`. */
  RESUME = 'RESUME',
  /** `ResizeCluster`: `redshift:ResizeCluster`. */
  RESIZE = 'RESIZE',
}

const ACTIONS: Record<ScheduledActionType, string> = {
  [ScheduledActionType.PAUSE]: 'redshift:PauseCluster',
  [ScheduledActionType.RESUME]: 'redshift:ResumeCluster',
  [ScheduledActionType.RESIZE]: 'redshift:ResizeCluster',
};

/** The principal of the Amazon Redshift scheduler. */
const REDSHIFT_SCHEDULER_PRINCIPAL = 'scheduler.redshift.amazonaws.com';

/**
 * Properties of a RedshiftSchedulerRole.
 */
export interface RedshiftSchedulerRoleProps {
  /** The clusters the scheduled actions may pause, resume or resize (clusters of the role's stack's Region and account). */
  readonly clusterIdentifiers: string[];

  /**
   * What the scheduled actions may do.
   *
   * @default - all: PAUSE, RESUME and RESIZE
   */
  readonly actions?: ScheduledActionType[];

  /**
   * A name for the role.
   *
   * @default - CloudFormation generates a unique name
   */
  readonly roleName?: string;

  /**
   * A description of the role.
   *
   * @default - a description naming the clusters
   */
  readonly description?: string;
}

/**
 * The IAM role that Amazon Redshift scheduled actions assume (`CfnScheduledAction.iamRole`) to
 * pause, resume or resize clusters, as "Permissions required to use the Amazon Redshift scheduler"
 * ("Using identity-based policies (IAM policies) for Amazon Redshift", Amazon Redshift Management
 * Guide) describes it: a trust relationship with `scheduler.redshift.amazonaws.com` and
 * `redshift.amazonaws.com` (the documentation's console procedure adds the second), and a policy
 * that allows the scheduled operations. Here the policy names the clusters instead of `*`.
 *
 * It is an `iam.Role`: pass `roleArn` to the scheduled action.
 *
 * @example
 * const role = new RedshiftSchedulerRole(this, 'NightlyPause', {
 *   clusterIdentifiers: ['my-cluster'],
 *   actions: [ScheduledActionType.PAUSE, ScheduledActionType.RESUME],
 * });
 * new redshift.CfnScheduledAction(this, 'PauseAtNight', {
 *   scheduledActionName: 'pause-at-night',
 *   schedule: 'cron(0 22 * * ? *)',
 *   iamRole: role.roleArn,
 *   targetAction: { pauseCluster: { clusterIdentifier: 'my-cluster' } },
 * });
 */
export class RedshiftSchedulerRole extends iam.Role {
  /** The clusters the role may act on. */
  public readonly clusterIdentifiers: string[];
  /** What the role may do to them. */
  public readonly scheduledActions: ScheduledActionType[];

  constructor(scope: Construct, id: string, props: RedshiftSchedulerRoleProps) {
    requireOptions('RedshiftSchedulerRole', props, ['clusterIdentifiers']);
    const clusters = props.clusterIdentifiers;
    validateList('clusterIdentifiers', clusters, { what: 'cluster', each: validateClusterIdentifier });
    const actions = props.actions ?? [ScheduledActionType.PAUSE, ScheduledActionType.RESUME, ScheduledActionType.RESIZE];
    validateList('actions', actions, { what: 'ScheduledActionType', omit: 'for PAUSE, RESUME and RESIZE' });

    super(scope, id, {
      // One trust statement naming both services, as the documentation writes it.
      assumedBy: new TrustPrincipal([
        new iam.ServicePrincipal(REDSHIFT_SCHEDULER_PRINCIPAL),
        new iam.ServicePrincipal('redshift.amazonaws.com'),
      ]),
      roleName: props.roleName,
      description: props.description ?? defaultDescription(clusters, actions),
    });
    this.clusterIdentifiers = [...clusters];
    this.scheduledActions = [...actions];
    this.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: actions.map((a) => ACTIONS[a]),
      resources: clusters.map((c) => RedshiftArn.cluster(this, c)),
    }));
  }
}

/** `Redshift scheduled actions (PAUSE, RESUME) on my-cluster`, within IAM's 1,000 characters. */
function defaultDescription(clusters: string[], actions: ScheduledActionType[]): string {
  const text = `Redshift scheduled actions (${actions.join(', ')}) on ${clusters.join(', ')}`;
  if (clusters.some((c) => Token.isUnresolved(c)) || text.length > 1000) {
    return `Redshift scheduled actions (${actions.join(', ')}) on ${clusters.length} cluster(s)`;
  }
  return text;
}
