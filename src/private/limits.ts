import { aws_iam as iam } from 'aws-cdk-lib';

/** Limits checked at synth time (see the README's table). */

/** IAM's default quota for the length of a role trust policy. */
export const TRUST_POLICY_QUOTA = 2_048;

/** Redshift's limit on the roles of one `IAM_ROLE` chain. */
export const MAX_CHAIN_LENGTH = 10;

/** Redshift's quota of IAM roles associated with one cluster (CloudFormation's IamRoles maximum). */
export const MAX_ROLES_PER_CLUSTER = 50;

/**
 * Redshift's quota of IAM roles associated with one cluster in the partitions where it is lower:
 * "Quotas and limits in Amazon Redshift", Amazon Redshift Management Guide,
 * https://docs.aws.amazon.com/redshift/latest/mgmt/amazon-redshift-limits.html: 50, "except 10 in the
 * us-iso-east-1, us-iso-west-1 and us-isob-east-1 Regions" (hashicorp/terraform-provider-aws#50060),
 * which are the whole aws-iso and aws-iso-b partitions.
 */
const ROLES_PER_CLUSTER_BY_PARTITION: Readonly<Record<string, number>> = { 'aws-iso': 10, 'aws-iso-b': 10 };

/** The roles-per-cluster quota in `partition` (50 when the partition is not known). */
export function maxRolesPerCluster(partition: string | undefined): number {
  return (partition !== undefined && ROLES_PER_CLUSTER_BY_PARTITION[partition]) || MAX_ROLES_PER_CLUSTER;
}

/** IAM's default quota of managed policies attached to one role. */
export const MAX_MANAGED_POLICIES = 10;

/** IAM's quota for the inline policies of one role, together, in characters without white space. */
export const INLINE_POLICY_QUOTA = 10_240;

/** IAM's quota for one managed policy, in characters without white space. */
export const MANAGED_POLICY_QUOTA = 6_144;

/** `managedPolicies`, or an error when it holds more than IAM attaches to a role by default. */
export function checkManagedPolicyCount(policies: iam.IManagedPolicy[] | undefined): iam.IManagedPolicy[] | undefined {
  if (policies && policies.length > MAX_MANAGED_POLICIES) {
    throw new Error(`\`managedPolicies\` must hold at most ${MAX_MANAGED_POLICIES} policies (IAM's default quota of managed policies per role; raise it in Service Quotas and attach the rest later), got ${policies.length}`);
  }
  return policies;
}
