import { Token } from 'aws-cdk-lib';
import { Finding, RedshiftTarget, Rule } from './rule';
import { principalRegion, redshiftPrincipals } from '../private/redshift-principals';

export const TRUST_REGION: Rule = {
  id: 'cdk-redshift-iam:trust-region',
  level: 'error',
  summary: 'a role attached to a cluster or namespace that trusts Redshift only in other Regions than its own',
};

/** What the check reads. */
export interface TrustRegionInput {
  /** How the message names the role, quoted. */
  readonly role: string;
  /** The service principals the role's trust lets call `sts:AssumeRole`. */
  readonly principals: string[];
  /** What the role is attached to. */
  readonly target: RedshiftTarget;
  /** The Region of the cluster or namespace (a Token: no finding). */
  readonly region: string;
}

/**
 * A finding when the trust names Redshift only through Regional principals, none of them the
 * cluster's Region. (A trust that names no Redshift principal at all is TRUST_NAMES_REDSHIFT's.)
 */
export function checkTrustRegion(input: TrustRegionInput): Finding[] {
  const principals = redshiftPrincipals(input.principals, input.target);
  if (principals.length === 0 || Token.isUnresolved(input.region)) return [];
  const regions = principals.map(principalRegion);
  if (regions.includes(undefined) || regions.includes(input.region)) return [];
  return [{
    rule: TRUST_REGION,
    message: `Role ${input.role} trusts Redshift only in ${regions.join(', ')}, but this ${input.target} is in ${input.region}: Redshift could not assume it`,
  }];
}
