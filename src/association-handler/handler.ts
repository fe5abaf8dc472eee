import { backoff, blockedAdvice, classify, errorName, readiness } from './faults';
import { parsePhysicalId, physicalIdOf, recordName, sameRecord, targetPath } from './ownership';
import { Capabilities, Desired, plan } from './reconcile';
import {
  AssociationProperties, Backend, CustomResourceEvent, CustomResourceResponse, RecordStore, TargetKind, TargetState,
} from './types';

/**
 * The custom resource handler of ClusterRoleAssociation and NamespaceRoleAssociation: one Lambda
 * function that CloudFormation invokes directly. It reads the target, plans with `plan()`, makes one
 * change at a time, records what it owns, and answers CloudFormation itself (the pre-signed
 * ResponseURL). While the target is busy it waits inside the invocation, and when the invocation
 * runs short it invokes itself again with the same request and the same deadline, so one operation
 * takes at most `waitTimeout` and nothing touches the target after that.
 *
 * Every dependency on the world (AWS clients, the clock, sleeping, responding, continuing) is a
 * parameter, so tests drive it without mocking globals.
 */

/** One invocation: the CloudFormation request, and what an earlier invocation of it left. */
export interface Invocation {
  readonly event: CustomResourceEvent;
  /** When the handler first received the request (ms since the epoch): the operation's clock. */
  readonly startedAt?: number;
  /** Roles this operation detached (Delete waits until they are gone). */
  readonly removed?: string[];
  /** How many times the operation continued itself in a new invocation. */
  readonly continuations?: number;
}

/** What the handler may do as one association's access role (its permissions, and no other's). */
export interface Session {
  readonly backendFor: (kind: TargetKind, name: string) => Backend;
  readonly store: RecordStore;
  /** Starts a new invocation of this function with `next` (asynchronously). */
  readonly continueLater: (next: Invocation) => Promise<void>;
}

export interface HandlerDeps {
  /** Assumes the association's access role. */
  readonly connect: (accessRoleArn: string) => Promise<Session>;
  /** PUTs the response to CloudFormation's pre-signed URL. */
  readonly respond: (url: string, response: CustomResourceResponse) => Promise<void>;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  /** Milliseconds left in this invocation. */
  readonly remainingMs: () => number;
  readonly log: (entry: Record<string, unknown>) => void;
}

export const DEFAULT_WAIT_SECONDS = 20 * 60;
/** CloudFormation waits at most an hour for a custom resource; the construct allows 55 minutes. */
export const MAX_WAIT_SECONDS = 55 * 60;
/** Stop starting work when this little of the invocation is left, and continue in a new one. */
export const INVOCATION_RESERVE_MS = 90_000;
/** Pause between two reads while Redshift applies a change or the target is busy. */
export const POLL_MS = 10_000;
/** The body of a response must stay under 4,096 bytes ("Custom resource response objects"). */
export const MAX_RESPONSE_BYTES = 4096;

const CAPABILITIES: Record<TargetKind, Capabilities> = {
  // "You can associate up to 10 IAM roles with a single cluster in a single request" (ModifyClusterIamRoles).
  cluster: { maxPerCall: 10, canClearDefault: false },
  namespace: { maxPerCall: 50, canClearDefault: true },
};

export async function handle(invocation: Invocation, deps: HandlerDeps): Promise<'responded' | 'continued'> {
  const { event } = invocation;
  const startedAt = invocation.startedAt ?? deps.now();
  const op = operationOf(event);
  deps.log({ message: 'request', requestType: event.RequestType, physicalId: op.physicalId, continuations: invocation.continuations ?? 0 });
  try {
    if (op.error) throw new Error(op.error);
    if (!op.kind) {
      await send(deps, event, 'SUCCESS', op.physicalId);
      return 'responded';
    }
    const session = await deps.connect(op.accessRoleArn!);
    const outcome = await reconcile(op as Target, session, invocation, startedAt, deps);
    if (outcome === 'continued') return outcome;
    await send(deps, event, 'SUCCESS', op.physicalId);
    return 'responded';
  } catch (e: any) {
    const reason = e?.message ?? String(e);
    deps.log({ message: 'failed', physicalId: op.physicalId, reason });
    let physicalId = op.physicalId;
    if (op.replacing && op.kind && op.name) {
      // A failed update to another target: let go of what it attached there, and keep the old ID, so
      // that CloudFormation's rollback finds the association where it was.
      await undoReplacement(op as Target, deps).catch((undo) => deps.log({ message: 'undo failed', error: String(undo) }));
      physicalId = event.PhysicalResourceId!;
    }
    await send(deps, event, 'FAILED', physicalId, reason);
    return 'responded';
  }
}

