/**
 * The service principals through which Redshift assumes a role, and what they say: which target
 * (provisioned or Serverless), and which Region for a Regional one. Policy-JSON helpers, used by the
 * trust the constructs write and by the rules that read trusts.
 */

/** A Redshift target kind: a provisioned cluster, or a Serverless namespace. */
export type RedshiftPrincipalTarget = 'cluster' | 'namespace';

/** The service principals through which Redshift assumes a role: global or Regional, `.cn` too. */
const PRINCIPALS: Record<RedshiftPrincipalTarget, RegExp> = {
  cluster: /^redshift(\.([a-z0-9-]+))?\.amazonaws\.com(\.cn)?$/,
  namespace: /^redshift-serverless(\.([a-z0-9-]+))?\.amazonaws\.com(\.cn)?$/,
};

/**
 * The principals among `principals` through which Redshift assumes roles for `target` (`any`:
 * provisioned or Serverless).
 */
export function redshiftPrincipals(principals: string[], target: RedshiftPrincipalTarget | 'any'): string[] {
  const patterns = target === 'any' ? [PRINCIPALS.cluster, PRINCIPALS.namespace] : [PRINCIPALS[target]];
  return principals.filter((p) => patterns.some((pattern) => pattern.test(p)));
}

/** The Region of a Regional Redshift principal (`redshift.us-east-1.amazonaws.com`); `undefined` when global. */
export function principalRegion(principal: string): string | undefined {
  return PRINCIPALS.cluster.exec(principal)?.[2] ?? PRINCIPALS.namespace.exec(principal)?.[2];
}

/** Whether a trust that names these service principals lets Redshift assume the role for `target`. */
export function trustNamesRedshift(principals: string[], target: RedshiftPrincipalTarget | 'any'): boolean {
  return redshiftPrincipals(principals, target).length > 0;
}

