import { aws_iam as iam } from 'aws-cdk-lib';
import { GrantOnRoleOptions } from '../private/policy-packer';

/**
 * What a grant family needs from the role it grants to. The role passes itself in this shape, so
 * that the families never import the role (and a new command is a new file, not a new import
 * circle).
 */
export interface GrantTarget {
  /** The role that receives the statements; its stack is the stack of every ARN a grant formats. */
  readonly role: iam.IRole;

  /**
   * `iam.Grant.addToPrincipal` to this role. The statement it creates is new and held by nothing
   * but the returned Grant, so the role's policy storage keeps that statement itself instead of a
   * copy, and merges later grants into it. (A statement that only adds resources or key prefixes to
   * an earlier one is merged into that one instead, and stays out of the policy.)
   */
  grant(options: GrantOnRoleOptions): iam.Grant;

  /** Records that `resource` holds a wildcard a grant scoped on purpose, with the reason (for cdk-nag). */
  scopedWildcard(resource: string, reason: string): void;

  /**
   * How the role's policies name another role: for a role of this library with a known name, its
   * ARN built from the name (so the two stacks never depend on each other); else its `roleArn`.
   */
  arnInPolicy(role: iam.IRole): string;

  /**
   * Lets an AWS service (`sagemaker.amazonaws.com`) assume the role through a trust statement of
   * its own, without the database-user condition that restricts Redshift.
   */
  trustService(service: string): void;
}
