/* eslint-disable import/no-extraneous-dependencies */
import { CloudFormationClient, DescribeStackResourceCommand } from '@aws-sdk/client-cloudformation';
import { DescribeClustersCommand, ModifyClusterIamRolesCommand, RedshiftClient } from '@aws-sdk/client-redshift';
import { GetNamespaceCommand, RedshiftServerlessClient, UpdateNamespaceCommand } from '@aws-sdk/client-redshift-serverless';

/**
 * The custom-resource handler of ClusterRoleAssociation and NamespaceRoleAssociation, for the CDK
 * Provider framework: `onEvent` computes the change against the live cluster and makes one
 * modification call; `isComplete` waits until every added role is in-sync and every removed one
 * is gone, re-issuing what another modification in progress prevented.
 *
 * CloudFormation keeps no state for a custom resource but its physical ID, so the ID records which
 * roles this association added (a bit mask over its sorted role list) and whether it set the
 * default role. Delete removes only those roles.
 */

export interface AssociationProperties {
  /** `cluster` (provisioned) or `namespace` (Serverless). */
  readonly Target: string;
  /** The cluster identifier or the namespace name. */
  readonly Name: string;
  readonly RoleArns: string[];
  readonly DefaultRoleArn?: string;
  /** Seconds to wait for in-sync before failing. */
  readonly WaitTimeoutSeconds?: string;
}

export interface OnEventRequest {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly StackId: string;
  readonly LogicalResourceId: string;
  readonly PhysicalResourceId?: string;
  readonly ResourceProperties: AssociationProperties & { ServiceToken?: string };
  readonly OldResourceProperties?: AssociationProperties & { ServiceToken?: string };
}

export interface OnEventResponse {
  readonly PhysicalResourceId: string;
  readonly Data?: Record<string, string>;
}

export interface IsCompleteRequest extends OnEventRequest {
  readonly PhysicalResourceId: string;
  readonly Data?: Record<string, string>;
}

export interface IsCompleteResponse {
  readonly IsComplete: boolean;
  readonly Data?: Record<string, string>;
}

/** A role attached to a cluster or namespace, with Redshift's apply status. */
export interface AttachedRole {
  readonly arn: string;
  /** `in-sync`, `adding` or `removing` */
  readonly status: string;
}

export interface TargetState {
  readonly exists: boolean;
  readonly roles: AttachedRole[];
  readonly defaultRoleArn?: string;
}

/** One target type's API: read the attached roles, and change them in one call. */
export interface Backend {
  describe(): Promise<TargetState>;
  modify(add: string[], remove: string[], defaultRoleArn?: string): Promise<void>;
}

const DEFAULT_WAIT_SECONDS = 20 * 60;
/** How long onEvent retries a change on a busy target (its function has a 14-minute timeout). */
const RETRY_BUDGET_MS = 11 * 60 * 1000;
const SERVICE_LINKED = /:role\/aws-service-role\//;
const BUSY_ERRORS = new Set(['InvalidClusterStateFault', 'InvalidClusterState', 'ConflictException']);
const THROTTLING_ERRORS = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded', 'ServiceUnavailable']);

let sleepImpl = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
let nowImpl = () => Date.now();
let randomImpl = () => Math.random();

/** Replaces the clock, sleep and randomness (tests only). */
export function _setTestHooks(hooks: { sleep?: (ms: number) => Promise<void>; now?: () => number; random?: () => number }): void {
  if (hooks.sleep) sleepImpl = hooks.sleep;
  if (hooks.now) nowImpl = hooks.now;
  if (hooks.random) randomImpl = hooks.random;
}

// -------------------------------------------------------------------------------------------------
// Physical ID: TARGET|NAME|OWNED_MASK|DEFAULT_FLAG

interface Generation {
  readonly target: string;
  readonly name: string;
  /** The roles this association added (and so may remove). */
  readonly owned: Set<string>;
  /** Whether this association set the default role. */
  readonly setDefault: boolean;
}

export function encodePhysicalId(target: string, name: string, roleArns: string[], owned: Set<string>, setDefault: boolean): string {
  // bit i (from the right) is set when the i-th role of the sorted list is ours
  const bits = sortedUnique(roleArns).map((arn) => (owned.has(arn) ? '1' : '0')).reverse().join('');
  const mask = BigInt(`0b${bits || '0'}`);
  return `${target}|${name}|${mask.toString(36)}|${setDefault ? 'd' : '-'}`;
}

