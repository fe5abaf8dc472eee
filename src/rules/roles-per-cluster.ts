import { Finding, Rule } from './rule';
import { MAX_ROLES_PER_CLUSTER, maxRolesPerCluster } from '../private/limits';

export const ROLES_PER_CLUSTER: Rule = {
  id: 'cdk-redshift-iam:roles-per-cluster',
  level: 'error',
  summary: `more than ${MAX_ROLES_PER_CLUSTER} IAM roles on one cluster (${maxRolesPerCluster('aws-iso')} in the aws-iso and aws-iso-b partitions): `
    + 'its `IamRoles` and the associations that target it',
};

/** What the check reads. */
export interface RolesPerClusterInput {
  /** How the message names the cluster: `This cluster`, or `Cluster 'my-cluster'`. */
  readonly cluster: string;
  /** How many distinct roles the cluster would have. */
  readonly roleCount: number;
  /** Where they were counted, e.g. `its IamRoles and the ClusterRoleAssociations that target it`. */
  readonly countedIn: string;
  /**
   * The partition of the cluster (its stack's), when known: the quota is lower in some.
   *
   * @default - not known: the quota of the partitions where it is 50
   */
  readonly partition?: string;
}

/** A finding when a cluster would have more IAM roles than Redshift's quota in its partition. */
export function checkRolesPerCluster(input: RolesPerClusterInput): Finding[] {
  const limit = maxRolesPerCluster(input.partition);
  if (input.roleCount <= limit) return [];
  const where = limit === MAX_ROLES_PER_CLUSTER ? '' : ` in the ${input.partition} partition`;
  return [{
    rule: ROLES_PER_CLUSTER,
    message: `${input.cluster} would have ${input.roleCount} IAM roles (${input.countedIn}), over Redshift's limit of ${limit}${where}`,
  }];
}
