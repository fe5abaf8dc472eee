import { aws_iam as iam, Token } from 'aws-cdk-lib';
import { asList, StatementJson } from './policy-json';

/**
 * IAM Identity Center (trusted identity propagation) for Amazon Redshift: what the role of a
 * Redshift IdC application must trust, and the ARNs of Identity Center. One place for the construct
 * that writes the trust (RedshiftIdcApplicationRole) and the rule that reads it
 * (cdk-redshift-iam:idc-application-trust).
 *
 * "Setting up trusted identity propagation with Amazon Redshift Query Editor V2", AWS IAM Identity
 * Center User Guide, https://docs.aws.amazon.com/singlesignon/latest/userguide/setting-up-tip-redshift.html:
 * the role is created "in the account where the Amazon Redshift cluster or Serverless instance
 * exists"; its trust policy lets `redshift.amazonaws.com` and `redshift-serverless.amazonaws.com`
 * call `sts:AssumeRole` and `sts:SetContext`.
 */

/** The service principals that assume the role of a Redshift IdC application. */
export const IDC_PRINCIPALS: readonly string[] = ['redshift.amazonaws.com', 'redshift-serverless.amazonaws.com'];

/** What each of them must be allowed: assume the role, and set the identity context of the session. */
export const IDC_TRUST_ACTIONS: readonly string[] = ['sts:AssumeRole', 'sts:SetContext'];

/**
 * The trust of the role: one statement naming both principals with both actions, as the guide
 * writes it (iam.Role would write `sts:AssumeRole` alone).
 */
export class IdentityCenterTrustPrincipal extends iam.PrincipalBase {
  private readonly principals = IDC_PRINCIPALS.map((service) => new iam.ServicePrincipal(service));

  public get policyFragment(): iam.PrincipalPolicyFragment {
    return new iam.CompositePrincipal(...this.principals).policyFragment;
  }

  public addToAssumeRolePolicy(document: iam.PolicyDocument): void {
    document.addStatements(new iam.PolicyStatement({ actions: [...IDC_TRUST_ACTIONS], principals: this.principals }));
  }

  public dedupeString(): string | undefined {
    return undefined;
  }

  public toString(): string {
    return `IdentityCenterTrustPrincipal(${IDC_PRINCIPALS.join(',')})`;
  }
}

/**
 * The (principal, action) pairs of IDC_PRINCIPALS x IDC_TRUST_ACTIONS that no Allow statement of a
 * resolved trust policy grants, as `principal action` text; `undefined` when a principal of the trust
 * is not a literal (a Token could be any service, so nothing can be said).
 *
 * A statement grants a pair when it names the principal (or its `.cn` form, in the China Regions)
 * and the action (or `sts:*`, `*`). Its conditions are not evaluated: a condition narrows who may
 * assume, it does not make Redshift unable to.
 */
export function missingIdcTrust(statements: readonly StatementJson[]): string[] | undefined {
  const allows = statements.filter((s) => s.Effect === 'Allow');
  const services = allows.flatMap((s) => asList(s.Principal?.Service));
  if (services.some((p) => typeof p !== 'string' || Token.isUnresolved(p))) return undefined;
  const missing: string[] = [];
  for (const principal of IDC_PRINCIPALS) {
    for (const action of IDC_TRUST_ACTIONS) {
      const granted = allows.some((s) => asList(s.Principal?.Service).some((p) => p === principal || p === `${principal}.cn`)
        && asList(s.Action).some((a) => a === action || a === 'sts:*' || a === '*'));
      if (!granted) missing.push(`${principal} ${action}`);
    }
  }
  return missing;
}

/**
 * IAM Identity Center ARNs, as the SSO Admin API writes them ("describe-application", AWS CLI
 * Command Reference, https://docs.aws.amazon.com/cli/latest/reference/sso-admin/describe-application.html:
 * ApplicationArn `arn:aws(-[a-z]{1,5}){0,3}:sso::\d{12}:application/(sso)?ins-[a-zA-Z0-9-.]{16}/apl-[a-zA-Z0-9]{16}`;
 * the instance ARN is `arn:aws:sso:::instance/(sso)?ins-...`, with no Region and no account).
 */
const INSTANCE_ARN = /^arn:(aws(?:-[a-z]{1,5}){0,3}):sso:::instance\/((?:sso)?ins-[a-zA-Z0-9-.]{16})$/;
const APPLICATION_ARN = /^arn:aws(?:-[a-z]{1,5}){0,3}:sso::\d{12}:application\/((?:sso)?ins-[a-zA-Z0-9-.]{16})\/apl-[a-zA-Z0-9]{16}$/;

/** The parts of an Identity Center instance ARN: its partition and instance ID (Tokens: `undefined`). */
export function parseInstanceArn(prop: string, arn: string): { partition: string; instanceId: string } | undefined {
  if (Token.isUnresolved(arn)) return undefined;
  const match = INSTANCE_ARN.exec(arn);
  if (match === null) {
    throw new Error(`\`${prop}\` must be the ARN of an IAM Identity Center instance, arn:aws:sso:::instance/ssoins-XXXXXXXXXXXXXXXX `
      + `(IAM Identity Center console, Settings, "Instance ARN"), got: '${arn}'`);
  }
  return { partition: match[1], instanceId: match[2] };
}

/**
 * An application ARN of the instance `instanceId` (when known): the IdC application is created in
 * that instance, so an application of another instance is a mistake.
 */
export function validateApplicationArn(prop: string, arn: string, instanceId: string | undefined): void {
  if (Token.isUnresolved(arn)) return;
  const match = APPLICATION_ARN.exec(arn);
  if (match === null) {
    throw new Error(`\`${prop}\` must be ARNs of IAM Identity Center applications, arn:aws:sso::ACCOUNT:application/ssoins-XXXXXXXXXXXXXXXX/apl-XXXXXXXXXXXXXXXX, got: '${arn}'`);
  }
  if (instanceId !== undefined && match[1] !== instanceId) {
    throw new Error(`\`${prop}\` must be applications of the instance ${instanceId} (\`identityCenterInstanceArn\`), got '${arn}', an application of ${match[1]}`);
  }
}
