// openSearchIndex (src/publishing/search-index.ts), as scripts/build.ts uses it: Pagefind indexes
// each page it is given, once, whatever characters its path holds (Pagefind finds it by a glob, in
// which brackets, braces and commas mean something), and no other page: alone, or with the pages
// beside it in one call (a run of folders under one parent); and a large site's index in parts.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openSearchIndex } from '../../src/publishing/search-index.ts';
import { checkSearchIndex } from '../../src/publishing/verify-site.ts';

const site = mkdtempSync(join(tmpdir(), 'portal-search-index-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

const page = (folder: string, words: string) => {
  mkdirSync(join(site, folder), { recursive: true });
  writeFileSync(join(site, folder, 'index.html'), `<!doctype html><html lang="zh-CN"><head><title>${words}</title></head><body><main data-pagefind-body><p>${words}</p></main></body></html>`);
  return join(folder, 'index.html');
};

it('indexes each page given, once, even where its path reads as a glob', async () => {
  const given = [page('a(b)', '养老服务'), page('c{d,e}', '社会救助'), page('f[1]', '婚姻登记'), page('g*', '殡葬管理'), page('plain', '儿童福利')];
  page('a', '不应收录'); // what a glob of a(b) or g* would match besides
  page('d', '不应收录');
  const index = await openSearchIndex(site);
  for (const file of given) index.addPage(file);
  expect(await index.write()).toBe(given.length);
  expect(indexedPages()).toEqual([given.length]);
});

it('indexes a run of pages under one parent in one glob, each once, and runs that come back to a parent', async () => {
  const given = [
    ...['a(b)', 'c{d,e}', 'f[1]', 'g*', 'h,i', 'plain'].map((name, i) => page(`runs/${name}`, `第${i}页养老服务`)),
    page('other/x', '社会救助'),
    page('runs/later', '婚姻登记'), // the parent again, after another: a run of its own
  ];
  for (const decoy of ['runs/a', 'runs/d', 'runs/h', 'runs/f1']) page(decoy, '不应收录');
  const index = await openSearchIndex(site);
  for (const file of given) index.addPage(file);
  expect(await index.write()).toBe(given.length);
  expect(indexedPages()).toEqual([given.length]);
});

it('writes the index in parts of at most partBytes of pages, in the order given, each part listed', async () => {
  rmSync(join(site, 'pagefind'), { recursive: true });
  const given = ['一', '二', '三', '四', '五'].map((n) => page(`parts/${n}`, `第${n}部分养老服务${'。'.repeat(300)}`));
  const size = statSync(join(site, given[0]!)).size;
  const index = await openSearchIndex(site, { partBytes: size * 2 + 1 });
  for (const file of given) index.addPage(file);
  expect(await index.write()).toBe(given.length);
  expect(JSON.parse(readFileSync(join(site, 'pagefind', 'parts.json'), 'utf8'))).toEqual(['part-2/', 'part-3/']);
  expect(['', 'part-2/', 'part-3/'].map((part) => indexedPages(part))).toEqual([[2], [2], [1]]);
  expect(await checkSearchIndex(site, given.length)).toEqual([]);
});

function indexedPages(part = ''): number[] {
  const entry = JSON.parse(readFileSync(join(site, 'pagefind', part, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).map((l) => l.page_count);
}
