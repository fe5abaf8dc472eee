/**
 * One measurement, in a fresh process: build and synthesize the workload, then print the figures
 * as one JSON line. Run by bench/bench.ts.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildApp, Variant } from './scenario';

const [variant, unitsText] = process.argv.slice(2);
const outdir = mkdtempSync(join(tmpdir(), 'bench-'));
const started = process.hrtime.bigint();
const app = buildApp(variant as Variant, Number(unitsText), outdir);
const assembly = app.synth();
const synthMs = Number(process.hrtime.bigint() - started) / 1e6;

let templateBytes = 0;
let resources = 0;
let lambdas = 0;
let handlerLambdasPerStack = 0;
let handlerResourcesPerStack = 0;
for (const stack of assembly.stacks) {
  const template = stack.template;
  templateBytes += JSON.stringify(template).length;
  const all = Object.values<any>(template.Resources ?? {});
  resources += all.length;
  const fns = all.filter((r) => r.Type === 'AWS::Lambda::Function');
  lambdas += fns.length;
  const handlers = fns.filter((f) => String(f.Properties?.Description ?? '').startsWith('cdk-redshift-iam: attaches IAM roles'));
  handlerLambdasPerStack = Math.max(handlerLambdasPerStack, handlers.length);
  // The association handler's fixed resources: everything under the one handler construct.
  const fixed = Object.keys(template.Resources ?? {}).filter((id) => id.startsWith('CdkRedshiftIamAssociationHandler'));
  handlerResourcesPerStack = Math.max(handlerResourcesPerStack, fixed.length);
}
rmSync(outdir, { recursive: true, force: true });

console.log(JSON.stringify({
  variant,
  units: Number(unitsText),
  stacks: assembly.stacks.length,
  synthMs,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  templateBytes,
  resources,
  lambdas,
  handlersPerStack: handlerLambdasPerStack,
  handlerResourcesPerStack,
}));
