import { Finding, RedshiftTarget, Rule } from './rule';
import { principalRegion, redshiftPrincipals, trustNamesRedshift } from '../private/redshift-principals';

/** The principal each target needs, for messages. */
const NEEDED: Record<RedshiftTarget, string> = {
  cluster: 'redshift.amazonaws.com',
  namespace: 'redshift-serverless.amazonaws.com',
};

export const TRUST_NAMES_REDSHIFT: Rule = {
  id: 'cdk-redshift-iam:trust-names-redshift',
  level: 'error',
  summary: 'a role attached to a cluster or namespace whose trust policy does not let Redshift assume it '
    + '(the deploy-time "IAM role must delegate access to an Amazon Redshift account" failure)',
};

/** What the check reads. */
export interface TrustNamesRedshiftInput {
  /** How the message names the role, quoted: `'App/Role/Resource'` or its ARN. */
  readonly role: string;
  /** The service principals the role's trust lets call `sts:AssumeRole`. */
  readonly principals: string[];
  /** What the role is attached to. */
  readonly target: RedshiftTarget;
}

/** A finding when Redshift (provisioned for a cluster, Serverless for a namespace) cannot assume the role. */
export function checkTrustNamesRedshift(input: TrustNamesRedshiftInput): Finding[] {
  if (trustNamesRedshift(input.principals, input.target)) return [];
  const needed = NEEDED[input.target];
  return [{
    rule: TRUST_NAMES_REDSHIFT,
    message: `Role ${input.role} is attached to this ${input.target}, but its trust policy does not let ${needed} assume it: `
      + 'the deployment would fail with "IAM role must delegate access to an Amazon Redshift account". '
      + fixFor(input.principals, input.target),
  }];
}

/**
 * What to do, read from what the trust names: a RedshiftServiceRole attached to a namespace lacks
 * `serverless: true` (and cannot keep `regions`), so "use RedshiftServiceRole" would not fix it.
 */
function fixFor(principals: string[], target: RedshiftTarget): string {
  const needed = NEEDED[target];
  if (target === 'cluster') return `Use RedshiftServiceRole, or trust ${needed} with sts:AssumeRole`;
  const provisioned = redshiftPrincipals(principals, 'cluster');
  if (provisioned.length === 0) return `Use RedshiftServiceRole with \`serverless: true\`, or trust ${needed} with sts:AssumeRole`;
  const regional = provisioned.some((p) => principalRegion(p) !== undefined);
  return `Its trust names Redshift for provisioned clusters only (${provisioned.join(', ')}): for a RedshiftServiceRole, set \`serverless: true\``
    + (regional ? ' and leave out `regions` (Redshift Serverless assumes roles through its global principal only)' : '')
    + `; for another role, trust ${needed} with sts:AssumeRole as well`;
}
