/**
 * `npx projen bench`: measures each path of the library on its own against its plain aws-cdk-lib
 * twin (bench/scenario.ts), in one process, in paired and interleaved runs: after a warm-up pair,
 * every round synthesizes the library variant and the plain one back to back, alternating which
 * goes first, and the report gives the median of the rounds' ratios and their spread. Prints and
 * writes BENCHMARKS.md. Not part of the tests: timings belong to a benchmark, not to assertions.
 *
 * Environment: BENCH_SIZES (default 200,500), BENCH_ROUNDS (default 7), BENCH_WARMUP (warm-up
 * pairs, default 1), BENCH_PATHS (default grants,grantsWithoutFlags,chains,associations,checks), BENCH_LIB (the
 * library to load, default lib/; `src` runs the TypeScript sources; BENCH_LIB_NOTE describes it in
 * the report), BENCH_OUT (the report's path,
 * default BENCHMARKS.md; `-` prints only).
 */
import { spawnSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import * as os from 'os';
import { join, relative } from 'path';
import { measure, Sample } from './measure';
import { LIBRARY_DIR, PathName, PATHS, Variant } from './scenario';

/** The aws-cdk-lib that the runs load. */
const CDK_VERSION: string = JSON.parse(readFileSync(require.resolve('aws-cdk-lib/package.json'), 'utf-8')).version;

const SIZES = (process.env.BENCH_SIZES ?? '200,500').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const SELECTED = (process.env.BENCH_PATHS ?? 'grants,grantsWithoutFlags,chains,associations,checks').split(',') as PathName[];
const OUT = process.env.BENCH_OUT ?? join(__dirname, '..', 'BENCHMARKS.md');
/** The issue 22 target for the grants path. */
const GRANTS_TARGET = 1.1;

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
function median(xs: number[]): number {
  const s = sorted(xs);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const f0 = (x: number) => x.toFixed(0);
const f2 = (x: number) => x.toFixed(2);
const f1 = (x: number) => x.toFixed(1);

interface Result {
  readonly path: PathName;
  readonly units: number;
  readonly library: Sample[];
  readonly plain: Sample[];
  /** library / plain wall-clock time, per round. */
  readonly ratios: number[];
  /** library / plain CPU time, per round. */
  readonly cpuRatios: number[];
}

function run(path: PathName, units: number): Result {
  const spec = PATHS[path];
  const once = (variant: Variant) => measure(spec, variant, units);
  for (let w = 0; w < WARMUP; w++) {
    once('library');
    once('plain');
  }
  const library: Sample[] = [];
  const plain: Sample[] = [];
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate which variant goes first, so that neither always runs on a warmer heap.
    const [a, b]: Variant[] = r % 2 === 0 ? ['library', 'plain'] : ['plain', 'library'];
    const first = once(a);
    const second = once(b);
    const lib = a === 'library' ? first : second;
    const pln = a === 'library' ? second : first;
    library.push(lib);
    plain.push(pln);
    ratios.push(lib.totalMs / pln.totalMs);
    cpuRatios.push(lib.cpuMs / pln.cpuMs);
  }
  return { path, units, library, plain, ratios, cpuRatios };
}

function describe(result: Result): string {
  const lib = median(result.library.map((s) => s.totalMs));
  const pln = median(result.plain.map((s) => s.totalMs));
  const s = sorted(result.ratios);
  const c = sorted(result.cpuRatios);
  return `${result.path} N=${result.units}: ${f0(lib)} ms vs ${f0(pln)} ms, ratio median ${f2(median(s))} (min ${f2(s[0])}, max ${f2(s[s.length - 1])}), `
    + `CPU ratio ${f2(median(c))} (${f2(c[0])}–${f2(c[c.length - 1])}), `
    + `heap ${f1(median(result.library.map((x) => x.heapMb)))} vs ${f1(median(result.plain.map((x) => x.heapMb)))} MB, `
    + `template ${result.library[0].templateBytes} vs ${result.plain[0].templateBytes} bytes`;
}

function row(result: Result): string {
  const m = (xs: Sample[], k: keyof Sample) => median(xs.map((x) => x[k] as number));
  const lib = result.library[0];
  const pln = result.plain[0];
  const s = sorted(result.ratios);
  const c = sorted(result.cpuRatios);
  const heapL = m(result.library, 'heapMb');
  const heapP = m(result.plain, 'heapMb');
  return `| ${result.units} | ${lib.stacks} | ${f0(m(result.library, 'totalMs'))} / ${f0(m(result.plain, 'totalMs'))} `
    + `| **${f2(median(s))}** | ${f2(s[0])}–${f2(s[s.length - 1])} `
    + `| ${f0(m(result.library, 'cpuMs'))} / ${f0(m(result.plain, 'cpuMs'))} | **${f2(median(c))}** | ${f2(c[0])}–${f2(c[c.length - 1])} `
    + `| ${f0(m(result.library, 'buildMs'))} / ${f0(m(result.plain, 'buildMs'))} | ${f0(m(result.library, 'synthMs'))} / ${f0(m(result.plain, 'synthMs'))} `
    + `| ${f1(heapL)} / ${f1(heapP)} (${f2(heapL / heapP)}) `
    + `| ${lib.templateBytes} / ${pln.templateBytes} (${f2(lib.templateBytes / pln.templateBytes)}) | ${lib.resources} / ${pln.resources} |`;
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf-8').split('\n').find((l) => l.startsWith('model name'));
    if (line) return line.slice(line.indexOf(':') + 1).trim();
  } catch {
    // not Linux
  }
  return os.cpus()[0]?.model ?? 'unknown CPU';
}

