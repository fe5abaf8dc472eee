/**
 * What each call of the grant path costs, in microseconds, next to the plain aws-cdk-lib code that
 * writes the same statements: where bench/bench.ts gives one ratio per path, this says which call
 * the library's extra time is in.
 *
 *   BENCH_LIB=lib npx ts-node --project bench/tsconfig.json --transpile-only bench/calls.ts [CALLS] [ROUNDS]
 *
 * For each pair, every round makes CALLS fresh roles (and buckets) in a new app, then times only
 * the call under test on each of them; it prints the median over ROUNDS (default 500 calls, 11
 * rounds, the two sides alternating) of the time per call. A garbage collection that falls into
 * one round moves a figure by tens of µs: read the differences of a few runs, not of one. Like bench.ts, it runs as a compiled app does (no source-map hook;
 * see measure.ts) with partition literals on, so that ARNs are literal text. aws-cdk-lib's token
 * map keeps every app of the process alive (tens of kB per role, on both sides), so the counts stay
 * small enough for the default heap.
 */
import { App, ArnFormat, Stack, aws_iam as iam, aws_s3 as s3 } from 'aws-cdk-lib';
import './measure'; // removes ts-node's source-map hook, as bench.ts runs
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lib = require(require('path').resolve(process.env.BENCH_LIB ?? 'lib'));

const CALLS = Number(process.argv[2] ?? 500);
const ROUNDS = Number(process.argv[3] ?? 11);

/** Microseconds per call of what `prepare` returns, each call on its own fresh objects, in a new app. */
function oneRound(prepare: (stack: Stack, i: number) => () => void): number {
  const app = new App({ context: { '@aws-cdk/core:enablePartitionLiterals': true } });
  const stack = new Stack(app, 'Calls', { env: { account: '111111111111', region: 'us-east-1' } });
  const calls = Array.from({ length: CALLS }, (_, i) => prepare(stack, i));
  const started = process.hrtime.bigint();
  for (const call of calls) call();
  return Number(process.hrtime.bigint() - started) / 1000 / CALLS;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const bucket = (stack: Stack, i: number) => s3.Bucket.fromBucketName(stack, `Data${i}`, `company-data-${i}`);
const plainRole = (stack: Stack, i: number) => new iam.Role(stack, `Role${i}`, { assumedBy: new iam.ServicePrincipal('redshift.amazonaws.com') });
const libraryRole = (stack: Stack, i: number) => new lib.RedshiftServiceRole(stack, `Role${i}`);
const statement = (actions: string[], resource: string, conditions?: Record<string, unknown>) =>
  new iam.PolicyStatement({ actions, resources: [resource], conditions });

/** The calls of bench/scenario.ts's grants path, each with its plain twin. */
const PAIRS: Array<{ name: string; library: (stack: Stack, i: number) => () => void; plain: (stack: Stack, i: number) => () => void }> = [
  {
    name: 'the role, restricted to one database user',
    library: (stack, i) => () => new lib.RedshiftServiceRole(stack, `Role${i}`, { databaseUsers: [lib.DatabaseUser.inCluster('analytics', `loader${i}`)] }),
    plain: (stack, i) => () => {
      const user = stack.formatArn({ service: 'redshift', resource: 'dbuser', resourceName: `analytics/loader${i}`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
      new iam.Role(stack, `Role${i}`, { assumedBy: new iam.ServicePrincipal('redshift.amazonaws.com').withConditions({ StringEquals: { 'sts:ExternalId': user } }) });
    },
  },
  {
    name: 'the first grant (creates the policy): COPY',
    library: (stack, i) => { const role = libraryRole(stack, i); const data = bucket(stack, i); return () => role.allowCopyFrom(data, { keyPrefix: 'in/' }); },
    plain: (stack, i) => {
      const role = plainRole(stack, i);
      const data = bucket(stack, i);
      return () => {
        role.addToPrincipalPolicy(statement(['s3:ListBucket'], data.bucketArn, { StringLike: { 's3:prefix': ['in/*'] } }));
        role.addToPrincipalPolicy(statement(['s3:GetObject'], data.arnForObjects('in/*')));
      };
    },
  },
  {
    name: 'a second grant: UNLOAD',
    library: (stack, i) => { const role = libraryRole(stack, i); const data = bucket(stack, i); role.allowCopyFrom(data, { keyPrefix: 'in/' }); return () => role.allowUnloadTo(data, { keyPrefix: 'out/' }); },
    plain: (stack, i) => {
      const role = plainRole(stack, i);
      const data = bucket(stack, i);
      role.addToPrincipalPolicy(statement(['s3:ListBucket'], data.bucketArn, { StringLike: { 's3:prefix': ['in/*', 'out/*'] } }));
      role.addToPrincipalPolicy(statement(['s3:GetObject'], data.arnForObjects('in/*')));
      return () => role.addToPrincipalPolicy(statement(['s3:GetObject', 's3:PutObject'], data.arnForObjects('out/*')));
    },
  },
  {
    name: 'one statement added to a role that has a policy',
    library: (stack, i) => { const role = libraryRole(stack, i); role.addToPrincipalPolicy(statement(['sqs:SendMessage'], `arn:aws:sqs:us-east-1:111111111111:q${i}`)); return () => role.addToPrincipalPolicy(statement(['sns:Publish'], `arn:aws:sns:us-east-1:111111111111:t${i}`)); },
    plain: (stack, i) => { const role = plainRole(stack, i); role.addToPrincipalPolicy(statement(['sqs:SendMessage'], `arn:aws:sqs:us-east-1:111111111111:q${i}`)); return () => role.addToPrincipalPolicy(statement(['sns:Publish'], `arn:aws:sns:us-east-1:111111111111:t${i}`)); },
  },
];

console.log(`Microseconds per call, median of ${ROUNDS} rounds of ${CALLS} calls (library / plain, and the difference):`);
for (const pair of PAIRS) {
  oneRound(pair.library); // warm up both
  oneRound(pair.plain);
  const library: number[] = [];
  const plain: number[] = [];
  // Rounds alternate which side goes first, as bench.ts does: the heap the process keeps grows.
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? ['library', 'plain'] as const : ['plain', 'library'] as const;
    for (const side of order) (side === 'library' ? library : plain).push(oneRound(pair[side]));
  }
  const [l, p] = [median(library), median(plain)];
  console.log(`- ${pair.name}: ${l.toFixed(1)} / ${p.toFixed(1)} µs, +${(l - p).toFixed(1)} µs (${(l / p).toFixed(2)}x)`);
}
