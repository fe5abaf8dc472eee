import { backoff, blockedAdvice, classify, errorName, readiness } from './faults';
import { operationOf, Target } from './operation';
import { sameRecord } from './ownership';
import { Capabilities, plan } from './plan';
import { TargetRecords } from './records';
import { deniedError, deniedPause, DENIED_WINDOW_MS, retryDenied, retryThrottled } from './retry';
import { Backend, CustomResourceEvent, CustomResourceResponse, RecordStore, TargetKind, TargetState } from './types';

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
  /** Since when IAM has been denying the operation's calls (a change still being applied). */
  readonly deniedSince?: number;
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
    const session = await connect(op as Target, deps, startedAt);
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

/** Runs the plan until done, the deadline, or the end of the invocation (then continues itself). */
async function reconcile(op: Target, session: Session, invocation: Invocation, startedAt: number, deps: HandlerDeps): Promise<'done' | 'continued'> {
  const label = op.kind === 'namespace' ? `Redshift Serverless namespace '${op.name}'` : `Redshift cluster '${op.name}'`;
  const round: Round = {
    op,
    session,
    deps,
    label,
    backend: session.backendFor(op.kind, op.name),
    deadline: startedAt + op.waitSeconds * 1000,
    removed: [...invocation.removed ?? []],
    attempt: 0,
  };
  let waitingFor = 'starting';
  let deniedSince = invocation.deniedSince;
  let denials = 0;

  for (;;) {
    if (deps.now() >= round.deadline) {
      throw new Error(`Timed out after ${op.waitSeconds} seconds changing the IAM roles of ${label}: ${waitingFor}. Raise \`waitTimeout\` if it is busy for longer, then deploy again`);
    }
    let next: Step;
    try {
      next = await step(round);
      deniedSince = undefined;
      denials = 0;
    } catch (e: any) {
      // IAM may not have applied yet a change made in this deployment: read, plan and try again.
      if (classify(e) !== 'denied') throw e;
      deniedSince ??= deps.now();
      const pause = deniedPause(++denials, deps.random);
      if (deps.now() - deniedSince + pause > DENIED_WINDOW_MS) throw deniedError(e, `a call for ${label}`, deps.now() - deniedSince);
      next = { pause, waitingFor: `IAM to allow what ${label} needs (${errorName(e)}: ${e?.message ?? ''})` };
    }
    if (next === 'done') return 'done';
    waitingFor = next.waitingFor;
    const later: Invocation = { ...invocation, startedAt, removed: round.removed, deniedSince };
    const outcome = await pauseOrContinue(next.pause, round.deadline, later, session, deps);
    if (outcome === 'continued') return 'continued';
  }
}

/** What one round of reading, planning and changing works with. */
interface Round {
  readonly op: Target;
  readonly session: Session;
  readonly deps: HandlerDeps;
  readonly label: string;
  readonly backend: Backend;
  readonly deadline: number;
  /** Roles this operation detached, across invocations. */
  readonly removed: string[];
  /** Consecutive change attempts the target refused (busy, throttled). */
  attempt: number;
}

/** Done, or how long to pause before the next round and what for. */
type Step = 'done' | { readonly pause: number; readonly waitingFor: string };

/**
 * One round: read the records and the target, plan, make at most one change. A round may stop at
 * any call (a denial): the next one reads everything again, so nothing is decided on stale reads.
 */
