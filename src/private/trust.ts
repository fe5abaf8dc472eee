import { aws_iam as iam } from 'aws-cdk-lib';
import { rejectDuplicates, validateRegion } from './validation';

/**
 * The principal a Redshift role is created with. It writes the role's trust as exactly one
 * `sts:AssumeRole` statement naming every trusted principal, and keeps that statement so the
 * `sts:ExternalId` condition can grow after construction (`addDatabaseUser`, `addExternalId`)
 * until the template is rendered.
 */
export class TrustPrincipal extends iam.PrincipalBase {
  public readonly trusted: iam.IPrincipal[];
  private statement?: iam.PolicyStatement;

  constructor(trusted: iam.IPrincipal[]) {
    super();
    if (trusted.length === 0) {
      throw new Error('TrustPrincipal needs at least one trusted principal');
    }
    this.trusted = trusted;
  }

  public get policyFragment(): iam.PrincipalPolicyFragment {
    return new iam.CompositePrincipal(...this.trusted).policyFragment;
  }

  public addToAssumeRolePolicy(document: iam.PolicyDocument): void {
    this.statement = new iam.PolicyStatement({
      actions: ['sts:AssumeRole'],
      principals: this.trusted,
    });
    document.addStatements(this.statement);
  }

  /** Sets the `StringEquals` `sts:ExternalId` condition to exactly these values. */
  public setExternalIds(values: string[]): void {
    if (!this.statement) {
      throw new Error('TrustPrincipal: the trust statement is written when the role is created');
    }
    if (values.length === 0) return;
    this.statement.addCondition('StringEquals', {
      'sts:ExternalId': values.length === 1 ? values[0] : [...values],
    });
  }

  public dedupeString(): string | undefined {
    return undefined;
  }

  public toString(): string {
    return `TrustPrincipal(${this.trusted.map((p) => p.toString()).join(',')})`;
  }
}

/**
 * The service principals a role that Redshift assumes trusts: the global `redshift.amazonaws.com`
 * (and `redshift-serverless.amazonaws.com` for Serverless), or the Regional principals of `regions`.
 */
export function redshiftServicePrincipals(regions: string[] | undefined, serverless: boolean | undefined): string[] {
  if (regions === undefined) {
    return serverless
      ? ['redshift.amazonaws.com', 'redshift-serverless.amazonaws.com']
      : ['redshift.amazonaws.com'];
  }
  if (regions.length === 0) {
    throw new Error('`regions` must list at least one AWS Region; leave it out to trust Redshift in every Region');
  }
  regions.forEach((region) => validateRegion('regions', region));
  rejectDuplicates('regions', regions);
  if (serverless) {
    throw new Error('`regions` cannot be combined with `serverless`: Redshift Serverless assumes roles through the global redshift-serverless.amazonaws.com principal, so a Region restriction would not hold. Restrict a Serverless role with `databaseUsers` instead.');
  }
  return regions.map((region) => `redshift.${region}.amazonaws.com`);
}

/**
 * Whom the next role of a chain trusts: exactly the previous role's ARN, or (`byAccount`) every
 * principal of its account, `arn:aws:iam::ACCOUNT:root`.
 */
export function previousRolePrincipal(previous: iam.IRole, byAccount: boolean): iam.IPrincipal {
  return byAccount ? new iam.AccountPrincipal(previous.env.account) : new iam.ArnPrincipal(previous.roleArn);
}
