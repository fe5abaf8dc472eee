import { aws_iam as iam } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { adviseRegions } from './private/advice';
import { redshiftServicePrincipals } from './private/trust';
import { RedshiftRoleBase, RedshiftRoleBaseProps } from './redshift-role';

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
