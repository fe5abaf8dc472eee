import { aws_iam as iam } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { IRedshiftRole } from './i-redshift-role';
import { ImportedRedshiftRole } from './imported-redshift-role';
import { adviseRegions } from './private/advice';
import { redshiftServicePrincipals } from './private/trust';
import { RedshiftRoleBase } from './redshift-role';
import { RedshiftRoleBaseProps } from './redshift-role-props';

/**
 * Properties of a RedshiftServiceRole.
 */
export interface RedshiftServiceRoleProps extends RedshiftRoleBaseProps {
  /**
   * Trust Redshift only in these AWS Regions: the trust names the Regional service principals
   * `redshift.<region>.amazonaws.com` instead of the global `redshift.amazonaws.com`.
   *
   * @default - Redshift in every Region may assume the role
   */
  readonly regions?: string[];

  /**
   * The role is used by Redshift Serverless: trust `redshift-serverless.amazonaws.com` as well as
   * `redshift.amazonaws.com` (Serverless needs both).
   *
   * @default false
   */
  readonly serverless?: boolean;
}

/**
 * An IAM role that Amazon Redshift assumes to reach other AWS services for the commands that take IAM_ROLE.
 *
 * COPY, UNLOAD, CREATE LIBRARY, CREATE EXTERNAL FUNCTION, Spectrum, streaming ingestion from Kinesis
 * and Amazon MSK, federated query and Redshift ML each have an `allow*` grant with least privilege.
 *
 * By default its trust is exactly the console's "Redshift - Customizable" role: the service
 * principal `redshift.amazonaws.com` may call `sts:AssumeRole`. `regions`, `databaseUsers` and
 * `externalIds` restrict it as the Redshift documentation describes.
 *
 * @example
 * const role = new RedshiftServiceRole(this, 'CopyRole', {
 *   databaseUsers: [DatabaseUser.inCluster('my-cluster', 'etl_user')],
 *   regions: ['us-west-2'],
 * });
 * declare const bucket: s3.IBucket;
 * role.allowCopyFrom(bucket, { keyPrefix: 'sales/' });
 */
export class RedshiftServiceRole extends RedshiftRoleBase {
  /**
   * A role that exists already (made in the console, by another stack or tool), with every `allow*` grant.
   *
   * The grants go into a policy this stack creates and attaches to the role (`AccessPolicy`), with the same
   * statements as on a new role. The role must be of this stack's account (when both are known). Its trust cannot
   * be changed by the app: a grant that needs another service in the trust (`allowCreateModel`, SageMaker) warns
   * instead.
   *
   * Not named `fromRoleArn`: that static is inherited from `iam.Role`, and jsii lets no subclass give it another
   * return type (JSII5003), so `RedshiftServiceRole.fromRoleArn` still returns a plain `iam.IRole` without grants.
   *
   * @param roleArn the role's ARN, e.g. `arn:aws:iam::123456789012:role/RedshiftCopyUnload`
   */
  public static fromExistingRoleArn(scope: Construct, id: string, roleArn: string): IRedshiftRole {
    return ImportedRedshiftRole.fromArn(scope, id, roleArn);
  }

  /**
   * A role of this stack's account that exists already, by name (no path), with every `allow*` grant.
   *
   * As `fromExistingRoleArn`; `RedshiftServiceRole.fromRoleName`, inherited from `iam.Role`, returns a plain
   * `iam.IRole` without grants.
   *
   * @param roleName the role's name, e.g. `RedshiftCopyUnload`
   */
  public static fromExistingRoleName(scope: Construct, id: string, roleName: string): IRedshiftRole {
    return ImportedRedshiftRole.fromName(scope, id, roleName);
  }

  /** The service principals the trust names. */
  public readonly trustedServices: string[];

  constructor(scope: Construct, id: string,
    /** @default - Redshift in every Region may assume the role, for every database user; no grants */
    props: RedshiftServiceRoleProps = {}) {
    const services = redshiftServicePrincipals(props.regions, props.serverless);
    super(scope, id, props, services.map((service) => new iam.ServicePrincipal(service)));
    this.trustedServices = services;
    adviseRegions(this, 'regions', props.regions);
  }
}
