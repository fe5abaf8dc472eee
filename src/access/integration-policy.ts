import { aws_iam as iam } from 'aws-cdk-lib';
import { oneOrMany } from '../private/conditions';
import { validateNamespaceArn, validateSourceArn } from '../private/integration-arns';
import { requireOptions, validateAccount, validateList } from '../private/validation';

/**
 * Options of `RedshiftPermissions.integrationResourcePolicy`.
 */
export interface IntegrationPolicyOptions {
  /**
   * The namespace ARN of the data warehouse the integrations replicate into: a provisioned
   * cluster's (`arn:aws:redshift:REGION:ACCOUNT:namespace:NAMESPACE-ID`,
   * `CfnCluster.attrClusterNamespaceArn`) or a Serverless namespace's
   * (`arn:aws:redshift-serverless:REGION:ACCOUNT:namespace/NAMESPACE-ID`,
   * `CfnNamespace.attrNamespaceNamespaceArn`). Not the cluster's ARN: integrations target the
   * namespace.
   */
  readonly targetArn: string;

  /**
   * The ARNs of the sources that may replicate into the target (`aws:SourceArn`): Aurora and RDS
   * DB clusters or instances, DynamoDB tables (zero-ETL integrations), S3 buckets (S3 event
   * integrations for auto-copy), and any other zero-ETL source.
   */
  readonly sources: string[];

  /**
   * The accounts whose users and roles may create inbound integrations into the target from these
   * sources (`redshift:CreateInboundIntegration`, "authorized principals"). Principals of the
   * target's own account need no statement here when their identity policy allows it.
   *
   * @default - no account is authorized by the resource policy
   */
  readonly creatorAccounts?: string[];
}

/**
 * The resource policy of a cluster or Serverless namespace that lets zero-ETL and S3 event
 * integrations in, as "Configure authorization for your Amazon Redshift data warehouse" (Amazon
 * Redshift Management Guide, zero-etl-using.redshift-iam.html) and "Create an S3 event integration
 * to automatically copy files from Amazon S3 buckets" (Amazon Redshift Database Developer Guide,
 * loading-data-copy-job.html) write it:
 *
 * - "authorized integration sources": `redshift:AuthorizeInboundIntegration` on the target for the
 *   `redshift.amazonaws.com` service principal, only with `aws:SourceArn` = one of the sources;
 * - "authorized principals": `redshift:CreateInboundIntegration` on the target for the creator
 *   accounts, with the same `aws:SourceArn` condition.
 *
 * A Serverless namespace is named by its own ARN (`arn:aws:redshift-serverless:...:namespace/ID`): the
 * guide ("Add authorized principals to an Amazon Redshift Serverless namespace") authorizes on the
 * namespace itself, through its Resource Policy tab or Redshift's PutResourcePolicy, though the Service
 * Authorization Reference lists only the cluster form for these two actions (see `createIntegrations`).
 */
export function integrationResourcePolicy(options: IntegrationPolicyOptions): iam.PolicyDocument {
  requireOptions('RedshiftPermissions.integrationResourcePolicy', options, ['targetArn', 'sources']);
  validateNamespaceArn('targetArn', options.targetArn, 'one');
  validateList('sources', options.sources, { what: 'source ARN', each: validateSourceArn });
  const creators = options.creatorAccounts;
  if (creators !== undefined) validateList('creatorAccounts', creators, { what: 'account', omit: 'to authorize none', each: validateAccount });

  const fromSources = { StringEquals: { 'aws:SourceArn': oneOrMany(options.sources) } };
  const document = new iam.PolicyDocument({
    statements: [new iam.PolicyStatement({
      sid: 'AuthorizeInboundIntegration',
      principals: [new iam.ServicePrincipal('redshift.amazonaws.com')],
      actions: ['redshift:AuthorizeInboundIntegration'],
      resources: [options.targetArn],
      conditions: fromSources,
    })],
  });
  if (creators !== undefined) {
    document.addStatements(new iam.PolicyStatement({
      sid: 'CreateInboundIntegration',
      principals: creators.map((a) => new iam.AccountPrincipal(a)),
      actions: ['redshift:CreateInboundIntegration'],
      resources: [options.targetArn],
      conditions: fromSources,
    }));
  }
  return document;
}
