/**
 * The shapes the association handler works with: what CloudFormation sends, what the target holds,
 * and what the handler records of its own. No AWS SDK and no construct here.
 */

import type { AssociationProperties } from './contract';

/** Where the handler's shapes come from the contract with the construct. */
export type { AssociationProperties, TargetKind } from './contract';

/**
 * A CloudFormation custom resource request (Create, Update or Delete), as CloudFormation sends it
 * to a Lambda function (AWS CloudFormation User Guide, "Custom resource request objects").
 */
export interface CustomResourceEvent {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly RequestId: string;
  readonly ResponseURL: string;
  readonly StackId: string;
  readonly LogicalResourceId: string;
  readonly ResourceType?: string;
  readonly PhysicalResourceId?: string;
  readonly ResourceProperties: AssociationProperties & { ServiceToken?: string };
  readonly OldResourceProperties?: AssociationProperties & { ServiceToken?: string };
}

/** The response CloudFormation reads from the pre-signed URL ("Custom resource response objects"). */
export interface CustomResourceResponse {
  readonly Status: 'SUCCESS' | 'FAILED';
  readonly Reason?: string;
  readonly PhysicalResourceId: string;
  readonly StackId: string;
  readonly RequestId: string;
  readonly LogicalResourceId: string;
  readonly Data?: Record<string, string>;
}

/** A role attached to a cluster or namespace, with Redshift's apply status. */
export interface AttachedRole {
  readonly arn: string;
  /** `in-sync`, `adding` or `removing` */
  readonly status: string;
}

/** What the target holds now. */
export interface TargetState {
  readonly exists: boolean;
  /** The cluster's or namespace's status as the API reports it (`available`, `paused`, `MODIFYING`, ...). */
  readonly status?: string;
  readonly roles: AttachedRole[];
  readonly defaultRoleArn?: string;
}

/**
 * One change of the target's roles. `roles` and `defaultRoleArn` are the whole list after the change
 * (what UpdateNamespace needs); `add`/`remove` are the delta (what ModifyClusterIamRoles needs).
 */
export interface RoleChange {
  readonly add: string[];
  readonly remove: string[];
  /** The default role to set, `''` to clear it, undefined to leave it. */
  readonly defaultRoleArn?: string;
}

/**
 * What an association records of its own, in its ownership record (see ownership.ts): the roles it
 * lists, the roles it attached and still holds, and the default role it set (with the default it
 * replaced, to restore it).
 */
export interface OwnershipRecord {
  /** The roles the association lists (its desired state at its last successful operation). */
  readonly listed: string[];
  /** The roles this association attached and that are still attached. */
  readonly owned: string[];
  /** The default role this association set, and the one it replaced (`''`: there was none). */
  readonly defaultRole?: { readonly set: string; readonly previous: string };
  /** The default role the association asks for (another one that set it then leaves it alone). */
  readonly wantsDefault?: string;
  /**
   * The association was deleted while another association still listed some of its roles: the
   * record stays, owning only those roles, until the last association that lists them lets them go.
   */
  readonly released?: boolean;
}

/** Ownership records of one target, by record name. */
export type RecordsOfTarget = Map<string, OwnershipRecord>;

/** One target's API: read its roles, and change them. */
export interface Backend {
  describe(): Promise<TargetState>;
  /** Makes the change. Throws the API's error (busy, throttling, validation) as it comes. */
  modify(change: RoleChange, before: TargetState): Promise<void>;
}

/** Where ownership records are kept (Systems Manager Parameter Store in production). */
export interface RecordStore {
  /** Every record under the target's path (its own included). */
  list(targetPath: string): Promise<RecordsOfTarget>;
  put(name: string, record: OwnershipRecord): Promise<void>;
  delete(name: string): Promise<void>;
}