export function decodePhysicalId(physicalId: string | undefined, roleArns: string[]): Generation | undefined {
  const parts = (physicalId ?? '').split('|');
  if (parts.length !== 4) return undefined;
  const [target, name, maskText, flag] = parts;
  let mask = BigInt(0);
  for (const ch of maskText) mask = mask * BigInt(36) + BigInt(parseInt(ch, 36));
  const bits = mask.toString(2).split('').reverse();
  const owned = new Set<string>();
  sortedUnique(roleArns).forEach((arn, i) => {
    if (bits[i] === '1') owned.add(arn);
  });
  return { target, name, owned, setDefault: flag === 'd' };
}

function sortedUnique(arns: string[]): string[] {
  return [...new Set(arns)].sort();
}

// -------------------------------------------------------------------------------------------------
// Entry points

export async function onEvent(
  event: OnEventRequest,
  backendFor: (p: AssociationProperties) => Backend = defaultBackend,
): Promise<OnEventResponse> {
  const props = normalize(event.ResourceProperties);
  log({ message: 'onEvent', requestType: event.RequestType, target: props.Target, name: props.Name, roles: props.RoleArns.length });
  switch (event.RequestType) {
    case 'Create':
      return create(props, backendFor(props));
    case 'Update': {
      const old = normalize(event.OldResourceProperties ?? event.ResourceProperties);
      const previous = decodePhysicalId(event.PhysicalResourceId, old.RoleArns);
      if (!previous || previous.target !== props.Target || previous.name !== props.Name) {
        // Another cluster or namespace: a new association (CloudFormation then deletes the old one).
        return create(props, backendFor(props));
      }
      return update(props, old, previous, backendFor(props));
    }
    case 'Delete':
      return removeAssociation(event, props, backendFor(props));
    default:
      throw new Error(`Unknown request type ${(event as any).RequestType}`);
  }
}

export async function isComplete(
  event: IsCompleteRequest,
  backendFor: (p: AssociationProperties) => Backend = defaultBackend,
): Promise<IsCompleteResponse> {
  const props = normalize(event.ResourceProperties);
  const backend = backendFor(props);
  const generation = decodePhysicalId(event.PhysicalResourceId, props.RoleArns);
  if (event.Data?.Skip === 'true' || !generation) return { IsComplete: true };
  const state = await backend.describe();
  const label = targetLabel(props);

  if (event.RequestType === 'Delete') {
    // onEvent's removal call was accepted; wait until those roles are gone. A role that is back
    // in-sync was attached again by someone else after our removal: it is theirs now.
    if (!state.exists) return { IsComplete: true };
    const leaving = state.roles.filter((r) => generation.owned.has(r.arn) && r.status === 'removing').map((r) => r.arn);
    if (leaving.length === 0) return { IsComplete: true };
    checkDeadline(event, props, `removing ${leaving.join(', ')} from ${label}`, state);
    return { IsComplete: false };
  }

  if (!state.exists) throw new Error(`${label} no longer exists`);
  const desired = desiredRoles(props);
  const attached = new Set(attachedArns(state));
  const missing = desired.filter((arn) => !attached.has(arn));
  // Removals were accepted by onEvent: only wait for them (never re-issue one; see remove()).
  const leaving = removalsOf(event).filter((arn) => state.roles.find((r) => r.arn === arn)?.status === 'removing');
  const defaultWrong = props.DefaultRoleArn !== undefined && state.defaultRoleArn !== props.DefaultRoleArn;

  if (missing.length > 0 || defaultWrong) {
    // Adds that a busy cluster deferred, or a role someone removed meanwhile: adding is always safe.
    checkDeadline(event, props, `changing the roles of ${label}`, state);
    await modifyIfAvailable(backend, label, missing, defaultWrong ? props.DefaultRoleArn : undefined);
    return { IsComplete: false };
  }
  const notInSync = state.roles.filter((r) => desired.includes(r.arn) && r.status !== 'in-sync');
  if (notInSync.length > 0 || leaving.length > 0) {
    checkDeadline(event, props, `waiting for ${label} to apply its roles`, state);
    return { IsComplete: false };
  }
  return { IsComplete: true };
}

// -------------------------------------------------------------------------------------------------
// Create / Update / Delete

