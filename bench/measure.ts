/**
 * One measurement, in this process: build a path's app with one variant, synthesize it, and take
 * the figures. Used by bench/bench.ts (paired, interleaved runs) and bench/synth-one.ts (profiling).
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import { Stack } from 'aws-cdk-lib';
import { buildApp, Path, Variant } from './scenario';

setFlagsFromString('--expose-gc');
/** A full garbage collection, without starting Node.js with --expose-gc. */
export const gc: () => void = (globalThis as any).gc ?? runInNewContext('gc');

/**
 * ts-node (which runs the benchmark) hooks Error.prepareStackTrace to map every stack frame through
 * source maps, and aws-cdk-lib captures a stack trace for every CfnElement it creates: under the
 * hook that is about a tenth of a run, the same on both sides. The measurements run as a compiled
 * app under `node` does, without the hook, unless BENCH_SOURCE_MAPS=1 (an app run by ts-node).
 */
if (process.env.BENCH_SOURCE_MAPS !== '1' && Error.prepareStackTrace !== undefined) {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(require.resolve('@cspotcode/source-map-support', { paths: [dirname(require.resolve('ts-node'))] })).uninstall();
  } catch {
    // not run by ts-node
  }
}

export interface Sample {
  readonly path: string;
  readonly variant: Variant;
  readonly units: number;
  readonly stacks: number;
  /** Building the construct tree (constructors, grants). */
  readonly buildMs: number;
  /** `app.synth()`: Aspects, validation, resolving, writing the assembly. */
  readonly synthMs: number;
  readonly totalMs: number;
  /** CPU time of the process (user + system, every thread) over build and synth. */
  readonly cpuMs: number;
  /** Heap that the synthesized app and its assembly hold, after a full GC. */
  readonly heapMb: number;
  readonly templateBytes: number;
  readonly resources: number;
  readonly lambdas: number;
  /** The association handler's Lambda functions in the stack that has the most (library). */
  readonly handlersPerStack: number;
  /** The association handler's fixed resources in the stack that has the most (library). */
  readonly handlerResourcesPerStack: number;
  /** How many resources of each type the templates hold (the twins must match). */
  readonly resourceTypes: Record<string, number>;
}

export function measure(path: Path, variant: Variant, units: number): Sample {
  const outdir = mkdtempSync(join(tmpdir(), 'bench-'));
  try {
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const cpuBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    const app = buildApp(path, variant, units, outdir);
    const built = process.hrtime.bigint();
    const assembly = app.synth();
    const done = process.hrtime.bigint();
    const cpu = process.cpuUsage(cpuBefore);
    gc();
    const heapAfter = process.memoryUsage().heapUsed;

    let templateBytes = 0;
    let resources = 0;
    let lambdas = 0;
    let handlersPerStack = 0;
    let handlerResourcesPerStack = 0;
    const resourceTypes: Record<string, number> = {};
    for (const stack of assembly.stacks) {
      const template = stack.template;
      templateBytes += JSON.stringify(template).length;
      const ids = Object.keys(template.Resources ?? {});
      const all = Object.values<any>(template.Resources ?? {});
      resources += all.length;
      all.forEach((r) => { resourceTypes[r.Type] = (resourceTypes[r.Type] ?? 0) + 1; });
      const fns = all.filter((r) => r.Type === 'AWS::Lambda::Function');
      lambdas += fns.length;
      const handlers = fns.filter((f) => String(f.Properties?.Description ?? '').startsWith('cdk-redshift-iam: attaches IAM roles'));
      handlersPerStack = Math.max(handlersPerStack, handlers.length);
      handlerResourcesPerStack = Math.max(handlerResourcesPerStack, ids.filter((id) => id.startsWith('CdkRedshiftIamAssociationHandler')).length);
    }
    return {
      path: path.name,
      variant,
      units,
      // Read from `app` after the GC above, so that the app was still alive when the heap was measured.
      stacks: app.node.children.filter((c) => Stack.isStack(c)).length,
      buildMs: Number(built - started) / 1e6,
      synthMs: Number(done - built) / 1e6,
      totalMs: Number(done - started) / 1e6,
      cpuMs: (cpu.user + cpu.system) / 1000,
      heapMb: (heapAfter - heapBefore) / 2 ** 20,
      templateBytes,
      resources,
      lambdas,
      handlersPerStack,
      handlerResourcesPerStack,
      resourceTypes,
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
