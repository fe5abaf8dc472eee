import { aws_dynamodb as dynamodb, aws_iam as iam, aws_kms as kms, ArnFormat, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { parseArn } from '../private/arns';
import { oneOrMany, scopeOf } from '../private/conditions';
import { acknowledgeGrantedWildcard } from '../private/grantee-wildcards';
import { isRdsSource, validateIntegrationArn, validateNamespaceArn, validateSourceArn } from '../private/integration-arns';
import { requireOptions, validateList } from '../private/validation';

/**
 * Options of `RedshiftPermissions.dynamoDbIntegrationSource` and `RedshiftPermissions.integrationKeyPolicy`.
 */
export interface ZeroEtlPolicyOptions {
  /**
   * The only integrations that may use the table or key (`aws:SourceArn`, and `aws:SourceAccount` on
   * their accounts): `arn:aws:redshift:REGION:ACCOUNT:integration:INTEGRATION-ID`, once they exist.
   *
   * @default - any integration of the account and Region of the table or key
   * (`aws:SourceAccount`, and `aws:SourceArn` like `arn:aws:redshift:REGION:ACCOUNT:integration:*`), as
   * the guides write it: an integration has no ARN before it is created
   */
  readonly integrationArns?: string[];
}

/**
 * Options of `RedshiftPermissions.createIntegrations`.
 */
export interface CreateIntegrationOptions {
  /**
   * The ARNs of the sources the grantee may create integrations from: Aurora and RDS DB clusters or
   * instances (`arn:aws:rds:REGION:ACCOUNT:cluster:NAME`, `...:db:NAME`), DynamoDB tables, S3 buckets
   * (S3 event integrations), without wildcards.
   */
  readonly sources: string[];

  /**
   * The namespace ARNs of the data warehouses the integrations replicate into: a cluster's
   * (`arn:aws:redshift:REGION:ACCOUNT:namespace:NAMESPACE-ID`) or a Serverless namespace's
   * (`arn:aws:redshift-serverless:REGION:ACCOUNT:namespace/NAMESPACE-ID`).
   */
  readonly targetArns: string[];
}

const REDSHIFT = 'redshift.amazonaws.com';

/**
 * The resource policy statements of a DynamoDB table that is the source of a zero-ETL integration
 * with Amazon Redshift, added to the table's resource policy.
 *
 * "DynamoDB zero-ETL integration with Amazon Redshift", Amazon DynamoDB Developer Guide,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/RedshiftforDynamoDB-zero-etl.html
 * (prerequisites: point-in-time recovery, and a resource policy that authorizes the integration), and
 * "Create a zero-ETL integration for DynamoDB", Amazon Redshift Management Guide,
 * https://docs.aws.amazon.com/redshift/latest/mgmt/zero-etl-setting-up.create-integration-ddb.html
 * ("The source must also have a resource policy with authorized principals and integration sources"):
 * `redshift.amazonaws.com` may call `dynamodb:ExportTableToPointInTime` and `dynamodb:DescribeTable`
 * on the table and `dynamodb:DescribeExport` on its exports (`table/NAME/export/*`), only for the
 * integrations (`aws:SourceArn`) of the account (`aws:SourceAccount`).
 *
 * A table this app defines without a name cannot name its own ARN in its policy (CloudFormation
 * would report a circular dependency; aws-cdk-lib's own README says to use `*`), so its statements
 * name `*`, which in a table's resource policy means that table and its exports.
 */
export function dynamoDbIntegrationSource(table: dynamodb.ITable, options: ZeroEtlPolicyOptions = {}): iam.AddToResourcePolicyResult {
  const conditions = integrationConditions(table, options ?? {});
  const own = ownTableArns(table);
  const [tableArn, exportsArn] = own ?? [table.tableArn, `${table.tableArn}/export/*`];
  const principals = [new iam.ServicePrincipal(REDSHIFT)];
  const statements = [
    new iam.PolicyStatement({
      sid: 'RedshiftZeroEtlExportTable',
      principals,
      actions: ['dynamodb:ExportTableToPointInTime', 'dynamodb:DescribeTable'],
      resources: [tableArn],
      conditions,
    }),
    new iam.PolicyStatement({ sid: 'RedshiftZeroEtlDescribeExport', principals, actions: ['dynamodb:DescribeExport'], resources: [exportsArn], conditions }),
  ];
  const adder = (table as Partial<Pick<dynamodb.Table, 'addToResourcePolicy'>>).addToResourcePolicy?.bind(table);
  const why = own === undefined
    ? 'the table is imported (or is no Table / TableV2), so this app does not own its resource policy'
    : undefined;
  return addAll(table, 'dynamoDbIntegrationSource', 'resource policy of table', statements, own === undefined ? undefined : adder, why);
}

/**
 * The key policy statement of a customer managed KMS key that encrypts a zero-ETL integration (a
 * DynamoDB source table's key, or the key of CreateIntegration's `KMSKeyId`), added to the key's
 * policy: `redshift.amazonaws.com` may call `kms:Decrypt` and `kms:CreateGrant`, only for the
 * integrations (`aws:SourceArn`) of the account (`aws:SourceAccount`), as "Create a zero-ETL
 * integration for DynamoDB" (Amazon Redshift Management Guide,
 * https://docs.aws.amazon.com/redshift/latest/mgmt/zero-etl-setting-up.create-integration-ddb.html:
 * "The source DynamoDB table must be encrypted") and the DynamoDB guide's encryption key permissions
 * describe it. In a key policy, `*` is the key itself.
 */
export function integrationKeyPolicy(key: kms.IKey, options: ZeroEtlPolicyOptions = {}): iam.AddToResourcePolicyResult {
  const statement = new iam.PolicyStatement({
    sid: 'RedshiftZeroEtlKey',
    principals: [new iam.ServicePrincipal(REDSHIFT)],
    actions: ['kms:Decrypt', 'kms:CreateGrant'],
    resources: ['*'],
    conditions: integrationConditions(key, options ?? {}),
  });
  const adder = (s: iam.PolicyStatement) => key.addToResourcePolicy(s, true);
  return addAll(key, 'integrationKeyPolicy', 'key policy of key', [statement], adder,
    'the key is imported (or an alias known by its name), so this app does not own its key policy');
}

/**
 * `aws:SourceArn` on the named integrations (and `aws:SourceAccount` on their accounts), or on the
 * integrations of the resource's own account and Region.
 */
function integrationConditions(resource: IConstruct & { readonly env: { account: string; region: string } }, options: ZeroEtlPolicyOptions) {
  const arns = options.integrationArns;
  if (arns !== undefined) {
    validateList('integrationArns', arns, { what: 'integration ARN', omit: 'for the integrations of the account', each: validateIntegrationArn });
    const accounts = arns.map((a) => parseArn(a)?.account);
    const known = accounts.every((a): a is string => a !== undefined);
    return {
      ...(known ? { StringEquals: { 'aws:SourceAccount': oneOrMany([...new Set(accounts)]) } } : {}),
      ArnEquals: { 'aws:SourceArn': oneOrMany(arns) },
    };
  }
  const { account, region } = resource.env;
  return {
    StringEquals: { 'aws:SourceAccount': account },
    ArnLike: {
      'aws:SourceArn': Stack.of(resource).formatArn({ service: 'redshift', account, region, resource: 'integration', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
    },
  };
}

/**
 * The table's ARN and its exports' ARN as its own resource policy names them, when this app defines
 * the table: built from its name when the name is literal, else `*` (this table); `undefined` for an
 * imported table.
 */
function ownTableArns(table: dynamodb.ITable): [string, string] | undefined {
  const cfn = table.node.defaultChild;
  if (!(cfn instanceof dynamodb.CfnTable || cfn instanceof dynamodb.CfnGlobalTable)) return undefined;
  const name = cfn.tableName;
  if (name === undefined || Token.isUnresolved(name)) return ['*', '*'];
  const arn = Stack.of(table).formatArn({ service: 'dynamodb', resource: 'table', resourceName: name });
  return [arn, `${arn}/export/*`];
}

/**
 * Adds each statement; when the resource has no policy this app can add to, an error that prints the
 * statements for the user to place where the resource is defined (as `allowAuditLogging` does).
 */
function addAll(resource: IConstruct, method: string, what: string, statements: iam.PolicyStatement[],
  add: ((s: iam.PolicyStatement) => iam.AddToResourcePolicyResult) | undefined, why: string | undefined): iam.AddToResourcePolicyResult {
  let last: iam.AddToResourcePolicyResult = { statementAdded: false };
  for (const statement of statements) {
    last = add?.(statement) ?? { statementAdded: false };
    if (!last.statementAdded) {
      const stack = Stack.of(resource);
      const text = JSON.stringify(stack.resolve(statements.map((s) => s.toStatementJson())), undefined, 2);
      throw new Error(`\`${method}\` cannot add to the ${what} '${resource.node.path}': ${why}. `
        + `Add these statements to its policy where it is defined:\n${text}`);
    }
  }
  return last;
}

/**
 * The identity policy of whoever creates zero-ETL and S3 event integrations into the named targets.
 *
 * - Aurora and RDS sources ("Creating Aurora zero-ETL integrations with Amazon Redshift", Amazon
 *   Aurora User Guide, https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/zero-etl.creating.html,
 *   and "Creating Amazon RDS zero-ETL integrations with Amazon Redshift", Amazon RDS User Guide,
 *   https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/zero-etl.creating.html, "Required
 *   permissions"): `rds:CreateIntegration` on the sources and on the integrations of their account
 *   and Region, `rds:DescribeIntegrations`, `rds:DeleteIntegration` and `rds:ModifyIntegration` on
 *   those integrations. rds:CreateIntegration has no condition key for the target.
 * - Every other source (DynamoDB tables, "IAM policy to work with DynamoDB zero-ETL integrations",
 *   https://docs.aws.amazon.com/redshift/latest/mgmt/zero-etl-setting-up.create-integration-ddb.html;
 *   S3 buckets for S3 event integrations): `redshift:CreateIntegration` on the integrations of the
 *   grantee's account and Region, only with `redshift:IntegrationSourceArn` = one of the sources and
 *   `redshift:IntegrationTargetArn` = one of the targets, and `redshift:DescribeIntegrations`,
 *   `redshift:DeleteIntegration`, `redshift:ModifyIntegration` on those integrations.
 * - `redshift:CreateInboundIntegration` on the targets, each by the namespace ARN it has: a cluster's
 *   `arn:aws:redshift:REGION:ACCOUNT:namespace:NAMESPACE-ID`, a Serverless namespace's
 *   `arn:aws:redshift-serverless:REGION:ACCOUNT:namespace/NAMESPACE-ID`. "Configure authorization for
 *   your Amazon Redshift data warehouse" (Amazon Redshift Management Guide,
 *   https://docs.aws.amazon.com/redshift/latest/mgmt/zero-etl-using.redshift-iam.html) lets a principal
 *   of the target's account create integrations "into this Redshift Serverless namespace or
 *   provisioned cluster" through its identity policy, and the Aurora and RDS guides above write their
 *   "Sample policy for Redshift target" for either ARN ("Note the use of a forward slash (/) rather
 *   than a colon (:) before the serverless namespace UUID"). The Service Authorization Reference
 *   ("Actions, resources, and condition keys for Amazon Redshift",
 *   https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonredshift.html) lists
 *   only the cluster form for the action's `namespace` resource type; the guides are followed here.
 *
 * A source given as a Token (its service is not known at synth time) gets both forms, each limited
 * to that source. The guides' console conveniences (`dynamodb:ListTables` on `*`, the table's
 * `PutResourcePolicy` for "Fix it for me") are left out: `dynamoDbIntegrationSource` writes the
 * table's policy.
 */
export function createIntegrations(grantee: iam.IGrantable, options: CreateIntegrationOptions): iam.Grant {
  requireOptions('RedshiftPermissions.createIntegrations', options, ['sources', 'targetArns']);
  validateList('sources', options.sources, { what: 'source ARN', each: validateSourceArn });
  validateList('targetArns', options.targetArns, { what: 'namespace ARN', each: validateNamespaceArn });
  const scope = scopeOf(grantee);
  const stack = Stack.of(scope);
  const tokens = options.sources.filter((s) => Token.isUnresolved(s));
  const rds = [...options.sources.filter((s) => !Token.isUnresolved(s) && isRdsSource(s)), ...tokens];
  const others = [...options.sources.filter((s) => !Token.isUnresolved(s) && !isRdsSource(s)), ...tokens];
  const wildcard = (resource: string, actions: string[], reason: string) => acknowledgeGrantedWildcard(scope, resource, actions, `cdk-redshift-iam: ${reason}`);

  const grants: iam.Grant[] = [];
  if (rds.length > 0) {
    const integrations = [...new Set(rds.map((source) => rdsIntegrations(stack, source)))];
    const manage = ['rds:DescribeIntegrations', 'rds:DeleteIntegration', 'rds:ModifyIntegration'];
    integrations.forEach((arn) => wildcard(arn, ['rds:CreateIntegration', ...manage],
      "the RDS integrations of one account and Region; '*' stands for the integration IDs, which RDS assigns (rds:CreateIntegration is also limited to the named sources)"));
    grants.push(iam.Grant.addToPrincipal({ grantee, actions: ['rds:CreateIntegration'], resourceArns: [...rds, ...integrations] }));
    grants.push(iam.Grant.addToPrincipal({ grantee, actions: manage, resourceArns: integrations }));
  }
  if (others.length > 0) {
    const integrations = stack.formatArn({ service: 'redshift', resource: 'integration', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    const manage = ['redshift:DescribeIntegrations', 'redshift:DeleteIntegration', 'redshift:ModifyIntegration'];
    wildcard(integrations, ['redshift:CreateIntegration', ...manage], "the Redshift integrations of this account and Region; '*' stands for the integration IDs, "
      + 'which Redshift assigns (redshift:CreateIntegration is limited to the named sources and targets by redshift:IntegrationSourceArn and redshift:IntegrationTargetArn)');
    grants.push(iam.Grant.addToPrincipal({
      grantee,
      actions: ['redshift:CreateIntegration'],
      resourceArns: [integrations],
      conditions: { StringEquals: { 'redshift:IntegrationSourceArn': oneOrMany(others), 'redshift:IntegrationTargetArn': oneOrMany(options.targetArns) } },
    }));
    grants.push(iam.Grant.addToPrincipal({ grantee, actions: manage, resourceArns: [integrations] }));
  }
  // Each target by its own namespace ARN, the Serverless form included: what the zero-ETL guides write
  // (see above), though the Service Authorization Reference lists only the cluster form.
  grants.push(iam.Grant.addToPrincipal({ grantee, actions: ['redshift:CreateInboundIntegration'], resourceArns: [...options.targetArns] }));
  return grants.reduce((all, g) => all.combine(g));
}

/** `arn:PARTITION:rds:REGION:ACCOUNT:integration:*` of an RDS source (the stack's for a Token). */
function rdsIntegrations(stack: Stack, source: string): string {
  const parts = parseArn(source);
  return stack.formatArn({
    service: 'rds',
    partition: parts?.partition,
    region: parts?.region,
    account: parts?.account,
    resource: 'integration',
    resourceName: '*',
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}