async function create(props: AssociationProperties, backend: Backend): Promise<OnEventResponse> {
  const label = targetLabel(props);
  const first = await backend.describe();
  if (!first.exists) throw new Error(`${label} does not exist: create it first, or check the identifier and Region`);
  const desired = desiredRoles(props);
  const done = await modifyAccepted(backend, label, first, (state) => {
    const attached = new Set(attachedArns(state));
    return {
      add: desired.filter((arn) => !attached.has(arn)),
      remove: [],
      defaultRoleArn: props.DefaultRoleArn !== undefined && state.defaultRoleArn !== props.DefaultRoleArn ? props.DefaultRoleArn : undefined,
    };
  });
  return {
    PhysicalResourceId: encodePhysicalId(props.Target, props.Name, props.RoleArns, new Set(done.add), done.defaultRoleArn !== undefined),
    Data: { StartedAt: String(nowImpl()), Remove: '' },
  };
}

async function update(props: AssociationProperties, old: AssociationProperties, previous: Generation, backend: Backend): Promise<OnEventResponse> {
  const label = targetLabel(props);
  const first = await backend.describe();
  if (!first.exists) throw new Error(`${label} does not exist`);
  const desired = desiredRoles(props);
  const done = await modifyAccepted(backend, label, first, (state) => {
    const attached = new Set(attachedArns(state));
    return {
      add: desired.filter((arn) => !attached.has(arn)),
      // only roles this association added, that are no longer wanted and still attached
      remove: [...previous.owned].filter((arn) => !desired.includes(arn) && attached.has(arn)
        && state.roles.find((r) => r.arn === arn)?.status !== 'removing'),
      defaultRoleArn: props.DefaultRoleArn !== undefined && state.defaultRoleArn !== props.DefaultRoleArn ? props.DefaultRoleArn : undefined,
    };
  });
  const owned = new Set([...desired.filter((arn) => previous.owned.has(arn)), ...done.add]);
  const setDefault = props.DefaultRoleArn !== undefined
    && (done.defaultRoleArn !== undefined || (previous.setDefault && old.DefaultRoleArn === props.DefaultRoleArn));
  return {
    PhysicalResourceId: encodePhysicalId(props.Target, props.Name, props.RoleArns, owned, setDefault),
    Data: { StartedAt: String(nowImpl()), Remove: done.remove.join(',') },
  };
}

async function removeAssociation(event: OnEventRequest, props: AssociationProperties, backend: Backend): Promise<OnEventResponse> {
  const physicalId = event.PhysicalResourceId!;
  const generation = decodePhysicalId(physicalId, props.RoleArns);
  if (!generation) {
    // Create failed before a physical ID was written: nothing of ours is attached.
    return { PhysicalResourceId: physicalId, Data: { Skip: 'true' } };
  }
  if (await isSupersededGeneration(event, generation)) {
    // The cleanup of an update that changed the physical ID: the update already reconciled the roles.
    log({ message: 'superseded generation, nothing to remove', physicalId });
    return { PhysicalResourceId: physicalId, Data: { Skip: 'true' } };
  }
  const first = await backend.describe();
  if (!first.exists) {
    log({ message: `${targetLabel(props)} no longer exists: nothing to remove` });
    return { PhysicalResourceId: physicalId, Data: { Skip: 'true' } };
  }
  await modifyAccepted(backend, targetLabel(props), first, (state) => ({
    add: [],
    remove: state.roles.filter((r) => generation.owned.has(r.arn) && r.status !== 'removing').map((r) => r.arn),
  }));
  return { PhysicalResourceId: physicalId, Data: { StartedAt: String(nowImpl()) } };
}

/**
 * Whether CloudFormation is deleting an older physical ID of a resource that still exists under a
 * newer one for the same cluster (update cleanup, or the cleanup of a rolled-back update).
 */
async function isSupersededGeneration(event: OnEventRequest, generation: Generation): Promise<boolean> {
  try {
    const cfn = new CloudFormationClient({});
    const current = await cfn.send(new DescribeStackResourceCommand({ StackName: event.StackId, LogicalResourceId: event.LogicalResourceId }));
    const currentId = current.StackResourceDetail?.PhysicalResourceId;
    if (!currentId || currentId === event.PhysicalResourceId) return false;
    const parts = currentId.split('|');
    return parts[0] === generation.target && parts[1] === generation.name;
  } catch (e) {
    log({ message: 'DescribeStackResource failed; treating the delete as real', error: String(e) });
    return false;
  }
}

// -------------------------------------------------------------------------------------------------
// Helpers

function normalize(props: AssociationProperties): AssociationProperties {
  return {
    Target: props.Target ?? 'cluster',
    Name: props.Name,
    RoleArns: [...(props.RoleArns ?? [])],
    DefaultRoleArn: props.DefaultRoleArn === '' ? undefined : props.DefaultRoleArn,
    WaitTimeoutSeconds: props.WaitTimeoutSeconds,
  };
}

