import { RECORD_ROOT, recordPath } from './contract';
import { OwnershipRecord, TargetKind } from './types';

/**
 * Where an association records what it owns, and how.
 *
 * CloudFormation keeps nothing for a custom resource but its properties and its physical ID, and
 * neither tells a rollback what the association owned before the update: in the rollback of an
 * update, `ResourceProperties` are the old properties and `OldResourceProperties` the new ones
 * (AWS CloudFormation User Guide, "Update" custom resource request). So each association keeps an
 * ownership record in Systems Manager Parameter Store, one parameter per association and target:
 *
 *   /cdk-redshift-iam/<cluster|namespace>/<target name>/<stack name>/<logical ID>
 *
 * That name, with `#` and the name of the association's own access role (the role whose permissions
 * are this association's alone), is the physical ID. It never changes while the association targets the same cluster
 * or namespace, so CloudFormation never sees a replacement there; a new target gives a new name, so
 * CloudFormation sends the old one's Delete (cleanup or rollback) with an ID that still names the old
 * record. Every event reads the record, and every association of a target can read the records of
 * the others (under the target's path) to never detach a role that another one still lists.
 */

/** The path under which every record of one target lives. */
export function targetPath(kind: TargetKind, name: string): string {
  return recordPath(kind, name.toLowerCase());
}

/** The record name, and physical ID, of an association (from the stack's ARN and its logical ID). */
export function recordName(kind: TargetKind, name: string, stackId: string, logicalId: string): string {
  return `${targetPath(kind, name)}/${stackNameOf(stackId)}/${logicalId}`;
}

/** `arn:aws:cloudformation:REGION:ACCOUNT:stack/NAME/UUID` -> NAME */
export function stackNameOf(stackId: string): string {
  const resource = stackId.split(':').slice(5).join(':');
  const name = resource.split('/')[1];
  if (!resource.startsWith('stack/') || !name) throw new Error(`Not a stack ARN: ${stackId}`);
  return name;
}

/** The physical ID of an association: its record name and its access role's name. */
export function physicalIdOf(record: string, accessRoleArn: string): string {
  const roleName = accessRoleArn.split('/').pop();
  if (!/^arn:[\w-]+:iam::\d{12}:role\/[\w+=,.@-]{1,64}$/.test(accessRoleArn) || !roleName) {
    throw new Error(`AccessRoleArn must be the ARN of a role without a path, got '${accessRoleArn}'`);
  }
  return `${record}#${roleName}`;
}

export interface ParsedPhysicalId {
  readonly kind: TargetKind;
  readonly name: string;
  readonly record: string;
  /** The access role, in the stack's partition and account. */
  readonly accessRoleArn: string;
}

/** What a physical ID names, or undefined for an ID this handler did not write. */
export function parsePhysicalId(physicalId: string | undefined, stackId: string): ParsedPhysicalId | undefined {
  const [record, roleName, ...rest] = (physicalId ?? '').split('#');
  const parts = record.split('/');
  // ['', 'cdk-redshift-iam', kind, name, stack, logicalId]
  if (rest.length > 0 || !roleName || parts.length !== 6 || `/${parts[1]}` !== RECORD_ROOT) return undefined;
  const kind = parts[2];
  if (kind !== 'cluster' && kind !== 'namespace') return undefined;
  const [, partition, , , account] = stackId.split(':');
  return { kind, name: parts[3], record, accessRoleArn: `arn:${partition}:iam::${account}:role/${roleName}` };
}

const VERSION = 1;

export function encodeRecord(record: OwnershipRecord): string {
  return JSON.stringify({
    v: VERSION,
    listed: sortedUnique(record.listed),
    owned: sortedUnique(record.owned),
    ...(record.defaultRole ? { defaultRole: record.defaultRole } : {}),
    ...(record.wantsDefault ? { wantsDefault: record.wantsDefault } : {}),
    ...(record.released ? { released: true } : {}),
  });
}

/** Reads a record; a record this version cannot read is an error, never a guess. */
export function decodeRecord(name: string, text: string): OwnershipRecord {
  let raw: any;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`The ownership record ${name} is not JSON; fix or delete it by hand`);
  }
  const strings = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
  if (raw?.v !== VERSION || !strings(raw.listed) || !strings(raw.owned)) {
    throw new Error(`The ownership record ${name} has a format this version of cdk-redshift-iam does not know: ${text.slice(0, 200)}`);
  }
  const d = raw.defaultRole;
  return {
    listed: raw.listed,
    owned: raw.owned,
    defaultRole: d && typeof d.set === 'string' && typeof d.previous === 'string' ? { set: d.set, previous: d.previous } : undefined,
    wantsDefault: typeof raw.wantsDefault === 'string' ? raw.wantsDefault : undefined,
    released: raw.released === true ? true : undefined,
  };
}

export const EMPTY_RECORD: OwnershipRecord = { listed: [], owned: [] };

export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

export function sameRecord(a: OwnershipRecord | undefined, b: OwnershipRecord | undefined): boolean {
  return (a === undefined ? undefined : encodeRecord(a)) === (b === undefined ? undefined : encodeRecord(b));
}
