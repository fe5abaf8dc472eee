import { aws_iam as iam } from 'aws-cdk-lib';
import { validateWorkgroupArn } from '../private/integration-arns';
import { requireOptions, validateList } from '../private/validation';

/**
 * Options of `RedshiftPermissions.getServerlessCredentials`.
 */
export interface GetServerlessCredentialsOptions {
  /**
   * The workgroups the grantee may get credentials for, by ARN
   * (`arn:aws:redshift-serverless:REGION:ACCOUNT:workgroup/WORKGROUP-ID`, `CfnWorkgroup.attrWorkgroupWorkgroupArn`).
   */
  readonly workgroupArns: string[];
}

/**
 * IAM sign-in to Redshift Serverless: `redshift-serverless:GetCredentials` on the named workgroups.
 * "GetCredentials", Amazon Redshift Serverless API Reference,
 * https://docs.aws.amazon.com/redshift-serverless/latest/APIReference/API_GetCredentials.html:
 * "Returns a database user name and temporary password with temporary authorization to log in to
 * Amazon Redshift Serverless", for 900 to 3,600 seconds, the user being the caller's IAM identity.
 *
 * Unlike `redshift:GetClusterCredentials`, the Service Authorization Reference ("Actions, resources,
 * and condition keys for Amazon Redshift Serverless") gives this action the `workgroup` resource type
 * and no condition key: no `redshift:DbName`, no `redshift:DbUser`, no duration key. (The API
 * reference asks for "access to the resource dbname" when `dbName` is given, but Redshift Serverless
 * has no such resource type.) A policy limits the workgroups, never the database or the user; those
 * are the database's own GRANTs to the IAM user or role.
 */
export function getServerlessCredentials(grantee: iam.IGrantable, options: GetServerlessCredentialsOptions): iam.Grant {
  requireOptions('RedshiftPermissions.getServerlessCredentials', options, ['workgroupArns']);
  validateList('workgroupArns', options.workgroupArns, { what: 'workgroup ARN', each: validateWorkgroupArn });
  return iam.Grant.addToPrincipal({ grantee, actions: ['redshift-serverless:GetCredentials'], resourceArns: [...options.workgroupArns] });
}
