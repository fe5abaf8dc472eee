import { Finding, Rule } from './rule';
import { asList, StatementJson } from '../private/policy-json';

export const WILDCARD_ACTION: Rule = {
  id: 'cdk-redshift-iam:wildcard-action',
  level: 'warning',
  summary: 'a Redshift role that allows `s3:*` or `*`',
};

/** What the check reads. */
export interface WildcardActionInput {
  /** The resolved statements of the policies of a Redshift role. */
  readonly statements: StatementJson[];
}

/** A finding for each Allow statement with `*` or `s3:*` among its actions. */
export function checkWildcardAction(input: WildcardActionInput): Finding[] {
  return input.statements.filter((s) => s.Effect === 'Allow').flatMap((statement) => {
    const wild = asList(statement.Action).filter((a) => a === '*' || a === 's3:*');
    return wild.length === 0 ? [] : [{
      rule: WILDCARD_ACTION,
      message: `This Redshift role allows ${wild.join(', ')}; grant the actions its commands need (RedshiftServiceRole.allow*)`,
    }];
  });
}
