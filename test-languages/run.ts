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
 * It also follows README.md's "Use from Python, Java and Go" section as a user would: for each
 * language, in a new, empty folder outside the repository and a shell without what npm and CI add
 * (no JSII_SILENCE_WARNING_* either), it runs the language's ```sh blocks as written, in one bash
 * and in the page's order, and saves each block whose fence names a file (```python app.py) to that
 * file where the page puts it; the only changes are the placeholder /path/to/cdk-redshift-iam, which
 * becomes this repository's path, and the version 0.0.0 of a local build's packages, which becomes
 * package.json's (another only in `release:local`). The steps end in `npx -y aws-cdk@2 synth`, which must synthesize
 * the stacks of the section's TypeScript example (run with the repository's CDK CLI, its import
 * pointed at src/): the same templates (less AWS::CDK::Metadata) and the same annotations and
 * logical IDs. The output must hold no jsii end-of-life banner, and every `npx` must have `-y`.
 */
import { spawnSync, SpawnSyncOptions } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isDeepStrictEqual } from 'util';

const ROOT = path.resolve(__dirname, '..');
/** The version of the packages in dist/: package.json's (0.0.0, or RELEASE_VERSION in release:local). */
const PACKAGE_VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8')).version;
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
  const artifactDir = path.join(ROOT, 'dist', 'java', 'io', 'github', 'cdk-redshift-iam', 'cdk-redshift-iam', PACKAGE_VERSION);
  const jar = path.join(artifactDir, `cdk-redshift-iam-${PACKAGE_VERSION}.jar`);
  const pom = path.join(artifactDir, `cdk-redshift-iam-${PACKAGE_VERSION}.pom`);
  if (!fs.existsSync(jar) || !fs.existsSync(pom)) {
    throw new StepError(`${path.relative(ROOT, jar)} is missing: run \`npx projen package:java\` (or \`npx projen build\`) first`);
  }
  run('mvn install:install-file (dist/java)', 'mvn', [
    '--batch-mode', '--quiet', 'org.apache.maven.plugins:maven-install-plugin:3.1.3:install-file', `-Dfile=${jar}`, `-DpomFile=${pom}`,
  ]);
  const outdir = fresh(path.join(OUT, 'java'));
  const stdout = run('mvn compile exec:java', 'mvn', [
    '--batch-mode', '--quiet', '-f', path.join(HERE, 'java', 'pom.xml'), 'compile', 'exec:java', `-Dexec.args=${outdir}`,
    `-Dcdk-redshift-iam.version=${PACKAGE_VERSION}`,
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
// README.md's "Use from Python, Java and Go", followed as a user would

const README_SECTION = '## Use from Python, Java and Go';
/** The one thing the runner changes in the section's steps: where the user built this repository. */
const README_PLACEHOLDER = '/path/to/cdk-redshift-iam';
/**
 * The version README.md's steps name for the packages of a local build (package.json's 0.0.0); a
 * build at another version (`release:local`) writes its own into the file names, so it replaces it.
 */
const README_LOCAL_VERSION = /(?<![\w.])0\.0\.0(?!\w|\.\d)/g;

/** README.md's steps as this build's user runs them: this repository's path, this build's version. */
function forThisBuild(text: string): string {
  return text.split(README_PLACEHOLDER).join(ROOT).replace(README_LOCAL_VERSION, PACKAGE_VERSION);
}
const README_HEADINGS: Record<'typescript' | Language, string> = {
  typescript: '### TypeScript', python: '### Python', java: '### Java', go: '### Go',
};
/** The info string of each language's program block (the word before its file name). */
const README_FENCES: Record<Language, string> = { python: 'python', java: 'java', go: 'go' };

/** A fenced block of README.md, and the prose between the block before it and this one. */
interface Block {
  readonly info: string;
  /** The file the block is to be saved as: the fence's second word (```python app.py). */
  readonly file?: string;
  readonly body: string;
  readonly before: string;
}

/** One thing the reader of a language's section does: run shell lines, or save a file. */
type SetupStep = { readonly kind: 'shell'; readonly text: string } | { readonly kind: 'file'; readonly file: string; readonly content: string };

/** The text under `heading` (### ...) in README.md's README_SECTION, up to the next heading. */
function readmeSubsection(heading: string): string {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8');
  const start = readme.indexOf(`\n${README_SECTION}\n`);
  if (start < 0) throw new StepError(`README.md has no section '${README_SECTION}'`);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const from = section.indexOf(`\n${heading}\n`);
  if (from < 0) throw new StepError(`README.md's '${README_SECTION}' has no '${heading}'`);
  const to = section.indexOf('\n### ', from + 1);
  return section.slice(from, to < 0 ? undefined : to);
}

function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let last = 0;
  for (const m of text.matchAll(/^```(\S*)(?: +(\S+))?[^\n]*\n([\s\S]*?)^```$/gm)) {
    blocks.push({ info: m[1], file: m[2], body: m[3], before: text.slice(last, m.index) });
    last = m.index! + m[0].length;
  }
  return blocks;
}

/** The TypeScript example: the one ```ts block under ### TypeScript. */
function readmeTypeScript(): string {
  const blocks = blocksOf(readmeSubsection(README_HEADINGS.typescript)).filter((b) => b.info === 'ts');
  if (blocks.length !== 1) throw new StepError(`README.md's '${README_HEADINGS.typescript}' should hold one \`\`\`ts program, found ${blocks.length}`);
  return blocks[0].body;
}

/**
 * What a reader of `language`'s section does, in the page's order: each ```sh block is run, each
 * block whose fence names a file (```python app.py) is saved as that file, which the text before
 * it must name too (`app.py`), so that a reader knows where it goes; ```text blocks are only read.
 */
function readmeSetup(language: Language): SetupStep[] {
  const heading = README_HEADINGS[language];
  const steps: SetupStep[] = [];
  let programs = 0;
  for (const block of blocksOf(readmeSubsection(heading))) {
    if (block.info === 'sh') {
      steps.push({ kind: 'shell', text: block.body });
    } else if (block.file !== undefined) {
      if (!/^[\w.-]+(\/[\w.-]+)*$/.test(block.file) || block.file.split('/').includes('..')) {
        throw new StepError(`README.md's '${heading}': the file name '${block.file}' of a \`\`\`${block.info} block is not a plain relative path`);
      }
      if (!block.before.includes(`\`${block.file}\``)) {
        throw new StepError(`README.md's '${heading}': the text before the \`\`\`${block.info} ${block.file} block must tell the reader to save it as \`${block.file}\``);
      }
      steps.push({ kind: 'file', file: block.file, content: block.body });
      if (block.info === README_FENCES[language]) programs++;
    } else if (block.info !== 'text') {
      throw new StepError(`README.md's '${heading}': a \`\`\`${block.info} block names no file: write \`\`\`${block.info} <file> (the file the reader saves it as), \`\`\`sh (run) or \`\`\`text (only read)`);
    }
  }
  if (programs !== 1) throw new StepError(`README.md's '${heading}' should hold one \`\`\`${README_FENCES[language]} <file> program, found ${programs}`);
  const shell = steps.flatMap((s) => (s.kind === 'shell' ? s.text.split('\n') : []));
  // npx asks before it installs a package; where nobody can answer, it stops ("npx canceled due
  // to missing packages and no YES option"). The CLI may already be in npx's cache here, so this
  // is checked on the text rather than left to chance.
  const asking = shell.filter((line) => /(^|[\s;&|(])npx\s/.test(line.replace(/#.*$/, '')) && !/(^|[\s;&|(])npx\s+(-y|--yes)\s/.test(line));
  if (asking.length > 0) throw new StepError(`README.md's '${heading}': npx without -y stops in a shell that cannot answer its question: ${asking.join('; ')}`);
  if (!shell.some((line) => /\bnpx -y aws-cdk@2 synth\b/.test(line))) {
    throw new StepError(`README.md's '${heading}': no \`npx -y aws-cdk@2 synth\` line`);
  }
  return steps;
}

/** The steps as one bash script, in one shell (as in one terminal): `cd`, `export` and `activate` carry on. */
function setupScript(steps: readonly SetupStep[]): string {
  const end = 'README_FILE_END';
  const lines = [
    'exec 2>&1',
    'set -eo pipefail',
    'trap \'echo "README.md step failed with exit code $?: $BASH_COMMAND"\' ERR',
  ];
  for (const step of steps) {
    if (step.kind === 'shell') {
      lines.push(forThisBuild(step.text).replace(/\n$/, ''));
    } else {
      if (step.content.split('\n').includes(end)) throw new StepError(`${step.file} holds a line '${end}'`);
      // As an editor saves a file: into the folder the steps made (a missing folder fails).
      lines.push(`cat > '${step.file}' <<'${end}'`, forThisBuild(step.content) + end);
    }
  }
  return lines.join('\n') + '\n';
}

/**
 * A user's shell: the caller's environment less what `npx projen` and npm add (npm_* variables,
 * node_modules/.bin folders on the PATH: with them, npx would find the repository's own aws-cdk),
 * less an active virtual environment, and less JSII_SILENCE_WARNING_* (CI sets it; the README's
 * own `export` has to do it here).
 */
function userEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(environment())) {
    if (/^npm_/i.test(name) || /^(JSII_SILENCE_WARNING_|PROJEN_)/.test(name) || ['INIT_CWD', 'NODE', 'VIRTUAL_ENV'].includes(name)) continue;
    env[name] = value;
  }
  env.PATH = (env.PATH ?? '').split(path.delimiter)
    .filter((dir) => !/node_modules[\\/]\.bin$|node-gyp-bin$/.test(dir))
    .join(path.delimiter);
  return env;
}

/**
 * jsii's Node.js end-of-life banner (@jsii/check-node), which Python relays as b'...' lines.
 * It appears on end-of-life Node.js releases unless JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION is set.
 */
const JSII_BANNER = /^b'!!|^!!\s+Node \d+ (is|has reached) end-of-life/m;

/**
 * Follows `language`'s section in a new, empty folder outside the repository (inside it, npm and
 * npx would see the repository's package.json and node_modules); returns the cloud assembly.
 * The folder is removed when the steps succeed and kept (and named) when they fail.
 */
function runReadmeSetup(language: Language): string {
  const steps = readmeSetup(language);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cdk-redshift-iam-readme-${language}-`));
  const script = path.join(fresh(path.join(OUT, 'readme', language)), 'setup.sh');
  fs.writeFileSync(script, setupScript(steps));
  let output: string;
  try {
    output = run(`README.md's ${README_HEADINGS[language]} steps (${path.relative(ROOT, script)})`, 'bash', [script], {
      cwd: dir, env: userEnvironment(), stdio: ['ignore', 'pipe', 'pipe'], timeout: 20 * 60 * 1000,
    });
  } catch (e) {
    throw new StepError(`${e instanceof Error ? e.message : String(e)}\n(the folder is kept: ${dir})`);
  }
  fs.writeFileSync(path.join(OUT, 'readme', language, 'output.txt'), output);
  // eslint-disable-next-line no-control-regex
  if (JSII_BANNER.test(output.replace(/\x1b\[[0-9;]*m/g, ''))) {
    throw new StepError(`jsii's Node.js end-of-life banner is in the output: the section's \`export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20\` is missing or comes after the first run (output: ${path.relative(ROOT, path.join(OUT, 'readme', language, 'output.txt'))})`);
  }
  const cdkOut = path.join(dir, 'cdk.out');
  if (!fs.existsSync(path.join(cdkOut, 'manifest.json'))) {
    throw new StepError(`the steps ran, but left no cdk.out/manifest.json in the folder they started in (kept: ${dir})`);
  }
  const assembly = fresh(path.join(OUT, 'readme', language, 'cdk.out'));
  fs.cpSync(cdkOut, assembly, { recursive: true });
  fs.rmSync(dir, { recursive: true, force: true });
  return assembly;
}

/**
 * Runs README.md's TypeScript example, its 'cdk-redshift-iam' import pointed at src/, with the CDK
 * CLI that the repository holds (aws-cdk, a devDependency): the other languages' steps synthesize
 * with the CLI too, which turns on what an app alone does not (construct paths in the templates'
 * Metadata, version reporting); returns its cdk.out.
 */
function runReadmeTypeScript(): string {
  const dir = fresh(path.join(OUT, 'readme', 'typescript'));
  fs.writeFileSync(path.join(dir, 'app.ts'), readmeTypeScript().replace(/from 'cdk-redshift-iam'/g, `from '${path.join(ROOT, 'src')}'`));
  // The CLI splits --app at spaces (a path with spaces in it would not do).
  const app = [process.execPath, require.resolve('ts-node/dist/bin.js'), '--project', path.join(HERE, 'tsconfig.json'), path.join(dir, 'app.ts')].join(' ');
  run('cdk synth README example (ts-node)', process.execPath, [
    require.resolve('aws-cdk/bin/cdk'), 'synth', '--app', app, '--output', path.join(dir, 'cdk.out'), '--quiet', '--no-notices',
  ], { cwd: dir });
  return path.join(dir, 'cdk.out');
}

/**
 * What the constructs say in a stack's metadata (annotations, logical IDs), without the cloud
 * assembly's own records: the README's Python steps install the newest aws-cdk-lib, which records
 * more than 2.257.0 does (aws:cdk:templateFile, for one).
 */
function constructMetadata(metadata: Record<string, any[]>): Record<string, any[]> {
  const kept = new Set(['aws:cdk:logicalId', 'aws:cdk:info', 'aws:cdk:warning', 'aws:cdk:error']);
  const result: Record<string, any[]> = {};
  for (const [constructPath, entries] of Object.entries(comparableMetadata(metadata))) {
    const own = entries.filter((entry) => kept.has(entry.type));
    if (own.length > 0) result[constructPath] = own;
  }
  return result;
}

/** `language`'s section, followed as written, must synthesize the TypeScript example's stacks. */
function compareReadme(language: Language, typescriptOutdir: string | undefined): void {
  let outdir: string | undefined;
  const ran = record(language, `README.md's ${README_HEADINGS[language]} set-up, followed as written in a new folder, synthesizes with \`npx -y aws-cdk@2 synth\``, () => {
    outdir = runReadmeSetup(language);
    const files = readmeSetup(language).flatMap((s) => (s.kind === 'file' ? [s.file] : []));
    return `wrote ${files.join(', ')}; no jsii banner`;
  });
  record(language, 'README.md\'s example synthesizes what the TypeScript one does', () => {
    if (!ran) throw new Error('the README set-up did not run');
    if (!typescriptOutdir) throw new Error('the TypeScript README example did not run');
    const expected = stacksOf(typescriptOutdir);
    const actual = stacksOf(outdir!);
    const differences = [...new Set([...expected.keys(), ...actual.keys()])].sort().flatMap((name) => {
      const d = firstDifference(
        { template: comparableTemplate(expected.get(name)?.template ?? {}), metadata: constructMetadata(expected.get(name)?.metadata ?? {}) },
        { template: comparableTemplate(actual.get(name)?.template ?? {}), metadata: constructMetadata(actual.get(name)?.metadata ?? {}) });
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
  let readmeOutdir: string | undefined;
  record('typescript', 'README.md\'s example runs', () => {
    readmeOutdir = runReadmeTypeScript();
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
    } else {
      record(language, 'compared with the TypeScript app', () => {
        throw new Error(ran ? 'the TypeScript twin failed' : `the ${language} app did not run`);
      });
    }
    // The README's steps build their own project from dist/, whatever the twin app did.
    compareReadme(language, readmeOutdir);
    times.push(`${language} ${((Date.now() - languageStart) / 1000).toFixed(1)}s`);
  }

  writeReport();
  const failed = checks.filter((c) => c.failure !== undefined).length;
  console.log(`\nlanguage tests took: ${times.join(', ')}; report: ${path.relative(ROOT, REPORT)}`);
  console.log(`languages: ${checks.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = main();
