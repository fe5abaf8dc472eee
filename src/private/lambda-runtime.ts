import { aws_lambda as lambda } from 'aws-cdk-lib';

/** The oldest runtime the association handler may get: the one it is built and tested for. */
const FLOOR = lambda.Runtime.NODEJS_24_X;

/**
 * The newest Node.js runtime that the aws-cdk-lib in use knows (`lambda.Runtime.ALL`), and never one
 * older than Node.js 24.
 *
 * aws-cdk-lib adds a runtime when Lambda releases it, and Lambda blocks function creation only on
 * deprecated runtimes ("Lambda runtimes", Runtime deprecation policy), so the newest one a release
 * knows is one Lambda accepts for new functions. cdk-nag's AwsSolutions-L1 asks for exactly this
 * runtime: it compares a function's runtime with the newest of its family in `lambda.Runtime.ALL` of
 * the same aws-cdk-lib. A runtime fixed when this library was built would fail that check as soon
 * as a user moves to an aws-cdk-lib release that knows a newer one.
 */
export function newestNodeRuntime(): lambda.Runtime {
  let newest = FLOOR;
  for (const runtime of lambda.Runtime.ALL) {
    // Fixed versions only: NODEJS_LATEST ("isVariable") names one of them and moves between releases.
    if (runtime.family !== lambda.RuntimeFamily.NODEJS || runtime.isVariable) continue;
    if (nodeVersion(runtime) > nodeVersion(newest)) newest = runtime;
  }
  return newest;
}

/** `nodejs24.x` -> 24; a name of another form (`nodejs`, `nodejs4.3`) counts as older than any. */
export function nodeVersion(runtime: lambda.Runtime): number {
  const match = /^nodejs(\d+)\.x$/.exec(runtime.name);
  return match ? Number(match[1]) : 0;
}