interface Operation {
  readonly physicalId: string;
  readonly record?: string;
  readonly accessRoleArn?: string;
  readonly kind?: TargetKind;
  readonly name?: string;
  readonly desired?: Desired;
  readonly releasing: boolean;
  /** An update that moves the association to another cluster or namespace. */
  readonly replacing: boolean;
  readonly waitSeconds: number;
  /** The association already targeted this cluster or namespace before this request. */
  readonly wasHere?: boolean;
  readonly error?: string;
}

function operationOf(event: CustomResourceEvent): Operation {
  const props = event.ResourceProperties ?? ({} as AssociationProperties);
  const waitSeconds = Math.min(MAX_WAIT_SECONDS, Math.max(1, Number(props.WaitTimeoutSeconds ?? DEFAULT_WAIT_SECONDS) || DEFAULT_WAIT_SECONDS));
  if (event.RequestType === 'Delete') {
    const target = parsePhysicalId(event.PhysicalResourceId, event.StackId);
    // An ID this handler did not write (a request that failed validation): nothing was attached.
    if (!target) return { physicalId: event.PhysicalResourceId ?? event.LogicalResourceId, releasing: true, replacing: false, waitSeconds };
    return { ...target, physicalId: event.PhysicalResourceId!, desired: { roles: [] }, releasing: true, replacing: false, waitSeconds };
  }
  const invalid = (error: string): Operation => ({
    physicalId: event.PhysicalResourceId ?? `invalid/${event.LogicalResourceId}`, releasing: false, replacing: false, waitSeconds, error,
  });
  if (props.Target !== 'cluster' && props.Target !== 'namespace') return invalid(`Unknown Target '${props.Target}'`);
  if (typeof props.Name !== 'string' || !/^[a-z0-9-]{1,128}$/i.test(props.Name)) return invalid(`Invalid Name '${props.Name}'`);
  if (!Array.isArray(props.RoleArns) || props.RoleArns.some((r) => typeof r !== 'string')) return invalid('RoleArns must be a list of role ARNs');
  if (props.DefaultRoleArn && !props.RoleArns.includes(props.DefaultRoleArn)) return invalid(`DefaultRoleArn ${props.DefaultRoleArn} is not one of RoleArns`);
  const name = props.Name.toLowerCase();
  const record = recordName(props.Target, name, event.StackId, event.LogicalResourceId);
  let physicalId: string;
  try {
    physicalId = physicalIdOf(record, props.AccessRoleArn);
  } catch (e: any) {
    return invalid(e.message);
  }
  return {
    physicalId,
    record,
    accessRoleArn: props.AccessRoleArn,
    kind: props.Target,
    name,
    desired: { roles: props.RoleArns, defaultRoleArn: props.DefaultRoleArn || undefined },
    releasing: false,
    replacing: event.RequestType === 'Update' && parsePhysicalId(event.PhysicalResourceId, event.StackId) !== undefined && event.PhysicalResourceId !== physicalId,
    wasHere: event.RequestType === 'Update' && event.PhysicalResourceId === physicalId,
    waitSeconds,
  };
}

type Target = Required<Pick<Operation, 'physicalId' | 'record' | 'accessRoleArn' | 'kind' | 'name' | 'desired' | 'releasing' | 'waitSeconds'>> & Pick<Operation, 'wasHere'>;

