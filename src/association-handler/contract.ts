/**
 * What the association constructs (src/associations/) and their handler (this folder) agree on
 * across CloudFormation: the custom resource's properties, where ownership records live, and the
 * time limits. Written once, imported by both sides; it imports neither the AWS SDK nor aws-cdk-lib,
 * so the Lambda bundle and the jsii library share it as it is.
 */

/** `cluster` (provisioned, ModifyClusterIamRoles) or `namespace` (Serverless, UpdateNamespace). */
export type TargetKind = 'cluster' | 'namespace';

/** The custom resource's properties, as the association construct writes them. */
export interface AssociationProperties {
  readonly Target: TargetKind;
  /** The cluster identifier or the namespace name. */
  readonly Name: string;
  readonly RoleArns: string[];
  /** The default role to set; absent: leave the default to others. */
  readonly DefaultRoleArn?: string;
  /** The association's own role, which the handler assumes for everything it does for it. */
  readonly AccessRoleArn: string;
  /** How long one operation may take, waits for a busy target included (seconds). */
  readonly WaitTimeoutSeconds?: string;
}

/** The custom resource types. */
export const RESOURCE_TYPES: Record<TargetKind, string> = {
  cluster: 'Custom::RedshiftClusterRoleAssociation',
  namespace: 'Custom::RedshiftNamespaceRoleAssociation',
};

/** The Parameter Store path under which every ownership record lives (see ownership.ts). */
export const RECORD_ROOT = '/cdk-redshift-iam';

/**
 * The path of one target's records: `/cdk-redshift-iam/<kind>/<name>`. `name` as the handler reads it
 * (lower case); the construct passes its name lower-cased, or a Token as it is.
 */
export function recordPath(kind: TargetKind, name: string): string {
  return `${RECORD_ROOT}/${kind}/${name}`;
}

/** `waitTimeout` when none is given. */
export const DEFAULT_WAIT_SECONDS = 20 * 60;
/** The least `waitTimeout`. */
export const MIN_WAIT_SECONDS = 60;
/** CloudFormation waits at most an hour for a custom resource: the most `waitTimeout` may be. */
export const MAX_WAIT_SECONDS = 55 * 60;
/** How much longer CloudFormation waits (ServiceTimeout) than the handler's own deadline. */
export const RESPONSE_MARGIN_SECONDS = 5 * 60;
