import { aws_iam as iam } from 'aws-cdk-lib';

/** `iam:PassRole` on exactly these roles, to Redshift (provisioned and Serverless) only. */
export function passRoleToRedshift(grantee: iam.IGrantable, roles: iam.IRole[]): iam.Grant {
  return iam.Grant.addToPrincipal({
    grantee,
    actions: ['iam:PassRole'],
    resourceArns: roles.map((r) => r.roleArn),
    conditions: { StringEquals: { 'iam:PassedToService': ['redshift.amazonaws.com', 'redshift-serverless.amazonaws.com'] } },
  });
}
