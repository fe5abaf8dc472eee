import { Finding, Rule } from './rule';

/**
 * The broad AWS managed policies that AWS steers Redshift users to, each with the grant of this
 * library to use instead:
 *
 * - "Creating an IAM role as default for Amazon Redshift", Amazon Redshift Management Guide,
 *   https://docs.aws.amazon.com/redshift/latest/mgmt/default-iam-role.html: the IAM role the console
 *   creates for a cluster "has the AmazonRedshiftAllCommandsFullAccess managed policy automatically
 *   attached" (COPY, UNLOAD, CREATE EXTERNAL FUNCTION, CREATE EXTERNAL SCHEMA, CREATE MODEL, ... on
 *   the resources of the account);
 * - "AmazonRedshiftFullAccess", AWS Managed Policy Reference,
 *   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonRedshiftFullAccess.html:
 *   `redshift:*` and `redshift-serverless:*` on `*`, which a role Redshift assumes never needs;
 * - "Amazon Redshift ML integration with Amazon Bedrock", Amazon Redshift Database Developer Guide,
 *   https://docs.aws.amazon.com/redshift/latest/dg/machine-learning-br.html: "add the following policy
 *   to the IAM role": `AmazonBedrockFullAccess`;
 * - "AWS managed policies for S3 Tables", Amazon S3 User Guide,
 *   https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-tables-security-iam-awsmanpol.html:
 *   `AmazonS3TablesFullAccess` (`s3tables:*` on `*`) and `AmazonS3TablesReadOnlyAccess` (every
 *   table bucket of the account);
 * - "Authorizing Amazon Redshift to access other AWS services on your behalf" (the seeds' console
 *   procedure): `AmazonS3ReadOnlyAccess`, `AWSGlueConsoleFullAccess`, `AmazonAthenaFullAccess`,
 *   `AWSLambdaRole`; and `AmazonS3FullAccess`, `AdministratorAccess`, `PowerUserAccess`.
 */
const INSTEAD: Readonly<Record<string, string>> = {
  AmazonRedshiftAllCommandsFullAccess: 'the allow* grant of each command the role runs (allowCopyFrom, allowUnloadTo, allowSpectrum, '
    + 'allowFederatedQuery, allowCreateModel, ...)',
  AmazonRedshiftFullAccess: 'the allow* grants of the commands the role runs; a role Redshift assumes never manages clusters '
    + '(for people who do, RedshiftPermissions.manageClusters)',
  AmazonBedrockFullAccess: 'allowBedrockModels (bedrock:InvokeModel on the named models)',
  AmazonS3TablesFullAccess: 'allowS3Tables on the named table bucket, namespaces and tables',
  AmazonS3TablesReadOnlyAccess: 'allowS3Tables on the named table bucket, namespaces and tables',
  AmazonS3ReadOnlyAccess: 'allowCopyFrom, or allowSpectrum with dataLocations, on the named buckets and prefixes',
  AmazonS3FullAccess: 'allowCopyFrom and allowUnloadTo on the named buckets and prefixes',
  AWSGlueConsoleFullAccess: 'allowSpectrum on the named AWS Glue databases',
  AmazonAthenaFullAccess: 'allowSpectrum on the named AWS Glue databases',
  AWSLambdaRole: 'allowInvokeFunction on the named functions',
  AdministratorAccess: 'the allow* grant of each command the role runs',
  PowerUserAccess: 'the allow* grant of each command the role runs',
};

/**
 * Matched on the end of the policy ARN's text, whose partition may still be a placeholder
 * (`arn:<AWS::Partition>:iam::aws:policy/...`) that `Arn.split` cannot read.
 */
const BROAD_POLICY_ARN = new RegExp(`:iam::aws:policy/(service-role/)?(${Object.keys(INSTEAD).join('|')})$`);

export const BROAD_MANAGED_POLICY: Rule = {
  id: 'cdk-redshift-iam:broad-managed-policy',
  level: 'warning',
  summary: 'a Redshift role with a broad AWS managed policy that AWS steers Redshift users to: `AmazonRedshiftAllCommandsFullAccess` '
    + '(the console\'s default role), `AmazonRedshiftFullAccess`, `AmazonBedrockFullAccess`, `AmazonS3TablesFullAccess`, `AmazonS3TablesReadOnlyAccess`, those of the console procedure '
    + '(`AmazonS3ReadOnlyAccess`, `AWSGlueConsoleFullAccess`, `AmazonAthenaFullAccess`, `AWSLambdaRole`), `AmazonS3FullAccess`, '
    + '`AdministratorAccess`, `PowerUserAccess`; each finding names the grant to use instead',
};

/** What the check reads. */
export interface BroadManagedPolicyInput {
  /** The ARNs of the managed policies attached to a Redshift role, as text. */
  readonly managedPolicyArns: string[];
}

/** A finding for each broad AWS managed policy, naming the grant to use instead. */
export function checkBroadManagedPolicy(input: BroadManagedPolicyInput): Finding[] {
  return input.managedPolicyArns.flatMap((arn) => {
    const name = BROAD_POLICY_ARN.exec(arn)?.[2];
    return name === undefined ? [] : [{
      rule: BROAD_MANAGED_POLICY,
      message: `This Redshift role has the AWS managed policy ${name}, which reaches every resource of its services in the account; `
        + `grant the commands it needs on named resources instead: ${INSTEAD[name]} (RedshiftServiceRole.allow*)`,
    }];
  });
}
