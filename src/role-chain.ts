import { aws_iam as iam, Stack, Token } from 'aws-cdk-lib';
import { AssumeRoleGrantOptions, renderAssumeRoleGrant } from './assume-role-grant';
import { checkChainLength, checkChainRoleArn, checkLinkTrust, previousInChain } from './private/chain';
import { firstRepeat } from './private/duplicates';
import { trustedServices } from './private/policy-json';
import { trustNamesRedshift } from './private/redshift-principals';
import { describeRole } from './private/roles';
import { RedshiftRoleBase } from './redshift-role';

/**
 * A chain of IAM roles for Redshift's `IAM_ROLE` parameter: the first is attached to the cluster,
 * and each assumes the next, until Redshift acts as the last.
 *
 * @example
 * declare const roleA: RedshiftServiceRole;
 * declare const roleB: ChainedRole;
 * const chain = RoleChain.of([roleA, roleB]);
 * new CfnOutput(this, 'CopyClause', { value: chain.iamRoleClause() });
 */
export class RoleChain {
  /**
   * The chain of these roles, in order: the role attached to the cluster first.
   *
   * 1 to 10 roles, no repeats. A `ChainedRole` must follow the role it trusts, and the first role
   * must be one Redshift can assume (not a `ChainedRole`, and, for a role defined in this app,
   * one whose trust names a Redshift service principal). Every other role defined in this app must
   * let the role before it assume it: its trust names that role's ARN or account root as an AWS
   * principal (checked when the chain is made; an imported role, and a principal that is a Token, pass).
   */
  public static of(roles: iam.IRole[]): RoleChain {
    checkChainLength(roles.length);
    const repeat = firstRepeat(roles, (role) => role);
    if (repeat !== undefined) {
      throw new Error(`\`roles\` lists the role '${describeRole(repeat)}' more than once: a role chain never repeats a role`);
    }
    RoleChain.checkFirstRole(roles[0]);
    roles.forEach((role, i) => {
      const trusted = previousInChain(role);
      if (i > 0 && trusted !== undefined && trusted !== roles[i - 1]) {
        throw new Error(`\`roles\` puts '${describeRole(roles[i - 1])}' before ChainedRole '${describeRole(role)}', but that role trusts '${describeRole(trusted)}'`);
      }
    });
    const arns = roles.map((role) => {
      const arn = role instanceof RedshiftRoleBase ? role.roleArnForSql : role.roleArn;
      checkChainRoleArn(arn);
      return arn;
    });
    roles.forEach((role, i) => {
      if (i > 0) checkLinkTrust(roles[i - 1], arns[i - 1], role);
    });
    return new RoleChain(arns);
  }

  /**
   * The chain of these role ARNs, in order. Literal ARNs must be IAM role ARNs with no spaces or
   * quotes; Tokens pass.
   */
  public static fromRoleArns(arns: string[]): RoleChain {
    checkChainLength(arns.length);
    arns.forEach((arn) => checkChainRoleArn(arn));
    return new RoleChain(arns);
  }

  /**
   * The first role is attached to the cluster: not a ChainedRole, and (for a plain `iam.Role` of
   * this app, whose trust is known) one whose trust names Redshift.
   */
  private static checkFirstRole(role: iam.IRole): void {
    const trusted = previousInChain(role);
    if (trusted !== undefined) {
      throw new Error(`The first role of a chain must be attached to the cluster and trust Redshift, but ChainedRole '${describeRole(role)}' trusts '${describeRole(trusted)}': start the chain with that role`);
    }
    if (role instanceof RedshiftRoleBase || !(role instanceof iam.Role)) return;
    const principals = trustedServices(Stack.of(role).resolve(role.assumeRolePolicy?.toJSON() ?? {}));
    if (!trustNamesRedshift(principals, 'any')) {
      throw new Error(`The first role of a chain must be one Redshift can assume, but the trust policy of '${describeRole(role)}' names no Redshift service principal`);
    }
  }

  /** The role ARNs, in order. */
  public readonly roleArns: string[];

  /**
   * The value of Redshift's `IAM_ROLE` parameter: the ARNs separated by commas, with no spaces.
   * Holds Tokens when any ARN is one; they resolve in the template.
   */
  public readonly iamRoleParameter: string;

  private constructor(arns: string[]) {
    const repeat = firstRepeat(arns, (arn) => (Token.isUnresolved(arn) ? undefined : arn));
    if (repeat !== undefined) {
      throw new Error(`\`roles\` lists '${repeat}' more than once: a role chain never repeats a role`);
    }
    this.roleArns = [...arns];
    this.iamRoleParameter = arns.join(',');
  }

  /** The number of roles in the chain. */
  public get length(): number {
    return this.roleArns.length;
  }

  /** `IAM_ROLE 'arnA,arnB'`, for COPY, UNLOAD, CREATE EXTERNAL SCHEMA and CREATE EXTERNAL FUNCTION. */
  public iamRoleClause(): string {
    return `IAM_ROLE '${this.iamRoleParameter}'`;
  }

  /**
   * `GRANT ASSUMEROLE ON 'arnA,arnB' TO ... FOR ...;`: lets database users, groups or roles use
   * this chain, named exactly as `iamRoleClause()` names it (a grant on a chain holds only for
   * that chain, never for one of its roles alone).
   */
  public assumeRoleGrantSql(options: AssumeRoleGrantOptions): string {
    return renderAssumeRoleGrant(this.iamRoleParameter, options);
  }
}
