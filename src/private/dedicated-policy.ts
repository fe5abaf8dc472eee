import { aws_iam as iam } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { acknowledgeNagFinding, nagResourceText } from './nag';

/**
 * A grantee whose statements go into a policy of their own, attached to the grantee's role, user
 * or group, so that a wildcard a grant needs (a Data API statement ID, which IAM cannot name) can be
 * acknowledged for cdk-nag on exactly that policy, without hiding any other `*` the grantee's
 * default policy holds (X-Ray, for instance).
 *
 * Only for a role, user or group this app defines (`iam.Role`, `iam.User`, `iam.Group`, and so a
 * Lambda function's or state machine's role): an imported role may be immutable, so an attached
 * policy could not be used there. Any other grantee gets the statements the usual way
 * (`iam.Grant.addToPrincipal`), and cdk-nag reports the wildcard on its policy.
 */
export class DedicatedPolicy {
  /**
   * The dedicated policy `id` of the grantee's principal (created on first use), or `undefined`
   * when the principal cannot have one.
   */
  public static of(grantee: iam.IGrantable, id: string, description: string): DedicatedPolicy | undefined {
    const principal = grantee.grantPrincipal;
    if (!(principal instanceof iam.Role || principal instanceof iam.User || principal instanceof iam.Group)) {
      return undefined;
    }
    const existing = principal.node.tryFindChild(id);
    if (existing instanceof iam.Policy) {
      const found = POLICIES.get(existing);
      if (found) return found;
    }
    const policy = new iam.Policy(principal, id);
    if (principal instanceof iam.Role) policy.attachToRole(principal);
    else if (principal instanceof iam.User) policy.attachToUser(principal);
    else policy.attachToGroup(principal);
    const dedicated = new DedicatedPolicy(principal, policy, description);
    POLICIES.set(policy, dedicated);
    return dedicated;
  }

  /** Grants through this principal land in the dedicated policy. */
  public readonly grantee: iam.IGrantable;
  private readonly wildcards = new Map<string, string>();

  private constructor(principal: iam.IPrincipal, public readonly policy: iam.Policy, description: string) {
    this.grantee = new PolicyPrincipal(principal, policy, description);
    policy.node.addValidation({ validate: () => this.acknowledgeWildcards() });
  }

  /** Records that `resource` holds a wildcard on purpose, with the reason cdk-nag shows. */
  public scopedWildcard(resource: string, reason: string): void {
    this.wildcards.set(resource, reason);
  }

  /**
   * At validation (after cross-stack references are settled, before cdk-nag runs), an
   * acknowledgement for exactly each recorded wildcard, on this policy only.
   */
  private acknowledgeWildcards(): string[] {
    for (const [resource, reason] of this.wildcards) {
      acknowledgeNagFinding(this.policy, `AwsSolutions-IAM5[Resource::${nagResourceText(this.policy, resource)}]`, reason);
    }
    return [];
  }
}

const POLICIES = new WeakMap<IConstruct, DedicatedPolicy>();

/** The grantee's principal, except that its statements go into one given policy. */
class PolicyPrincipal extends iam.PrincipalBase {
  public readonly assumeRoleAction: string;
  public readonly principalAccount: string | undefined;

  constructor(private readonly base: iam.IPrincipal, private readonly policy: iam.Policy, private readonly description: string) {
    super();
    this.assumeRoleAction = base.assumeRoleAction;
    this.principalAccount = base.principalAccount;
  }

  public get policyFragment(): iam.PrincipalPolicyFragment {
    return this.base.policyFragment;
  }

  public addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    this.policy.addStatements(statement);
    return { statementAdded: true, policyDependable: this.policy };
  }

  public dedupeString(): string | undefined {
    return undefined;
  }

  public toString(): string {
    return `${this.description}(${(this.base as unknown as Construct).node?.path ?? this.base.toString()})`;
  }
}
