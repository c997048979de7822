import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/site.ts';

/**
 * The layers read one way (docs/layout.md): schemas at the bottom, then the pure domain, then
 * checks and rendering, then routes and commands. This reads the imports of every file under
 * src/ (.ts, and the frontmatter of .astro) and holds the code to that.
 */
const SRC = join(PROJECT_ROOT, 'src');
/** Folders a reader can take in at a glance; a bigger one wants splitting by what its files are about. */
const MAX_FILES_PER_FOLDER = 14;
/** What the pure domain never reads: everything above it. */
const ABOVE_DOMAIN = ['checks', 'render', 'routing', 'pages', 'components', 'layouts', 'authoring', 'publishing', 'client', 'data', 'reading', 'integrations'];

interface Import {
  /** Relative to src/, e.g. domain/units.ts. */
  target: string;
  /** `import type`, or every name imported as a type: gone at run time. */
  typeOnly: boolean;
}

/** The code of a file whose imports count: a .ts file whole, an .astro file's frontmatter. */
function codeOf(file: string, text: string): string {
  if (!file.endsWith('.astro')) return text;
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  return frontmatter?.[1] ?? '';
}

/** The local modules `code` (of `file`, relative to src/) imports or re-exports; packages and astro: modules are left out. */
function importsOf(file: string, code: string): Import[] {
  const found: Import[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const match of code.matchAll(statement)) {
    const specifier = match[4] ?? match[5] ?? match[6]!;
    if (!specifier.startsWith('.')) continue;
    const names = match[3] ?? '';
    const braces = /^\{([\s\S]*)\}$/.exec(names.trim());
    const everyNameAType = braces !== null && braces[1]!.split(',').map((n) => n.trim()).filter(Boolean).every((n) => n.startsWith('type '));
    const target = relative(SRC, resolve(dirname(join(SRC, file)), specifier)).split('\\').join('/');
    found.push({ target, typeOnly: match[2] !== undefined || everyNameAType });
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|astro)$/.test(name) ? [relative(SRC, path).split('\\').join('/')] : [];
  });
}

/** Every cycle of the import graph, each named once from its alphabetically first file: a.ts → b.ts → a.ts. */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const cycles = new Set<string>();
  const visit = (path: string[]) => {
    const last = path.at(-1)!;
    for (const next of graph.get(last) ?? []) {
      if (next === path[0]) cycles.add([...path, next].join(' → '));
      else if (!path.includes(next) && next > path[0]!) visit([...path, next]);
    }
  };
  for (const start of [...graph.keys()].sort()) visit([start]);
  return [...cycles];
}

const folder = (file: string) => file.split('/')[0]!;

const files = sourceFiles(SRC);
const imports = new Map(files.map((file) => [file, importsOf(file, codeOf(file, readFileSync(join(SRC, file), 'utf8')))]));
const graph = new Map([...imports].map(([file, list]) => [file, list.map((i) => i.target).filter((t) => imports.has(t))]));

describe('the layers of src/', () => {
  it('reads every import of every file (the test sees the code)', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(imports.get('domain/compare.ts')!.map((i) => i.target)).toContain('domain/qualifiers.ts');
    expect(files.filter((f) => f.endsWith('.astro')).length).toBeGreaterThan(10);
    // Every local import resolves to a file of src/: a path this test misreads would hide a cycle.
    const unresolved = [...imports].flatMap(([file, list]) => list.filter((i) => !imports.has(i.target) && !/\.(css|json|svg|mjs)$/.test(i.target)).map((i) => `${file} → ${i.target}`));
    expect(unresolved).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cyclesOf(graph)).toEqual([]);
  });

  it('keeps the schemas at the bottom: they import no code from another folder (types only)', () => {
    const upward = [...imports]
      .filter(([file]) => folder(file) === 'schemas')
      .flatMap(([file, list]) => list.filter((i) => folder(i.target) !== 'schemas' && !i.typeOnly).map((i) => `${file} → ${i.target}`));
    expect(upward).toEqual([]);
  });

  it('keeps the domain pure: it imports only the domain and the schemas', () => {
    const upward = [...imports]
      .filter(([file]) => folder(file) === 'domain')
      .flatMap(([file, list]) => list.filter((i) => ABOVE_DOMAIN.includes(folder(i.target))).map((i) => `${file} → ${i.target}`));
    expect(upward).toEqual([]);
  });

  it(`has no folder with more than ${MAX_FILES_PER_FOLDER} files`, () => {
    const crowded = [SRC, ...readdirSync(SRC, { recursive: true, encoding: 'utf8' }).map((d) => join(SRC, d))]
      .filter((dir) => statSync(dir).isDirectory())
      .map((dir) => ({ dir: relative(PROJECT_ROOT, dir), files: readdirSync(dir).filter((n) => statSync(join(dir, n)).isFile()).length }))
      .filter(({ files: count }) => count > MAX_FILES_PER_FOLDER);
    expect(crowded).toEqual([]);
  });
});

describe('the import reader', () => {
  it('tells type-only imports from runtime ones, and resolves paths from the importing file', () => {
    const code = [
      "import { z } from 'astro/zod';",
      "import type { Unit } from '../domain/units.ts';",
      "import { type Qualifier, type QualifierRule } from './qualifier-table.ts';",
      "import { precisionOf, type Precision } from '../domain/qualifiers.ts';",
      "export { url } from '../render/urls.ts';",
      "const m = await import('../checks/validate.ts');",
    ].join('\n');
    expect(importsOf('schemas/figure.ts', code)).toEqual([
      { target: 'domain/units.ts', typeOnly: true },
      { target: 'schemas/qualifier-table.ts', typeOnly: true },
      { target: 'domain/qualifiers.ts', typeOnly: false },
      { target: 'render/urls.ts', typeOnly: false },
      { target: 'checks/validate.ts', typeOnly: false },
    ]);
  });

  it('names each cycle once, however long', () => {
    const graph = new Map([
      ['checks/review.ts', ['checks/validate.ts']],
      ['checks/validate.ts', ['checks/review.ts', 'domain/a.ts']],
      ['domain/a.ts', ['domain/b.ts']],
      ['domain/b.ts', ['domain/c.ts']],
      ['domain/c.ts', ['domain/a.ts']],
    ]);
    expect(cyclesOf(graph)).toEqual(['checks/review.ts → checks/validate.ts → checks/review.ts', 'domain/a.ts → domain/b.ts → domain/c.ts → domain/a.ts']);
  });
});
