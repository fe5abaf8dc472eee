/**
 * `npx projen bench`: synthesizes the same workload with this library and with plain aws-cdk-lib,
 * for N = 1, 10, 100 and 500 units, each measurement in a fresh process, and prints and writes
 * (BENCHMARKS.md) synth time, peak memory, template bytes, resource and Lambda counts, and the
 * ratio library / plain. Not part of the tests: timings belong to a benchmark, not to assertions.
 */
import { spawnSync } from 'child_process';
import { writeFileSync } from 'fs';
import * as os from 'os';
import { join } from 'path';

interface Sample {
  variant: string;
  units: number;
  stacks: number;
  synthMs: number;
  peakRssMb: number;
  templateBytes: number;
  resources: number;
  lambdas: number;
  handlersPerStack: number;
  handlerResourcesPerStack: number;
}

const SIZES = (process.env.BENCH_SIZES ?? '1,10,100,500').split(',').map(Number);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);

function measure(variant: string, units: number): Sample {
  const result = spawnSync(process.execPath, [
    '-r', 'ts-node/register/transpile-only', join(__dirname, 'synth-one.ts'), variant, String(units),
  ], { encoding: 'utf-8', env: { ...process.env, TS_NODE_PROJECT: join(__dirname, 'tsconfig.json') }, maxBuffer: 16 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${variant} N=${units} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ratio = (a: number, b: number) => (a / b).toFixed(2);

const bytes: Array<{ units: number; lib: number; plain: number; stacks: number }> = [];
const rows: string[] = [];
const lines: string[] = [];
const checks: string[] = [];
for (const units of SIZES) {
  const runs: Record<string, Sample[]> = { library: [], plain: [] };
  for (let r = 0; r < REPEATS; r++) {
    // alternate the order so that neither variant always runs on a warmer machine
    for (const variant of r % 2 === 0 ? ['library', 'plain'] : ['plain', 'library']) {
      runs[variant].push(measure(variant, units));
    }
  }
  const lib = runs.library[0];
  const plain = runs.plain[0];
  const libMs = median(runs.library.map((s) => s.synthMs));
  const plainMs = median(runs.plain.map((s) => s.synthMs));
  const libMb = Math.max(...runs.library.map((s) => s.peakRssMb));
  const plainMb = Math.max(...runs.plain.map((s) => s.peakRssMb));
  rows.push(`| ${units} | ${lib.stacks} | ${libMs.toFixed(0)} / ${plainMs.toFixed(0)} | **${ratio(libMs, plainMs)}** `
    + `| ${libMb.toFixed(0)} / ${plainMb.toFixed(0)} | ${ratio(libMb, plainMb)} `
    + `| ${lib.templateBytes} / ${plain.templateBytes} | **${ratio(lib.templateBytes, plain.templateBytes)}** `
    + `| ${lib.resources} / ${plain.resources} | ${lib.lambdas} / ${plain.lambdas} | ${lib.handlersPerStack} |`);
  lines.push(`N=${units}: synth ${libMs.toFixed(0)} ms vs ${plainMs.toFixed(0)} ms (x${ratio(libMs, plainMs)}), `
    + `peak RSS ${libMb.toFixed(0)} vs ${plainMb.toFixed(0)} MB, template ${lib.templateBytes} vs ${plain.templateBytes} bytes `
    + `(x${ratio(lib.templateBytes, plain.templateBytes)}), resources ${lib.resources} vs ${plain.resources}, Lambdas ${lib.lambdas} vs ${plain.lambdas}`);
  if (units === 500) {
    checks.push(`- synth-time ratio at N=500: ${ratio(libMs, plainMs)} (target <= 1.2): ${libMs / plainMs <= 1.2 ? 'met' : 'NOT met'}`);
  }
  checks.push(`- template bytes at N=${units}: ${ratio(lib.templateBytes, plain.templateBytes)} x plain (target <= 1): ${lib.templateBytes <= plain.templateBytes ? 'met' : 'NOT met'}`);
  checks.push(`- association handler functions per stack at N=${units}: ${lib.handlersPerStack} (target: one): ${lib.handlersPerStack === 1 ? 'met' : 'NOT met'}`);
  checks.push(`- fixed association resources per stack at N=${units}: ${lib.handlerResourcesPerStack} (target: at most 4): ${lib.handlerResourcesPerStack <= 4 ? 'met' : 'NOT met'}`);
  bytes.push({ units, lib: lib.templateBytes, plain: plain.templateBytes, stacks: lib.stacks });
}
// Fixed (per stack) and per-unit template bytes, from the two smallest single-stack sizes.
let explanation = '';
const single = bytes.filter((b) => b.stacks === 1);
if (single.length >= 2) {
  const [a, b] = single;
  const perUnit = (x: number, y: number) => (y - x) / (b.units - a.units);
  const libUnit = perUnit(a.lib, b.lib);
  const plainUnit = perUnit(a.plain, b.plain);
  const libFixed = a.lib - libUnit * a.units;
  const plainFixed = a.plain - plainUnit * a.units;
  const breakEven = (libFixed - plainFixed) / (plainUnit - libUnit);
  explanation = `Template bytes: each unit costs about ${libUnit.toFixed(0)} bytes with the library and ${plainUnit.toFixed(0)} bytes plain, `
    + `but each library stack also carries about ${(libFixed - plainFixed).toFixed(0)} bytes more of fixed parts (the association handler's `
    + 'function, role, log group and invoke settings: 4 resources; each association adds its custom resource and its own access role). '
    + (breakEven > 0 && libUnit < plainUnit
      ? `The library's templates are the smaller from about ${Math.ceil(breakEven)} units per stack on.`
      : 'So the template-bytes target is not met, on purpose: the per-unit difference is the association\'s own access role '
        + '(about 1.4 KB: the cluster, PassRole on its roles, its ownership records, self-invoke), which the plain version does without '
        + 'because its AwsCustomResource keeps no ownership and shares nothing. That role is what lets a removed, replaced or rolled-back '
        + 'association still detach exactly its own roles (README, "Associations: guarantees").');
}
lines.forEach((l) => console.log(l));
checks.forEach((c) => console.log(c));

const cpu = os.cpus();
const report = `# Benchmarks

Generated by \`npx projen bench\` (bench/bench.ts) on ${new Date().toISOString().slice(0, 10)}; do not edit by hand.

The workload: N units, each a Redshift role with COPY and UNLOAD grants, a chained role it assumes
(with a COPY grant of its own), and an association that attaches the first role to a cluster;
${80} units per stack, so every stack stays under CloudFormation's 500 resources. The same
workload is written twice: with this library, and with plain aws-cdk-lib (iam.Role with
hand-written statements, and one \`AwsCustomResource\` per association calling
ModifyClusterIamRoles). Each figure comes from a fresh Node.js process that builds the app and
runs \`app.synth()\`; synth time is the median of ${REPEATS} runs, peak memory the largest peak RSS
(the process's whole resident memory, Node.js included).

Machine: ${cpu.length} x ${cpu[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node.js ${process.version}.

Each cell is library / plain.

| N | stacks | synth ms | ratio | peak RSS MB | ratio | template bytes | ratio | resources | Lambda functions | Lambdas per stack (library) |
|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

${explanation}

Targets:

${checks.join('\n')}
- at most 10 roles per ModifyClusterIamRoles call (the API's limit), calls one after the other: proved by
  test/association-handler/handler.test.ts ("more than 10 roles go in calls of at most 10").

Reproduce with \`npx projen bench\` (\`BENCH_SIZES=1,10 BENCH_REPEATS=1 npx projen bench\` for a quick run).
`;
writeFileSync(join(__dirname, '..', 'BENCHMARKS.md'), report);
console.log('\nWrote BENCHMARKS.md');
