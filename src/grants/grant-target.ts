import { aws_iam as iam } from 'aws-cdk-lib';

/**
 * What a grant family needs from the role it grants to. The role passes itself in this shape, so
 * that the families never import the role (and a new command is a new file, not a new import
 * circle).
 */
export interface GrantTarget {
  /** The role that receives the statements; its stack is the stack of every ARN a grant formats. */
  readonly role: iam.IRole;

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
