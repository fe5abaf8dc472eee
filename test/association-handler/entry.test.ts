import { EventEmitter } from 'events';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { DescribeClustersCommand, RedshiftClient } from '@aws-sdk/client-redshift';
import { GetParametersByPathCommand, SSMClient } from '@aws-sdk/client-ssm';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../src/association-handler/association.lambda';

/** Every PUT to the response URL, answered 200. */
let puts: { url: string; options: any; body: string }[] = [];
jest.mock('https', () => ({
  ...jest.requireActual('https'),
  request: (url: string, options: any, callback: (res: any) => void) => {
    const request = new EventEmitter() as any;
    request.setTimeout = () => request;
    request.end = (body: string) => {
      puts.push({ url, options, body });
      const res = new EventEmitter() as any;
      res.statusCode = 200;
      res.resume = () => undefined;
      callback(res);
      res.emit('end');
    };
    return request;
  },
}));

/**
 * The Lambda entry point: it assumes the association's access role, acts with those credentials,
 * PUTs the response to CloudFormation's pre-signed URL, and continues itself by invoking its own ARN.
 */

const sts = mockClient(STSClient);
const redshift = mockClient(RedshiftClient);
const ssm = mockClient(SSMClient);
const lambda = mockClient(LambdaClient);

const ACCESS_ROLE = 'arn:aws:iam::123456789012:role/MyStack-AttachAccessRole-ABC';
const FUNCTION_ARN = 'arn:aws:lambda:us-west-2:123456789012:function:MyStack-Handler';
const event = {
  RequestType: 'Delete',
  RequestId: 'req-9',
  ResponseURL: 'https://cloudformation-custom-resource-response-uswest2.s3.amazonaws.com/arn?X-Amz-Signature=abc',
  StackId: 'arn:aws:cloudformation:us-west-2:123456789012:stack/MyStack/0f1e2d3c',
  LogicalResourceId: 'Attach1234',
  PhysicalResourceId: '/cdk-redshift-iam/cluster/my-cluster/MyStack/Attach1234#MyStack-AttachAccessRole-ABC',
  ResourceProperties: { Target: 'cluster', Name: 'my-cluster', RoleArns: [], AccessRoleArn: ACCESS_ROLE, WaitTimeoutSeconds: '600' },
} as any;

beforeEach(() => {
  [sts, redshift, ssm, lambda].forEach((m) => m.reset());
  puts = [];
  sts.on(AssumeRoleCommand).resolves({ Credentials: { AccessKeyId: 'AK', SecretAccessKey: 'SK', SessionToken: 'ST', Expiration: new Date(Date.now() + 3600_000) } });
});

test('assumes the access role, answers with a PUT to the pre-signed URL', async () => {
  // GIVEN no record: nothing of the association is attached
  ssm.on(GetParametersByPathCommand).resolves({ Parameters: [] });
  // WHEN
  await handler(event, { invokedFunctionArn: FUNCTION_ARN, getRemainingTimeInMillis: () => 600_000 });
  // THEN
  expect(sts.commandCalls(AssumeRoleCommand)[0].args[0].input).toEqual(expect.objectContaining({ RoleArn: ACCESS_ROLE }));
  const credentials = await (ssm.commandCalls(GetParametersByPathCommand)[0].thisValue as any).config.credentials();
  expect(credentials.accessKeyId).toBe('AK');
  expect(puts).toHaveLength(1);
  expect(puts[0].url).toBe(event.ResponseURL);
  expect(puts[0].options).toEqual({ method: 'PUT', headers: { 'content-type': '', 'content-length': Buffer.byteLength(puts[0].body) } });
  expect(JSON.parse(puts[0].body)).toEqual({
    Status: 'SUCCESS', PhysicalResourceId: event.PhysicalResourceId, StackId: event.StackId, RequestId: 'req-9', LogicalResourceId: 'Attach1234', Reason: 'OK',
  });
});

test('near the end of its time, it invokes itself asynchronously with the same request and clock', async () => {
  ssm.on(GetParametersByPathCommand).resolves({
    Parameters: [{ Name: '/cdk-redshift-iam/cluster/my-cluster/MyStack/Attach1234', Value: JSON.stringify({ v: 1, listed: [], owned: ['arn:aws:iam::123456789012:role/copy'], released: true }) }],
  });
  redshift.on(DescribeClustersCommand).resolves({ Clusters: [{ ClusterIdentifier: 'my-cluster', ClusterStatus: 'resizing', IamRoles: [] }] });
  lambda.on(InvokeCommand).resolves({});
  await handler({ event, startedAt: Date.now() } as any, { invokedFunctionArn: FUNCTION_ARN, getRemainingTimeInMillis: () => 60_000 });
  const invoke = lambda.commandCalls(InvokeCommand)[0].args[0].input;
  expect(invoke.FunctionName).toBe(FUNCTION_ARN);
  expect(invoke.InvocationType).toBe('Event');
  expect(JSON.parse(Buffer.from(invoke.Payload as Uint8Array).toString())).toEqual(expect.objectContaining({ event, continuations: 1 }));
  expect(puts).toEqual([]);
});
