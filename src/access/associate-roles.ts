import { aws_iam as iam, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { isAcknowledged } from '../private/acknowledgements';
import { scopeOf } from '../private/conditions';
import { acknowledgeGrantedWildcard } from '../private/grantee-wildcards';
import { passRoleToRedshift } from '../private/pass-role';
import { ArnLocation, redshiftArn } from '../private/redshift-arns';
import { findRole } from '../private/role-references';
import { describeRole } from '../private/roles';
import { isUnresolved, requireOptions, validateClusterIdentifier, validateList } from '../private/validation';
import { attachedTrustFindings } from '../rules/attached-trust';

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
 *
 * The roles whose trust this app defines must let Redshift assume them in the clusters' Region, as
 * for the associations (the same rules, acknowledged the same way): checked when the app is
 * synthesized, on the grantee, so that trust statements and acknowledgements added after this
 * call count.
 */
export function associateRoles(grantee: iam.IGrantable, options: AssociateRolesInput): iam.Grant {
  requireOptions('RedshiftPermissions.associateRoles', options, ['clusterIdentifiers', 'roles']);
  validateList('clusterIdentifiers', options.clusterIdentifiers, { what: 'cluster', each: validateClusterIdentifier });
  validateList('roles', options.roles, { what: 'role', key: (r) => (Token.isUnresolved(r.roleArn) ? r : r.roleArn), describe: describeRole });
  const scope = scopeOf(grantee);
  const clusters = options.clusterIdentifiers.map((c) => redshiftArn(scope, 'cluster', c, options));
  const region = options.region ?? Stack.of(scope).region;
  scope.node.addValidation({ validate: () => passedRoleTrustErrors(scope, options.roles, options.clusterIdentifiers, region) });
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

/**
 * The roles Redshift could not assume for these clusters: passing them would only fail later, in
 * ModifyClusterIamRoles or CreateCluster. The rules of the associations, unless acknowledged on the
 * grantee or a parent (`Validations.of(x).acknowledge`).
 */
function passedRoleTrustErrors(scope: IConstruct, roles: iam.IRole[], clusterIdentifiers: string[], region: string): string[] {
  const where = `associateRoles for cluster${clusterIdentifiers.length === 1 ? '' : 's'} `
    + clusterIdentifiers.map((c) => (isUnresolved(c) ? '(a Token)' : `'${c}'`)).join(', ');
  return roles.flatMap((role) => {
    const cfnRole = findRole(role);
    if (!cfnRole) return [];
    return attachedTrustFindings(`'${describeRole(role)}'`, cfnRole, 'cluster', region)
      .filter((f) => !isAcknowledged(scope, f.rule.id))
      .map((f) => `\`roles\` (${where}): ${f.message} [${f.rule.id}]`);
  });
}
