/**
 * The actions that grants of this library allow on `Resource: "*"`, because IAM authorizes them on
 * no resource type (the Service Authorization Reference lists none), with why the Redshift command
 * needs each. A `*` resource is inherent for these and only for these: the checks and the cdk-nag
 * acknowledgements accept it for a statement that holds nothing else.
 */
export const UNSCOPED_ACTIONS: Readonly<Record<string, string>> = {
  // Getting started with streaming ingestion from Amazon Kinesis Data Streams
  'kinesis:ListStreams': 'Redshift lists the streams of a FROM KINESIS external schema',
  // Getting started with streaming ingestion from Amazon MSK
  'kafka:GetBootstrapBrokers': 'Redshift looks up the brokers of the CLUSTER_ARN cluster',
  // IAM policies for Amazon Redshift Spectrum (Lake Formation)
  'lakeformation:GetDataAccess': 'Spectrum gets temporary credentials for tables that Lake Formation governs',
  // Cluster setup for using Amazon Redshift ML; SageMaker CreateTrainingJob execution role permissions
  'ecr:GetAuthorizationToken': 'the SageMaker jobs of CREATE MODEL sign in to Amazon ECR to pull the algorithm images',
  'cloudwatch:PutMetricData': 'the SageMaker jobs of CREATE MODEL publish their metrics (limited to the /aws/sagemaker/ namespaces by a condition)',
  'sagemaker:ListCandidatesForAutoMLJob': 'CREATE MODEL (AUTO ON) reads the candidates of the Autopilot job it started',
  // Setting up trusted identity propagation with Amazon Redshift (RedshiftIdcApplicationRole)
  'redshift:DescribeQev2IdcApplications': 'Redshift reads the Query Editor V2 IdC applications of the account',
  'redshift-serverless:ListNamespaces': 'Redshift Serverless lists the namespaces the IdC application serves',
  'redshift-serverless:ListWorkgroups': 'Redshift Serverless lists the workgroups the IdC application serves',
};

/** Whether every action of a statement is one IAM authorizes only on `*` (and none is a wildcard). */
export function onlyUnscopedActions(actions: readonly string[]): boolean {
  return actions.length > 0 && actions.every((action) => action in UNSCOPED_ACTIONS);
}
