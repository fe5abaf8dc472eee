/**
 * The language tests: the packages that `npx projen build` writes to dist/ (the Python wheel, the
 * Maven artifact, the Go module) each run a small CDK app in their own language, and what each app
 * synthesizes and prints must equal what its TypeScript twin (test-languages/ts/app.ts) does.
 *
 * Usage (after `npx projen build`, which runs it): `npx projen test:languages [python] [java] [go]`
 * (no argument: all three). Writes test-languages/out/ and test-reports/languages.xml (JUnit), and
 * exits non-zero when a check fails or a toolchain is missing.
 *
 * What is compared, per language, with the TypeScript app's cloud assembly and output:
 * - every stack's template, as parsed JSON, exactly. Only AWS::CDK::Metadata resources (and their
 *   CDKMetadataAvailable condition) would be removed first: their Analytics string names the
 *   language runtime. The apps run outside the CDK CLI, which is what turns version reporting on,
 *   so today there are none, and nothing else is removed: construct paths (`aws:cdk:path`), logical
 *   IDs and asset hashes are the same in every language.
 * - every stack's metadata (the annotations RedshiftIamChecks adds, cdk-nag acknowledgements,
 *   logical IDs), without `aws:cdk:creationStack` entries and `trace` fields: those are stack
 *   traces of the app's own language.
 * - the printed `CLAUSE name = text` lines (the IAM_ROLE texts), exactly.
 * - the printed `ERROR name = message` lines: each bad input must raise, in the other language, the
 *   message the TypeScript library throws. jsii prefixes the message with the JavaScript error's
 *   name ("Error: ") when a method, rather than a constructor, throws; that prefix is allowed.
 *
 * It also runs the first example of each language in README.md's "Use from Python, Java and Go"
 * section, as written there (the TypeScript one with its 'cdk-redshift-iam' import pointed at
 * src/), and requires every language's to synthesize the TypeScript one's stacks, compared the
 * same way.
 */
import { spawnSync, SpawnSyncOptions } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { isDeepStrictEqual } from 'util';

const ROOT = path.resolve(__dirname, '..');
const HERE = __dirname;
const OUT = path.join(HERE, 'out');
const REPORT = path.join(ROOT, 'test-reports', 'languages.xml');

const LANGUAGES = ['python', 'java', 'go'] as const;
type Language = typeof LANGUAGES[number];

/** One check's outcome, reported as a JUnit test case. */
interface Check {
  readonly suite: string;
  readonly name: string;
  readonly failure?: string;
  readonly seconds: number;
}

/** What one app run produced. */
interface AppRun {
  readonly outdir: string;
  readonly stdout: string;
}

class StepError extends Error {}

const checks: Check[] = [];

function record(suite: string, name: string, body: () => string | void): boolean {
  const start = Date.now();
  let failure: string | undefined;
  let detail: string | void = undefined;
  try {
    detail = body();
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e);
  }
  const seconds = (Date.now() - start) / 1000;
  checks.push({ suite, name, failure, seconds });
  const mark = failure === undefined ? 'PASS' : 'FAIL';
  console.log(`  ${mark} ${suite}: ${name}${detail ? ` (${detail})` : ''}${seconds >= 1 ? ` [${seconds.toFixed(1)}s]` : ''}`);
  if (failure !== undefined) console.log(indent(failure, '       '));
  return failure === undefined;
}

function indent(text: string, prefix: string): string {
  return text.split('\n').map((line) => prefix + line).join('\n');
}

/**
 * The environment of every app and tool: the caller's, less what would change what an app
 * synthesizes (the CDK CLI's variables); the apps get their output folder as an argument.
 */
function environment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name.startsWith('CDK_')) delete env[name];
  }
  return env;
}