/** The roles to attach: unique, and never the service-linked role, which Redshift manages. */
function desiredRoles(props: AssociationProperties): string[] {
  return sortedUnique(props.RoleArns).filter((arn) => !SERVICE_LINKED.test(arn));
}

function attachedArns(state: TargetState): string[] {
  return state.roles.map((r) => r.arn).filter((arn) => !SERVICE_LINKED.test(arn));
}

function removalsOf(event: IsCompleteRequest): string[] {
  return (event.Data?.Remove ?? '').split(',').filter((x) => x !== '');
}

function targetLabel(props: AssociationProperties): string {
  return props.Target === 'namespace' ? `Redshift Serverless namespace '${props.Name}'` : `Redshift cluster '${props.Name}'`;
}

function checkDeadline(event: IsCompleteRequest, props: AssociationProperties, doing: string, state: TargetState): void {
  const started = Number(event.Data?.StartedAt ?? nowImpl());
  const bound = Number(props.WaitTimeoutSeconds ?? DEFAULT_WAIT_SECONDS);
  if (nowImpl() - started > bound * 1000) {
    const statuses = state.roles.map((r) => `${r.arn} (${r.status})`).join(', ') || 'none';
    throw new Error(`Timed out after ${bound} seconds ${doing} (raise \`waitTimeout\` if the cluster is busy for longer). Roles now: ${statuses}`);
  }
}

interface Change {
  readonly add: string[];
  readonly remove: string[];
  readonly defaultRoleArn?: string;
}

/**
 * Makes the change `plan` computes from the target's state, in one call, and returns the change
 * that was accepted. While the target is throttling or busy with another modification
 * (InvalidClusterState), waits with backoff and jitter, reads the target again and re-plans, for
 * up to RETRY_BUDGET_MS; then fails with a clear message.
 *
 * The accepted call is what the association records as its own: a role counts as added by this
 * association only if this call attached it, and a removal, once accepted, is never re-issued
 * (a role that is attached again later may be someone else's).
 */
async function modifyAccepted(backend: Backend, label: string, first: TargetState, plan: (state: TargetState) => Change): Promise<Change> {
  const started = nowImpl();
  let state = first;
  for (let attempt = 1; ; attempt++) {
    const change = plan(state);
    if (change.add.length === 0 && change.remove.length === 0 && change.defaultRoleArn === undefined) return change;
    try {
      await backend.modify(change.add, change.remove, change.defaultRoleArn);
      log({ message: 'modified', label, ...change });
      return change;
    } catch (e: any) {
      const name = errorName(e);
      if (!isRetryable(e)) throw changeFailed(label, change, e);
      if (nowImpl() - started >= RETRY_BUDGET_MS || attempt >= 200) {
        throw new Error(`${label} stayed busy with another modification for ${Math.round((nowImpl() - started) / 1000)} seconds, so its IAM roles could not be changed (${describeChange(change)}): ${name}: ${e?.message ?? e}. Deploy again when it is available.`);
      }
      await sleepImpl(backoff(attempt));
      state = await backend.describe();
      if (!state.exists) throw new Error(`${label} no longer exists`);
    }
  }
}

/**
 * isComplete's repair: adds desired roles that are missing (someone removed them while we wait) or
 * sets the default role. Adding is always safe, so a busy target is simply tried again on the
 * next poll.
 */
async function modifyIfAvailable(backend: Backend, label: string, add: string[], defaultRoleArn: string | undefined): Promise<void> {
  const change = { add, remove: [], defaultRoleArn };
  try {
    await backend.modify(add, [], defaultRoleArn);
    log({ message: 'modified', label, ...change });
  } catch (e: any) {
    if (!isRetryable(e)) throw changeFailed(label, change, e);
    log({ message: 'target busy; trying again on the next poll', label, error: errorName(e) });
  }
}

function errorName(e: any): string {
  return e?.name ?? e?.Code ?? 'Error';
}

function isRetryable(e: any): boolean {
  const name = errorName(e);
  return BUSY_ERRORS.has(name) || THROTTLING_ERRORS.has(name) || e?.$retryable?.throttling === true;
}

function describeChange(change: Change): string {
  return [
    change.add.length > 0 ? `adding ${change.add.join(', ')}` : '',
    change.remove.length > 0 ? `removing ${change.remove.join(', ')}` : '',
    change.defaultRoleArn ? `setting the default role ${change.defaultRoleArn}` : '',
  ].filter((x) => x !== '').join('; ');
}