async function step(round: Round): Promise<Step> {
  const { op, session, deps, label, backend, deadline } = round;
  const call = <T>(fn: () => Promise<T>) => retryThrottled(fn, deps, deadline);
  // The records first, the target right before planning: what is written rests on a fresh read.
  const records = new TargetRecords(session.store, op.kind, op.name, op.record, call);
  await records.read();
  if (op.releasing && records.mine && !records.mine.released) await records.announceRelease();
  const mine = records.mine;
  // Roles another association left behind and nobody lists any more: whoever lets go detaches them.
  const others = [...records.all].filter(([name]) => name !== op.record).map(([, r]) => r);
  const inherited = others.some((r) => r.owned.some((arn) => !r.listed.includes(arn) && !others.some((o) => o.listed.includes(arn))));
  if (op.releasing && (!mine || (mine.owned.length === 0 && !mine.defaultRole && !inherited))) {
    // Nothing of this association's is attached, and nothing is left behind by another
    // (a failed create, an empty record): nothing to touch.
    if (mine) await records.forget();
    return 'done';
  }
  if (!op.releasing && op.desired.roles.some((arn) => !(mine?.listed ?? []).includes(arn))) await records.announceListing(op.desired.roles);
  const state: TargetState = await call(() => backend.describe());
  if (!state.exists) {
    // A new association (or one moved here) needs its target. One that was already here, and whose
    // target was deleted since, has nothing left to hold: an update (a rollback among them) succeeds.
    if (!op.releasing && !op.wasHere) throw new Error(`${label} does not exist: create it first, or check its name and the stack's Region`);
    // Gone: its roles went with it.
    await records.forget();
    return 'done';
  }
  const ready = readiness(op.kind, state.status);
  if (ready === 'blocked') {
    if (op.releasing && state.status === 'DELETING') {
      await records.forget();
      return 'done';
    }
    if (op.releasing && mine) {
      // Let go of the roles in the record, so that the next association operation on this target
      // (or a retried delete) detaches them once the target is back.
      await records.keep({ ...mine, listed: [], released: true });
    }
    throw new Error(`${label} is ${state.status}, so its IAM roles cannot be changed: ${blockedAdvice(op.kind, state.status!)}`);
  }
  if (ready === 'transient') return { pause: POLL_MS, waitingFor: `${label} is ${state.status}` };

  const next = plan({
    self: op.record,
    desired: op.desired,
    state,
    records: records.all,
    capabilities: CAPABILITIES[op.kind],
    removedEarlier: round.removed,
    releasing: op.releasing,
  });
  if (next.kind === 'wait') return { pause: POLL_MS, waitingFor: next.reason };
  if (next.kind === 'done') {
    if (op.releasing && next.record.owned.length === 0) {
      await records.forget();
    } else if (!sameRecord(records.mine, next.record)) {
      await records.keep(next.record);
    }
    await records.forget(next.releasedRecords);
    return 'done';
  }
  try {
    await backend.modify(next.change, state);
  } catch (e: any) {
    const fault = classify(e);
    // A denial is the caller's to try again (IAM may not have applied the policy yet).
    if (fault === 'denied') throw e;
    if (fault === 'fatal') throw new Error(`Could not change the IAM roles of ${label} (${describe(next.change)}): ${errorName(e)}: ${e?.message ?? e}`);
    // Busy with another change, throttled, or gone (the next read tells): read again, plan again.
    round.attempt++;
    return { pause: Math.max(1_000, backoff(round.attempt, deps.random)), waitingFor: `${label} answered ${errorName(e)} (${e?.message ?? ''})` };
  }
  deps.log({ message: 'modified', target: label, ...next.change });
  round.removed.push(...next.change.remove);
  round.attempt = 0;
  // Recorded before anything else can fail: what the call attached is now this association's. Its
  // own record was written before in this operation, or long ago, so a denial here is brief.
  await retryDenied(() => records.keep(next.record), deps, Number.MAX_SAFE_INTEGER, `ssm:PutParameter on ${op.record}`);
  return { pause: 2_000, waitingFor: 'Redshift to apply the change' };
}

/**
 * Assumes the association's access role. A role created in this deployment may not be assumable
 * for a few seconds (IAM applies it everywhere after a while): tried again within the denial window.
 */
function connect(op: Target, deps: HandlerDeps, startedAt: number): Promise<Session> {
  const until = Math.min(startedAt + op.waitSeconds * 1000, deps.now() + Math.max(0, deps.remainingMs() - INVOCATION_RESERVE_MS));
  return retryDenied(() => deps.connect(op.accessRoleArn), deps, until, `sts:AssumeRole on ${op.accessRoleArn}`);
}

/** Sleeps, or hands the operation to a new invocation when this one would run out first. */
async function pauseOrContinue(ms: number, deadline: number, next: Invocation, session: Session, deps: HandlerDeps): Promise<'slept' | 'continued'> {
  const wait = Math.max(0, Math.min(ms, deadline - deps.now()));
  if (deps.remainingMs() - wait < INVOCATION_RESERVE_MS) {
    const continuation = { ...next, continuations: (next.continuations ?? 0) + 1 };
    try {
      // The function's own invoke permission is in the access role too: it may be new.
      await retryDenied(() => session.continueLater(continuation), deps, deps.now() + Math.max(0, deps.remainingMs() - 30_000), 'lambda:InvokeFunction on this function');
    } catch (e: any) {
      const why = errorName(e) === 'Error' ? e?.message : `${errorName(e)}: ${e?.message ?? e}`;
      throw new Error(`The operation needed more time than one invocation, and could not continue in a new one (the function invokes itself): ${why}`);
    }
    deps.log({ message: 'continuing in a new invocation' });
    return 'continued';
  }
  await deps.sleep(wait);
  return 'slept';
}

/** After a failed update to a new target: release what the new record owns there. */
async function undoReplacement(op: Target, deps: HandlerDeps): Promise<void> {
  const budget = Math.max(0, deps.remainingMs() - INVOCATION_RESERVE_MS);
  const release: Target = { ...op, desired: { roles: [] }, releasing: true, waitSeconds: Math.floor(budget / 1000) };
  const session = await connect(op, deps, deps.now());
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
