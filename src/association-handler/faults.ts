import { TargetKind } from './types';

/**
 * How the handler reads the errors and states of Redshift and Redshift Serverless.
 *
 * - ModifyClusterIamRoles fails with InvalidClusterStateFault while another change of the cluster is
 *   in progress, ClusterNotFoundFault when it is gone (Amazon Redshift API Reference,
 *   ModifyClusterIamRoles, "Errors").
 * - UpdateNamespace fails with ConflictException while the namespace is being modified, and
 *   ResourceNotFoundException when it is gone (Redshift Serverless API Reference, UpdateNamespace).
 * - Throttling: the common errors of every AWS API (ThrottlingException, ...), also marked
 *   `$retryable.throttling` by the AWS SDK for JavaScript v3.
 */

export type Fault = 'busy' | 'throttled' | 'gone' | 'denied' | 'fatal';

const BUSY = new Set(['InvalidClusterStateFault', 'InvalidClusterState', 'ConflictException']);
const THROTTLED = new Set([
  'ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded',
  'ServiceUnavailable', 'ServiceUnavailableException', 'InternalFailure', 'InternalServerException',
]);
const GONE = new Set(['ClusterNotFoundFault', 'ClusterNotFound', 'ResourceNotFoundException']);
/**
 * IAM said no: `AccessDenied` (STS, and the Query APIs such as Amazon Redshift's),
 * `AccessDeniedException` (JSON APIs: Redshift Serverless, Systems Manager, Lambda),
 * `UnauthorizedOperation` (EC2-style Query APIs). A role or policy created or changed in the same
 * deployment may not be in effect yet ("Changes that I make are not always immediately visible",
 * IAM User Guide, Troubleshooting IAM), so a denial is tried again for a while (see DENIED_WINDOW_MS).
 */
const DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AccessDeniedFault']);

export function errorName(e: any): string {
  return e?.name ?? e?.Code ?? 'Error';
}

/**
 * RECENT_ROLE_NOTE: whether Redshift refuses a role created or changed seconds earlier. Redshift
 * checks the trust of a role it is given and answers InvalidParameterValue "The IAM role X is not
 * valid. The IAM role must delegate access to an Amazon Redshift account" (AWS re:Post knowledge
 * center, "redshift-iam-role-error"). hashicorp/terraform-provider-aws#19113 reports exactly that
 * answer to ModifyClusterIamRoles for a role Terraform had just created, which the console then
 * attached without trouble; and the Terraform provider tries CreateScheduledAction again for two
 * minutes on the same answer about the scheduler's trust (internal/service/redshift,
 * propagationTimeout). No evidence was found for Redshift Serverless (UpdateNamespace). So that
 * answer is tried again like a denial, in the same window, and one that lasts says to check the
 * role's trust.
 */
const INVALID_ROLE = /IAM role .*(is not valid|must delegate access)/i;

export function classify(e: any): Fault {
  const name = errorName(e);
  if ((name === 'InvalidParameterValue' || name === 'InvalidParameterValueFault') && INVALID_ROLE.test(e?.message ?? '')) return 'denied';
  if (BUSY.has(name)) return 'busy';
  if (THROTTLED.has(name) || e?.$retryable?.throttling === true) return 'throttled';
  if (GONE.has(name)) return 'gone';
  if (DENIED.has(name)) return 'denied';
  return 'fatal';
}

/** Exponential backoff with full jitter: up to 1 s, 2 s, 4 s, ... capped at 20 s. */
export function backoff(attempt: number, random: () => number): number {
  return Math.floor(random() * Math.min(20_000, 1000 * 2 ** Math.max(0, attempt - 1)));
}

/**
 * What a target's status means for changing its roles.
 * - `ready`: change it now.
 * - `transient`: it is busy with something that ends by itself (a resize, a reboot, another
 *   modification): wait, within the association's `waitTimeout`.
 * - `blocked`: it will not change until someone acts (paused, out of storage, incompatible, being
 *   deleted): fail at once, naming the state.
 *
 * Cluster states from the Amazon Redshift API Reference, `Cluster.ClusterStatus`; namespace states
 * from the Redshift Serverless API Reference, `Namespace.status` (AVAILABLE | MODIFYING | DELETING).
 */
export function readiness(kind: TargetKind, status: string | undefined): 'ready' | 'transient' | 'blocked' {
  if (status === undefined) return 'ready';
  if (kind === 'namespace') {
    if (status === 'AVAILABLE') return 'ready';
    if (status === 'MODIFYING') return 'transient';
    return 'blocked';
  }
  if (status === 'available') return 'ready';
  if (TRANSIENT_CLUSTER.has(status) || status.startsWith('available,')) return 'transient';
  return 'blocked';
}

const TRANSIENT_CLUSTER = new Set([
  'creating', 'modifying', 'rebooting', 'renaming', 'resizing', 'resuming', 'rotating-keys',
  'updating-hsm', 'cancelling-resize',
]);

/** What a user can do about a blocked target. */
export function blockedAdvice(kind: TargetKind, status: string): string {
  if (kind === 'cluster' && (status === 'paused' || status === 'pausing')) return 'resume the cluster, then deploy again';
  if (status === 'deleting' || status === 'DELETING' || status === 'final-snapshot') return 'it is being deleted';
  return 'bring it back to available, then deploy again';
}