function changeFailed(label: string, change: Change, e: any): Error {
  return new Error(`Could not change the IAM roles of ${label} (${describeChange(change)}): ${errorName(e)}: ${e?.message ?? e}`);
}

/** Exponential backoff with full jitter: up to 0.5 s, 1 s, 2 s, ... capped at 30 s. */
export function backoff(attempt: number): number {
  return Math.floor(randomImpl() * Math.min(30_000, 500 * 2 ** (attempt - 1)));
}

function log(entry: Record<string, unknown>): void {
  if (process.env.JEST_WORKER_ID === undefined) console.log(JSON.stringify(entry));
}

// -------------------------------------------------------------------------------------------------
// Backends

export function defaultBackend(props: AssociationProperties): Backend {
  return props.Target === 'namespace' ? namespaceBackend(props.Name) : clusterBackend(props.Name);
}

export function clusterBackend(clusterIdentifier: string): Backend {
  const redshift = new RedshiftClient({});
  return {
    async describe() {
      try {
        const out = await redshift.send(new DescribeClustersCommand({ ClusterIdentifier: clusterIdentifier }));
        const cluster = out.Clusters?.[0];
        if (!cluster) return { exists: false, roles: [] };
        return {
          exists: true,
          roles: (cluster.IamRoles ?? []).map((r) => ({ arn: r.IamRoleArn ?? '', status: r.ApplyStatus ?? (r as { IamRoleApplyStatus?: string }).IamRoleApplyStatus ?? 'in-sync' })).filter((r) => r.arn !== ''),
          defaultRoleArn: cluster.DefaultIamRoleArn || undefined,
        };
      } catch (e: any) {
        if (e?.name === 'ClusterNotFoundFault') return { exists: false, roles: [] };
        throw e;
      }
    },
    async modify(add, remove, defaultRoleArn) {
      await redshift.send(new ModifyClusterIamRolesCommand({
        ClusterIdentifier: clusterIdentifier,
        AddIamRoles: add.length > 0 ? add : undefined,
        RemoveIamRoles: remove.length > 0 ? remove : undefined,
        DefaultIamRoleArn: defaultRoleArn,
      }));
    },
  };
}

/**
 * Redshift Serverless: UpdateNamespace takes the whole list of roles, so read it right before
 * writing and change only our part of it; isComplete re-reads and repairs what a concurrent
 * writer may have overwritten.
 */
export function namespaceBackend(namespaceName: string): Backend {
  const serverless = new RedshiftServerlessClient({});
  const read = async (): Promise<TargetState & { status?: string }> => {
    try {
      const out = await serverless.send(new GetNamespaceCommand({ namespaceName }));
      const ns = out.namespace;
      if (!ns) return { exists: false, roles: [] };
      return {
        exists: true,
        roles: (ns.iamRoles ?? []).map(parseServerlessRole),
        defaultRoleArn: ns.defaultIamRoleArn || undefined,
        status: ns.status,
      };
    } catch (e: any) {
      if (e?.name === 'ResourceNotFoundException') return { exists: false, roles: [] };
      throw e;
    }
  };
  return {
    describe: read,
    async modify(add, remove, defaultRoleArn) {
      const current = await read();
      if (current.status !== undefined && current.status !== 'AVAILABLE') {
        throw Object.assign(new Error(`namespace is ${current.status}`), { name: 'ConflictException' });
      }
      const keep = current.roles.map((r) => r.arn).filter((arn) => !remove.includes(arn));
      const roles = [...new Set([...keep, ...add])];
      const currentDefault = current.defaultRoleArn !== undefined && roles.includes(current.defaultRoleArn) ? current.defaultRoleArn : undefined;
      await serverless.send(new UpdateNamespaceCommand({
        namespaceName,
        iamRoles: roles,
        // UpdateNamespace wants the default role whenever the list changes.
        defaultIamRoleArn: defaultRoleArn ?? currentDefault,
      }));
    },
  };
}

/** GetNamespace lists roles as `IamRole(applyStatus=in-sync, iamRoleArn=arn:...)` or as plain ARNs. */
export function parseServerlessRole(text: string): AttachedRole {
  const arn = /iamRoleArn=([^,)\s]+)/.exec(text)?.[1] ?? text.trim();
  const status = /applyStatus=([^,)\s]+)/.exec(text)?.[1] ?? 'in-sync';
  return { arn, status };
}
