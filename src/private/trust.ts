import { aws_iam as iam } from 'aws-cdk-lib';

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
