import { Finding, Rule } from './rule';
import { MAX_ROLES_PER_CLUSTER } from '../private/limits';

export const ROLES_PER_CLUSTER: Rule = {
  id: 'cdk-redshift-iam:roles-per-cluster',
  level: 'error',
  summary: `more than ${MAX_ROLES_PER_CLUSTER} IAM roles on one cluster (its \`IamRoles\` and the associations that target it)`,
};

/** What the check reads. */
export interface RolesPerClusterInput {
  /** How the message names the cluster: `This cluster`, or `Cluster 'my-cluster'`. */
  readonly cluster: string;
  /** How many distinct roles the cluster would have. */
  readonly roleCount: number;
  /** Where they were counted, e.g. `its IamRoles and the ClusterRoleAssociations that target it`. */
  readonly countedIn: string;
}

/** A finding when a cluster would have more IAM roles than Redshift's quota (50). */
export function checkRolesPerCluster(input: RolesPerClusterInput): Finding[] {
  if (input.roleCount <= MAX_ROLES_PER_CLUSTER) return [];
  return [{
    rule: ROLES_PER_CLUSTER,
    message: `${input.cluster} would have ${input.roleCount} IAM roles (${input.countedIn}), over Redshift's limit of ${MAX_ROLES_PER_CLUSTER}`,
  }];
}
