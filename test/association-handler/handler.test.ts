import { DescribeClustersCommand, ModifyClusterIamRolesCommand, RedshiftClient } from '@aws-sdk/client-redshift';
import { GetNamespaceCommand, RedshiftServerlessClient, UpdateNamespaceCommand } from '@aws-sdk/client-redshift-serverless';
import { DeleteParameterCommand, GetParametersByPathCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { clusterBackend, namespaceBackend, parameterStore } from '../../src/association-handler/backends';
import { handle, HandlerDeps, Invocation } from '../../src/association-handler/handler';
import { CustomResourceEvent, CustomResourceResponse } from '../../src/association-handler/types';

/**
 * The handler on CloudFormation request fixtures, with the AWS SDK clients mocked by
 * aws-sdk-client-mock: what it sends, what it answers, and its faults.
 */

const ACCOUNT = '123456789012';
const STACK_ID = `arn:aws:cloudformation:us-west-2:${ACCOUNT}:stack/MyStack/0f1e2d3c-aaaa-bbbb-cccc-000000000000`;
const ACCESS_ROLE = `arn:aws:iam::${ACCOUNT}:role/MyStack-AttachAccessRole-ABC`;
const RECORD = '/cdk-redshift-iam/cluster/my-cluster/MyStack/Attach1234';
const PHYSICAL_ID = `${RECORD}#MyStack-AttachAccessRole-ABC`;
const role = (n: string) => `arn:aws:iam::${ACCOUNT}:role/${n}`;

const redshift = mockClient(RedshiftClient);
const serverless = mockClient(RedshiftServerlessClient);
const ssm = mockClient(SSMClient);

function event(type: 'Create' | 'Update' | 'Delete', props: Partial<Record<string, any>> = {}, extra: Partial<CustomResourceEvent> = {}): CustomResourceEvent {
  return {
    RequestType: type,
    RequestId: 'req-1',
    ResponseURL: 'https://cloudformation-custom-resource-response-uswest2.s3.amazonaws.com/x',
    StackId: STACK_ID,
    LogicalResourceId: 'Attach1234',
    ResourceProperties: {
      Target: 'cluster', Name: 'my-cluster', RoleArns: [role('copy')], AccessRoleArn: ACCESS_ROLE, WaitTimeoutSeconds: '600', ...props,
    } as any,
    PhysicalResourceId: type === 'Create' ? undefined : PHYSICAL_ID,
    ...extra,
  };
}

interface Run {
  readonly responses: CustomResourceResponse[];
  readonly continued: Invocation[];
  readonly sleeps: number[];
  readonly outcome: string;
}

interface RunOptions {
  readonly remainingMs?: number;
  readonly start?: number;
  /** Before the access role is assumed (throws: AssumeRole failed). */
  readonly connect?: () => Promise<void>;
  /** Before the operation continues itself (throws: the Invoke failed). */
  readonly continueLater?: () => Promise<void>;
  /** Told the clock after each sleep of the handler. */
  readonly onSleep?: (now: number) => void;
}

/** Runs one invocation with a clock that moves only when the handler sleeps. */
async function run(invocation: Invocation, opts: RunOptions = {}): Promise<Run> {
  let now = opts.start ?? 1_000_000;
  const invocationStart = now;
  const responses: CustomResourceResponse[] = [];
  const continued: Invocation[] = [];
  const sleeps: number[] = [];
  const config = { region: 'us-west-2', maxAttempts: 1, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } };
  const deps: HandlerDeps = {
    connect: async (arn) => {
      expect(arn).toBe(ACCESS_ROLE);
      await opts.connect?.();
      return {
        backendFor: (kind, name) => (kind === 'namespace' ? namespaceBackend(new RedshiftServerlessClient(config), name) : clusterBackend(new RedshiftClient(config), name)),
        store: parameterStore(new SSMClient(config)),
        continueLater: async (next) => {
          await opts.continueLater?.();
          continued.push(next);
        },
      };
    },
    respond: async (_url, r) => { responses.push(r); },
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
      opts.onSleep?.(now);
    },
    random: () => 0.5,
    remainingMs: () => (opts.remainingMs ?? 15 * 60_000) - (now - invocationStart),
    log: () => undefined,
  };
  const outcome = await handle(invocation, deps);
  return { responses, continued, sleeps, outcome };
}

