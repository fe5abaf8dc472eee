import { aws_iam as iam, Token } from 'aws-cdk-lib';
import { scopeOf } from '../private/conditions';
import { acknowledgeGrantedWildcard } from '../private/grantee-wildcards';
import { passRoleToRedshift } from '../private/pass-role';
import { ArnLocation, redshiftArn } from '../private/redshift-arns';
import { describeRole } from '../private/roles';
import { validateClusterIdentifier, validateList } from '../private/validation';

/** What `associateRoles` reads of `AssociateRolesOptions` (the public interface, in permissions.ts). */
export interface AssociateRolesInput extends ArnLocation {
  readonly clusterIdentifiers: string[];
  readonly roles: iam.IRole[];
  readonly allowCreateCluster?: boolean;
}

/**
 * What a user needs to associate IAM roles with clusters by hand, as the policy of "Associating IAM
 * roles with clusters" (Amazon Redshift Management Guide) writes it:
 *
 * - `redshift:DescribeClusters` on `*`, to find the cluster to change (it only reads);
 * - `redshift:ModifyClusterIamRoles` (and `redshift:CreateCluster` when asked) on the named clusters;
 * - `iam:PassRole` on the named roles, to Redshift only (`iam:PassedToService`).
 */
export function associateRoles(grantee: iam.IGrantable, options: AssociateRolesInput): iam.Grant {
  validateList('clusterIdentifiers', options.clusterIdentifiers, { what: 'cluster', each: validateClusterIdentifier });
  validateList('roles', options.roles, { what: 'role', key: (r) => (Token.isUnresolved(r.roleArn) ? r : r.roleArn), describe: describeRole });
  const scope = scopeOf(grantee);
  const clusters = options.clusterIdentifiers.map((c) => redshiftArn(scope, 'cluster', c, options));
  acknowledgeGrantedWildcard(scope, '*', ['redshift:DescribeClusters'],
    'redshift:DescribeClusters on \'*\' is the documented policy of "Associating IAM roles with clusters" (Amazon Redshift '
    + 'Management Guide): it lets the operator list the clusters to find the one to change, and only reads their descriptions; '
    + 'the changes (ModifyClusterIamRoles, iam:PassRole) are limited to the named clusters and roles (cdk-redshift-iam).');
  return iam.Grant.addToPrincipal({
    grantee,
    actions: ['redshift:DescribeClusters'],
    resourceArns: ['*'],
  }).combine(iam.Grant.addToPrincipal({
    grantee,
    actions: options.allowCreateCluster
      ? ['redshift:ModifyClusterIamRoles', 'redshift:CreateCluster']
      : ['redshift:ModifyClusterIamRoles'],
    resourceArns: clusters,
  })).combine(passRoleToRedshift(grantee, options.roles));
}
