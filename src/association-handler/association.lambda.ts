/* eslint-disable import/no-extraneous-dependencies */
import * as https from 'https';
import { InvocationType, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { RedshiftClient } from '@aws-sdk/client-redshift';
import { RedshiftServerlessClient } from '@aws-sdk/client-redshift-serverless';
import { SSMClient } from '@aws-sdk/client-ssm';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { clusterBackend, namespaceBackend, parameterStore } from './backends';
import { handle, HandlerDeps, Invocation, Session } from './handler';
import { CustomResourceEvent, CustomResourceResponse } from './types';

/**
 * The Lambda entry point: the production clients, clock and responder around `handle()`.
 * CloudFormation invokes it with a custom resource request; it invokes itself with an `Invocation`
 * to continue a long operation.
 */

const clientConfig = { maxAttempts: 3 };
const sts = new STSClient(clientConfig);

interface LambdaContext {
  readonly invokedFunctionArn: string;
  getRemainingTimeInMillis(): number;
}

export async function handler(input: CustomResourceEvent | Invocation, context: LambdaContext): Promise<void> {
  const invocation: Invocation = 'event' in input ? input : { event: input };
  const deps: HandlerDeps = {
    connect: (accessRoleArn) => connect(accessRoleArn, context.invokedFunctionArn),
    respond: putResponse,
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
    remainingMs: () => context.getRemainingTimeInMillis(),
    log: (entry) => console.log(JSON.stringify(entry)),
  };
  await handle(invocation, deps);
}

/**
 * Assumes the association's access role (its trust names this function's role) and returns clients
 * that act with its permissions only. A role that is not assumable yet (created seconds ago) is
 * tried again by the handler (retry.ts).
 */
async function connect(accessRoleArn: string, functionArn: string): Promise<Session> {
  const out = await sts.send(new AssumeRoleCommand({ RoleArn: accessRoleArn, RoleSessionName: 'cdk-redshift-iam-association', DurationSeconds: 3600 }));
  const c = out.Credentials!;
  const credentials = { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken!, expiration: c.Expiration };
  const config = { ...clientConfig, credentials };
  const redshift = new RedshiftClient(config);
  const serverless = new RedshiftServerlessClient(config);
  const lambda = new LambdaClient(config);
  return {
    backendFor: (kind, name) => (kind === 'namespace' ? namespaceBackend(serverless, name) : clusterBackend(redshift, name)),
    store: parameterStore(new SSMClient(config)),
    continueLater: async (next) => {
      await lambda.send(new InvokeCommand({
        FunctionName: functionArn,
        InvocationType: InvocationType.Event,
        Payload: Buffer.from(JSON.stringify(next)),
      }));
    },
  };
}

/** PUTs the response to the pre-signed S3 URL, trying again on network errors. */
async function putResponse(url: string, response: CustomResourceResponse): Promise<void> {
  const body = JSON.stringify(response);
  for (let attempt = 1; ; attempt++) {
    try {
      await new Promise<void>((resolve, reject) => {
        const request = https.request(url, {
          method: 'PUT',
          headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) },
        }, (res) => {
          res.resume();
          res.on('end', () => ((res.statusCode ?? 500) < 300 ? resolve() : reject(new Error(`ResponseURL answered ${res.statusCode}`))));
        });
        request.on('error', reject);
        // A connection that hangs must not use up the invocation: give up, and try again.
        request.setTimeout(20_000, () => request.destroy(new Error('ResponseURL did not answer in 20 seconds')));
        request.end(body);
      });
      return;
    } catch (e) {
      if (attempt >= 5) throw e;
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
    }
  }
}
