import { aws_iam as iam, Token } from 'aws-cdk-lib';
import { Finding, RedshiftTarget } from './rule';
import { checkTrustNamesRedshift } from './trust-names-redshift';
import { checkTrustRegion } from './trust-region';
import { asList, servicePrincipals } from '../private/policy-json';
import { roleTrustStatements } from '../private/role-references';

/**
 * What the trust of a role attached to a cluster or namespace must allow: Redshift (Redshift
 * Serverless for a namespace), in the target's Region. `role` names the role in the messages. No
 * finding while a trusted service is not a literal: a Token could be any service.
 */
export function attachedTrustFindings(role: string, cfnRole: iam.CfnRole, target: RedshiftTarget, region: string): Finding[] {
  const trust = roleTrustStatements(cfnRole);
  if (trust.some((s) => asList(s.Principal?.Service).some((p) => typeof p !== 'string' || Token.isUnresolved(p)))) return [];
  const principals = trust.flatMap(servicePrincipals);
  const untrusted = checkTrustNamesRedshift({ role, principals, target });
  return untrusted.length > 0 ? untrusted : checkTrustRegion({ role, principals, target, region });
}

