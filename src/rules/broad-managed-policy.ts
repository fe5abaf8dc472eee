import { Finding, Rule } from './rule';

/**
 * The AWS managed policies the Redshift console procedure suggests, and other broad ones. Matched
 * on the end of the policy ARN's text, whose partition may still be a placeholder
 * (`arn:<AWS::Partition>:iam::aws:policy/...`) that `Arn.split` cannot read.
 */
const BROAD_POLICY_ARN = /:iam::aws:policy\/(service-role\/)?(AmazonS3ReadOnlyAccess|AmazonS3FullAccess|AWSGlueConsoleFullAccess|AmazonAthenaFullAccess|AWSLambdaRole|AdministratorAccess|PowerUserAccess)$/;

export const BROAD_MANAGED_POLICY: Rule = {
  id: 'cdk-redshift-iam:broad-managed-policy',
  level: 'warning',
  summary: 'a Redshift role with a broad AWS managed policy of the console procedure (`AmazonS3ReadOnlyAccess`, '
    + '`AWSGlueConsoleFullAccess`, `AmazonAthenaFullAccess`, `AWSLambdaRole`) or `AmazonS3FullAccess`, '
    + '`AdministratorAccess`, `PowerUserAccess`',
};

/** What the check reads. */
export interface BroadManagedPolicyInput {
  /** The ARNs of the managed policies attached to a Redshift role, as text. */
  readonly managedPolicyArns: string[];
}

/** A finding for each broad AWS managed policy. */
export function checkBroadManagedPolicy(input: BroadManagedPolicyInput): Finding[] {
  return input.managedPolicyArns.filter((arn) => BROAD_POLICY_ARN.test(arn)).map((arn) => ({
    rule: BROAD_MANAGED_POLICY,
    message: `This Redshift role has the AWS managed policy ${arn.split('/').pop()}, which reaches every resource of its services in the account; `
      + 'grant the commands it needs on named resources instead (RedshiftServiceRole.allow*)',
  }));
}