/** Runs a command; throws with its output when it fails. */
function run(label: string, command: string, args: string[], options: SpawnSyncOptions = {}): string {
  const start = Date.now();
  const result = spawnSync(command, args, {
    cwd: ROOT,
    env: environment(),
    encoding: 'utf-8',
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  const seconds = ((Date.now() - start) / 1000).toFixed(1);
  if (result.error) {
    throw new StepError(`${label}: could not run ${command}: ${result.error.message}`);
  }
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
    throw new StepError(`${label}: \`${[command, ...args].join(' ')}\` exited with ${result.status ?? result.signal} after ${seconds}s:\n${output}`);
  }
  console.log(`    ${label} [${seconds}s]`);
  return String(result.stdout ?? '');
}

/** True when `command args` runs (used to tell a missing toolchain apart from a failing test). */
function available(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { env: environment(), stdio: 'ignore' });
  return !result.error && result.status === 0;
}

function fresh(dir: string): string {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function readJson(file: string): any {
  return JSON.parse(fs.readFileSync(file, 'utf-8'));
}

// ---------------------------------------------------------------------------------------------
// What is compared

/** The stacks of a cloud assembly: artifact id => { template, metadata }. */
function stacksOf(outdir: string): Map<string, { template: any; metadata: any }> {
  const manifest = readJson(path.join(outdir, 'manifest.json'));
  const stacks = new Map<string, { template: any; metadata: any }>();
  for (const [id, artifact] of Object.entries<any>(manifest.artifacts ?? {})) {
    if (artifact.type !== 'aws:cloudformation:stack') continue;
    const template = readJson(path.join(outdir, artifact.properties.templateFile));
    const metadata = {
      ...(artifact.metadata ?? {}),
      ...(artifact.additionalMetadataFile ? readJson(path.join(outdir, artifact.additionalMetadataFile)) : {}),
    };
    stacks.set(id, { template, metadata });
  }
  return stacks;
}

/** A template without what names the language runtime: AWS::CDK::Metadata (version reporting). */
function comparableTemplate(template: any): any {
  const copy = JSON.parse(JSON.stringify(template));
  for (const [logicalId, resource] of Object.entries<any>(copy.Resources ?? {})) {
    if (resource.Type === 'AWS::CDK::Metadata') delete copy.Resources[logicalId];
  }
  if (copy.Conditions) {
    delete copy.Conditions.CDKMetadataAvailable;
    if (Object.keys(copy.Conditions).length === 0) delete copy.Conditions;
  }
  return copy;
}

/** A stack's metadata without stack traces, which are of the app's own language. */
function comparableMetadata(metadata: Record<string, any[]>): Record<string, any[]> {
  const result: Record<string, any[]> = {};
  for (const [constructPath, entries] of Object.entries(metadata)) {
    const kept = entries
      .filter((entry) => entry.type !== 'aws:cdk:creationStack')
      .map(({ trace, ...entry }) => entry);
    if (kept.length > 0) result[constructPath] = kept;
  }
  return result;
}

/** The first place where two JSON values differ, as a path and both values. */
function firstDifference(expected: any, actual: any, at = '$'): string | undefined {
  if (isDeepStrictEqual(expected, actual)) return undefined;
  if (typeof expected === 'object' && typeof actual === 'object' && expected !== null && actual !== null
    && Array.isArray(expected) === Array.isArray(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
    for (const key of keys) {
      const found = firstDifference(expected[key], actual[key], Array.isArray(expected) ? `${at}[${key}]` : `${at}.${key}`);
      if (found) return found;
    }
  }
  const show = (v: any) => (v === undefined ? '(missing)' : JSON.stringify(v).slice(0, 300));
  return `${at}: TypeScript ${show(expected)}, this language ${show(actual)}`;
}

/**
 * `PREFIX name = value` lines of an app's output, in order. Terminal escape codes are removed
 * first: Maven's console writes a colour reset before the program's first line, even in batch mode.
 */
function linesOf(stdout: string, prefix: 'CLAUSE' | 'ERROR'): Array<[string, string]> {
  const pattern = new RegExp(`^${prefix} (\\S+) = (.*)$`);
  // eslint-disable-next-line no-control-regex
  return stdout.replace(/\x1b\[[0-9;]*m/g, '').split(/\r?\n/).flatMap((line) => {
    const m = pattern.exec(line);
    return m ? [[m[1], m[2]] as [string, string]] : [];
  });
}

function compare(language: Language, twin: AppRun, app: AppRun): void {
  const expected = stacksOf(twin.outdir);
  const actual = stacksOf(app.outdir);

  record(language, 'templates equal the TypeScript app\'s', () => {
    const names = [...expected.keys()].sort();
    if (!isDeepStrictEqual(names, [...actual.keys()].sort())) {
      throw new Error(`stacks differ: TypeScript ${names.join(', ')}; ${language} ${[...actual.keys()].sort().join(', ')}`);
    }
    const differences = names.flatMap((name) => {
      const d = firstDifference(comparableTemplate(expected.get(name)!.template), comparableTemplate(actual.get(name)!.template));
      return d ? [`${name}: ${d}`] : [];
    });
    if (differences.length > 0) throw new Error(differences.join('\n'));
    const resources = names.reduce((n, name) => n + Object.keys(expected.get(name)!.template.Resources ?? {}).length, 0);
    return `${names.length} stacks, ${resources} resources`;
  });

  record(language, 'annotations and metadata equal the TypeScript app\'s (RedshiftIamChecks included)', () => {
    const differences = [...expected.keys()].sort().flatMap((name) => {
      const d = firstDifference(comparableMetadata(expected.get(name)!.metadata), comparableMetadata(actual.get(name)?.metadata ?? {}));
      return d ? [`${name}: ${d}`] : [];
    });
    if (differences.length > 0) throw new Error(differences.join('\n'));
  });

  record(language, 'IAM_ROLE texts equal the TypeScript app\'s', () => {
    const want = linesOf(twin.stdout, 'CLAUSE');
    const got = linesOf(app.stdout, 'CLAUSE');
    const d = firstDifference(want, got);
    if (d) throw new Error(d);
    return `${got.length} texts`;
  });

  record(language, 'bad input raises the library\'s own message', () => {
    const want = linesOf(twin.stdout, 'ERROR');
    const got = new Map(linesOf(app.stdout, 'ERROR'));
    const wrong = want.flatMap(([name, message]) => {
      const actualMessage = got.get(name);
      return actualMessage === message || actualMessage === `Error: ${message}`
        ? []
        : [`${name}: expected ${JSON.stringify(message)}, got ${actualMessage === undefined ? '(no line)' : JSON.stringify(actualMessage)}`];
    });
    if (wrong.length > 0) throw new Error(wrong.join('\n'));
    return want.map(([name]) => name).join(', ');
  });
}

// ---------------------------------------------------------------------------------------------
// The apps

function runTypeScript(): AppRun {
  const outdir = fresh(path.join(OUT, 'typescript'));
  const stdout = run('ts-node test-languages/ts/app.ts', process.execPath, [
    require.resolve('ts-node/dist/bin.js'), '--project', path.join(HERE, 'tsconfig.json'), path.join(HERE, 'ts', 'app.ts'), outdir,
  ]);
  return { outdir, stdout };
}

/** The one file in `dir` whose name ends with `suffix`, or a clear error. */
function distFile(dir: string, suffix: string, task: string): string {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(suffix)) : [];
  if (files.length !== 1) {
    throw new StepError(`expected one *${suffix} in ${path.relative(ROOT, dir)}, found ${files.length}: run \`npx projen ${task}\` (or \`npx projen build\`) first`);
  }
  return path.join(dir, files[0]);
}

const VERSIONS = (() => {
  const pkg = readJson(path.join(ROOT, 'package.json'));
  return { cdk: pkg.devDependencies['aws-cdk-lib'], constructs: pkg.devDependencies.constructs };
})();

/**
 * Python: a new virtual environment; the wheel from dist/python with aws-cdk-lib and constructs
 * at the versions we build against, and their dependencies at the versions in requirements.txt.
 */
function runPython(): AppRun {
  if (!available('python3', ['-c', 'import venv, ensurepip'])) {
    throw new StepError('python3 with the venv and ensurepip modules is not on PATH: install Python 3.10 or newer (Debian: python3-venv) to run the Python test');
  }
  const wheel = distFile(path.join(ROOT, 'dist', 'python'), '.whl', 'package:python');
  const venv = fresh(path.join(OUT, 'python-venv'));
  run('python3 -m venv', 'python3', ['-m', 'venv', venv]);
  const python = path.join(venv, 'bin', 'python');
  run('pip install the wheel and aws-cdk-lib', python, [
    '-m', 'pip', 'install', '--quiet', '--no-input', '--disable-pip-version-check', '--progress-bar', 'off',
    '-r', path.join(HERE, 'python', 'requirements.txt'), wheel,
  ]);
  const installed = run('pip freeze', python, ['-m', 'pip', 'freeze', '--disable-pip-version-check']);
  for (const [name, version] of [['aws-cdk-lib', VERSIONS.cdk], ['constructs', VERSIONS.constructs]]) {
    if (!installed.split('\n').includes(`${name}==${version}`)) {
      throw new StepError(`the virtual environment should hold ${name}==${version} (package.json), but has:\n${installed}`);
    }
  }
  const outdir = fresh(path.join(OUT, 'python'));
  const stdout = run('python app.py', python, [path.join(HERE, 'python', 'app.py'), outdir]);
  return { outdir, stdout };
}

/**
 * Java: the jar and pom from dist/java installed into the local Maven repository, then the Maven
 * project in test-languages/java (aws-cdk-lib at our version from Maven Central) compiled and run.
 */
function runJava(): AppRun {
  if (!available('mvn', ['--version']) || !available('java', ['-version'])) {
    throw new StepError('mvn (Apache Maven 3.8+) and java (a JDK 17+) are not both on PATH: install them to run the Java test');
  }
  const artifactDir = path.join(ROOT, 'dist', 'java', 'io', 'github', 'cdk-redshift-iam', 'cdk-redshift-iam', '0.0.0');
  const jar = path.join(artifactDir, 'cdk-redshift-iam-0.0.0.jar');
  const pom = path.join(artifactDir, 'cdk-redshift-iam-0.0.0.pom');
  if (!fs.existsSync(jar) || !fs.existsSync(pom)) {
    throw new StepError(`${path.relative(ROOT, jar)} is missing: run \`npx projen package:java\` (or \`npx projen build\`) first`);
  }
  run('mvn install:install-file (dist/java)', 'mvn', [
    '--batch-mode', '--quiet', 'org.apache.maven.plugins:maven-install-plugin:3.1.3:install-file', `-Dfile=${jar}`, `-DpomFile=${pom}`,
  ]);
  const outdir = fresh(path.join(OUT, 'java'));
  const stdout = run('mvn compile exec:java', 'mvn', [
    '--batch-mode', '--quiet', '-f', path.join(HERE, 'java', 'pom.xml'), 'compile', 'exec:java', `-Dexec.args=${outdir}`,
  ]);
  return { outdir, stdout };
}

/** Go: the module in test-languages/go (a replace directive to dist/go), built and run. */
function runGo(): AppRun {
  if (!available('go', ['version'])) {
    throw new StepError('go (Go 1.25 or newer) is not on PATH: install it to run the Go test');
  }
  const moduleDir = path.join(ROOT, 'dist', 'go', 'cdkredshiftiam');
  if (!fs.existsSync(path.join(moduleDir, 'go.mod'))) {
    throw new StepError(`${path.relative(ROOT, moduleDir)}/go.mod is missing: run \`npx projen package:go\` (or \`npx projen build\`) first`);
  }
  const binary = path.join(OUT, 'go-app');
  run('go build', 'go', ['build', '-o', binary, '.'], { cwd: path.join(HERE, 'go') });
  const outdir = fresh(path.join(OUT, 'go'));
  const stdout = run('go app', binary, [outdir]);
  return { outdir, stdout };
}

const RUNNERS: Record<Language, () => AppRun> = { python: runPython, java: runJava, go: runGo };

// ---------------------------------------------------------------------------------------------
// README.md's first examples

const README_SECTION = '## Use from Python, Java and Go';

/** The one program of each language in README.md's README_SECTION, as written there. */
function readmeExamples(): Record<'typescript' | Language, string> {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8');
  const start = readme.indexOf(`\n${README_SECTION}\n`);
  if (start < 0) throw new StepError(`README.md has no section '${README_SECTION}'`);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const fence = { typescript: 'ts', python: 'python', java: 'java', go: 'go' } as const;
  const found = {} as Record<'typescript' | Language, string>;
  for (const [language, info] of Object.entries(fence) as Array<['typescript' | Language, string]>) {
    const blocks = [...section.matchAll(new RegExp(`^\`\`\`${info}(?: [^\n]*)?\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((m) => m[1]);
    if (blocks.length !== 1) throw new StepError(`README.md's '${README_SECTION}' should hold one \`\`\`${info} program, found ${blocks.length}`);
    found[language] = blocks[0];
  }
  return found;
}

/** Writes `files` into a new folder out/readme/<language> and returns it. */
function readmeFolder(language: string, files: Record<string, string>): string {
  const dir = fresh(path.join(OUT, 'readme', language));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/**
 * Runs README.md's example of `language` (after that language's own app ran); returns its cdk.out.
 * The examples call `new App()` without an output folder, so they get CDK_OUTDIR, as from the CDK CLI.
 */
function runReadmeExample(language: 'typescript' | Language, source: string): string {
  const env = (dir: string) => ({ cwd: dir, env: { ...environment(), CDK_OUTDIR: path.join(dir, 'cdk.out') } });
  switch (language) {
    case 'typescript': {
      const dir = readmeFolder(language, { 'app.ts': source.replace(/from 'cdk-redshift-iam'/g, `from '${path.join(ROOT, 'src')}'`) });
      run('ts-node README example', process.execPath, [
        require.resolve('ts-node/dist/bin.js'), '--project', path.join(HERE, 'tsconfig.json'), path.join(dir, 'app.ts'),
      ], env(dir));
      return path.join(dir, 'cdk.out');
    }
    case 'python': {
      const dir = readmeFolder(language, { 'app.py': source });
      run('python README example', path.join(OUT, 'python-venv', 'bin', 'python'), ['app.py'], env(dir));
      return path.join(dir, 'cdk.out');
    }
    case 'java': {
      const mainClass = /public\s+(?:final\s+)?class\s+(\w+)/.exec(source)?.[1];
      if (!mainClass) throw new StepError('the README\'s Java example declares no public class');
      const dir = readmeFolder(language, {
        'pom.xml': fs.readFileSync(path.join(HERE, 'java', 'pom.xml'), 'utf-8'),
        [`src/main/java/${mainClass}.java`]: source,
      });
      run('mvn README example', 'mvn', ['--batch-mode', '--quiet', 'compile', 'exec:java', `-Dexec.mainClass=${mainClass}`], env(dir));
      return path.join(dir, 'cdk.out');
    }
    case 'go': {
      const goMod = fs.readFileSync(path.join(HERE, 'go', 'go.mod'), 'utf-8')
        .replace(/=> \.\.\/\.\.\/dist\/go\//, `=> ${path.join(ROOT, 'dist', 'go')}/`);
      const dir = readmeFolder(language, {
        'main.go': source,
        'go.mod': goMod,
        'go.sum': fs.readFileSync(path.join(HERE, 'go', 'go.sum'), 'utf-8'),
      });
      run('go run README example', 'go', ['run', '.'], env(dir));
      return path.join(dir, 'cdk.out');
    }
  }
}

/** README.md's example of `language` must synthesize the TypeScript example's stacks. */
function compareReadme(language: Language, examples: Record<'typescript' | Language, string> | undefined, twinOutdir: string | undefined): void {
  record(language, 'README.md\'s first example runs and synthesizes what the TypeScript one does', () => {
    if (!examples || !twinOutdir) throw new Error('the TypeScript README example did not run');
    const expected = stacksOf(twinOutdir);
    const actual = stacksOf(runReadmeExample(language, examples[language]));
    const differences = [...new Set([...expected.keys(), ...actual.keys()])].sort().flatMap((name) => {
      const d = firstDifference(
        { template: comparableTemplate(expected.get(name)?.template ?? {}), metadata: comparableMetadata(expected.get(name)?.metadata ?? {}) },
        { template: comparableTemplate(actual.get(name)?.template ?? {}), metadata: comparableMetadata(actual.get(name)?.metadata ?? {}) });
      return d ? [`${name}: ${d}`] : [];
    });
    if (differences.length > 0) throw new Error(differences.join('\n'));
    return [...actual.keys()].join(', ');
  });
}

// ---------------------------------------------------------------------------------------------

function writeReport(): void {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const suites = [...new Set(checks.map((c) => c.suite))].map((suite) => {
    const cases = checks.filter((c) => c.suite === suite);
    const failures = cases.filter((c) => c.failure !== undefined).length;
    const time = cases.reduce((t, c) => t + c.seconds, 0);
    const body = cases.map((c) => `    <testcase classname="languages.${suite}" name="${escape(c.name)}" time="${c.seconds.toFixed(3)}">`
      + (c.failure === undefined ? '' : `\n      <failure message="${escape(c.failure.split('\n')[0])}">${escape(c.failure)}</failure>\n    `)
      + '</testcase>').join('\n');
    return `  <testsuite name="languages.${suite}" tests="${cases.length}" failures="${failures}" errors="0" time="${time.toFixed(3)}">\n${body}\n  </testsuite>`;
  });
  const failures = checks.filter((c) => c.failure !== undefined).length;
  fs.mkdirSync(path.dirname(REPORT), { recursive: true });
  fs.writeFileSync(REPORT, `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="language tests" tests="${checks.length}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`);
}

function main(): number {
  const requested = process.argv.slice(2);
  const unknown = requested.filter((l) => !(LANGUAGES as readonly string[]).includes(l));
  if (unknown.length > 0) {
    console.error(`test-languages: unknown language ${unknown.join(', ')}; choose from ${LANGUAGES.join(', ')}`);
    return 2;
  }
  const languages = (requested.length > 0 ? requested : LANGUAGES) as Language[];
  fs.mkdirSync(OUT, { recursive: true });

  console.log('typescript: the twin app (test-languages/ts/app.ts)');
  const start = Date.now();
  let twin: AppRun | undefined;
  record('typescript', 'the twin app synthesizes, prints its IAM_ROLE texts and rejects each bad input', () => {
    twin = runTypeScript();
    const errors = linesOf(twin.stdout, 'ERROR');
    const none = errors.filter(([, message]) => message === '(none)');
    if (errors.length === 0 || none.length > 0) throw new Error(`expected every bad input to throw; did not: ${none.map(([n]) => n).join(', ') || '(no ERROR lines)'}`);
    if (linesOf(twin.stdout, 'CLAUSE').length === 0) throw new Error('printed no CLAUSE lines');
    const annotations = [...stacksOf(twin.outdir).values()].flatMap((s) => Object.values<any[]>(s.metadata).flat())
      .filter((e) => ['aws:cdk:warning', 'aws:cdk:info'].includes(e.type) && String(e.data).startsWith('[RedshiftIamChecks]'));
    if (annotations.length === 0) throw new Error('RedshiftIamChecks reported nothing, so comparing annotations would prove nothing');
    return `${annotations.length} RedshiftIamChecks annotations`;
  });
  let examples: Record<'typescript' | Language, string> | undefined;
  let readmeOutdir: string | undefined;
  record('typescript', 'README.md\'s first example runs', () => {
    examples = readmeExamples();
    readmeOutdir = runReadmeExample('typescript', examples.typescript);
    return [...stacksOf(readmeOutdir).keys()].join(', ');
  });
  const times: string[] = [`typescript ${((Date.now() - start) / 1000).toFixed(1)}s`];

  for (const language of languages) {
    console.log(`${language}:`);
    const languageStart = Date.now();
    let app: AppRun | undefined;
    const ran = record(language, 'the app installs the package from dist/ and synthesizes', () => {
      app = RUNNERS[language]();
    });
    if (ran && twin) {
      compare(language, twin, app!);
      compareReadme(language, examples, readmeOutdir);
    } else {
      record(language, 'compared with the TypeScript app', () => {
        throw new Error(ran ? 'the TypeScript twin failed' : `the ${language} app did not run`);
      });
    }
    times.push(`${language} ${((Date.now() - languageStart) / 1000).toFixed(1)}s`);
  }

  writeReport();
  const failed = checks.filter((c) => c.failure !== undefined).length;
  console.log(`\nlanguage tests took: ${times.join(', ')}; report: ${path.relative(ROOT, REPORT)}`);
  console.log(`languages: ${checks.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = main();
