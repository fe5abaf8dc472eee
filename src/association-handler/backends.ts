/* eslint-disable import/no-extraneous-dependencies */
import { DescribeClustersCommand, ModifyClusterIamRolesCommand, RedshiftClient } from '@aws-sdk/client-redshift';
import { GetNamespaceCommand, RedshiftServerlessClient, UpdateNamespaceCommand } from '@aws-sdk/client-redshift-serverless';
import { DeleteParameterCommand, GetParametersByPathCommand, ParameterTier, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { decodeRecord, encodeRecord } from './ownership';
import { AttachedRole, Backend, OwnershipRecord, RecordsOfTarget, RecordStore, RoleChange, TargetState } from './types';

/** Redshift provisioned: ModifyClusterIamRoles changes by delta, so concurrent writers do not clash. */
export function clusterBackend(redshift: RedshiftClient, clusterIdentifier: string): Backend {
  return {
    async describe(): Promise<TargetState> {
      try {
        const out = await redshift.send(new DescribeClustersCommand({ ClusterIdentifier: clusterIdentifier }));
        const cluster = out.Clusters?.[0];
        if (!cluster) return { exists: false, roles: [] };
        return {
          exists: true,
          status: cluster.ClusterStatus,
          roles: (cluster.IamRoles ?? [])
            .map((r) => ({ arn: r.IamRoleArn ?? '', status: r.ApplyStatus ?? 'in-sync' }))
            .filter((r) => r.arn !== ''),
          defaultRoleArn: cluster.DefaultIamRoleArn || undefined,
        };
      } catch (e: any) {
        if (e?.name === 'ClusterNotFoundFault') return { exists: false, roles: [] };
        throw e;
      }
    },
    async modify(change: RoleChange): Promise<void> {
      await redshift.send(new ModifyClusterIamRolesCommand({
        ClusterIdentifier: clusterIdentifier,
        AddIamRoles: change.add.length > 0 ? change.add : undefined,
        RemoveIamRoles: change.remove.length > 0 ? change.remove : undefined,
        // The planner never asks a cluster to clear its default ('') : Redshift clears it with the role.
        DefaultIamRoleArn: change.defaultRoleArn || undefined,
      }));
    },
  };
}

/**
 * Redshift Serverless: UpdateNamespace replaces the whole list, and wants the default role with it
 * ("This parameter must be updated together with iamRoles"; `""` clears it). The list written is the
 * one just read, less the roles on their way out (`removing`) and the ones removed, plus the ones
 * added. A namespace that another writer changed since is MODIFYING, and UpdateNamespace answers
 * ConflictException: the caller reads again and re-plans, so nothing another writer added is lost.
 */
export function namespaceBackend(serverless: RedshiftServerlessClient, namespaceName: string): Backend {
  return {
    async describe(): Promise<TargetState> {
      try {
        const out = await serverless.send(new GetNamespaceCommand({ namespaceName }));
        const ns = out.namespace;
        if (!ns) return { exists: false, roles: [] };
        return {
          exists: true,
          status: ns.status,
          roles: (ns.iamRoles ?? []).map(parseServerlessRole),
          defaultRoleArn: ns.defaultIamRoleArn || undefined,
        };
      } catch (e: any) {
        if (e?.name === 'ResourceNotFoundException') return { exists: false, roles: [] };
        throw e;
      }
    },
    async modify(change: RoleChange, before: TargetState): Promise<void> {
      const kept = before.roles.filter((r) => r.status !== 'removing' && !change.remove.includes(r.arn)).map((r) => r.arn);
      const roles = [...new Set([...kept, ...change.add])];
      const currentDefault = before.defaultRoleArn !== undefined && roles.includes(before.defaultRoleArn) ? before.defaultRoleArn : '';
      await serverless.send(new UpdateNamespaceCommand({
        namespaceName,
        iamRoles: roles,
        defaultIamRoleArn: change.defaultRoleArn ?? currentDefault,
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

/**
 * Ownership records as Systems Manager parameters (String, Intelligent-Tiering: a record over
 * 4 KB, 50 long role ARNs, becomes an advanced parameter by itself).
 */
export function parameterStore(ssm: SSMClient): RecordStore {
  return {
    async list(targetPath: string): Promise<RecordsOfTarget> {
      const records: RecordsOfTarget = new Map();
      let token: string | undefined;
      do {
        const out = await ssm.send(new GetParametersByPathCommand({ Path: targetPath, Recursive: true, NextToken: token }));
        for (const p of out.Parameters ?? []) {
          if (p.Name && p.Value !== undefined) records.set(p.Name, decodeRecord(p.Name, p.Value));
        }
        token = out.NextToken;
      } while (token);
      return records;
    },
    async put(name: string, record: OwnershipRecord): Promise<void> {
      await ssm.send(new PutParameterCommand({
        Name: name,
        Value: encodeRecord(record),
        Type: 'String',
        Overwrite: true,
        Tier: ParameterTier.INTELLIGENT_TIERING,
        Description: 'cdk-redshift-iam: the IAM roles this role association attached (do not edit)',
      }));
    },
    async delete(name: string): Promise<void> {
      try {
        await ssm.send(new DeleteParameterCommand({ Name: name }));
      } catch (e: any) {
        if (e?.name !== 'ParameterNotFound') throw e;
      }
    },
  };
}
