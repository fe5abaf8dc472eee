import { aws_iam as iam } from 'aws-cdk-lib';

/**
 * `iam:PassRole` on exactly these roles, to the one Redshift service that receives them: the
 * provisioned `redshift.amazonaws.com` (ModifyClusterIamRoles, CreateCluster) unless told otherwise.
 */
export function passRoleToRedshift(grantee: iam.IGrantable, roles: iam.IRole[], service = 'redshift.amazonaws.com'): iam.Grant {
  return iam.Grant.addToPrincipal({
    grantee,
    actions: ['iam:PassRole'],
    resourceArns: roles.map((r) => r.roleArn),
    conditions: { StringEquals: { 'iam:PassedToService': service } },
  });
}
