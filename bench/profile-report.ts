/**
 * Summarizes a V8 CPU profile (.cpuprofile, from bench/synth-one.ts or `node --cpu-prof`):
 *
 *   npx ts-node --project bench/tsconfig.json --transpile-only bench/profile-report.ts PROFILE [--vs PLAIN_PROFILE] [--top N] [--lib DIR]
 *
 * Shares are of the measured region: the inclusive time of the benchmark's `buildApp` and of
 * aws-cdk-lib's `synth` (App.synth). It prints the library's functions by inclusive time (their
 * own code and every aws-cdk-lib call they make; recursion counted once), the library's files by
 * inclusive time, and the aws-cdk-lib functions that run under a library frame (the core work the
 * library asks for: resolving, Tokens, metadata), then the top self time of the whole profile.
 * --lib (default BENCH_LIB, else lib) says which files are the library's.
 *
 * With --vs, the profile of the plain twin over the same number of runs: it also prints, per
 * function, the inclusive time of the library's profile minus the plain one's, largest first
 * (where the library's extra time goes, aws-cdk-lib's own functions included).
 */
import { readFileSync } from 'fs';
import { join, resolve } from 'path';

interface CallFrame { functionName: string; url: string; lineNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const TOP = Number(option('--top') ?? 25);
const plainFile = option('--vs');
const libraryDir = resolve(join(__dirname, '..'), option('--lib') ?? process.env.BENCH_LIB ?? 'lib');
const [file] = args;
if (!file) throw new Error('usage: profile-report.ts PROFILE [--vs PLAIN_PROFILE] [--top N] [--lib DIR]');

function path(url: string): string {
  return url.replace(/^file:\/\//, '');
}
function isLibrary(frame: CallFrame): boolean {
  return path(frame.url).startsWith(libraryDir + '/') && !path(frame.url).includes('/node_modules/');
}
function shortFile(url: string): string {
  const p = path(url);
  if (p === '') return '(native)';
  if (p.startsWith(libraryDir + '/')) return `lib/${p.slice(libraryDir.length + 1)}`;
  const nm = p.lastIndexOf('/node_modules/');
  if (nm >= 0) return p.slice(nm + '/node_modules/'.length);
  return p.replace(/^.*\/bench\//, 'bench/');
}
function key(frame: CallFrame): string {
  return `${frame.functionName || '(anonymous)'} ${shortFile(frame.url)}:${frame.lineNumber + 1}`;
}
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

interface Analysis {
  readonly totalUs: number;
  /** buildApp + App.synth, inclusive. */
  readonly measuredUs: number;
  readonly underLibraryUs: number;
  readonly inclusive: Map<string, number>;
  readonly selfByKey: Map<string, number>;
  readonly selfByFile: Map<string, number>;
  readonly libraryFileInclusive: Map<string, number>;
  /** Non-library functions, counted only below a library frame. */
  readonly underLibrary: Map<string, number>;
}

function analyze(profileFile: string): Analysis {
  const profile: Profile = JSON.parse(readFileSync(profileFile, 'utf-8'));
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  // Time of each sample: the delta to the next sample (the last one gets the mean).
  const self = new Map<number, number>();
  const mean = profile.timeDeltas.reduce((a, b) => a + b, 0) / Math.max(1, profile.timeDeltas.length);
  profile.samples.forEach((id, i) => {
    const us = i + 1 < profile.timeDeltas.length ? profile.timeDeltas[i + 1] : mean;
    self.set(id, (self.get(id) ?? 0) + us);
  });
  const a: Analysis = {
    totalUs: 0,
    measuredUs: 0,
    underLibraryUs: 0,
    inclusive: new Map(),
    selfByKey: new Map(),
    selfByFile: new Map(),
    libraryFileInclusive: new Map(),
    underLibrary: new Map(),
  };
  let totalUs = 0;
  let measuredUs = 0;
  let underLibraryUs = 0;
  for (const [id, us] of self) {
    totalUs += us;
    const leaf = byId.get(id)!;
    add(a.selfByKey, key(leaf.callFrame), us);
    add(a.selfByFile, shortFile(leaf.callFrame.url), us);
    const stack: CallFrame[] = [];
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) stack.push(byId.get(n)!.callFrame);
    const keys = new Set<string>();
    const files = new Set<string>();
    const below = new Set<string>();
    let libraryAbove = false;
    // From the root down: a non-library frame counts "under the library" once a library frame is above it.
    for (let i = stack.length - 1; i >= 0; i--) {
      const frame = stack[i];
      keys.add(key(frame));
      if (isLibrary(frame)) {
        libraryAbove = true;
        files.add(shortFile(frame.url));
      } else if (libraryAbove && frame.url !== '') {
        below.add(key(frame));
      }
    }
    keys.forEach((k) => add(a.inclusive, k, us));
    files.forEach((f) => add(a.libraryFileInclusive, f, us));
    below.forEach((k) => add(a.underLibrary, k, us));
    if (libraryAbove) underLibraryUs += us;
    if (stack.some((f) => (f.functionName === 'buildApp' && f.url.includes('/bench/'))
      || (f.functionName === 'synth' && f.url.includes('aws-cdk-lib/core/lib/stage')))) {
      measuredUs += us;
    }
  }
  return { ...a, totalUs, measuredUs, underLibraryUs };
}

const lib = analyze(file);
const base = lib.measuredUs > 0 ? lib.measuredUs : lib.totalUs;
const ms = (us: number) => (us / 1000).toFixed(0).padStart(7);
const pct = (us: number) => `${((100 * us) / base).toFixed(1).padStart(5)}%`;
function table(title: string, m: Map<string, number>, filter: (k: string) => boolean = () => true, extra?: (k: string) => string): void {
  console.log(`\n${title}`);
  [...m.entries()].filter(([k]) => filter(k)).sort((x, y) => y[1] - x[1]).slice(0, TOP)
    .forEach(([k, v]) => console.log(`${ms(v)} ms ${pct(v)}  ${extra ? extra(k) : ''}${k}`));
}

console.log(`profile: ${file}`);
console.log(`total sampled ${ms(lib.totalUs).trim()} ms; measured region (buildApp + App.synth) ${ms(lib.measuredUs).trim()} ms = 100%`);
console.log(`under a library frame: ${ms(lib.underLibraryUs).trim()} ms ${pct(lib.underLibraryUs).trim()}`);
table('Library functions by inclusive time (self in brackets):', lib.inclusive, (k) => / lib\//.test(k),
  (k) => `[self ${(((lib.selfByKey.get(k) ?? 0) / base) * 100).toFixed(1)}%] `);
table('Library files by inclusive time:', lib.libraryFileInclusive);
table('Other functions under a library frame, by inclusive time:', lib.underLibrary);
table('Self time by file:', lib.selfByFile);
table('Self time by function:', lib.selfByKey);

if (plainFile) {
  const plain = analyze(plainFile);
  console.log(`\nplain profile: ${plainFile}: measured region ${ms(plain.measuredUs).trim()} ms; `
    + `library - plain = ${ms(lib.measuredUs - plain.measuredUs).trim()} ms (${pct(lib.measuredUs - plain.measuredUs).trim()} of the library's)`);
  const diff = (a: Map<string, number>, b: Map<string, number>) => {
    const out = new Map<string, number>();
    for (const k of new Set([...a.keys(), ...b.keys()])) out.set(k, (a.get(k) ?? 0) - (b.get(k) ?? 0));
    return out;
  };
  table('Inclusive time, library profile minus plain profile (largest extra first):', diff(lib.inclusive, plain.inclusive));
  table('Self time by function, library minus plain:', diff(lib.selfByKey, plain.selfByKey));
  table('Self time by file, library minus plain:', diff(lib.selfByFile, plain.selfByFile));
}
