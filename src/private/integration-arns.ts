import { ArnFormat, Token } from 'aws-cdk-lib';
import { parseArn } from './arns';
import { isUuid } from './validation';

/**
 * ARNs that the zero-ETL, Identity Center and Serverless sign-in methods take, each checked under
 * the prop's own name; Tokens pass.
 */

/**
 * `arn:PARTITION:redshift-serverless:REGION:ACCOUNT:workgroup/WORKGROUP-ID`: IAM names a workgroup by
 * the ID Redshift Serverless assigns ("Actions, resources, and condition keys for Amazon Redshift
 * Serverless", Service Authorization Reference: `workgroup/${WorkgroupId}`), never by its name.
 */
export function validateWorkgroupArn(prop: string, arn: string): void {
  if (Token.isUnresolved(arn)) return;
  const parts = parseArn(arn);
  if (parts === undefined || parts.service !== 'redshift-serverless' || parts.resource !== 'workgroup'
    || parts.resourceName === undefined || !isUuid(parts.resourceName)) {
    throw new Error(`\`${prop}\` must be ARNs of Redshift Serverless workgroups, arn:aws:redshift-serverless:REGION:ACCOUNT:workgroup/WORKGROUP-ID `
      + `(the ID, not the name: CfnWorkgroup.attrWorkgroupWorkgroupArn), got: '${arn}'`);
  }
}

/** CreateIntegration's `TargetArn` pattern (Amazon Redshift API Reference): a provisioned or Serverless namespace. */
const NAMESPACE_ARN = /^arn:aws[a-z-]*:redshift(-serverless)?:[a-z0-9-]+:[0-9]{12}:(namespace\/|namespace:)[a-z0-9-]+$/;

/** The namespace ARN of a cluster or of a Serverless namespace (what an integration targets). */
export function validateNamespaceArn(prop: string, arn: string): void {
  if (Token.isUnresolved(arn) || NAMESPACE_ARN.test(arn)) return;
  throw new Error(`\`${prop}\` must be namespace ARNs of clusters (arn:aws:redshift:REGION:ACCOUNT:namespace:NAMESPACE-ID) `
    + `or of Serverless namespaces (arn:aws:redshift-serverless:REGION:ACCOUNT:namespace/NAMESPACE-ID), not cluster or workgroup ARNs, got: '${arn}'`);
}

/** Whether a literal namespace ARN is a Redshift Serverless one. */
export function isServerlessNamespace(arn: string): boolean {
  return !Token.isUnresolved(arn) && parseArn(arn)?.service === 'redshift-serverless';
}

/** The sources of zero-ETL and S3 event integrations: ARNs without wildcards. */
export function validateSourceArn(prop: string, arn: string): void {
  if (Token.isUnresolved(arn)) return;
  if (parseArn(arn) === undefined || /[*?]/.test(arn)) {
    throw new Error(`\`${prop}\` must be the ARNs of integration sources (an Aurora or RDS database, a DynamoDB table, an S3 bucket), without wildcards, got: '${arn}'`);
  }
}

/** Whether a literal source ARN is an Aurora or RDS database (`arn:aws:rds:REGION:ACCOUNT:cluster:NAME` or `db:NAME`). */
export function isRdsSource(arn: string): boolean {
  const parts = parseArn(arn);
  return parts?.service === 'rds' && (parts.resource === 'cluster' || parts.resource === 'db');
}

/**
 * A Redshift integration ARN, `arn:PARTITION:redshift:REGION:ACCOUNT:integration:UUID`
 * ("Actions, resources, and condition keys for Amazon Redshift", Service Authorization Reference:
 * `integration:${IntegrationIdentifier}`; DescribeIntegrations' IntegrationArn pattern).
 */
export function validateIntegrationArn(prop: string, arn: string): void {
  if (Token.isUnresolved(arn)) return;
  const parts = parseArn(arn);
  if (parts === undefined || parts.service !== 'redshift' || parts.resource !== 'integration' || parts.arnFormat !== ArnFormat.COLON_RESOURCE_NAME
    || parts.resourceName === undefined || !isUuid(parts.resourceName)) {
    throw new Error(`\`${prop}\` must be ARNs of Redshift integrations, arn:aws:redshift:REGION:ACCOUNT:integration:INTEGRATION-ID, got: '${arn}'`);
  }
}