function git(...args: string[]): string {
  const result = spawnSync('git', args, { cwd: join(__dirname, '..'), encoding: 'utf-8' });
  return result.status === 0 ? result.stdout.trim() : '';
}

function librarySource(): string {
  if (process.env.BENCH_LIB_NOTE) return process.env.BENCH_LIB_NOTE;
  const where = relative(join(__dirname, '..'), LIBRARY_DIR) || '.';
  const head = git('rev-parse', '--short', 'HEAD');
  const dirty = git('status', '--porcelain', '--', 'src').split('\n').filter((l) => l.trim() !== '').length;
  return `\`${where.startsWith('..') ? LIBRARY_DIR : where}\`, built from commit ${head || 'unknown'}`
    + (dirty > 0 ? ` with ${dirty} uncommitted file(s) under src/` : '');
}

const results: Result[] = [];
const started = Date.now();
const loadBefore = os.loadavg()[0];
for (const path of SELECTED) {
  if (!PATHS[path]) throw new Error(`BENCH_PATHS: unknown path '${path}' (known: ${Object.keys(PATHS).join(', ')})`);
  for (const units of SIZES) {
    const result = run(path, units);
    results.push(result);
    console.log(describe(result));
  }
}
const minutes = (Date.now() - started) / 60_000;
const loadAfter = os.loadavg()[0];

const checks: string[] = [];
for (const r of results.filter((x) => x.path === 'grants' || x.path === 'grantsWithoutFlags')) {
  const ratio = median(r.ratios);
  const cpu = median(r.cpuRatios);
  // Met only when both measures are: the wall-clock ratio moves with the machine's load.
  const met = ratio <= GRANTS_TARGET && cpu <= GRANTS_TARGET;
  const app = r.path === 'grants' ? 'in a new project\'s app' : 'in an app without feature flags';
  checks.push(`- roles and grants ${app} at N=${r.units}: ${f2(ratio)} x plain in wall-clock time, ${f2(cpu)} x in CPU time `
    + `(issue 22 target <= ${f2(GRANTS_TARGET)} in both): ${met ? 'met' : '**NOT met**'}`);
}
for (const r of results) {
  const types = (x: Sample) => JSON.stringify(Object.entries(x.resourceTypes).sort());
  if (types(r.library[0]) !== types(r.plain[0])) {
    checks.push(`- **the twins of \`${r.path}\` at N=${r.units} write different resources**: ${types(r.library[0])} vs ${types(r.plain[0])}`);
  }
}
for (const r of results.filter((x) => x.path === 'associations')) {
  const lib = r.library[0];
  checks.push(`- association handler functions per stack at N=${r.units}: ${lib.handlersPerStack} (target: one): ${lib.handlersPerStack === 1 ? 'met' : '**NOT met**'}`);
  checks.push(`- fixed association resources per stack at N=${r.units}: ${lib.handlerResourcesPerStack} (target: at most 4): ${lib.handlerResourcesPerStack <= 4 ? 'met' : '**NOT met**'}`);
}
checks.forEach((c) => console.log(c));

