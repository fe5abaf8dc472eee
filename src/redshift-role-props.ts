import { aws_iam as iam, Duration } from 'aws-cdk-lib';
import { DatabaseUser } from './database-user';

/**
 * Properties shared by every role this library creates.
 */
export interface RedshiftRoleBaseProps {
  /**
   * A name for the role.
   *
   * @default - CloudFormation generates a unique name; when the role is referenced from another
   * account or Region, a name is generated at synth time so that its ARN is known there.
   */
  readonly roleName?: string;

  /**
   * A description of the role.
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * The path of the role.
   *
   * @default '/'
   */
  readonly path?: string;

  /**
   * The longest session Redshift may request for this role, 1 to 12 hours.
   *
   * @default Duration.hours(1)
   */
  readonly maxSessionDuration?: Duration;

  /**
   * A permissions boundary for the role.
   *
   * @default - no permissions boundary
   */
  readonly permissionsBoundary?: iam.IManagedPolicy;

  /**
   * Managed policies to attach to the role.
   *
   * The Redshift console procedure attaches the broad AWS managed policies
   * `AmazonS3ReadOnlyAccess`, `AWSGlueConsoleFullAccess`, `AmazonAthenaFullAccess` or
   * `AWSLambdaRole`. They remain possible here, but they reach every bucket, catalog and function
   * in the account: prefer the `allow*` methods, which grant one command on named resources.
   *
   * @default - none
   */
  readonly managedPolicies?: iam.IManagedPolicy[];

  /**
   * The only Redshift database users that may use the role. Each user's ARN is added to a
   * `StringEquals` `sts:ExternalId` condition on the trust statement (Redshift sends the ARN of
   * the user running the command as the ExternalId).
   *
   * An empty list is an error (leave the prop out).
   *
   * @default - every database user of every cluster the role is attached to may use it
   */
  readonly databaseUsers?: DatabaseUser[];

  /**
   * Other ExternalId values to accept, in the same condition as `databaseUsers` (not an empty list).
   *
   * @default - none
   */
  readonly externalIds?: string[];
}