function cluster(status: string, roles: [string, string][], defaultRole?: string) {
  return { Clusters: [{ ClusterIdentifier: 'my-cluster', ClusterStatus: status, IamRoles: roles.map(([IamRoleArn, ApplyStatus]) => ({ IamRoleArn, ApplyStatus })), DefaultIamRoleArn: defaultRole }] };
}

function record(value: object, name = RECORD) {
  parameters.set(name, JSON.stringify({ v: 1, ...value }));
}

/** Parameter Store as a map (GetParametersByPath, PutParameter, DeleteParameter). */
let parameters: Map<string, string>;

beforeEach(() => {
  redshift.reset();
  serverless.reset();
  ssm.reset();
  parameters = new Map();
  ssm.on(GetParametersByPathCommand).callsFake((input) => ({
    Parameters: [...parameters].filter(([name]) => name.startsWith(`${input.Path}/`)).map(([Name, Value]) => ({ Name, Value })),
  }));
  ssm.on(PutParameterCommand).callsFake((input) => { parameters.set(input.Name, input.Value); return {}; });
  ssm.on(DeleteParameterCommand).callsFake((input) => { parameters.delete(input.Name); return {}; });
});

describe('Create on a cluster', () => {
  test('attaches what is missing with the default role, records it, and answers with the stable physical ID', async () => {
    // GIVEN a cluster with someone else's role
    redshift.on(DescribeClustersCommand)
      .resolvesOnce(cluster('available', [[role('theirs'), 'in-sync']]))
      .resolves(cluster('available', [[role('theirs'), 'in-sync'], [role('copy'), 'in-sync']], role('copy')));
    redshift.on(ModifyClusterIamRolesCommand).resolves({});
    // WHEN
    const { responses } = await run({ event: event('Create', { DefaultRoleArn: role('copy') }) });
    // THEN
    expect(redshift.commandCalls(ModifyClusterIamRolesCommand).map((c) => c.args[0].input)).toEqual([
      { ClusterIdentifier: 'my-cluster', AddIamRoles: [role('copy')], RemoveIamRoles: undefined, DefaultIamRoleArn: role('copy') },
    ]);
    expect(JSON.parse(parameters.get(RECORD)!)).toEqual({ v: 1, listed: [role('copy')], owned: [role('copy')], defaultRole: { set: role('copy'), previous: '' }, wantsDefault: role('copy') });
    expect(responses).toEqual([expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: PHYSICAL_ID, RequestId: 'req-1', LogicalResourceId: 'Attach1234' })]);
  });

  test('more than 10 roles go in calls of at most 10, one after the other', async () => {
    const wanted = Array.from({ length: 23 }, (_, i) => role(`r${i}`));
    let attached: [string, string][] = [];
    redshift.on(DescribeClustersCommand).callsFake(() => cluster('available', attached));
    redshift.on(ModifyClusterIamRolesCommand).callsFake((input) => {
      attached = [...attached, ...(input.AddIamRoles as string[]).map((a): [string, string] => [a, 'in-sync'])];
      return {};
    });
    const { responses } = await run({ event: event('Create', { RoleArns: wanted }) });
    expect(redshift.commandCalls(ModifyClusterIamRolesCommand).map((c) => c.args[0].input.AddIamRoles!.length)).toEqual([10, 10, 3]);
    expect(responses[0].Status).toBe('SUCCESS');
  });

  test('a paused cluster fails at once, naming the cluster and its state, and changes nothing', async () => {
    redshift.on(DescribeClustersCommand).resolves(cluster('paused', []));
    const { responses, sleeps } = await run({ event: event('Create') });
    expect(redshift.commandCalls(ModifyClusterIamRolesCommand)).toHaveLength(0);
    expect(sleeps).toEqual([]);
    expect(responses).toEqual([expect.objectContaining({
      Status: 'FAILED',
      PhysicalResourceId: PHYSICAL_ID,
      Reason: 'Redshift cluster \'my-cluster\' is paused, so its IAM roles cannot be changed: resume the cluster, then deploy again',
    })]);
  });

  test('a resizing cluster is waited for; throttling is tried again', async () => {
    redshift.on(DescribeClustersCommand)
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }))
      .resolvesOnce(cluster('resizing', []))
      .resolvesOnce(cluster('available', []))
      .resolves(cluster('available', [[role('copy'), 'in-sync']]));
    redshift.on(ModifyClusterIamRolesCommand).resolves({});
    const { responses } = await run({ event: event('Create') });
    expect(redshift.commandCalls(ModifyClusterIamRolesCommand)).toHaveLength(1);
    expect(responses[0].Status).toBe('SUCCESS');
  });

  test('busy past waitTimeout: fails with the bound, and touches nothing after it', async () => {
    redshift.on(DescribeClustersCommand).resolves(cluster('available', []));
    redshift.on(ModifyClusterIamRolesCommand).rejects(Object.assign(new Error('The cluster is being modified'), { name: 'InvalidClusterStateFault' }));
    const { responses } = await run({ event: event('Create', { WaitTimeoutSeconds: '120' }) });
    expect(responses[0].Status).toBe('FAILED');
    expect(responses[0].Reason).toMatch(/^Timed out after 120 seconds changing the IAM roles of Redshift cluster 'my-cluster': .*InvalidClusterStateFault/);
  });

  test('a cluster that does not exist is a clear failure', async () => {
    redshift.on(DescribeClustersCommand).rejects(Object.assign(new Error('not found'), { name: 'ClusterNotFoundFault' }));
    const { responses } = await run({ event: event('Create') });
    expect(responses[0]).toEqual(expect.objectContaining({ Status: 'FAILED', Reason: expect.stringMatching(/Redshift cluster 'my-cluster' does not exist/) }));
  });

  test('a response stays under 4,096 bytes, however long the error', async () => {
    redshift.on(DescribeClustersCommand).resolves(cluster('available', []));
    redshift.on(ModifyClusterIamRolesCommand).rejects(Object.assign(new Error('x'.repeat(10_000)), { name: 'InvalidParameterValueFault' }));
    const { responses } = await run({ event: event('Create', { RoleArns: Array.from({ length: 10 }, (_, i) => role(`a-long-role-name-${i}`.repeat(3))) }) });
    expect(responses[0].Status).toBe('FAILED');
    expect(Buffer.byteLength(JSON.stringify(responses[0]))).toBeLessThanOrEqual(4096);
  });

  test('an operation that outlasts the invocation continues in a new one, with the same clock', async () => {
    redshift.on(DescribeClustersCommand).resolves(cluster('resizing', []));
    const { responses, continued, outcome } = await run({ event: event('Create') }, { remainingMs: 100_000, start: 5_000 });
    expect(outcome).toBe('continued');
    expect(responses).toEqual([]);
    expect(continued).toEqual([expect.objectContaining({ startedAt: 5_000, continuations: 1 })]);
  });
});