/** Runs the plan until done, the deadline, or the end of the invocation (then continues itself). */
async function reconcile(op: Target, session: Session, invocation: Invocation, startedAt: number, deps: HandlerDeps): Promise<'done' | 'continued'> {
  const backend = session.backendFor(op.kind, op.name);
  const label = op.kind === 'namespace' ? `Redshift Serverless namespace '${op.name}'` : `Redshift cluster '${op.name}'`;
  const deadline = startedAt + op.waitSeconds * 1000;
  const removed = [...invocation.removed ?? []];
  let waitingFor = 'starting';
  let attempt = 0;

  for (;;) {
    if (deps.now() >= deadline) {
      throw new Error(`Timed out after ${op.waitSeconds} seconds changing the IAM roles of ${label}: ${waitingFor}. Raise \`waitTimeout\` if it is busy for longer, then deploy again`);
    }
    let pause = POLL_MS;
    // The records first, the target right before planning: what is written rests on a fresh read.
    const path = targetPath(op.kind, op.name);
    let records = await retryThrottled(() => session.store.list(path), deps, deadline);
    let mine = records.get(op.record);
    if (op.releasing && mine && !mine.released) {
      // Announce the release, then read again: of two associations letting go of the same role at
      // the same moment, at least the second to read sees that the other no longer lists it, and
      // detaches it (write, then read: one of the two always sees the other's write).
      const released = { listed: [], owned: mine.owned, defaultRole: mine.defaultRole, released: true };
      await retryThrottled(() => session.store.put(op.record, released), deps, deadline);
      records = await retryThrottled(() => session.store.list(path), deps, deadline);
      records.set(op.record, released);
      mine = released;
    }
    // Roles another association left behind and nobody lists any more: whoever lets go detaches them.
    const others = [...records].filter(([name]) => name !== op.record).map(([, r]) => r);
    const inherited = others.some((r) => r.owned.some((arn) => !r.listed.includes(arn) && !others.some((o) => o.listed.includes(arn))));
    if (op.releasing && (!mine || (mine.owned.length === 0 && !mine.defaultRole && !inherited))) {
      // Nothing of this association's is attached, and nothing is left behind by another
      // (a failed create, an empty record): nothing to touch.
      if (mine) await retryThrottled(() => session.store.delete(op.record), deps, deadline);
      return 'done';
    }
    if (!op.releasing && op.desired.roles.some((arn) => !(mine?.listed ?? []).includes(arn))) {
      // Announce the roles this association lists before reading the target, so that another
      // association of the target that is letting them go right now keeps them.
      const announced = { ...mine ?? { owned: [] }, listed: [...new Set([...mine?.listed ?? [], ...op.desired.roles])], released: undefined };
      await retryThrottled(() => session.store.put(op.record, announced), deps, deadline);
      records = await retryThrottled(() => session.store.list(path), deps, deadline);
      records.set(op.record, announced);
    }
    const state: TargetState | undefined = await retryThrottled(() => backend.describe(), deps, deadline);
    if (!state.exists) {
      // A new association (or one moved here) needs its target. One that was already here, and whose
      // target was deleted since, has nothing left to hold: an update (a rollback among them) succeeds.
      if (!op.releasing && !op.wasHere) throw new Error(`${label} does not exist: create it first, or check its name and the stack's Region`);
      // Gone: its roles went with it.
      await retryThrottled(() => session.store.delete(op.record), deps, deadline);
      return 'done';
    }
    const ready = readiness(op.kind, state.status);
    if (ready === 'blocked') {
      if (op.releasing && state.status === 'DELETING') {
        await retryThrottled(() => session.store.delete(op.record), deps, deadline);
        return 'done';
      }
      if (op.releasing && mine) {
        // Let go of the roles in the record, so that the next association operation on this target
        // (or a retried delete) detaches them once the target is back.
        await retryThrottled(() => session.store.put(op.record, { ...mine, listed: [], released: true }), deps, deadline);
      }
      throw new Error(`${label} is ${state.status}, so its IAM roles cannot be changed: ${blockedAdvice(op.kind, state.status!)}`);
    }
    if (ready === 'transient') {
      waitingFor = `${label} is ${state.status}`;
    } else {
      const next = plan({
        self: op.record,
        desired: op.desired,
        state,
        records,
        capabilities: CAPABILITIES[op.kind],
        removedEarlier: removed,
        releasing: op.releasing,
      });
      if (next.kind === 'change') {
        let accepted = true;
        try {
          await backend.modify(next.change, state);
        } catch (e: any) {
          const fault = classify(e);
          if (fault === 'fatal') throw new Error(`Could not change the IAM roles of ${label} (${describe(next.change)}): ${errorName(e)}: ${e?.message ?? e}`);
          // Busy with another change, throttled, or gone (the next read tells): read again, plan again.
          accepted = false;
          attempt++;
          pause = Math.max(1_000, backoff(attempt, deps.random));
          waitingFor = `${label} answered ${errorName(e)} (${e?.message ?? ''})`;
        }
        if (accepted) {
          deps.log({ message: 'modified', target: label, ...next.change });
          removed.push(...next.change.remove);
          // Recorded before anything else can fail: what the call attached is now this association's.
          await retryThrottled(() => session.store.put(op.record, next.record), deps, Number.MAX_SAFE_INTEGER);
          attempt = 0;
          pause = 2_000;
          waitingFor = 'Redshift to apply the change';
        }
      } else if (next.kind === 'wait') {
        waitingFor = next.reason;
      } else {
        if (op.releasing && next.record.owned.length === 0) {
          await retryThrottled(() => session.store.delete(op.record), deps, deadline);
        } else if (!sameRecord(records.get(op.record), next.record)) {
          await retryThrottled(() => session.store.put(op.record, next.record), deps, deadline);
        }
        for (const name of next.releasedRecords) await retryThrottled(() => session.store.delete(name), deps, deadline);
        return 'done';
      }
    }
    const outcome = await pauseOrContinue(pause, deadline, { ...invocation, startedAt, removed }, session, deps);
    if (outcome === 'continued') return 'continued';
  }
}

