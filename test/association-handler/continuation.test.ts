import { EventEmitter } from 'events';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { DescribeClustersCommand, ModifyClusterIamRolesCommand, RedshiftClient } from '@aws-sdk/client-redshift';
import { DeleteParameterCommand, GetParametersByPathCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../src/association-handler/association.lambda';
import { Invocation, POLL_MS } from '../../src/association-handler/handler';
import { CustomResourceEvent, CustomResourceResponse } from '../../src/association-handler/types';

/**
 * The real Lambda entry point, end to end, on a clock that Jest fakes (timers and Date.now) and a
 * function that times out after 3 minutes: an operation longer than one invocation continues itself
 * (every self-invocation is run again, as Lambda would, with a fresh context), keeps its first
 * start as its clock, answers CloudFormation exactly once, acts only with the access role it
 * assumes in each invocation, and answers FAILED at once when it cannot continue itself.
 */

/** Every PUT to the response URL (answered 200), with the faked time it was sent. */
let puts: { at: number; response: CustomResourceResponse }[] = [];
jest.mock('https', () => ({
  ...jest.requireActual('https'),
  request: (_url: string, _options: unknown, callback: (res: EventEmitter) => void) => {
    const request = Object.assign(new EventEmitter(), {
      setTimeout: () => request,
      end: (body: string) => {
        puts.push({ at: Date.now(), response: JSON.parse(body) });
        const res = Object.assign(new EventEmitter(), { statusCode: 200, resume: () => undefined });
        callback(res);
        res.emit('end');
      },
    });
    return request;
  },
}));

const sts = mockClient(STSClient);
const redshift = mockClient(RedshiftClient);
const ssm = mockClient(SSMClient);
const lambda = mockClient(LambdaClient);

const ACCOUNT = '123456789012';
const STACK_ID = `arn:aws:cloudformation:us-west-2:${ACCOUNT}:stack/MyStack/0f1e2d3c-aaaa-bbbb-cccc-000000000000`;
const ACCESS_ROLE = `arn:aws:iam::${ACCOUNT}:role/MyStack-AttachAccessRole-ABC`;
const FUNCTION_ARN = `arn:aws:lambda:us-west-2:${ACCOUNT}:function:MyStack-Handler`;
const PHYSICAL_ID = '/cdk-redshift-iam/cluster/my-cluster/MyStack/Attach1234#MyStack-AttachAccessRole-ABC';
const COPY_ROLE = `arn:aws:iam::${ACCOUNT}:role/copy`;
const FUNCTION_TIMEOUT_MS = 3 * 60_000;
const T0 = Date.parse('2025-03-01T12:00:00Z');

function createEvent(waitTimeoutSeconds: string): CustomResourceEvent {
  return {
    RequestType: 'Create',
    RequestId: 'req-1',
    ResponseURL: 'https://cloudformation-custom-resource-response-uswest2.s3.amazonaws.com/x',
    StackId: STACK_ID,
    LogicalResourceId: 'Attach1234',
    ResourceProperties: { Target: 'cluster', Name: 'my-cluster', RoleArns: [COPY_ROLE], AccessRoleArn: ACCESS_ROLE, WaitTimeoutSeconds: waitTimeoutSeconds },
  };
}

/** The simulated world: Parameter Store, the cluster (resizing until `busyUntil`), Lambda's queue. */
let parameters: Map<string, string>;
let busyUntil: number;
let attached: { IamRoleArn: string; ApplyStatus: string }[];
let issuedKeys: string[];
let queue: (CustomResourceEvent | Invocation)[];

/** One invocation: when it started, the roles it assumed, and the key of every Redshift, SSM and Lambda call it made. */
interface Run {
  readonly start: number;
  readonly assumed: string[];
  readonly issued: string[];
  readonly used: string[];
}

async function accessKeyOf(call: { thisValue: unknown }): Promise<string> {
  const client = call.thisValue as { config: { credentials: () => Promise<{ accessKeyId: string }> } };
  return (await client.config.credentials()).accessKeyId;
}

/** Runs the request, then every self-invocation it queues, each with a fresh context and the function's timeout. */
async function deploy(request: CustomResourceEvent): Promise<Run[]> {
  const runs: Run[] = [];
  queue.push(request);
  while (queue.length > 0) {
    if (runs.length >= 12) throw new Error('the operation never ends');
    const start = Date.now();
    const before = { sts: sts.calls().length, issued: issuedKeys.length, calls: [redshift, ssm, lambda].map((m) => m.calls().length) };
    let settled = false;
    const done = handler(queue.shift()!, {
      invokedFunctionArn: FUNCTION_ARN,
      getRemainingTimeInMillis: () => start + FUNCTION_TIMEOUT_MS - Date.now(),
    }).finally(() => { settled = true; });
    while (!settled) {
      // Lambda stops an invocation at its timeout.
      if (Date.now() >= start + FUNCTION_TIMEOUT_MS) throw new Error(`invocation ${runs.length + 1} ran past the function's timeout`);
      await jest.advanceTimersByTimeAsync(1_000);
    }
    await done;
    // Nothing is left running when the invocation returns (Lambda freezes it).
    expect(jest.getTimerCount()).toBe(0);
    const calls = [
      ...redshift.calls().slice(before.calls[0]), ...ssm.calls().slice(before.calls[1]), ...lambda.calls().slice(before.calls[2]),
    ];
    runs.push({
      start,
      assumed: sts.commandCalls(AssumeRoleCommand).slice(before.sts).map((c) => c.args[0].input.RoleArn!),
      issued: issuedKeys.slice(before.issued),
      used: await Promise.all(calls.map(accessKeyOf)),
    });
  }
  return runs;
}

/** The payloads of the self-invocations, checked to be asynchronous invocations of the function itself. */
function continuations(): Invocation[] {
  return lambda.commandCalls(InvokeCommand).map((c) => {
    expect(c.args[0].input).toEqual(expect.objectContaining({ FunctionName: FUNCTION_ARN, InvocationType: 'Event' }));
    return JSON.parse(Buffer.from(c.args[0].input.Payload as Uint8Array).toString());
  });
}

/** Every invocation assumed the access role once, and made every call with what that gave it. */
function expectAccessRoleOnly(runs: Run[]) {
  for (const run of runs) {
    expect(run.assumed).toEqual([ACCESS_ROLE]);
    expect(run.used.length).toBeGreaterThan(0);
    expect(new Set(run.used)).toEqual(new Set(run.issued));
  }
}

const lambdaEnv = { AWS_ACCESS_KEY_ID: 'AKIAFUNCTIONSOWNROLE', AWS_SECRET_ACCESS_KEY: 'own', AWS_SESSION_TOKEN: 'own' };
const savedEnv = { ...process.env };
beforeAll(() => { Object.assign(process.env, lambdaEnv); }); // the function's own credentials, as Lambda sets them
afterAll(() => { process.env = savedEnv; });

beforeEach(() => {
  jest.useFakeTimers({ now: T0 });
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  [sts, redshift, ssm, lambda].forEach((m) => m.reset());
  puts = [];
  parameters = new Map();
  attached = [];
  issuedKeys = [];
  queue = [];
  sts.on(AssumeRoleCommand).callsFake(() => {
    issuedKeys.push(`ASIAACCESSROLE${issuedKeys.length + 1}`);
    return { Credentials: { AccessKeyId: issuedKeys[issuedKeys.length - 1], SecretAccessKey: 's', SessionToken: 't', Expiration: new Date(Date.now() + 3_600_000) } };
  });
  ssm.on(GetParametersByPathCommand).callsFake((input) => ({
    Parameters: [...parameters].filter(([name]) => name.startsWith(`${input.Path}/`)).map(([Name, Value]) => ({ Name, Value })),
  }));
  ssm.on(PutParameterCommand).callsFake((input) => { parameters.set(input.Name, input.Value); return {}; });
  ssm.on(DeleteParameterCommand).callsFake((input) => { parameters.delete(input.Name); return {}; });
  redshift.on(DescribeClustersCommand).callsFake(() => {
    const out = { Clusters: [{ ClusterIdentifier: 'my-cluster', ClusterStatus: Date.now() < busyUntil ? 'resizing' : 'available', IamRoles: attached }] };
    // A role shows `adding` on the first read after the change, `in-sync` after.
    attached = attached.map((r) => ({ ...r, ApplyStatus: 'in-sync' }));
    return out;
  });
  redshift.on(ModifyClusterIamRolesCommand).callsFake(async (input) => {
    if (Date.now() < busyUntil) throw Object.assign(new Error('The cluster is resizing'), { name: 'InvalidClusterStateFault' });
    attached = [...attached, ...(input.AddIamRoles ?? []).map((IamRoleArn: string) => ({ IamRoleArn, ApplyStatus: 'adding' }))];
    return {};
  });
  lambda.on(InvokeCommand).callsFake((input) => {
    queue.push(JSON.parse(Buffer.from(input.Payload).toString()));
    return { StatusCode: 202 };
  });
});

afterEach(() => { jest.useRealTimers(); });

test('a Create that waits out a long resize continues itself, keeps its clock, and answers once', async () => {
  // GIVEN a cluster that resizes for 6 minutes, twice the function's timeout
  busyUntil = T0 + 6 * 60_000;
  // WHEN CloudFormation sends the Create
  const runs = await deploy(createEvent('1200'));
  // THEN it continued itself at least twice, every time with the first start as its clock, counting
  const next = continuations();
  expect(next.length).toBeGreaterThanOrEqual(2);
  expect(runs).toHaveLength(next.length + 1);
  expect(runs[0].start).toBe(T0);
  expect(next).toEqual(next.map((_, i) => expect.objectContaining({ event: createEvent('1200'), startedAt: T0, continuations: i + 1 })));
  // AND it attached the role once the cluster was available, and waited for it to be in sync
  expect(redshift.commandCalls(ModifyClusterIamRolesCommand).map((c) => c.args[0].input.AddIamRoles)).toEqual([[COPY_ROLE]]);
  expect(attached).toEqual([{ IamRoleArn: COPY_ROLE, ApplyStatus: 'in-sync' }]);
  // AND CloudFormation got one response, SUCCESS, from the last invocation
  expect(puts.map((p) => p.response)).toEqual([expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: PHYSICAL_ID, RequestId: 'req-1' })]);
  expect(puts[0].at).toBeGreaterThanOrEqual(Math.max(busyUntil, runs[runs.length - 1].start));
  // AND every invocation assumed the access role, and acted with its credentials only
  expectAccessRoleOnly(runs);
});