/** An IAM denial as the AWS SDK raises it, with IAM's message ("Troubleshoot access denied error messages"). */
function denied(action: string, resource: string, name = 'AccessDeniedException') {
  return Object.assign(new Error(`User: arn:aws:sts::${ACCOUNT}:assumed-role/MyStack-AttachAccessRole-ABC/cdk-redshift-iam-association `
    + `is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`), { name });
}

/** A call that IAM denies until `ms` of the test's clock have passed since its first call. */
function deniedFor<T>(ms: number, error: Error, then: () => T, clock: () => number): () => T {
  let first: number | undefined;
  return () => {
    first ??= clock();
    if (clock() - first < ms) throw error;
    return then();
  };
}

describe('IAM applying a change made in the same deployment', () => {
  // The handler's clock in `run` starts at 1,000,000 and moves only by its sleeps.
  let now = 0;
  const clock = () => now;
  beforeEach(() => { now = 0; });

  test('a new access role whose policy is not in effect yet: the first reads are denied, then the Create succeeds', async () => {
    // GIVEN Parameter Store denies the first three reads of the records
    let reads = 0;
    ssm.on(GetParametersByPathCommand).callsFake((input) => {
      if (++reads <= 3) throw denied('ssm:GetParametersByPath', `arn:aws:ssm:us-west-2:${ACCOUNT}:parameter${input.Path}`);
      return { Parameters: [...parameters].filter(([name]) => name.startsWith(`${input.Path}/`)).map(([Name, Value]) => ({ Name, Value })) };
    });
    redshift.on(DescribeClustersCommand).resolvesOnce(cluster('available', [])).resolves(cluster('available', [[role('copy'), 'in-sync']]));
    redshift.on(ModifyClusterIamRolesCommand).resolves({});
    // WHEN
    const { responses, sleeps } = await run({ event: event('Create') });
    // THEN it waited (with backoff) and then did the whole job
    expect(responses).toEqual([expect.objectContaining({ Status: 'SUCCESS' })]);
    expect(sleeps.slice(0, 3).every((ms) => ms >= 1000)).toBe(true);
    expect(redshift.commandCalls(ModifyClusterIamRolesCommand)).toHaveLength(1);
    expect(JSON.parse(parameters.get(RECORD)!).owned).toEqual([role('copy')]);
  });

  test('iam:PassRole on a newly listed role is denied for 30 seconds: the update reads, plans and tries again', async () => {
    // GIVEN
    redshift.on(DescribeClustersCommand).callsFake(() => cluster('available', redshift.commandCalls(ModifyClusterIamRolesCommand).length > 0
      && now >= 30_000 ? [[role('copy'), 'in-sync']] : []));
    let start: number | undefined;
    redshift.on(ModifyClusterIamRolesCommand).callsFake(() => {
      start ??= now;
      if (now - start < 30_000) throw denied('iam:PassRole', role('copy'), 'AccessDenied');
      return {};
    });
    // WHEN
    const { responses } = await runWithClock({ event: event('Create') });
    // THEN
    expect(responses).toEqual([expect.objectContaining({ Status: 'SUCCESS' })]);
    expect(redshift.commandCalls(ModifyClusterIamRolesCommand).length).toBeGreaterThan(1);
  });

  test('a denial that lasts fails after about two minutes, naming the action and resource and where else a denial comes from', async () => {
    // GIVEN a service control policy denies iam:PassRole, for good
    redshift.on(DescribeClustersCommand).resolves(cluster('available', []));
    redshift.on(ModifyClusterIamRolesCommand).rejects(denied('iam:PassRole', role('copy'), 'AccessDenied'));
    // WHEN
    const { responses } = await runWithClock({ event: event('Create') });
    // THEN
    expect(responses).toHaveLength(1);
    expect(responses[0].Status).toBe('FAILED');
    expect(responses[0].Reason).toMatch(new RegExp(`^IAM denied iam:PassRole on ${role('copy')} for \\d+ seconds \\(AccessDenied\\)`));
    expect(responses[0].Reason).toMatch(/service control policy.*permissions boundary/);
    const seconds = Number(/for (\d+) seconds/.exec(responses[0].Reason!)![1]);
    expect(seconds).toBeGreaterThanOrEqual(100);
    expect(seconds).toBeLessThanOrEqual(120);
    expect(now).toBeLessThan(600_000);
  });

  test('Redshift refusing a role created seconds ago as "not valid" is waited out; a lasting refusal says to check its trust', async () => {
    // GIVEN
    redshift.on(DescribeClustersCommand).resolves(cluster('available', []));
    const invalid = Object.assign(new Error(`The IAM role ${role('copy')} is not valid. The IAM role must delegate access to an Amazon Redshift account.`), { name: 'InvalidParameterValue' });
    redshift.on(ModifyClusterIamRolesCommand).rejects(invalid);
    // WHEN
    const { responses } = await runWithClock({ event: event('Create') });
    // THEN
    expect(responses[0].Status).toBe('FAILED');
    expect(responses[0].Reason).toMatch(/^Redshift refused a role as not valid for \d+ seconds \(InvalidParameterValue\).*trust policy lets Redshift assume it/);
    expect(redshift.commandCalls(ModifyClusterIamRolesCommand).length).toBeGreaterThan(3);
  });

  test('another InvalidParameterValue is not waited for', async () => {
    redshift.on(DescribeClustersCommand).resolves(cluster('available', []));
    redshift.on(ModifyClusterIamRolesCommand).rejects(Object.assign(new Error('Invalid cluster identifier'), { name: 'InvalidParameterValue' }));
    const { responses, sleeps } = await runWithClock({ event: event('Create') });
    expect(responses[0]).toEqual(expect.objectContaining({ Status: 'FAILED', Reason: expect.stringMatching(/^Could not change the IAM roles .*InvalidParameterValue: Invalid cluster identifier/) }));
    expect(sleeps).toEqual([]);
  });

  test('an access role that cannot be assumed yet is tried again; a rollback Delete survives a denied first read', async () => {
    // GIVEN sts:AssumeRole is denied for 8 seconds, then the records for 5 more
    record({ listed: [], owned: [role('copy')], released: true });
    redshift.on(DescribeClustersCommand).resolvesOnce(cluster('available', [[role('copy'), 'in-sync']])).resolves(cluster('available', []));
    redshift.on(ModifyClusterIamRolesCommand).resolves({});
    const assume = deniedFor(8_000, Object.assign(new Error(`not authorized to perform: sts:AssumeRole on resource: ${ACCESS_ROLE}`), { name: 'AccessDenied' }), () => undefined, clock);
    const read = deniedFor(5_000, denied('ssm:GetParametersByPath', 'x'), () => ({
      Parameters: [...parameters].map(([Name, Value]) => ({ Name, Value })),
    }), clock);
    ssm.on(GetParametersByPathCommand).callsFake(read);
    // WHEN
    const { responses } = await runWithClock({ event: event('Delete') }, { connect: async () => assume() });
    // THEN
    expect(responses).toEqual([expect.objectContaining({ Status: 'SUCCESS' })]);
    expect(redshift.commandCalls(ModifyClusterIamRolesCommand).map((c) => c.args[0].input.RemoveIamRoles)).toEqual([[role('copy')]]);
    expect(parameters.has(RECORD)).toBe(false);
  });

  test('the denial window is kept across a continuation: it is measured from the first denial', async () => {
    // GIVEN an invocation that continues an operation denied since 100 s ago
    redshift.on(DescribeClustersCommand).resolves(cluster('available', []));
    redshift.on(ModifyClusterIamRolesCommand).rejects(denied('iam:PassRole', role('copy'), 'AccessDenied'));
    // WHEN
    const { responses, sleeps } = await run({ event: event('Create'), startedAt: 1_000_000 - 110_000, deniedSince: 1_000_000 - 100_000 });
    // THEN it fails within the 20 seconds left of the window
    expect(responses[0].Status).toBe('FAILED');
    expect(sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(20_000);
  });

  test('a self-invocation that fails answers FAILED at once, naming why', async () => {
    // GIVEN a busy cluster and an invocation near its end whose Invoke is throttled
    redshift.on(DescribeClustersCommand).resolves(cluster('resizing', []));
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' });
    // WHEN
    const { responses, outcome, continued } = await run({ event: event('Create') }, { remainingMs: 100_000, continueLater: async () => { throw throttled; } });
    // THEN
    expect(outcome).toBe('responded');
    expect(continued).toEqual([]);
    expect(responses).toEqual([expect.objectContaining({
      Status: 'FAILED',
      Reason: expect.stringMatching(/could not continue in a new one .*TooManyRequestsException: Rate exceeded/),
    })]);
  });

  /** `run`, with `now` following the handler's clock. */
  async function runWithClock(invocation: Invocation, opts: RunOptions = {}) {
    return run(invocation, { ...opts, start: 0, onSleep: (t) => { now = t; } });
  }
});

describe('Update and Delete on a cluster', () => {
  test('a rollback update detaches only what the record says the association attached', async () => {
    // GIVEN the record: the association attached copy and unload; someone else attached theirs
    record(({ listed: [role('copy'), role('unload')], owned: [role('copy'), role('unload')] }));
    redshift.on(DescribeClustersCommand)
      .resolvesOnce(cluster('available', [[role('copy'), 'in-sync'], [role('unload'), 'in-sync'], [role('theirs'), 'in-sync']]))
      .resolves(cluster('available', [[role('copy'), 'in-sync'], [role('theirs'), 'in-sync']]));
    redshift.on(ModifyClusterIamRolesCommand).resolves({});
    // WHEN CloudFormation rolls back to the old properties (copy and theirs listed)
    const { responses } = await run({
      event: event('Update', { RoleArns: [role('copy'), role('theirs')] }, { OldResourceProperties: { RoleArns: [role('copy'), role('unload')] } as any }),
    });
    // THEN unload goes, theirs stays and is not claimed
    expect(redshift.commandCalls(ModifyClusterIamRolesCommand).map((c) => c.args[0].input)).toEqual([
      { ClusterIdentifier: 'my-cluster', AddIamRoles: undefined, RemoveIamRoles: [role('unload')], DefaultIamRoleArn: undefined },
    ]);
    expect(JSON.parse(parameters.get(RECORD)!).owned).toEqual([role('copy')]);
    expect(responses[0]).toEqual(expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: PHYSICAL_ID }));
  });

  test('Delete of a cluster that is gone is success, and the record goes', async () => {
    record(({ listed: [role('copy')], owned: [role('copy')] }));
    redshift.on(DescribeClustersCommand).rejects(Object.assign(new Error('gone'), { name: 'ClusterNotFoundFault' }));
    const { responses } = await run({ event: event('Delete') });
    expect(responses[0]).toEqual(expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: PHYSICAL_ID }));
    expect(parameters.has(RECORD)).toBe(false);
  });

  test('Delete of a failed create (no record) touches nothing', async () => {
    const { responses } = await run({ event: event('Delete') });
    expect(redshift.calls()).toHaveLength(0);
    expect(responses[0].Status).toBe('SUCCESS');
  });

  test('Delete on a paused cluster fails, and hands its roles on in a released record', async () => {
    record(({ listed: [role('copy')], owned: [role('copy')] }));
    redshift.on(DescribeClustersCommand).resolves(cluster('paused', [[role('copy'), 'in-sync']]));
    const { responses } = await run({ event: event('Delete') });
    expect(responses[0].Status).toBe('FAILED');
    expect(JSON.parse(parameters.get(RECORD)!)).toEqual({ v: 1, listed: [], owned: [role('copy')], released: true });
  });

  test('a failed move to another cluster lets go of what it attached there, and keeps the old physical ID', async () => {
    // GIVEN 11 roles for the new cluster: the first call attaches 10, the second is refused
    const newRecord = '/cdk-redshift-iam/cluster/new-cluster/MyStack/Attach1234';
    const wanted = Array.from({ length: 11 }, (_, i) => role(`r${i}`));
    let attached: string[] = [];
    redshift.on(DescribeClustersCommand).callsFake(() => cluster('available', attached.map((a): [string, string] => [a, 'in-sync'])));
    redshift.on(ModifyClusterIamRolesCommand).callsFake((input) => {
      if (input.AddIamRoles && attached.length > 0) throw Object.assign(new Error('r10 cannot be assumed by Redshift'), { name: 'InvalidParameterValueFault' });
      attached = [...attached.filter((a) => !(input.RemoveIamRoles ?? []).includes(a)), ...input.AddIamRoles ?? []];
      return {};
    });
    // WHEN
    const { responses } = await run({ event: event('Update', { Name: 'new-cluster', RoleArns: wanted }) });
    // THEN
    expect(responses[0]).toEqual(expect.objectContaining({ Status: 'FAILED', PhysicalResourceId: PHYSICAL_ID, Reason: expect.stringMatching(/r10 cannot be assumed/) }));
    expect(attached).toEqual([]);
    expect(parameters.has(newRecord)).toBe(false);
  });
});

