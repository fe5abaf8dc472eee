import { Finding, RedshiftTarget, Rule } from './rule';

/** The service principals through which Redshift assumes a role: global or Regional, `.cn` too. */
const PRINCIPALS: Record<RedshiftTarget, RegExp> = {
  cluster: /^redshift(\.([a-z0-9-]+))?\.amazonaws\.com(\.cn)?$/,
  namespace: /^redshift-serverless(\.([a-z0-9-]+))?\.amazonaws\.com(\.cn)?$/,
};

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

/**
 * The principals among `principals` through which Redshift assumes roles for `target` (`any`:
 * provisioned or Serverless).
 */
export function redshiftPrincipals(principals: string[], target: RedshiftTarget | 'any'): string[] {
  const patterns = target === 'any' ? [PRINCIPALS.cluster, PRINCIPALS.namespace] : [PRINCIPALS[target]];
  return principals.filter((p) => patterns.some((pattern) => pattern.test(p)));
}

/** The Region of a Regional Redshift principal (`redshift.us-east-1.amazonaws.com`); `undefined` when global. */
export function principalRegion(principal: string): string | undefined {
  return PRINCIPALS.cluster.exec(principal)?.[2] ?? PRINCIPALS.namespace.exec(principal)?.[2];
}

/** Whether a trust that names these service principals lets Redshift assume the role for `target`. */
export function trustNamesRedshift(principals: string[], target: RedshiftTarget | 'any'): boolean {
  return redshiftPrincipals(principals, target).length > 0;
}

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
      + `Use RedshiftServiceRole, or trust ${needed} with sts:AssumeRole`,
  }];
}
