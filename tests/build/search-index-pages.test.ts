// openSearchIndex (src/publishing/search-index.ts), as scripts/build.ts uses it: Pagefind indexes
// each page it is given, once, whatever characters its path holds (Pagefind finds it by a glob, in
// which brackets, braces and commas mean something), and no other page.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openSearchIndex } from '../../src/publishing/search-index.ts';

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
  const entry = JSON.parse(readFileSync(join(site, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  expect(Object.values(entry.languages).map((l) => l.page_count)).toEqual([given.length]);
});
