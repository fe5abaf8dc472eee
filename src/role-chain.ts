import { aws_iam as iam, Stack, Token } from 'aws-cdk-lib';
import { ChainedRole } from './chained-role';
import { MAX_CHAIN_LENGTH } from './private/limits';
import { describeRole } from './private/roles';
import { RedshiftRoleBase } from './redshift-role';

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

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
   * one whose trust names a Redshift service principal).
   */
  public static of(roles: iam.IRole[]): RoleChain {
    checkLength(roles.length);
    roles.forEach((role, i) => {
      if (roles.indexOf(role) !== i) {
        throw new Error(`\`roles\` lists the role '${describeRole(role)}' more than once: a role chain never repeats a role`);
      }
    });
    checkFirstRole(roles[0]);
    roles.forEach((role, i) => {
      if (i > 0 && role instanceof ChainedRole && role.previousRole !== roles[i - 1]) {
        throw new Error(`\`roles\` puts '${describeRole(roles[i - 1])}' before ChainedRole '${describeRole(role)}', but that role trusts '${describeRole(role.previousRole)}'`);
      }
    });
    return new RoleChain(roles.map(arnForSql));
  }

  /**
   * The chain of these role ARNs, in order. Literal ARNs must be IAM role ARNs with no spaces or
   * quotes; Tokens pass.
   */
  public static fromRoleArns(arns: string[]): RoleChain {
    checkLength(arns.length);
    arns.forEach((arn) => checkRoleArn(arn));
    return new RoleChain(arns);
  }

  /** The role ARNs, in order. */
  public readonly roleArns: string[];

  /**
   * The value of Redshift's `IAM_ROLE` parameter: the ARNs separated by commas, with no spaces.
   * Holds Tokens when any ARN is one; they resolve in the template.
   */
  public readonly iamRoleParameter: string;

  private constructor(arns: string[]) {
    const seen = new Set<string>();
    for (const arn of arns) {
      if (!Token.isUnresolved(arn)) {
        if (seen.has(arn)) throw new Error(`\`roles\` lists '${arn}' more than once: a role chain never repeats a role`);
        seen.add(arn);
      }
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
}

function checkLength(length: number): void {
  if (length === 0) {
    throw new Error('A role chain needs at least one role');
  }
  if (length > MAX_CHAIN_LENGTH) {
    throw new Error(`A role chain can hold at most ${MAX_CHAIN_LENGTH} roles (Redshift's IAM_ROLE limit), got ${length}`);
  }
}

function checkRoleArn(arn: string): void {
  if (Token.isUnresolved(arn)) return;
  if (/[\s'"]/.test(arn)) {
    throw new Error(`A role chain ARN must not contain spaces or quotes (the chain is one quoted, comma-separated string), got: '${arn}'`);
  }
  if (!ROLE_ARN.test(arn)) {
    throw new Error(`A role chain holds IAM role ARNs such as arn:aws:iam::123456789012:role/RoleA, got: '${arn}'`);
  }
}

function arnForSql(role: iam.IRole): string {
  const arn = role instanceof RedshiftRoleBase ? role.roleArnForSql : role.roleArn;
  checkRoleArn(arn);
  return arn;
}

function checkFirstRole(role: iam.IRole): void {
  if (role instanceof ChainedRole) {
    throw new Error(`The first role of a chain must be attached to the cluster and trust Redshift, but ChainedRole '${describeRole(role)}' trusts '${describeRole(role.previousRole)}': start the chain with that role`);
  }
  if (role instanceof RedshiftRoleBase || !(role instanceof iam.Role)) return;
  // A plain iam.Role defined in this app: its trust is known.
  const trust = JSON.stringify(Stack.of(role).resolve((role as iam.Role).assumeRolePolicy?.toJSON() ?? {}));
  if (!/redshift(-serverless)?(\.[a-z0-9-]+)?\.amazonaws\.com/.test(trust)) {
    throw new Error(`The first role of a chain must be one Redshift can assume, but the trust policy of '${describeRole(role)}' names no Redshift service principal`);
  }
}