const sections = SELECTED.map((name) => {
  const spec = PATHS[name];
  const rows = results.filter((r) => r.path === name).map(row);
  return `## ${spec.title} (\`${name}\`)

- library: ${spec.variants.library}
- plain: ${spec.variants.plain}
- ${spec.unitsPerStack} units per stack

| N | stacks | wall ms | wall ratio | wall spread | CPU ms | CPU ratio | CPU spread | build ms | synth ms | heap MB (ratio) | template bytes (ratio) | resources |
|---|---|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`;
});

const report = `# Benchmarks

Generated by \`npx projen bench\` (bench/bench.ts) on ${new Date().toISOString().slice(0, 10)}; do not edit by hand.

Each path of the library is measured on its own against a plain aws-cdk-lib twin that writes the
same template by hand (bench/scenario.ts), so that the ratio is the library's own cost on that path.
All runs are in one Node.js process: per path and N, ${WARMUP} warm-up pair(s), then ${ROUNDS} rounds of one
library run and one plain run back to back, alternating which goes first. A run builds the app and
calls \`app.synth()\` (into a temporary directory); **wall ms** is its median wall-clock time over the rounds,
**wall ratio** the median of the ${ROUNDS} per-round ratios library / plain, **wall spread** their min–max; **CPU**
is the same for the process's CPU time (user + system, all threads). **build ms** is the construct
tree (constructors and grants), **synth ms** is \`app.synth()\` (Aspects, validation, resolving,
writing). **heap MB** is what the synthesized app and its assembly hold after a full GC. Each cell
is library / plain; for \`checks\`, with the Aspect / without it.

The apps have the feature flags of a new project (aws-cdk-lib's recommended flags, which \`cdk init\`
writes into cdk.json), except \`grantsWithoutFlags\`, the \`grants\` workload in an app without them
(partition literals aside), as a project made before aws-cdk-lib 2.18 is. The flag that matters
here is \`@aws-cdk/aws-iam:minimizePolicies\`: the library's policies and plain \`iam.Role\`'s are
minimized with it and written as they are without it, on both sides alike.

Machine: ${os.availableParallelism?.() ?? os.cpus().length} CPUs (nproc), ${cpuModel()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()};
Node.js ${process.version}; aws-cdk-lib ${CDK_VERSION}. Library: ${librarySource()}.
The whole run took ${minutes.toFixed(1)} minutes; the 1-minute load average was ${loadBefore.toFixed(1)} before it and
${loadAfter.toFixed(1)} after it (above the CPU count, other processes competed for the CPUs: the wall-clock
figures then vary from run to run, and the CPU-time ratio, the process's own user + system time, is the steadier one).

${sections.join('\n')}
The twins write the same resources with the same properties (checked by resource type on every run,
and by diffing the templates with logical IDs masked): they differ only in logical IDs and construct
paths (\`AccessPolicy\` vs \`DefaultPolicy\`; the library's association resources sit one level deeper and
their access role's ID holds a hash), hence the small differences in template bytes. cdk-nag
acknowledgements go to the cloud assembly's metadata, not the templates. \`checks\` synthesizes one
app twice: the Aspect adds no resources.

Targets:

${checks.join('\n')}
- at most 10 roles per ModifyClusterIamRoles call (the API's limit), calls one after the other: proved by
  test/association-handler/handler.test.ts ("more than 10 roles go in calls of at most 10").

Reproduce with \`npx projen bench\` (\`BENCH_SIZES=200 BENCH_ROUNDS=3 BENCH_PATHS=grants npx projen bench\` for a
quick run). Profile one path with bench/synth-one.ts and summarize with bench/profile-report.ts
(see their comments).
`;
if (OUT !== '-') {
  writeFileSync(OUT, report);
  console.log(`\nWrote ${OUT}`);
}
