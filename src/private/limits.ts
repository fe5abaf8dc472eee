/** Limits checked at synth time (see the README's table). */

/** IAM's default quota for the length of a role trust policy. */
export const TRUST_POLICY_QUOTA = 2_048;

/** Redshift's limit on the roles of one `IAM_ROLE` chain. */
export const MAX_CHAIN_LENGTH = 10;

/** Redshift's quota of IAM roles associated with one cluster (CloudFormation's IamRoles maximum). */
export const MAX_ROLES_PER_CLUSTER = 50;
