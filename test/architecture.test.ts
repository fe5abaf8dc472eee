import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';
import * as ts from 'typescript';

/** The layout rules of DESIGN.md ("Target layout", second and third rounds), checked on the sources. */

const SRC = resolve(__dirname, '..', 'src');
const MAX_LINES = 350;
/**
 * Files allowed over MAX_LINES for now, with why. The association handler is being split into
 * parts in its own change (issue 11, second half); remove its entry then.
 */
const TOO_LONG_FOR_NOW: Record<string, string> = {
};

function sourceFiles(dir: string = SRC): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** file (relative to src/) -> the files of src/ it imports or re-exports from. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles()) {
    const imports = ts.preProcessFile(readFileSync(file, 'utf-8'), true, true).importedFiles
      .map((f) => f.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => {
        const base = resolve(dirname(file), name);
        const target = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
        if (!target) throw new Error(`${relative(SRC, file)} imports '${name}', which is not a source file`);
        return relative(SRC, target);
      });
    graph.set(relative(SRC, file), imports);
  }
  return graph;
}

/** Every import circle, as the list of files around it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'visiting') {
      found.push([...stack.slice(stack.indexOf(file)), file]);
      return;
    }
    state.set(file, 'visiting');
    stack.push(file);
    (graph.get(file) ?? []).forEach(visit);
    stack.pop();
    state.set(file, 'done');
  };
  [...graph.keys()].sort().forEach(visit);
  return found;
}

const isPublicModule = (file: string) => !file.includes('/');

describe('source layout', () => {
  const graph = importGraph();

  test('the graph is read correctly: the role imports its grant families, the checks import the rules', () => {
    expect(graph.get('redshift-role.ts')).toEqual(expect.arrayContaining(['grants/s3-commands.ts', 'grants/spectrum.ts', 'grants/chaining.ts']));
    expect(graph.get('redshift-iam-checks.ts')).toEqual(expect.arrayContaining(['rules/roles-per-cluster.ts', 'rules/role-account.ts']));
  });

  test('the cycle finder finds a circle', () => {
    expect(cycles(new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']]]))).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });

  test('there is no import circle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  test('chained-role and role-chain do not import each other', () => {
    expect(graph.get('role-chain.ts')).not.toContain('chained-role.ts');
  });

  test.each(['private', 'grants', 'rules'])('%s/ imports no public module (it knows no public construct)', (folder) => {
    const offenders = [...graph.entries()]
      .filter(([file]) => file.startsWith(`${folder}/`))
      .flatMap(([file, imports]) => imports.filter(isPublicModule).map((target) => `${file} -> ${target}`));
    expect(offenders).toEqual([]);
  });

  /**
   * Every import points down: public constructs -> grants/, access/, associations/ -> rules/ ->
   * private/ (DESIGN.md, "Target layout (third round)"; STYLE.md, "Direction"). The handler is
   * code on the other side of CloudFormation: it imports nothing of the library, and the
   * associations import of it only the contract they share.
   */
  const MAY_IMPORT: Record<string, (target: string) => boolean> = {
    'private': (t) => t.startsWith('private/'),
    'rules': (t) => t.startsWith('rules/') || t.startsWith('private/'),
    'association-handler': (t) => t.startsWith('association-handler/'),
    'associations': (t) => ['associations/', 'rules/', 'private/'].some((f) => t.startsWith(f)) || t === 'association-handler/contract.ts',
    'grants': (t) => ['grants/', 'rules/', 'private/'].some((f) => t.startsWith(f)),
    // data-api.ts: DataApiOptions extends the public RedshiftArnOptions (its jsii type, in API.md).
    'access': (t) => ['access/', 'rules/', 'private/'].some((f) => t.startsWith(f)) || t === 'redshift-arn.ts',
  };

  test.each(Object.keys(MAY_IMPORT))('%s/ imports only what lies below it', (folder) => {
    const offenders = [...graph.entries()]
      .filter(([file]) => file.startsWith(`${folder}/`))
      .flatMap(([file, imports]) => imports.filter((t) => !MAY_IMPORT[folder](t)).map((t) => `${file} -> ${t}`));
    expect(offenders).toEqual([]);
  });

  test('the layering rule finds an import that points up', () => {
    expect(MAY_IMPORT.private('rules/trust-region.ts')).toBe(false);
    expect(MAY_IMPORT.associations('association-handler/handler.ts')).toBe(false);
  });

  test('the custom resource contract imports neither the AWS SDK nor aws-cdk-lib (both sides of CloudFormation use it)', () => {
    const imports = ts.preProcessFile(readFileSync(join(SRC, 'association-handler', 'contract.ts'), 'utf-8'), true, true).importedFiles.map((f) => f.fileName);
    expect(imports).toEqual([]);
    // The construct takes the property names from it: the handler's type is the construct's.
    expect(graph.get('associations/role-association.ts')).toContain('association-handler/contract.ts');
    expect(graph.get('association-handler/operation.ts')).toContain('association-handler/contract.ts');
  });

  test('index.ts only re-exports', () => {
    const statements = ts.createSourceFile('index.ts', readFileSync(join(SRC, 'index.ts'), 'utf-8'), ts.ScriptTarget.Latest).statements;
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      expect(ts.isExportDeclaration(statement) && statement.moduleSpecifier !== undefined).toBe(true);
    }
  });

  test(`no source file is over ${MAX_LINES} lines (generated files aside)`, () => {
    const tooLong = sourceFiles()
      .filter((file) => !readFileSync(file, 'utf-8').includes('Generated by projen'))
      .map((file) => ({ file: relative(SRC, file), lines: readFileSync(file, 'utf-8').split('\n').length }))
      .filter(({ file, lines }) => lines > MAX_LINES && !(file in TOO_LONG_FOR_NOW));
    expect(tooLong).toEqual([]);
  });
});
