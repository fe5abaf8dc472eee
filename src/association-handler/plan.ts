import { EMPTY_RECORD, sortedUnique } from './ownership';
import { OwnershipRecord, RecordsOfTarget, RoleChange, TargetState } from './types';

/**
 * The one decision of the association handler, as a pure function: given what the target holds,
 * what this association wants and what every association of the target has recorded, the next
 * change to make (if any) and the record to keep after it.
 *
 * The rules, in words:
 * - Attach every listed role that is not attached. A role attached this way is owned.
 * - Detach a role only if it is owned (by this association, or left behind by an association that
 *   no longer lists it), no association of the target lists it, and it is `in-sync`. A role someone
 *   else detached is no longer owned, even if it comes back.
 * - Never write back a role that is `removing`, never remove the service-linked role.
 * - The default role: set it when asked, remembering the one it replaced; when no longer asked (or
 *   on delete) and it is still the one this association set, put back the one it replaced (or clear
 *   it). A default someone else changed is theirs.
 */

export interface Desired {
  /** Create/Update: the listed roles. Delete: none (release everything). */
  readonly roles: string[];
  readonly defaultRoleArn?: string;
}

export interface Capabilities {
  /** Most roles one call may add, and remove (ModifyClusterIamRoles: 10 each). */
  readonly maxPerCall: number;
  /** Whether the API can clear the default role while it stays attached (Serverless: `""`). */
  readonly canClearDefault: boolean;
}

export type Plan =
  | { readonly kind: 'change'; readonly change: RoleChange; readonly record: OwnershipRecord }
  | { readonly kind: 'wait'; readonly reason: string; readonly record: OwnershipRecord }
  | { readonly kind: 'done'; readonly record: OwnershipRecord; readonly releasedRecords: string[] };

const SERVICE_LINKED = /:role\/aws-service-role\//;

export function isServiceLinked(arn: string): boolean {
  return SERVICE_LINKED.test(arn);
}

