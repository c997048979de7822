// Two builds of the same commit give the same site, byte for byte: every page, asset, data
// file, Pagefind index file (Pagefind ≥ 1.5.2 writes its filter and meta indexes in a fixed
// order, Pagefind/pagefind issue 638 and PR 1104; 1.5 did not) and every precompressed
// .br/.gz copy, under the same names. No file is excused.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, siteFiles as files } from '../support/site.ts';

describe('reproducible build', () => {
  const roots: string[] = [];
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  it('two builds of the same sources give byte-identical sites', { timeout: 600_000 }, () => {
    const sites = [1, 2].map((n) => {
      const root = mkdtempSync(join(tmpdir(), `portal-repro-${n}-`));
      roots.push(root);
      buildSite(join(root, 'dist'), '/');
      return files(join(root, 'dist'));
    });
    const [a, b] = sites as [Map<string, Buffer>, Map<string, Buffer>];
    expect(a.size).toBeGreaterThan(100);
    const names = (site: Map<string, Buffer>, pattern: RegExp) => [...site.keys()].filter((n) => pattern.test(n));
    // What the sameness covers: Pagefind's index files and the precompressed copies.
    for (const kind of [/\.pf_filter$/, /\.pf_meta$/, /\.pf_fragment$/, /^pagefind\/pagefind-entry\.json$/, /\.br$/, /\.gz$/]) {
      expect(names(a, kind).length, String(kind)).toBeGreaterThan(0);
    }
    expect([...b.keys()]).toEqual([...a.keys()]);
    const differing = [...a.keys()].filter((name) => !a.get(name)!.equals(b.get(name)!));
    expect(differing, 'files that differ between two builds').toEqual([]);
  });
});
