import { aws_iam as iam, Duration } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { createAssociation } from './associations/role-association';
import { RedshiftPermissions } from './permissions';
import { redshiftArn } from './private/redshift-arns';
import { requireOptions, validateClusterIdentifier } from './private/validation';

/**
 * Properties shared by the role associations.
 */
export interface RoleAssociationOptions {
  /**
   * The roles to attach: added on create, reconciled on update, removed on delete, and only the
   * ones this association attached. A role may be listed by one association per cluster or
   * namespace in an app.
   */
  readonly roles: iam.IRole[];

  /**
   * The role to make the default IAM role (used by SQL that says `IAM_ROLE default`). Must be one
   * of `roles`. When the association no longer sets it (or is deleted) and it is still the default,
   * the default it replaced is put back.
   *
   * @default - the default role is left as it is
   */
  readonly defaultRole?: iam.IRole;

  /**
   * How long one deployment of the association may take, including waiting while the cluster or
   * namespace is busy with another change (a resize, a reboot, another association). Between 1 and
   * 55 minutes: CloudFormation waits one hour for a custom resource.
   *
   * @default Duration.minutes(20)
   */
  readonly waitTimeout?: Duration;
}

/**
 * Properties of a ClusterRoleAssociation.
 */
export interface ClusterRoleAssociationProps extends RoleAssociationOptions {
  /** The identifier of an existing cluster, or a `CfnCluster`'s `ref`. */
  readonly clusterIdentifier: string;
}

/**
 * Attaches IAM roles to a Redshift cluster that already exists, as "Associating IAM roles with
 * clusters" in the Amazon Redshift Management Guide describes, and optionally sets its default role.
 *
 * It never detaches a role it did not attach, and never leaves one it attached, through create,
 * update, replacement, rollback and delete: what it attached is recorded in Systems Manager Parameter
 * Store (see the README, "Associations: guarantees"). It changes roles with ModifyClusterIamRoles
 * (a delta, so others' roles are untouched), waits until they are `in-sync`, and waits while the
 * cluster is busy, within `waitTimeout`. A paused cluster fails at once, naming its state.
 *
 * The first association in a stack adds the stack's association handler once: a Lambda function
 * (an asset: the account and Region must be bootstrapped), its role, its log group (one year) and an
 * invoke configuration without retries. Each association adds its custom resource and its own
 * access role, which the handler assumes for this association alone and which may invoke the
 * handler to continue a long operation (README, "What it adds to your stack").
 *
 * @example
 * declare const role: RedshiftServiceRole;
 * new ClusterRoleAssociation(this, 'Attach', {
 *   clusterIdentifier: 'my-redshift-cluster',
 *   roles: [role],
 *   defaultRole: role,
 * });
 */
export class ClusterRoleAssociation extends Construct {
  /** The cluster's identifier. */
  public readonly clusterIdentifier: string;
  /** The roles this association attaches. */
  public readonly roles: iam.IRole[];
  /**
   * The default role it sets, if any.
   *
   * @default - none: the default role is left as it is
   */
  public readonly defaultRole?: iam.IRole;

  constructor(scope: Construct, id: string, props: ClusterRoleAssociationProps) {
    super(scope, id);
    requireOptions('ClusterRoleAssociation', props, ['clusterIdentifier', 'roles']);
    validateClusterIdentifier('clusterIdentifier', props.clusterIdentifier);
    this.clusterIdentifier = props.clusterIdentifier;
    this.roles = [...props.roles];
    this.defaultRole = props.defaultRole;
    createAssociation(this, props, {
      kind: 'cluster',
      name: props.clusterIdentifier,
      // Validated above, as one cluster (RedshiftArn.cluster would check it again, and allow '*').
      targetArn: redshiftArn(this, 'cluster', props.clusterIdentifier, {}),
      targetActions: ['redshift:DescribeClusters', 'redshift:ModifyClusterIamRoles'],
      passedToService: 'redshift.amazonaws.com',
    });
  }

  /**
   * Gives `grantee` what an operator needs to change this association by hand: the policy of
   * "Associating IAM roles with clusters" for this cluster and these roles.
   */
  public grantManage(grantee: iam.IGrantable): iam.Grant {
    return RedshiftPermissions.associateRoles(grantee, { clusterIdentifiers: [this.clusterIdentifier], roles: this.roles });
  }
}
