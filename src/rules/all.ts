import { AUDIT_LOG_BUCKET_POLICY } from './audit-log-bucket-policy';
import { BROAD_MANAGED_POLICY } from './broad-managed-policy';
import { DEFAULT_ROLE_ATTACHED } from './default-role-attached';
import { IDC_APPLICATION_TRUST } from './idc-application-trust';
import { ROLE_ACCOUNT } from './role-account';
import { ROLES_PER_CLUSTER } from './roles-per-cluster';
import { Rule } from './rule';
import { SCHEDULER_TRUST } from './scheduler-trust';
import { TRUST_NAMES_REDSHIFT } from './trust-names-redshift';
import { TRUST_REGION } from './trust-region';
import { UNRESTRICTED_TRUST } from './unrestricted-trust';
import { WILDCARD_ACTION } from './wildcard-action';
import { WILDCARD_RESOURCE } from './wildcard-resource';

/** Every rule RedshiftIamChecks applies, errors first (the README's table lists each). */
export const ALL_RULES: readonly Rule[] = [
  TRUST_NAMES_REDSHIFT,
  TRUST_REGION,
  ROLES_PER_CLUSTER,
  ROLE_ACCOUNT,
  DEFAULT_ROLE_ATTACHED,
  SCHEDULER_TRUST,
  IDC_APPLICATION_TRUST,
  BROAD_MANAGED_POLICY,
  WILDCARD_ACTION,
  WILDCARD_RESOURCE,
  AUDIT_LOG_BUCKET_POLICY,
  UNRESTRICTED_TRUST,
];
