import { ArnFormat, Token } from 'aws-cdk-lib';
import { parseArn } from './arns';
import { isUuid } from './validation';

/**
 * The ARNs that the Data API, zero-ETL, Identity Center and Serverless sign-in methods take: one
 * validator per ARN form, used by every prop of that form, each error naming the prop; Tokens pass.
 */

/**
 * Whether the prop holds one ARN (`workgroupArn`, `targetArn`) or a list of them (`workgroupArns`,
 * `targetArns`, checked entry by entry): the message says "the ARN of a ..." or "ARNs of ...".
 */
export type ArnCount = 'one' | 'each';

/** One ARN form: its test, and what a prop of that form must hold, for one ARN and for each entry of a list. */
interface ArnForm {
  readonly matches: (arn: string) => boolean;
  readonly one: string;
  readonly each: string;
}

function check(form: ArnForm, prop: string, arn: string, count: ArnCount): void {
  if (Token.isUnresolved(arn) || form.matches(arn)) return;
  throw new Error(`\`${prop}\` must be ${form[count]}, got: '${arn}'`);
}

/**
 * `arn:PARTITION:redshift-serverless:REGION:ACCOUNT:workgroup/WORKGROUP-ID`: IAM names a workgroup by
 * the ID Redshift Serverless assigns ("Actions, resources, and condition keys for Amazon Redshift
 * Serverless", Service Authorization Reference: `workgroup/${WorkgroupId}`), never by its name.
 */
const WORKGROUP: ArnForm = {
  matches: (arn) => {
    const parts = parseArn(arn);
    return parts !== undefined && parts.service === 'redshift-serverless' && parts.resource === 'workgroup'
      && parts.resourceName !== undefined && isUuid(parts.resourceName);
  },
  one: 'the ARN of a Redshift Serverless workgroup, arn:aws:redshift-serverless:REGION:ACCOUNT:workgroup/WORKGROUP-ID (the ID, not the name)',
  each: 'ARNs of Redshift Serverless workgroups, arn:aws:redshift-serverless:REGION:ACCOUNT:workgroup/WORKGROUP-ID '
    + '(the ID, not the name: CfnWorkgroup.attrWorkgroupWorkgroupArn)',
};

/** A Redshift Serverless workgroup ARN (the workgroup's ID, not its name). */
export function validateWorkgroupArn(prop: string, arn: string, count: ArnCount = 'each'): void {
  check(WORKGROUP, prop, arn, count);
}

/** CreateIntegration's `TargetArn` pattern (Amazon Redshift API Reference): a provisioned or Serverless namespace. */
const NAMESPACE_ARN = /^arn:aws[a-z-]*:redshift(-serverless)?:[a-z0-9-]+:[0-9]{12}:(namespace\/|namespace:)[a-z0-9-]+$/;

const NAMESPACE: ArnForm = {
  matches: (arn) => NAMESPACE_ARN.test(arn),
  one: 'the namespace ARN of a cluster (arn:aws:redshift:REGION:ACCOUNT:namespace:NAMESPACE-ID) '
    + 'or of a Serverless namespace (arn:aws:redshift-serverless:REGION:ACCOUNT:namespace/NAMESPACE-ID), not a cluster or workgroup ARN',
  each: 'namespace ARNs of clusters (arn:aws:redshift:REGION:ACCOUNT:namespace:NAMESPACE-ID) '
    + 'or of Serverless namespaces (arn:aws:redshift-serverless:REGION:ACCOUNT:namespace/NAMESPACE-ID), not cluster or workgroup ARNs',
};

/** The namespace ARN of a cluster or of a Serverless namespace (what an integration targets). */
export function validateNamespaceArn(prop: string, arn: string, count: ArnCount = 'each'): void {
  check(NAMESPACE, prop, arn, count);
}

/** Whether a literal namespace ARN is a Redshift Serverless one. */
export function isServerlessNamespace(arn: string): boolean {
  return !Token.isUnresolved(arn) && parseArn(arn)?.service === 'redshift-serverless';
}

const SOURCE: ArnForm = {
  matches: (arn) => parseArn(arn) !== undefined && !/[*?]/.test(arn),
  one: 'the ARN of an integration source (an Aurora or RDS database, a DynamoDB table, an S3 bucket), without wildcards',
  each: 'the ARNs of integration sources (an Aurora or RDS database, a DynamoDB table, an S3 bucket), without wildcards',
};

/** The sources of zero-ETL and S3 event integrations: ARNs without wildcards. */
export function validateSourceArn(prop: string, arn: string, count: ArnCount = 'each'): void {
  check(SOURCE, prop, arn, count);
}

/** Whether a literal source ARN is an Aurora or RDS database (`arn:aws:rds:REGION:ACCOUNT:cluster:NAME` or `db:NAME`). */
export function isRdsSource(arn: string): boolean {
  const parts = parseArn(arn);
  return parts?.service === 'rds' && (parts.resource === 'cluster' || parts.resource === 'db');
}

const INTEGRATION: ArnForm = {
  matches: (arn) => {
    const parts = parseArn(arn);
    return parts !== undefined && parts.service === 'redshift' && parts.resource === 'integration' && parts.arnFormat === ArnFormat.COLON_RESOURCE_NAME
      && parts.resourceName !== undefined && isUuid(parts.resourceName);
  },
  one: 'the ARN of a Redshift integration, arn:aws:redshift:REGION:ACCOUNT:integration:INTEGRATION-ID',
  each: 'ARNs of Redshift integrations, arn:aws:redshift:REGION:ACCOUNT:integration:INTEGRATION-ID',
};

/**
 * A Redshift integration ARN, `arn:PARTITION:redshift:REGION:ACCOUNT:integration:UUID`
 * ("Actions, resources, and condition keys for Amazon Redshift", Service Authorization Reference:
 * `integration:${IntegrationIdentifier}`; DescribeIntegrations' IntegrationArn pattern).
 */
export function validateIntegrationArn(prop: string, arn: string, count: ArnCount = 'each'): void {
  check(INTEGRATION, prop, arn, count);
}
