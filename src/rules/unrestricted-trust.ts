import { Finding, Rule } from './rule';
import { servicePrincipals, StatementJson } from '../private/policy-json';
import { principalRegion, redshiftPrincipals } from '../private/redshift-principals';

export const UNRESTRICTED_TRUST: Rule = {
  id: 'cdk-redshift-iam:unrestricted-trust',
  level: 'info',
  summary: 'a Redshift role that every database user of every cluster it is attached to, in every Region, may use',
};

/** What the check reads. */
export interface UnrestrictedTrustInput {
  /** The resolved statements of the role's trust policy that allow assuming it. */
  readonly trust: StatementJson[];
}

/**
 * A finding when neither an `sts:ExternalId` condition (database users) nor Regional principals
 * restrict who may use the role through Redshift.
 */
export function checkUnrestrictedTrust(input: UnrestrictedTrustInput): Finding[] {
  const byUser = input.trust.some((s) => JSON.stringify(s.Condition ?? {}).includes('sts:ExternalId'));
  const byRegion = redshiftPrincipals(input.trust.flatMap(servicePrincipals), 'any')
    .every((p) => principalRegion(p) !== undefined);
  if (byUser || byRegion) return [];
  // A role Redshift Serverless assumes trusts its global principal: `regions` cannot restrict it
  // (RedshiftServiceRole rejects `regions` with `serverless: true`).
  const serverless = redshiftPrincipals(input.trust.flatMap(servicePrincipals), 'namespace').length > 0;
  return [{
    rule: UNRESTRICTED_TRUST,
    message: 'Every database user of every cluster this role is attached to, in every Region, may use it; '
      + (serverless
        ? 'restrict it with databaseUsers (sts:ExternalId): regions cannot restrict a role that Redshift Serverless assumes, '
          + 'which it does through the global redshift-serverless.amazonaws.com principal'
        : 'restrict it with databaseUsers (sts:ExternalId) or regions'),
  }];
}
