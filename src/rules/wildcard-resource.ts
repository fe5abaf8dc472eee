import { Finding, Rule } from './rule';
import { flattenReference } from '../private/nag';
import { asList, StatementJson } from '../private/policy-json';
import { onlyUnscopedActions } from '../private/unscoped-actions';

export const WILDCARD_RESOURCE: Rule = {
  id: 'cdk-redshift-iam:wildcard-resource',
  level: 'warning',
  summary: 'a Redshift role that allows any action on every resource (`*`)',
};

/** What the check reads. */
export interface WildcardResourceInput {
  /** The resolved statements of the policies of a Redshift role. */
  readonly statements: StatementJson[];
}

/**
 * A finding for each Allow statement whose resources include `*`, unless every action of the
 * statement is one that IAM authorizes on no resource type (such as `kinesis:ListStreams`), for
 * which `*` is the only resource possible.
 */
export function checkWildcardResource(input: WildcardResourceInput): Finding[] {
  return input.statements.filter((s) => s.Effect === 'Allow').flatMap((statement) => {
    if (onlyUnscopedActions(asList(statement.Action))) return [];
    const everything = asList(statement.Resource).map(flattenReference).includes('*');
    return everything ? [{
      rule: WILDCARD_RESOURCE,
      message: `This Redshift role allows ${asList(statement.Action).join(', ')} on every resource ('*'); name the buckets, tables and functions instead`,
    }] : [];
  });
}
