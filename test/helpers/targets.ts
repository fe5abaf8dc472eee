import { aws_redshift as redshift, aws_redshiftserverless as rss } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/**
 * A small provisioned cluster that cfn-lint accepts (single-node ra3.large, encrypted, with a
 * managed admin password) as construct 'Cluster', with `props` on top.
 */
export function testCluster(scope: Construct, props: Partial<redshift.CfnClusterProps> = {}): redshift.CfnCluster {
  return new redshift.CfnCluster(scope, 'Cluster', {
    clusterType: 'single-node',
    dbName: 'dev',
    masterUsername: 'admin',
    manageMasterPassword: true,
    nodeType: 'ra3.large',
    encrypted: true,
    ...props,
  });
}

/** A Redshift Serverless namespace 'analytics' as construct `id` ('Namespace' unless told), with `props` on top. */
export function testNamespace(scope: Construct, props: Partial<rss.CfnNamespaceProps> = {}, id = 'Namespace'): rss.CfnNamespace {
  return new rss.CfnNamespace(scope, id, { namespaceName: 'analytics', ...props });
}
