import { CloudFormationClient, DescribeStackResourceCommand } from '@aws-sdk/client-cloudformation';
import { DescribeClustersCommand, ModifyClusterIamRolesCommand, RedshiftClient } from '@aws-sdk/client-redshift';
import { GetNamespaceCommand, RedshiftServerlessClient, UpdateNamespaceCommand } from '@aws-sdk/client-redshift-serverless';
import { mockClient } from 'aws-sdk-client-mock';
import {
  _setTestHooks, decodePhysicalId, encodePhysicalId, isComplete, IsCompleteRequest, onEvent, OnEventRequest, parseServerlessRole,
} from '../src/association-handler/handler';

const redshift = mockClient(RedshiftClient);
const cfn = mockClient(CloudFormationClient);
const serverless = mockClient(RedshiftServerlessClient);

const role = (n: string) => `arn:aws:iam::123456789012:role/R${n}`;
const SLR = 'arn:aws:iam::123456789012:role/aws-service-role/redshift.amazonaws.com/AWSServiceRoleForRedshift';
const STACK = 'arn:aws:cloudformation:us-west-2:123456789012:stack/S/abc';

let clock = 1_000_000;
beforeEach(() => {
  redshift.reset();
  cfn.reset();
  serverless.reset();
  clock = 1_000_000;
  _setTestHooks({ sleep: async () => undefined, now: () => clock, random: () => 0.5 });
});

function props(roles: string[], extra: Record<string, string> = {}) {
  return { ServiceToken: 'token', Target: 'cluster', Name: 'my-cluster', RoleArns: roles, WaitTimeoutSeconds: '1200', ...extra };
}
function createEvent(roles: string[], extra: Record<string, string> = {}): OnEventRequest {
  return { RequestType: 'Create', StackId: STACK, LogicalResourceId: 'Assoc', ResourceProperties: props(roles, extra) };
}
function updateEvent(physicalId: string, oldRoles: string[], roles: string[], extra: Record<string, string> = {}): OnEventRequest {
  return {
    RequestType: 'Update',
    StackId: STACK,
    LogicalResourceId: 'Assoc',
    PhysicalResourceId: physicalId,
    ResourceProperties: props(roles, extra),
    OldResourceProperties: props(oldRoles),
  };
}
function deleteEvent(physicalId: string, roles: string[]): OnEventRequest {
  return { RequestType: 'Delete', StackId: STACK, LogicalResourceId: 'Assoc', PhysicalResourceId: physicalId, ResourceProperties: props(roles) };
}
function cluster(roles: Array<[string, string]>, defaultRole?: string) {
  return { Clusters: [{ ClusterIdentifier: 'my-cluster', IamRoles: roles.map(([IamRoleArn, ApplyStatus]) => ({ IamRoleArn, ApplyStatus })), DefaultIamRoleArn: defaultRole }] };
}
function fault(name: string, message = name) {
  return Object.assign(new Error(message), { name });
}
function modifyCalls() {
  return redshift.commandCalls(ModifyClusterIamRolesCommand).map((c) => c.args[0].input);
}

