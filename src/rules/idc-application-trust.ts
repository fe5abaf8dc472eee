import { Finding, Rule } from './rule';
import { IDC_PRINCIPALS, IDC_TRUST_ACTIONS, missingIdcTrust } from '../private/identity-center';
import { asList, StatementJson } from '../private/policy-json';

/**
 * The CloudFormation type of a Redshift IAM Identity Center application, whose `IamRoleArn` names the
 * role this rule checks: "AWS::Redshift::RedshiftIdcApplication", AWS CloudFormation Template
 * Reference, https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-redshift-redshiftidcapplication.html
 * (the type of `CfnRedshiftIdcApplication` in aws-cdk-lib releases after 2.257.0). It is the only one:
 * `AWS::Redshift::IdcApplication` is the name aws-cloudformation/cloudformation-coverage-roadmap#2203
 * proposed, which CloudFormation never released (its Amazon Redshift resource types,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/AWS_Redshift.html, do not list it),
 * so a template with that type fails to deploy and nothing needs checking in it.
 */
export const IDC_APPLICATION_RESOURCE_TYPE = 'AWS::Redshift::RedshiftIdcApplication';

/**
 * "Setting up trusted identity propagation with Amazon Redshift Query Editor V2", AWS IAM Identity
 * Center User Guide, https://docs.aws.amazon.com/singlesignon/latest/userguide/setting-up-tip-redshift.html:
 * the trust policy of the role of a Redshift IdC application lets `redshift.amazonaws.com` and
 * `redshift-serverless.amazonaws.com` call `sts:AssumeRole` and `sts:SetContext`. Without
 * `sts:SetContext`, Redshift cannot put the user's Identity Center identity into the session it
 * assumes (trusted identity propagation); without one of the principals, the clusters or the
 * Serverless workgroups of the application cannot use it.
 */
export const IDC_APPLICATION_TRUST: Rule = {
  id: 'cdk-redshift-iam:idc-application-trust',
  level: 'error',
  summary: `the role of a Redshift IAM Identity Center application (\`${IDC_APPLICATION_RESOURCE_TYPE}\` \`IamRoleArn\`), `
    + 'defined in the app, whose trust policy does not let both `redshift.amazonaws.com` and `redshift-serverless.amazonaws.com` '
    + 'call `sts:AssumeRole` and `sts:SetContext`',
};

/** What the check reads. */
export interface IdcApplicationTrustInput {
  /** How the message names the role, quoted. */
  readonly role: string;
  /** The resolved statements of the role's trust policy. */
  readonly trust: StatementJson[];
}

/** A finding when the trust lacks one of the four principal-action pairs (none while a principal is a Token). */
export function checkIdcApplicationTrust(input: IdcApplicationTrustInput): Finding[] {
  const missing = missingIdcTrust(input.trust);
  if (missing === undefined || missing.length === 0) return [];
  return [{
    rule: IDC_APPLICATION_TRUST,
    message: `Role ${input.role} is the IAM role of this Redshift IAM Identity Center application (IamRoleArn), but its trust policy does not allow `
      + `${missing.join(', ')}: Redshift could not use it for trusted identity propagation. Use RedshiftIdcApplicationRole, or trust `
      + `${IDC_PRINCIPALS.join(' and ')} with ${IDC_TRUST_ACTIONS.join(' and ')}`,
  }];
}

/**
 * Whether a trust is that of an IdC application role (it lets Redshift set the session's context):
 * no database user ever uses such a role, so the database-user advice does not apply to it.
 */
export function trustIsIdcApplication(trust: readonly StatementJson[]): boolean {
  return trust.some((s) => s.Effect === 'Allow' && asList(s.Action).includes('sts:SetContext')
    && asList(s.Principal?.Service).some((p) => IDC_PRINCIPALS.includes(p)));
}
