import { aws_iam as iam, Token } from 'aws-cdk-lib';
import { scopeOf, tagKey } from '../private/conditions';
import { acknowledgeGrantedWildcard } from '../private/grantee-wildcards';
import { checkClusterAction } from '../private/redshift-actions';
import { redshiftArn } from '../private/redshift-arns';
import { rejectDuplicates, requireOptions, validateList } from '../private/validation';

/** What `manageClusters` reads of `ManageClustersOptions` (the public interface, in permissions.ts). */
export interface ManageClustersInput {
  readonly actions: string[];
  readonly region?: string;
  readonly account?: string;
  readonly resourceTags?: { [key: string]: string };
  readonly requestTags?: { [key: string]: string };
  readonly allowedTagKeys?: string[];
}

/**
 * Cluster management actions on every cluster of one account and Region, chosen by tags, as the
 * examples of "Using IAM policy conditions for fine-grained access control" (Amazon Redshift
 * Management Guide) write them: `aws:ResourceTag/KEY` (the cluster's tags), `aws:RequestTag/KEY`
 * (the tags a request sets) and `ForAllValues:StringEquals` `aws:TagKeys` (the tag keys it may set).
 * With a tag condition, the `cluster:*` wildcard is acknowledged to cdk-nag, with the reason.
 */
export function manageClusters(grantee: iam.IGrantable, options: ManageClustersInput): iam.Grant {
  requireOptions('RedshiftPermissions.manageClusters', options, ['actions']);
  validateList('actions', options.actions, { what: 'Redshift action' });
  const actions = options.actions.map((a) => {
    const action = a.includes(':') ? a : `redshift:${a}`;
    if (!Token.isUnresolved(action) && !/^redshift:[A-Za-z]+$/.test(action)) {
      throw new Error(`\`actions\` must be Redshift actions such as redshift:ModifyCluster (no wildcards), got: '${a}'`);
    }
    if (!Token.isUnresolved(action)) checkClusterAction(scopeOf(grantee), action);
    return action;
  });
  rejectDuplicates('actions', actions);
  const equals: Record<string, string> = {};
  for (const [key, value] of Object.entries(options.resourceTags ?? {})) equals[`aws:ResourceTag/${tagKey('resourceTags', key)}`] = value;
  for (const [key, value] of Object.entries(options.requestTags ?? {})) equals[`aws:RequestTag/${tagKey('requestTags', key)}`] = value;
  const conditions: Record<string, Record<string, unknown>> = {};
  if (Object.keys(equals).length > 0) conditions.StringEquals = equals;
  if (options.allowedTagKeys !== undefined) {
    validateList('allowedTagKeys', options.allowedTagKeys, { what: 'tag key', omit: 'to allow any', each: tagKey });
    conditions['ForAllValues:StringEquals'] = { 'aws:TagKeys': options.allowedTagKeys };
  }
  const scope = scopeOf(grantee);
  const clusters = redshiftArn(scope, 'cluster', '*', { region: options.region, account: options.account });
  if (Object.keys(conditions).length > 0) {
    // The tag conditions, not the ARN, choose the clusters: the ARN's `*` is how the documented
    // examples write it. Without a condition the grant reaches every cluster and stays reported.
    acknowledgeGrantedWildcard(scope, clusters, actions,
      `${actions.join(', ')} on every cluster of the account and Region only where the tag conditions (${Object.keys(conditions).join(', ')}) hold, `
      + 'as in the examples of "Using IAM policy conditions for fine-grained access control" (Amazon Redshift Management Guide): '
      + 'the tags, not the ARN, choose the clusters (cdk-redshift-iam).');
  }
  return iam.Grant.addToPrincipal({
    grantee,
    actions,
    resourceArns: [clusters],
    conditions: Object.keys(conditions).length > 0 ? conditions : undefined,
  });
}
