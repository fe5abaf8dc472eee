import * as fs from 'fs';
import * as path from 'path';

/**
 * What Construct Hub shows (API.md, the Python docs) comes from the jsii assembly, `.jsii`, which
 * `npx projen compile` writes before the tests run in `npx projen build`.
 */
const ROOT = path.join(__dirname, '..');
const ASSEMBLY = path.join(ROOT, '.jsii');

interface Docs { readonly default?: string; readonly example?: string; readonly summary?: string }
interface Param { readonly name: string; readonly optional?: boolean; readonly docs?: Docs }
interface Callable { readonly name?: string; readonly parameters?: Param[]; readonly docs?: Docs }
interface Property { readonly name: string; readonly optional?: boolean; readonly docs?: Docs }
interface JsiiType {
  readonly fqn: string;
  readonly kind: 'class' | 'interface' | 'enum';
  readonly abstract?: boolean;
  readonly docs?: Docs;
  readonly initializer?: Callable;
  readonly methods?: Callable[];
  readonly properties?: Property[];
}

function assembly(): { name: string; types: Record<string, JsiiType> } {
  if (!fs.existsSync(ASSEMBLY)) {
    throw new Error(`${ASSEMBLY} does not exist: run 'npx projen compile' first (npx projen build does)`);
  }
  return JSON.parse(fs.readFileSync(ASSEMBLY, 'utf-8'));
}

describe('the public API as Construct Hub shows it (.jsii)', () => {
  const types = Object.values(assembly().types);

  test('every optional property documents its @default', () => {
    const missing = types.flatMap((t) => (t.properties ?? [])
      .filter((p) => p.optional && !p.docs?.default)
      .map((p) => `${t.fqn}.${p.name}`));
    expect(missing).toEqual([]);
  });

  test('every optional parameter documents its @default (a doc comment on the parameter)', () => {
    const missing = types.flatMap((t) => [
      ...(t.initializer ? [{ ...t.initializer, name: '<initializer>' }] : []),
      ...(t.methods ?? []),
    ].flatMap((m) => (m.parameters ?? [])
      .filter((p) => p.optional && !p.docs?.default)
      .map((p) => `${t.fqn}.${m.name}(${p.name})`)));
    expect(missing).toEqual([]);
  });

  test('every public class has an @example', () => {
    const missing = types.filter((t) => t.kind === 'class' && !t.docs?.example).map((t) => t.fqn);
    expect(missing).toEqual([]);
  });

  test('every summary (the first sentence, which API.md puts in its tables) is a whole sentence', () => {
    // jsii takes the summary up to the first '.', '?', '!' or ';' followed by a space: a doc comment
    // whose first sentence holds a ';' is cut there.
    const docs = types.flatMap((t) => [
      { where: t.fqn, docs: t.docs },
      ...(t.methods ?? []).map((m) => ({ where: `${t.fqn}.${m.name}`, docs: m.docs })),
      ...(t.properties ?? []).map((p) => ({ where: `${t.fqn}.${p.name}`, docs: p.docs })),
    ]);
    const cut = docs.filter(({ docs: d }) => d?.summary !== undefined && !/[.?!)`]$/.test(d.summary.trim()))
      .map(({ where, docs: d }) => `${where}: ${d!.summary}`);
    expect(cut).toEqual([]);
  });

  test('no abstract class is offered as constructible (bases are hidden, @internal)', () => {
    const abstract = types.filter((t) => t.kind === 'class' && t.abstract).map((t) => t.fqn);
    expect(abstract).toEqual([]);
  });
});

describe('the typings (lib/*.d.ts)', () => {
  /** Every .d.ts the package ships. */
  function declarationFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return declarationFiles(full);
      // Only typings of a source file that exists: lib/ keeps the output of files deleted since.
      const source = path.join(ROOT, 'src', path.relative(path.join(ROOT, 'lib'), full)).replace(/\.d\.ts$/, '.ts');
      return entry.name.endsWith('.d.ts') && fs.existsSync(source) ? [full] : [];
    });
  }

  test('name no internal (_-prefixed) member', () => {
    const lib = path.join(ROOT, 'lib');
    if (!fs.existsSync(lib)) throw new Error(`${lib} does not exist: run 'npx projen compile' first`);
    const members = declarationFiles(lib).flatMap((file) => fs.readFileSync(file, 'utf-8').split('\n')
      .filter((line) => /^\s+(?:(?:public|protected|private|static|readonly|abstract|get|set)\s+)*_\w*\??[(:;<]/.test(line))
      .map((line) => `${path.relative(ROOT, file)}: ${line.trim()}`));
    expect(members).toEqual([]);
  });
});
