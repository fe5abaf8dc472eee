/**
 * Integration test: deploys a single-node Redshift cluster, a RedshiftServiceRole, and a
 * ClusterRoleAssociation that attaches the role and makes it the default, then asks Redshift
 * whether the role is in-sync. Needs an AWS account (a cluster costs money while it runs):
 *
 *   npx projen integ           # deploy, assert, destroy; updates the snapshot when it changed
 *   npx projen integ:snapshot  # no AWS: check that the synthesized templates match the snapshot
 */
import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, aws_redshift as redshift, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { ClusterRoleAssociation, RedshiftServiceRole } from '../src';

const app = new App();
const stack = new Stack(app, 'RedshiftIamAssociationInteg');

const cluster = new redshift.CfnCluster(stack, 'Cluster', {
  clusterType: 'single-node',
  nodeType: 'ra3.large',
  dbName: 'dev',
  masterUsername: 'admin',
  manageMasterPassword: true,
  encrypted: true,
  publiclyAccessible: false,
});
cluster.applyRemovalPolicy(RemovalPolicy.DESTROY);

const role = new RedshiftServiceRole(stack, 'CopyRole');
new ClusterRoleAssociation(stack, 'Attach', {
  clusterIdentifier: cluster.ref,
  roles: [role],
  defaultRole: role,
});

const integ = new IntegTest(app, 'ClusterRoleAssociation', { testCases: [stack] });
integ.assertions
  .awsApiCall('Redshift', 'describeClusters', { ClusterIdentifier: cluster.ref })
  .expect(ExpectedResult.objectLike({
    Clusters: [{ IamRoles: [{ IamRoleArn: role.roleArn, ApplyStatus: 'in-sync' }], DefaultIamRoleArn: role.roleArn }],
  }));

app.synth();
