/**
 * Runs one path and variant of the benchmark, for profiling:
 *
 *   BENCH_LIB=lib npx ts-node --project bench/tsconfig.json --transpile-only bench/synth-one.ts \
 *     PATH VARIANT UNITS [RUNS] [PROFILE.cpuprofile]
 *
 * e.g. `... synth-one.ts grants library 500 5 /tmp/grants-library.cpuprofile`. It warms up with one
 * run, then runs RUNS times (default 5) and prints one JSON line per run. With PROFILE, V8's CPU
 * profiler (the one `node --cpu-prof` starts) records exactly the RUNS measured runs, sampling
 * every 100 µs, and writes the profile there; bench/profile-report.ts summarizes it. (Under
 * `node --cpu-prof` the whole process is profiled; profile-report.ts still counts only the buildApp
 * and App.synth frames, the warm-up run among them.)
 */
import { writeFileSync } from 'fs';
import { Session } from 'inspector';
import { measure, Sample } from './measure';
import { PathName, PATHS, Variant } from './scenario';

const [pathName, variant, unitsText, runsText, profileFile] = process.argv.slice(2);
const path = PATHS[pathName as PathName];
if (!path || (variant !== 'library' && variant !== 'plain')) {
  throw new Error(`usage: synth-one.ts ${Object.keys(PATHS).join('|')} library|plain UNITS [RUNS] [PROFILE]`);
}
const units = Number(unitsText);
const runs = Number(runsText ?? 5);

function post(session: Session, method: string, params: object = {}): Promise<any> {
  return new Promise((resolve, reject) => session.post(method, params, (err, result) => (err ? reject(err) : resolve(result))));
}

async function main(): Promise<void> {
  measure(path, variant as Variant, units);
  const session = new Session();
  if (profileFile) {
    session.connect();
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.setSamplingInterval', { interval: 100 });
    await post(session, 'Profiler.start');
  }
  const samples: Sample[] = [];
  for (let r = 0; r < runs; r++) {
    samples.push(measure(path, variant as Variant, units));
    console.log(JSON.stringify(samples[samples.length - 1]));
  }
  if (profileFile) {
    const { profile } = await post(session, 'Profiler.stop');
    writeFileSync(profileFile, JSON.stringify(profile));
    session.disconnect();
    console.error(`Wrote ${profileFile}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
