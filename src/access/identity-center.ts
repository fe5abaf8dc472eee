import { aws_iam as iam } from 'aws-cdk-lib';
import { scopeOf } from '../private/conditions';
import { validateWorkgroupArn } from '../private/integration-arns';
import { redshiftArn } from '../private/redshift-arns';
import { validateClusterIdentifier, validateList } from '../private/validation';
import { RedshiftArnOptions } from '../redshift-arn';

/**
 * Options of `RedshiftPermissions.getIdentityCenterAuthToken`: the clusters and workgroups the
 * Identity Center token may be used with (at least one of the two lists). `region` and `account`
 * locate the clusters; a workgroup ARN holds its own.
 */
export interface GetIdentityCenterAuthTokenOptions extends RedshiftArnOptions {
  /**
   * Provisioned clusters (`redshift:GetIdentityCenterAuthToken` on each cluster's ARN).
   *
   * @default - no cluster: `workgroupArns` must be given
   */
  readonly clusterIdentifiers?: string[];

  /**
   * Redshift Serverless workgroups, by ARN (`arn:aws:redshift-serverless:REGION:ACCOUNT:workgroup/WORKGROUP-ID`,
   * `CfnWorkgroup.attrWorkgroupWorkgroupArn`): `redshift-serverless:GetIdentityCenterAuthToken` on each.
   *
   * @default - no workgroup: `clusterIdentifiers` must be given
   */
  readonly workgroupArns?: string[];
}

/**
 * The caller side of trusted identity propagation with an identity-enhanced IAM role session:
 * "Connect to Redshift with Identity-enhanced IAM role sessions", Amazon Redshift Management Guide,
 * https://docs.aws.amazon.com/redshift/latest/mgmt/identity-center-authentication.html ("Amazon
 * Redshift provides GetIdentityCenterAuthToken API operations ... for both provisioned clusters and
 * serverless workgroups").
 *
 * The Service Authorization Reference authorizes `redshift:GetIdentityCenterAuthToken` on the
 * `cluster` resource type and `redshift-serverless:GetIdentityCenterAuthToken` on the `workgroup`
 * resource type (by its ID), with no condition key: the grant names exactly the clusters and
 * workgroups the token may be used with (the API's ClusterIds / workgroupNames).
 */
export function getIdentityCenterAuthToken(grantee: iam.IGrantable, options: GetIdentityCenterAuthTokenOptions = {}): iam.Grant {
  const { clusterIdentifiers, workgroupArns } = options ?? {};
  if (clusterIdentifiers === undefined && workgroupArns === undefined) {
    throw new Error('`RedshiftPermissions.getIdentityCenterAuthToken` needs `clusterIdentifiers` (provisioned clusters) or `workgroupArns` '
      + '(Redshift Serverless workgroups), got neither');
  }
  if (clusterIdentifiers !== undefined) {
    validateList('clusterIdentifiers', clusterIdentifiers, { what: 'cluster', omit: 'when only `workgroupArns` are named', each: validateClusterIdentifier });
  }
  if (workgroupArns !== undefined) {
    validateList('workgroupArns', workgroupArns, { what: 'workgroup ARN', omit: 'when only `clusterIdentifiers` are named', each: validateWorkgroupArn });
  }
  const scope = scopeOf(grantee);
  const grants: iam.Grant[] = [];
  if (clusterIdentifiers !== undefined) {
    grants.push(iam.Grant.addToPrincipal({
      grantee,
      actions: ['redshift:GetIdentityCenterAuthToken'],
      resourceArns: clusterIdentifiers.map((c) => redshiftArn(scope, 'cluster', c, options)),
    }));
  }
  if (workgroupArns !== undefined) {
    grants.push(iam.Grant.addToPrincipal({ grantee, actions: ['redshift-serverless:GetIdentityCenterAuthToken'], resourceArns: [...workgroupArns] }));
  }
  return grants.reduce((all, g) => all.combine(g));
}
