/**
 * The benchmark's workload, built two ways: with this library, and with plain aws-cdk-lib as a
 * careful user would write it by hand (iam.Role with hand-written statements, and one
 * AwsCustomResource per association, as aws-cdk's own Redshift code does for cluster changes).
 *
 * One unit = a Redshift role with COPY and UNLOAD grants, a chained role it assumes (with a COPY
 * grant of its own), and an association that attaches the first role to a cluster. Units are
 * spread over stacks of UNITS_PER_STACK, to stay under CloudFormation's 500 resources per stack.
 */
import { App, ArnFormat, Stack, aws_iam as iam, aws_s3 as s3, custom_resources as cr } from 'aws-cdk-lib';
// The compiled library (npx projen compile), so that both variants load plain JavaScript.
import { ChainedRole, ClusterRoleAssociation, RedshiftServiceRole } from '../lib';

export const UNITS_PER_STACK = 80;
const ENV = { account: '123456789012', region: 'us-west-2' };

export type Variant = 'library' | 'plain';

export function buildApp(variant: Variant, units: number, outdir: string): App {
  const app = new App({ outdir, context: { '@aws-cdk/core:enablePartitionLiterals': true } });
  let stack: Stack | undefined;
  for (let i = 0; i < units; i++) {
    if (i % UNITS_PER_STACK === 0) stack = new Stack(app, `Bench${Math.floor(i / UNITS_PER_STACK)}`, { env: ENV });
    (variant === 'library' ? libraryUnit : plainUnit)(stack!, i);
  }
  return app;
}

function libraryUnit(stack: Stack, i: number): void {
  const data = s3.Bucket.fromBucketName(stack, `Data${i}`, `company-data-${i}`);
  const partner = s3.Bucket.fromBucketName(stack, `Partner${i}`, `partner-data-${i}`);
  const role = new RedshiftServiceRole(stack, `Role${i}`);
  role.allowCopyFrom(data, { keyPrefix: 'in/' });
  role.allowUnloadTo(data, { keyPrefix: 'out/' });
  const chained = new ChainedRole(stack, `Chained${i}`, { assumedBy: role });
  chained.allowCopyFrom(partner, { keyPrefix: 'shared/' });
  new ClusterRoleAssociation(stack, `Attach${i}`, { clusterIdentifier: `cluster-${i}`, roles: [role] });
}

function plainUnit(stack: Stack, i: number): void {
  const data = `arn:aws:s3:::company-data-${i}`;
  const partner = `arn:aws:s3:::partner-data-${i}`;
  const role = new iam.Role(stack, `Role${i}`, { assumedBy: new iam.ServicePrincipal('redshift.amazonaws.com') });
  role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [data], conditions: { StringLike: { 's3:prefix': ['in/*', 'out/*'] } } }));
  role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [`${data}/in/*`] }));
  role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: [`${data}/out/*`] }));
  const chained = new iam.Role(stack, `Chained${i}`, { assumedBy: new iam.ArnPrincipal(role.roleArn) });
  chained.addToPolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [partner], conditions: { StringLike: { 's3:prefix': ['shared/*'] } } }));
  chained.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [`${partner}/shared/*`] }));
  role.addToPolicy(new iam.PolicyStatement({ actions: ['sts:AssumeRole'], resources: [chained.roleArn] }));
  const cluster = `cluster-${i}`;
  new cr.AwsCustomResource(stack, `Attach${i}`, {
    onCreate: {
      service: 'Redshift',
      action: 'modifyClusterIamRoles',
      parameters: { ClusterIdentifier: cluster, AddIamRoles: [role.roleArn] },
      physicalResourceId: cr.PhysicalResourceId.of(`${cluster}-roles`),
    },
    onDelete: {
      service: 'Redshift',
      action: 'modifyClusterIamRoles',
      parameters: { ClusterIdentifier: cluster, RemoveIamRoles: [role.roleArn] },
    },
    policy: cr.AwsCustomResourcePolicy.fromStatements([
      new iam.PolicyStatement({ actions: ['redshift:ModifyClusterIamRoles'], resources: [stack.formatArn({ service: 'redshift', resource: 'cluster', resourceName: cluster, arnFormat: ArnFormat.COLON_RESOURCE_NAME })] }),
      new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: [role.roleArn] }),
    ]),
    installLatestAwsSdk: false,
  });
}