describe('Create', () => {
  test('adds the missing roles in one call and sets the default role', async () => {
    redshift.on(DescribeClustersCommand).resolves(cluster([[SLR, 'in-sync'], [role('0'), 'in-sync']]));
    redshift.on(ModifyClusterIamRolesCommand).resolves({});
    const res = await onEvent(createEvent([role('1'), role('2')], { DefaultRoleArn: role('1') }));
    expect(modifyCalls()).toEqual([{ ClusterIdentifier: 'my-cluster', AddIamRoles: [role('1'), role('2')], DefaultIamRoleArn: role('1') }]);
    const generation = decodePhysicalId(res.PhysicalResourceId, [role('1'), role('2')])!;
    expect([...generation.owned].sort()).toEqual([role('1'), role('2')]);
    expect(generation.setDefault).toBe(true);
  });

  test('one ModifyClusterIamRoles call however many roles it carries', async () => {
    const fifty = Array.from({ length: 50 }, (_, i) => role(String(i).padStart(2, '0')));
    redshift.on(DescribeClustersCommand).resolves(cluster([]));
    redshift.on(ModifyClusterIamRolesCommand).resolves({});
    await onEvent(createEvent(fifty));
    expect(modifyCalls()).toHaveLength(1);
    expect(modifyCalls()[0].AddIamRoles).toHaveLength(50);
  });

  test('a role already attached is not added, and is not ours to remove', async () => {
    redshift.on(DescribeClustersCommand).resolves(cluster([[role('1'), 'in-sync']]));
    redshift.on(ModifyClusterIamRolesCommand).resolves({});
    const res = await onEvent(createEvent([role('1'), role('2')]));
    expect(modifyCalls()).toEqual([{ ClusterIdentifier: 'my-cluster', AddIamRoles: [role('2')] }]);
    expect([...decodePhysicalId(res.PhysicalResourceId, [role('1'), role('2')])!.owned]).toEqual([role('2')]);
  });

  test('nothing to do makes no call', async () => {
    redshift.on(DescribeClustersCommand).resolves(cluster([[role('1'), 'in-sync']]));
    await onEvent(createEvent([role('1')]));
    expect(modifyCalls()).toEqual([]);
  });

  test('InvalidClusterState twice, then success', async () => {
    redshift.on(DescribeClustersCommand).resolves(cluster([]));
    redshift.on(ModifyClusterIamRolesCommand)
      .rejectsOnce(fault('InvalidClusterStateFault', 'The cluster is being modified'))
      .rejectsOnce(fault('InvalidClusterStateFault', 'The cluster is being modified'))
      .resolves({});
    await onEvent(createEvent([role('1')]));
    expect(modifyCalls()).toHaveLength(3);
  });

  test('throttling is retried with backoff', async () => {
    const waits: number[] = [];
    _setTestHooks({ sleep: async (ms) => { waits.push(ms); } });
    redshift.on(DescribeClustersCommand).resolves(cluster([]));
    redshift.on(ModifyClusterIamRolesCommand).rejectsOnce(fault('ThrottlingException', 'Rate exceeded')).resolves({});
    await onEvent(createEvent([role('1')]));
    expect(modifyCalls()).toHaveLength(2);
    expect(waits).toEqual([250]);
  });

  test('a cluster busy beyond the retry budget is a clear error', async () => {
    _setTestHooks({ sleep: async (ms) => { clock += ms; }, random: () => 1 });
    redshift.on(DescribeClustersCommand).resolves(cluster([]));
    redshift.on(ModifyClusterIamRolesCommand).rejects(fault('InvalidClusterStateFault', 'resize in progress'));
    await expect(onEvent(createEvent([role('1')])))
      .rejects.toThrow(new RegExp(`Redshift cluster 'my-cluster' stayed busy with another modification for \\d+ seconds, so its IAM roles could not be changed \\(adding ${role('1')}\\): InvalidClusterStateFault: resize in progress`));
    expect(clock - 1_000_000).toBeGreaterThanOrEqual(11 * 60 * 1000);
  });

  test('each retry re-reads the cluster: a role someone attached meanwhile is not added, nor claimed', async () => {
    redshift.on(DescribeClustersCommand)
      .resolvesOnce(cluster([]))
      .resolves(cluster([[role('1'), 'in-sync']]));
    redshift.on(ModifyClusterIamRolesCommand).rejectsOnce(fault('InvalidClusterStateFault')).resolves({});
    const res = await onEvent(createEvent([role('1'), role('2')]));
    expect(modifyCalls()).toEqual([
      { ClusterIdentifier: 'my-cluster', AddIamRoles: [role('1'), role('2')] },
      { ClusterIdentifier: 'my-cluster', AddIamRoles: [role('2')] },
    ]);
    expect([...decodePhysicalId(res.PhysicalResourceId, [role('1'), role('2')])!.owned]).toEqual([role('2')]);
  });

  test('a real failure is a clear error', async () => {
    redshift.on(DescribeClustersCommand).resolves(cluster([]));
    redshift.on(ModifyClusterIamRolesCommand).rejects(fault('InvalidParameterValueFault', 'Role is not valid'));
    await expect(onEvent(createEvent([role('1')])))
      .rejects.toThrow(`Could not change the IAM roles of Redshift cluster 'my-cluster' (adding ${role('1')}): InvalidParameterValueFault: Role is not valid`);
  });

  test('a cluster that does not exist is a clear error', async () => {
    redshift.on(DescribeClustersCommand).rejects(fault('ClusterNotFoundFault'));
    await expect(onEvent(createEvent([role('1')]))).rejects.toThrow("Redshift cluster 'my-cluster' does not exist");
  });

  test('the service-linked role is never passed back', async () => {
    redshift.on(DescribeClustersCommand).resolves(cluster([[SLR, 'in-sync']]));
    redshift.on(ModifyClusterIamRolesCommand).resolves({});
    await onEvent(createEvent([role('1'), SLR]));
    expect(JSON.stringify(modifyCalls())).not.toContain('aws-service-role');
  });
});