describe('a Serverless namespace', () => {
  const nsRecord = '/cdk-redshift-iam/namespace/analytics/MyStack/Attach1234';
  const nsEvent = (type: 'Create' | 'Delete', props: object = {}) => event(type, { Target: 'namespace', Name: 'analytics', ...props },
    type === 'Delete' ? { PhysicalResourceId: `${nsRecord}#MyStack-AttachAccessRole-ABC` } : {});
  const namespace = (status: string, roles: [string, string][], defaultRole?: string): any => ({
    namespace: { namespaceName: 'analytics', status, iamRoles: roles.map(([a, s]) => `IamRole(applyStatus=${s}, iamRoleArn=${a})`), defaultIamRoleArn: defaultRole },
  });

  test('writes the whole list with the default role, never a role that is being removed', async () => {
    serverless.on(GetNamespaceCommand)
      .resolvesOnce(namespace('AVAILABLE', [[role('theirs'), 'in-sync'], [role('leaving'), 'removing']], role('theirs')))
      .resolves(namespace('AVAILABLE', [[role('theirs'), 'in-sync'], [role('copy'), 'in-sync']], role('theirs')));
    serverless.on(UpdateNamespaceCommand).resolves({});
    const { responses } = await run({ event: nsEvent('Create') });
    expect(serverless.commandCalls(UpdateNamespaceCommand).map((c) => c.args[0].input)).toEqual([
      { namespaceName: 'analytics', iamRoles: [role('theirs'), role('copy')], defaultIamRoleArn: role('theirs') },
    ]);
    expect(responses[0].Status).toBe('SUCCESS');
  });

  test('another writer in between (ConflictException): read again and plan again, losing nothing', async () => {
    serverless.on(GetNamespaceCommand)
      .resolvesOnce(namespace('AVAILABLE', []))
      .resolvesOnce(namespace('AVAILABLE', [[role('theirs'), 'adding']]))
      .resolves(namespace('AVAILABLE', [[role('theirs'), 'in-sync'], [role('copy'), 'in-sync']]));
    serverless.on(UpdateNamespaceCommand)
      .rejectsOnce(Object.assign(new Error('namespace is MODIFYING'), { name: 'ConflictException' }))
      .resolves({});
    const { responses } = await run({ event: nsEvent('Create') });
    const writes = serverless.commandCalls(UpdateNamespaceCommand).map((c) => c.args[0].input.iamRoles);
    expect(writes).toEqual([[role('copy')], [role('theirs'), role('copy')]]);
    expect(responses[0].Status).toBe('SUCCESS');
  });

  test('the default role it set is cleared with "" when it lets go', async () => {
    record({ listed: [role('copy')], owned: [], defaultRole: { set: role('copy'), previous: '' } }, nsRecord);
    serverless.on(GetNamespaceCommand)
      .resolvesOnce(namespace('AVAILABLE', [[role('copy'), 'in-sync']], role('copy')))
      .resolves(namespace('AVAILABLE', [[role('copy'), 'in-sync']]));
    serverless.on(UpdateNamespaceCommand).resolves({});
    const { responses } = await run({ event: nsEvent('Delete') });
    expect(serverless.commandCalls(UpdateNamespaceCommand).map((c) => c.args[0].input)).toEqual([
      { namespaceName: 'analytics', iamRoles: [role('copy')], defaultIamRoleArn: '' },
    ]);
    expect(responses[0].Status).toBe('SUCCESS');
  });
});
