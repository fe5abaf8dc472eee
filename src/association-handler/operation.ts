import { DEFAULT_WAIT_SECONDS, MAX_WAIT_SECONDS } from './contract';
import { parsePhysicalId, physicalIdOf, recordName } from './ownership';
import { Desired } from './plan';
import { AssociationProperties, CustomResourceEvent, TargetKind } from './types';

/**
 * What one CloudFormation request asks of the handler: the target, the roles, the record and the
 * access role, read from the request's properties and physical ID (checked, never trusted).
 */

export interface Operation {
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

export function operationOf(event: CustomResourceEvent): Operation {
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

export type Target = Required<Pick<Operation, 'physicalId' | 'record' | 'accessRoleArn' | 'kind' | 'name' | 'desired' | 'releasing' | 'waitSeconds'>> & Pick<Operation, 'wasHere'>;