export function plan(args: {
  readonly self: string;
  readonly desired: Desired;
  readonly state: TargetState;
  readonly records: RecordsOfTarget;
  readonly capabilities: Capabilities;
  /** Roles this operation detached earlier: it waits until they are gone. */
  readonly removedEarlier?: string[];
  /** Delete: the association goes away (its record is kept only for roles others still list). */
  readonly releasing?: boolean;
}): Plan {
  const { self, desired, state, records, capabilities } = args;
  const mine = records.get(self) ?? EMPTY_RECORD;
  const status = new Map(state.roles.map((r) => [r.arn, r.status]));
  const present = (arn: string) => status.has(arn) && status.get(arn) !== 'removing';

  const others = [...records].filter(([name]) => name !== self).map(([, r]) => r);
  const listedElsewhere = new Set(others.flatMap((r) => r.listed));
  // Roles another association attached and no longer lists (a released record's, or an update's
  // that could not detach them because this one listed them): whoever lets them go detaches them.
  const leftBehind = new Set(others.flatMap((r) => r.owned.filter((arn) => !r.listed.includes(arn))));

  const wanted = sortedUnique(desired.roles.filter((arn) => !isServiceLinked(arn)));
  const owned = mine.owned.filter(present);
  const current = state.defaultRoleArn || undefined;

  const waits: string[] = [];
  const add = wanted.filter((arn) => !status.has(arn));
  wanted.filter((arn) => status.get(arn) === 'removing').forEach((arn) => waits.push(`${arn} is still being removed`));

  const mayLetGo = sortedUnique([...owned, ...[...leftBehind].filter(present)])
    .filter((arn) => !wanted.includes(arn) && !listedElsewhere.has(arn) && !isServiceLinked(arn));
  // Default roles stay attached: the current one unless this association set it and lets it go now
  // (detaching it would clear someone's default, or the one this association is about to replace),
  // and the one this association replaced, which it will put back.
  const wantedByAnother = (arn: string | undefined) => arn !== undefined && others.some((r) => !r.released && r.wantsDefault === arn);
  const keep = new Set<string>();
  // A replaced default that is this association's own role stays only while it is being put back.
  const restoringNow = desired.defaultRoleArn === undefined && mine.defaultRole?.set === current && !wantedByAnother(current);
  const replaced = mine.defaultRole?.previous;
  if (replaced && (!owned.includes(replaced) || restoringNow)) keep.add(replaced);
  // A default set by this association, or by one that was deleted since, may go with its role.
  const setByUs = mine.defaultRole?.set === current || others.some((r) => r.released && r.defaultRole?.set === current);
  const mineToLetGo = setByUs && desired.defaultRoleArn !== current && !wantedByAnother(current);
  if (current !== undefined && !mineToLetGo) keep.add(current);
  const letGo = mayLetGo.filter((arn) => !keep.has(arn));
  letGo.filter((arn) => status.get(arn) === 'adding').forEach((arn) => waits.push(`${arn} is still being added`));
  const remove = letGo.filter((arn) => status.get(arn) === 'in-sync');

  const addNow = add.slice(0, capabilities.maxPerCall);
  const removeNow = remove.slice(0, capabilities.maxPerCall);
  const after = new Set([...state.roles.filter((r) => r.status !== 'removing').map((r) => r.arn), ...addNow]);
  removeNow.forEach((arn) => after.delete(arn));

  // The default role.
  let defaultRoleArn: string | undefined;
  let defaultRecord = mine.defaultRole;
  if (desired.defaultRoleArn !== undefined) {
    const wantedDefault = desired.defaultRoleArn;
    if (current !== wantedDefault) {
      if (after.has(wantedDefault)) {
        defaultRoleArn = wantedDefault;
        const previous = mine.defaultRole && current === mine.defaultRole.set ? mine.defaultRole.previous : (current ?? '');
        defaultRecord = { set: wantedDefault, previous };
      }
    } else if (mine.defaultRole?.set !== wantedDefault) {
      // Already the default. Set by another association of this target (one moving away): take it
      // over, with what it replaced. Set by someone else: not ours to restore later.
      const setter = others.find((r) => r.defaultRole?.set === wantedDefault);
      defaultRecord = setter ? { set: wantedDefault, previous: setter.defaultRole!.previous } : undefined;
    }
  } else if (mine.defaultRole !== undefined) {
    if (current === mine.defaultRole.set && !wantedByAnother(current)) {
      const previous = mine.defaultRole.previous;
      const restore = previous !== '' && after.has(previous) ? previous : '';
      defaultRecord = undefined;
      if (restore !== '') {
        defaultRoleArn = restore;
      } else if (after.has(current) && capabilities.canClearDefault) {
        defaultRoleArn = '';
      } else if (after.has(current)) {
        // The API cannot clear it while its role stays: still ours, it goes with the role.
        defaultRecord = mine.defaultRole;
      }
      // else: the role leaves now, and Redshift clears a default role that is detached.
    } else {
      defaultRecord = undefined;
    }
  }

  const ownedAfter = sortedUnique([...owned.filter((arn) => !removeNow.includes(arn)), ...addNow]);
  const releasing = args.releasing === true;
  const record: OwnershipRecord = releasing
    ? { listed: [], owned: ownedAfter, defaultRole: defaultRecord, released: true }
    : { listed: wanted, owned: ownedAfter, defaultRole: defaultRecord, wantsDefault: desired.defaultRoleArn };

  if (addNow.length > 0 || removeNow.length > 0 || defaultRoleArn !== undefined) {
    return { kind: 'change', change: { add: addNow, remove: removeNow, defaultRoleArn }, record };
  }

  // Nothing to change now: wait for Redshift to apply what was changed, then done.
  wanted.filter((arn) => status.get(arn) === 'adding').forEach((arn) => waits.push(`${arn} is still being added`));
  (args.removedEarlier ?? []).filter((arn) => status.get(arn) === 'removing').forEach((arn) => waits.push(`${arn} is still being removed`));
  if (desired.defaultRoleArn !== undefined && current !== desired.defaultRoleArn && !waits.length) {
    waits.push(`the default role ${desired.defaultRoleArn} is not attached yet`);
  }
  if (waits.length > 0) return { kind: 'wait', reason: sortedUnique(waits).join('; '), record };

  // Records of released associations whose roles are all gone are of no use to anyone.
  const releasedRecords = [...records]
    .filter(([name, r]) => name !== self && r.released && !r.owned.some(present))
    .map(([name]) => name);
  return { kind: 'done', record, releasedRecords };
}
