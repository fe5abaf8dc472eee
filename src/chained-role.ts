import { Annotations, aws_iam as iam, Resource, Stack, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { recordPreviousInChain } from './private/chain';
import { MAX_CHAIN_LENGTH } from './private/limits';
import { nameBasedRoleArn } from './private/role-arn';
import { generateRoleName } from './private/role-name';
import { describeRole } from './private/roles';
import { previousRolePrincipal } from './private/trust';
import { requireOptions } from './private/validation';
import { RedshiftRoleBase } from './redshift-role';
import { RedshiftRoleBaseProps } from './redshift-role-props';
import { RoleChain } from './role-chain';

/**
 * Whom a chained role trusts: the previous role itself, or every principal of its account.
 */
export enum ChainTrust {
  /**
   * Trust exactly the previous role's ARN (the first form in "Chaining IAM roles in Amazon Redshift",
   * Amazon Redshift Management Guide).
   */
  ROLE = 'ROLE',
  /**
   * Trust the previous role's account root, `arn:aws:iam::ACCOUNT:root` (the second form in
   * "Chaining IAM roles in Amazon Redshift"): any role of that account whose own policy allows
   * `sts:AssumeRole` on this role may assume it.
   */
  ACCOUNT = 'ACCOUNT',
}

/**
 * Properties of a ChainedRole.
 */
export interface ChainedRoleProps extends RedshiftRoleBaseProps {
  /**
   * The previous role of the chain: the role attached to the cluster, or another `ChainedRole`.
   * It may be in another stack or account, or imported (`iam.Role.fromRoleArn`).
   */
  readonly assumedBy: iam.IRole;

  /**
   * Whom the trust policy names.
   *
   * @default ChainTrust.ROLE
   */
  readonly trust?: ChainTrust;
}

/**
 * A role in a Redshift role chain: assumed by the previous role, possibly of another account,
 * for example Company B's RoleB that Company A's cluster role RoleA assumes to read B's bucket.
 *
 * Its trust lets the previous role assume it (optionally only for `databaseUsers`). When the
 * previous role is defined in this app, it is given `sts:AssumeRole` on exactly this role, in its
 * own stack; when it is imported, `previousRolePolicy` holds the statement its owner must add.
 *
 * The role always has a name known at synth time (the given `roleName`, or one generated from its
 * construct path), so its ARN can be written into the other account's policy and into SQL.
 *
 * @example
 * declare const roleA: RedshiftServiceRole;
 * const roleB = new ChainedRole(this, 'RoleB', { assumedBy: roleA, roleName: 'RoleB' });
 * declare const bucket: s3.IBucket;
 * roleB.allowCopyFrom(bucket, { keyPrefix: 'redshift/' });
 * // IAM_ROLE 'arn:aws:iam::111111111111:role/RoleA,arn:aws:iam::222222222222:role/RoleB'
 * new CfnOutput(this, 'Clause', { value: roleB.chain.iamRoleClause() });
 */
export class ChainedRole extends RedshiftRoleBase {
  /** The previous role of the chain, which this role trusts. */
  public readonly previousRole: iam.IRole;

  /** How the trust names the previous role. */
  public readonly trust: ChainTrust;

  /**
   * The identity policy the previous role needs: `sts:AssumeRole` on exactly this role. Added to
   * the previous role automatically when this app defines it; otherwise hand it to its owner.
   */
  public readonly previousRolePolicy: iam.PolicyDocument;

  /** Whether the previous role was given `previousRolePolicy` by this construct. */
  public readonly previousRoleGranted: boolean;

  constructor(scope: Construct, id: string, props: ChainedRoleProps) {
    requireOptions('ChainedRole', props, ['assumedBy']);
    const trust = props.trust ?? ChainTrust.ROLE;
    if (trust !== ChainTrust.ROLE && trust !== ChainTrust.ACCOUNT) {
      throw new Error(`\`trust\` must be ChainTrust.ROLE or ChainTrust.ACCOUNT, got: '${trust}'`);
    }
    const roleName = props.roleName ?? generateRoleName(scope, id);
    super(scope, id, { ...props, roleName }, [previousRolePrincipal(scope, props.assumedBy, trust === ChainTrust.ACCOUNT)]);
    this.previousRole = props.assumedBy;
    recordPreviousInChain(this, props.assumedBy);
    const length = this.chainRoles().length;
    if (length > MAX_CHAIN_LENGTH) {
      throw new Error(`ChainedRole '${this.node.path}' would make a chain of ${length} roles; Redshift's IAM_ROLE parameter takes at most ${MAX_CHAIN_LENGTH}`);
    }
    this.trust = trust;

    // Built from the name, so the previous role's stack never references this one. (A roleName
    // that is a Token has no such text: fall back to the ARN attribute.)
    const ownArn = nameBasedRoleArn(this, roleName, props.path ?? '/') ?? this.roleArn;
    const previousArn = props.assumedBy.roleArn;
    if (!Token.isUnresolved(previousArn) && !Token.isUnresolved(ownArn) && previousArn === ownArn) {
      throw new Error(`ChainedRole '${this.node.path}' would trust itself ('${ownArn}'): \`assumedBy\` must be the previous role of the chain`);
    }

    const statement = new iam.PolicyStatement({ actions: ['sts:AssumeRole'], resources: [ownArn] });
    this.previousRolePolicy = new iam.PolicyDocument({ statements: [statement] });

    if (Resource.isOwnedResource(props.assumedBy)) {
      // The previous role is defined in this app: give it the hop, in its own stack. The ARN is
      // built from this role's name, so the previous stack never depends on this one.
      iam.Grant.addToPrincipal({ grantee: props.assumedBy, actions: ['sts:AssumeRole'], resourceArns: [ownArn] });
      this.previousRoleGranted = true;
      const previousStack = Stack.of(props.assumedBy);
      if (previousStack !== Stack.of(this)) {
        // IAM checks that a role named in a trust policy exists: deploy the previous role first.
        // A dependency between the two constructs becomes a dependency between their stacks
        // (Stack#addDependency is deprecated in newer aws-cdk-lib, and its replacement
        // addStackDependency does not exist in the oldest one we support).
        this.node.addDependency(props.assumedBy);
      }
    } else {
      this.previousRoleGranted = false;
      Annotations.of(this).addInfo(
        `The previous role ${describeRole(props.assumedBy)} is not defined in this app: `
        + 'its owner must allow it sts:AssumeRole on this role (see `previousRolePolicy`).',
      );
    }
  }

  /**
   * The chain from the role attached to the cluster to this role, for the `IAM_ROLE` parameter.
   */
  public get chain(): RoleChain {
    return RoleChain.of(this.chainRoles());
  }

  /** The roles of `chain`, in order. */
  private chainRoles(): iam.IRole[] {
    const previous = this.previousRole instanceof ChainedRole ? this.previousRole.chainRoles() : [this.previousRole];
    return [...previous, this];
  }
}