describe('isComplete', () => {
  test('waits until every role is in-sync', async () => {
    const res = { PhysicalResourceId: encodePhysicalId('cluster', 'my-cluster', [role('1')], new Set([role('1')]), false), Data: { StartedAt: String(clock), Remove: '' } };
    const event: IsCompleteRequest = { ...createEvent([role('1')]), ...res };
    redshift.on(DescribeClustersCommand).resolvesOnce(cluster([[role('1'), 'adding']])).resolves(cluster([[role('1'), 'in-sync']]));
    expect(await isComplete(event)).toEqual({ IsComplete: false });
    expect(await isComplete(event)).toEqual({ IsComplete: true });
    expect(modifyCalls()).toEqual([]);
  });

  test('waits until removed roles are gone', async () => {
    const id = encodePhysicalId('cluster', 'my-cluster', [role('2')], new Set([role('2')]), false);
    const event: IsCompleteRequest = { ...updateEvent(id, [role('1'), role('2')], [role('2')]), PhysicalResourceId: id, Data: { StartedAt: String(clock), Remove: role('1') } };
    redshift.on(DescribeClustersCommand)
      .resolvesOnce(cluster([[role('1'), 'removing'], [role('2'), 'in-sync']]))
      .resolves(cluster([[role('2'), 'in-sync']]));
    expect(await isComplete(event)).toEqual({ IsComplete: false });
    expect(await isComplete(event)).toEqual({ IsComplete: true });
  });

  test('the wait bound exceeded is a clear error naming the roles and their status', async () => {
    const id = encodePhysicalId('cluster', 'my-cluster', [role('1')], new Set([role('1')]), false);
    const event: IsCompleteRequest = { ...createEvent([role('1')]), PhysicalResourceId: id, Data: { StartedAt: String(clock), Remove: '' } };
    redshift.on(DescribeClustersCommand).resolves(cluster([[role('1'), 'adding']]));
    clock += 1201 * 1000;
    await expect(isComplete(event)).rejects.toThrow(`Timed out after 1200 seconds waiting for Redshift cluster 'my-cluster' to apply its roles (raise \`waitTimeout\` if the cluster is busy for longer). Roles now: ${role('1')} (adding)`);
  });

  test('a role removed by someone else while we wait is added again', async () => {
    const id = encodePhysicalId('cluster', 'my-cluster', [role('1')], new Set([role('1')]), false);
    const event: IsCompleteRequest = { ...createEvent([role('1')]), PhysicalResourceId: id, Data: { StartedAt: String(clock), Remove: '' } };
    redshift.on(DescribeClustersCommand).resolves(cluster([]));
    redshift.on(ModifyClusterIamRolesCommand).resolves({});
    expect(await isComplete(event)).toEqual({ IsComplete: false });
    expect(modifyCalls()).toEqual([{ ClusterIdentifier: 'my-cluster', AddIamRoles: [role('1')] }]);
  });
});

describe('Update', () => {
  test('adds and removes the difference in one call, removing only roles it added', async () => {
    const oldRoles = [role('1'), role('2'), role('9')];
    const oldId = encodePhysicalId('cluster', 'my-cluster', oldRoles, new Set([role('1'), role('2')]), false); // R9 was there before
    redshift.on(DescribeClustersCommand).resolves(cluster([[role('1'), 'in-sync'], [role('2'), 'in-sync'], [role('9'), 'in-sync']]));
    redshift.on(ModifyClusterIamRolesCommand).resolves({});
    const res = await onEvent(updateEvent(oldId, oldRoles, [role('2'), role('3')]));
    expect(modifyCalls()).toEqual([{ ClusterIdentifier: 'my-cluster', AddIamRoles: [role('3')], RemoveIamRoles: [role('1')] }]);
    expect(res.Data!.Remove).toBe(role('1'));
    expect([...decodePhysicalId(res.PhysicalResourceId, [role('2'), role('3')])!.owned].sort()).toEqual([role('2'), role('3')]);
  });

  test('the cleanup delete of the superseded physical ID removes nothing', async () => {
    const oldRoles = [role('1')];
    const oldId = encodePhysicalId('cluster', 'my-cluster', oldRoles, new Set(oldRoles), false);
    const newId = encodePhysicalId('cluster', 'my-cluster', [role('1'), role('2')], new Set([role('1'), role('2')]), false);
    cfn.on(DescribeStackResourceCommand).resolves({ StackResourceDetail: { PhysicalResourceId: newId } as any });
    redshift.on(DescribeClustersCommand).resolves(cluster([[role('1'), 'in-sync'], [role('2'), 'in-sync']]));
    const res = await onEvent(deleteEvent(oldId, oldRoles));
    expect(modifyCalls()).toEqual([]);
    const cleanup = { ...deleteEvent(oldId, oldRoles), PhysicalResourceId: res.PhysicalResourceId, Data: res.Data };
    expect(await isComplete(cleanup)).toEqual({ IsComplete: true });
  });

  test('a new cluster identifier is a new association (CloudFormation deletes the old one)', async () => {
    const oldId = encodePhysicalId('cluster', 'my-cluster', [role('1')], new Set([role('1')]), false);
    redshift.on(DescribeClustersCommand).resolves(cluster([]));
    redshift.on(ModifyClusterIamRolesCommand).resolves({});
    const res = await onEvent(updateEvent(oldId, [role('1')], [role('1')], { Name: 'new-cluster' }));
    expect(res.PhysicalResourceId).toMatch(/^cluster\|new-cluster\|/);
    expect(modifyCalls()[0]).toMatchObject({ ClusterIdentifier: 'new-cluster', AddIamRoles: [role('1')] });
  });
});