test('a target busy past WaitTimeoutSeconds fails once, at the deadline kept across invocations', async () => {
  // GIVEN a cluster that never stops resizing, and a 5-minute wait
  busyUntil = Number.POSITIVE_INFINITY;
  // WHEN CloudFormation sends the Create
  const runs = await deploy(createEvent('300'));
  // THEN it continued itself at least twice, with the first start as its clock
  const next = continuations();
  expect(next.length).toBeGreaterThanOrEqual(2);
  expect(next).toEqual(next.map((_, i) => expect.objectContaining({ startedAt: T0, continuations: i + 1 })));
  // AND CloudFormation got one response, FAILED because it timed out, by the deadline (plus one poll)
  expect(puts.map((p) => p.response)).toEqual([expect.objectContaining({ Status: 'FAILED', PhysicalResourceId: PHYSICAL_ID, Reason: expect.stringMatching(/timed out/i) })]);
  expect(puts[0].at).toBeGreaterThanOrEqual(T0 + 300_000);
  expect(puts[0].at).toBeLessThanOrEqual(T0 + 300_000 + POLL_MS);
  expect(redshift.commandCalls(ModifyClusterIamRolesCommand)).toHaveLength(0);
  expectAccessRoleOnly(runs);
});

test.each([
  ['TooManyRequestsException', 'Rate Exceeded.', /TooManyRequestsException/],
  [
    'AccessDeniedException',
    `User: arn:aws:sts::${ACCOUNT}:assumed-role/MyStack-AttachAccessRole-ABC/cdk-redshift-iam-association is not authorized to perform: lambda:InvokeFunction on resource: ${FUNCTION_ARN}`,
    /AccessDeniedException|not authorized/,
  ],
])('when Lambda refuses the self-invocation (%s), CloudFormation is answered FAILED in the same invocation', async (name, message, reason) => {
  // GIVEN a cluster that stays busy past one invocation, and a self-invocation that always fails
  busyUntil = Number.POSITIVE_INFINITY;
  lambda.on(InvokeCommand).rejects(Object.assign(new Error(message), { name, $fault: 'client' }));
  // WHEN CloudFormation sends the Create
  const runs = await deploy(createEvent('1200'));
  // THEN it tried to continue, and did not: one invocation only
  expect(lambda.commandCalls(InvokeCommand).length).toBeGreaterThanOrEqual(1);
  expect(runs).toHaveLength(1);
  // AND that invocation answered FAILED, naming the error, before its time ran out
  expect(puts.map((p) => p.response)).toEqual([expect.objectContaining({ Status: 'FAILED', PhysicalResourceId: PHYSICAL_ID, Reason: expect.stringMatching(reason) })]);
  expect(puts[0].at).toBeLessThan(runs[0].start + FUNCTION_TIMEOUT_MS);
  expectAccessRoleOnly(runs);
});