/** Sleeps, or hands the operation to a new invocation when this one would run out first. */
async function pauseOrContinue(ms: number, deadline: number, next: Invocation, session: Session, deps: HandlerDeps): Promise<'slept' | 'continued'> {
  const wait = Math.max(0, Math.min(ms, deadline - deps.now()));
  if (deps.remainingMs() - wait < INVOCATION_RESERVE_MS) {
    await session.continueLater({ ...next, continuations: (next.continuations ?? 0) + 1 });
    deps.log({ message: 'continuing in a new invocation' });
    return 'continued';
  }
  await deps.sleep(wait);
  return 'slept';
}

/** Calls `fn` again while AWS throttles it, with backoff, until the deadline. */
async function retryThrottled<T>(fn: () => Promise<T>, deps: HandlerDeps, deadline: number): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (classify(e) !== 'throttled' || attempt >= 8 || deps.now() >= deadline) throw e;
      await deps.sleep(backoff(attempt, deps.random));
    }
  }
}

/** After a failed update to a new target: release what the new record owns there. */
async function undoReplacement(op: Target, deps: HandlerDeps): Promise<void> {
  const budget = Math.max(0, deps.remainingMs() - INVOCATION_RESERVE_MS);
  const release: Target = { ...op, desired: { roles: [] }, releasing: true, waitSeconds: Math.floor(budget / 1000) };
  const session = await deps.connect(op.accessRoleArn);
  const noContinue: Session = { ...session, continueLater: async () => { throw new Error('out of time undoing a failed update'); } };
  await reconcile(release, noContinue, { event: {} as CustomResourceEvent }, deps.now(), deps);
}

function describe(change: { add: string[]; remove: string[]; defaultRoleArn?: string }): string {
  return [
    change.add.length ? `adding ${change.add.join(', ')}` : '',
    change.remove.length ? `removing ${change.remove.join(', ')}` : '',
    change.defaultRoleArn !== undefined ? (change.defaultRoleArn ? `setting the default role ${change.defaultRoleArn}` : 'clearing the default role') : '',
  ].filter((x) => x).join('; ');
}

/** Answers CloudFormation, with a Reason cut so that the body stays under 4,096 bytes. */
async function send(deps: HandlerDeps, event: CustomResourceEvent, status: 'SUCCESS' | 'FAILED', physicalId: string, reason?: string): Promise<void> {
  const base: CustomResourceResponse = {
    Status: status,
    PhysicalResourceId: physicalId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
  };
  const room = MAX_RESPONSE_BYTES - Buffer.byteLength(JSON.stringify({ ...base, Reason: '' })) - 16;
  const full = reason ?? (status === 'SUCCESS' ? 'OK' : 'Failed');
  let cut = full;
  while (Buffer.byteLength(JSON.stringify(cut)) > room) cut = `${cut.slice(0, Math.floor(cut.length * 0.9))}...`;
  await deps.respond(event.ResponseURL, { ...base, Reason: cut });
}