describe('Delete', () => {
  test('removes only the roles it added that are still attached', async () => {
    const roles = [role('1'), role('2'), role('3')];
    const id = encodePhysicalId('cluster', 'my-cluster', roles, new Set([role('1'), role('2')]), false);
    cfn.on(DescribeStackResourceCommand).resolves({ StackResourceDetail: { PhysicalResourceId: id } as any });
    // R2 was removed by someone else; R3 was there before the association; R4 belongs to others
    redshift.on(DescribeClustersCommand).resolves(cluster([[SLR, 'in-sync'], [role('1'), 'in-sync'], [role('3'), 'in-sync'], [role('4'), 'in-sync']]));
    redshift.on(ModifyClusterIamRolesCommand).resolves({});
    await onEvent(deleteEvent(id, roles));
    expect(modifyCalls()).toEqual([{ ClusterIdentifier: 'my-cluster', RemoveIamRoles: [role('1')] }]);
  });

  test('a cluster that no longer exists is success', async () => {
    const id = encodePhysicalId('cluster', 'my-cluster', [role('1')], new Set([role('1')]), false);
    cfn.on(DescribeStackResourceCommand).rejects(fault('ValidationError', 'Stack does not exist'));
    redshift.on(DescribeClustersCommand).rejects(fault('ClusterNotFoundFault'));
    const res = await onEvent(deleteEvent(id, [role('1')]));
    expect(modifyCalls()).toEqual([]);
    expect(await isComplete({ ...deleteEvent(id, [role('1')]), PhysicalResourceId: res.PhysicalResourceId, Data: res.Data })).toEqual({ IsComplete: true });
  });

  test('a failed create (no physical ID of ours) deletes nothing', async () => {
    const res = await onEvent(deleteEvent('some-failed-resource-id', [role('1')]));
    expect(res.Data).toEqual({ Skip: 'true' });
    expect(redshift.calls()).toHaveLength(0);
  });

  test('a busy cluster: the removal is retried in onEvent until accepted, then isComplete waits', async () => {
    const id = encodePhysicalId('cluster', 'my-cluster', [role('1')], new Set([role('1')]), false);
    cfn.on(DescribeStackResourceCommand).resolves({ StackResourceDetail: { PhysicalResourceId: id } as any });
    redshift.on(DescribeClustersCommand)
      .resolvesOnce(cluster([[role('1'), 'in-sync']]))
      .resolvesOnce(cluster([[role('1'), 'in-sync']]))
      .resolvesOnce(cluster([[role('1'), 'in-sync']]))
      .resolvesOnce(cluster([[role('1'), 'removing']]))
      .resolves(cluster([]));
    redshift.on(ModifyClusterIamRolesCommand)
      .rejectsOnce(fault('InvalidClusterStateFault')).rejectsOnce(fault('InvalidClusterStateFault')).resolves({});
    const res = await onEvent(deleteEvent(id, [role('1')]));
    expect(modifyCalls()).toHaveLength(3);
    const event: IsCompleteRequest = { ...deleteEvent(id, [role('1')]), PhysicalResourceId: id, Data: res.Data };
    expect(await isComplete(event)).toEqual({ IsComplete: false });
    expect(await isComplete(event)).toEqual({ IsComplete: true });
    expect(modifyCalls()).toHaveLength(3);
  });

  test('a cluster busy beyond the retry budget fails the removal with a clear error', async () => {
    _setTestHooks({ sleep: async (ms) => { clock += ms; }, random: () => 1 });
    const id = encodePhysicalId('cluster', 'my-cluster', [role('1')], new Set([role('1')]), false);
    cfn.on(DescribeStackResourceCommand).resolves({ StackResourceDetail: { PhysicalResourceId: id } as any });
    redshift.on(DescribeClustersCommand).resolves(cluster([[role('1'), 'in-sync']]));
    redshift.on(ModifyClusterIamRolesCommand).rejects(fault('InvalidClusterStateFault', 'resize in progress'));
    await expect(onEvent(deleteEvent(id, [role('1')])))
      .rejects.toThrow(/Redshift cluster 'my-cluster' stayed busy with another modification for \d+ seconds, so its IAM roles could not be changed \(removing .*resize in progress/);
  });

  test('a role that someone attaches again after our removal is theirs: isComplete does not remove it', async () => {
    const id = encodePhysicalId('cluster', 'my-cluster', [role('1')], new Set([role('1')]), false);
    const event: IsCompleteRequest = { ...deleteEvent(id, [role('1')]), PhysicalResourceId: id, Data: { StartedAt: String(clock) } };
    redshift.on(DescribeClustersCommand).resolves(cluster([[role('1'), 'in-sync']]));
    expect(await isComplete(event)).toEqual({ IsComplete: true });
    expect(modifyCalls()).toEqual([]);
  });
});

describe('Redshift Serverless namespace', () => {
  const nsProps = { Target: 'namespace', Name: 'analytics' };

  test('reads the whole list, adds ours, keeps the others and the default', async () => {
    serverless.on(GetNamespaceCommand).resolves({
      namespace: {
        namespaceName: 'analytics',
        status: 'AVAILABLE',
        defaultIamRoleArn: role('0'),
        iamRoles: [`IamRole(applyStatus=in-sync, iamRoleArn=${role('0')})`],
      } as any,
    });
    serverless.on(UpdateNamespaceCommand).resolves({});
    await onEvent(createEvent([role('1')], nsProps));
    expect(serverless.commandCalls(UpdateNamespaceCommand).map((c) => c.args[0].input)).toEqual([
      { namespaceName: 'analytics', iamRoles: [role('0'), role('1')], defaultIamRoleArn: role('0') },
    ]);
  });

  test('a namespace that is MODIFYING is read again and written when AVAILABLE', async () => {
    serverless.on(GetNamespaceCommand)
      .resolvesOnce({ namespace: { namespaceName: 'analytics', status: 'MODIFYING', iamRoles: [] } as any })
      .resolvesOnce({ namespace: { namespaceName: 'analytics', status: 'MODIFYING', iamRoles: [] } as any })
      .resolves({ namespace: { namespaceName: 'analytics', status: 'AVAILABLE', iamRoles: [] } as any });
    serverless.on(UpdateNamespaceCommand).resolves({});
    await onEvent(createEvent([role('1')], nsProps));
    expect(serverless.commandCalls(UpdateNamespaceCommand).map((c) => c.args[0].input.iamRoles)).toEqual([[role('1')]]);
  });

  test('delete removes only our role from the list', async () => {
    const id = encodePhysicalId('namespace', 'analytics', [role('1')], new Set([role('1')]), false);
    cfn.on(DescribeStackResourceCommand).resolves({ StackResourceDetail: { PhysicalResourceId: id } as any });
    serverless.on(GetNamespaceCommand).resolves({
      namespace: { namespaceName: 'analytics', status: 'AVAILABLE', iamRoles: [role('0'), role('1')] } as any,
    });
    serverless.on(UpdateNamespaceCommand).resolves({});
    await onEvent({ ...deleteEvent(id, [role('1')]), ResourceProperties: { ...props([role('1')]), ...nsProps } });
    expect(serverless.commandCalls(UpdateNamespaceCommand)[0].args[0].input.iamRoles).toEqual([role('0')]);
  });

  test('parses both role formats of GetNamespace', () => {
    expect(parseServerlessRole(`IamRole(applyStatus=adding, iamRoleArn=${role('1')})`)).toEqual({ arn: role('1'), status: 'adding' });
    expect(parseServerlessRole(role('2'))).toEqual({ arn: role('2'), status: 'in-sync' });
  });
});

describe('physical ID', () => {
  test('round-trips the owned roles of up to 50 roles', () => {
    const roles = Array.from({ length: 50 }, (_, i) => role(String(i).padStart(2, '0')));
    const owned = new Set(roles.filter((_, i) => i % 3 === 0));
    const id = encodePhysicalId('cluster', 'my-cluster', roles, owned, true);
    expect(id.length).toBeLessThan(100);
    const back = decodePhysicalId(id, [...roles].reverse())!;
    expect([...back.owned].sort()).toEqual([...owned].sort());
    expect(back.setDefault).toBe(true);
  });
});
