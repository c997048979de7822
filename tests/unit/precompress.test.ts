// Precompression reuses the previous release's copies of unchanged files, and the result is
// byte for byte what compressing everything afresh gives.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { precompressSite } from '../../src/publishing/precompress.ts';
import { isSearchIndexFile, precompressPages } from '../../src/publishing/precompress-process.ts';

let root: string;
const page = (words: string) => `<!doctype html><html lang="zh-CN"><title>t</title><p>${words.repeat(200)}</p></html>`;
const site = (name: string, files: Record<string, string>) => {
  const dir = join(root, name);
  mkdirSync(join(dir, '_astro'), { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
};
const listing = (dir: string) => new Map(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => [join(e.parentPath, e.name).slice(dir.length), readFileSync(join(e.parentPath, e.name))]));

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'portal-precompress-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('precompressSite', () => {
  it('links the copies of unchanged files from the previous release and compresses the rest', async () => {
    const previous = site('previous', { 'index.html': page('民政'), 'about.html': page('旧'), '_astro/a.js': `export const a = ${JSON.stringify('x'.repeat(3000))};` });
    await precompressSite(previous);
    const next = site('next', { 'index.html': page('民政'), 'about.html': page('新'), 'data.csv': '年份,数值\n'.repeat(300), '_astro/a.js': readFileSync(join(previous, '_astro/a.js'), 'utf8') });
    const fresh = join(root, 'fresh');
    cpSync(next, fresh, { recursive: true });

    const summary = await precompressSite(next, { previous });
    await precompressSite(fresh);
    expect(summary.reused).toBe(2);
    expect(statSync(join(next, 'index.html.br')).ino).toBe(statSync(join(previous, 'index.html.br')).ino);
    expect(statSync(join(next, '_astro/a.js.gz')).ino).toBe(statSync(join(previous, '_astro/a.js.gz')).ino);
    expect(statSync(join(next, 'about.html.br')).ino).not.toBe(statSync(join(previous, 'about.html.br')).ino);
    expect(brotliDecompressSync(readFileSync(join(next, 'about.html.br'))).toString()).toBe(page('新'));
    // The same site as compressing from scratch, file for file.
    expect(listing(next)).toEqual(listing(fresh));
  });

  it('stops between files when asked', async () => {
    const dir = site('s', { 'a.html': page('甲'), 'b.html': page('乙') });
    const summary = await precompressSite(dir, { stopped: () => true });
    expect(summary.written).toEqual({ br: 0, gz: 0 });
  });
});

describe('precompressPages (a process beside the build)', () => {
  const files = { 'index.html': page('民政'), 'about.html': page('关于'), 'data.csv': '年份,数值\n'.repeat(300), '_astro/a.js': `export const a = ${JSON.stringify('x'.repeat(3000))};` };

  it('compresses the pages it is given and, once told every page is written, the rest of the site but the search index', async () => {
    const dir = site('pages', { ...files });
    mkdirSync(join(dir, 'pagefind'));
    writeFileSync(join(dir, 'pagefind', 'pagefind.js'), page('索引'));
    const fresh = join(root, 'fresh');
    cpSync(dir, fresh, { recursive: true });

    const packing = precompressPages(dir, undefined);
    packing.add('index.html');
    packing.add('index.html');
    packing.add('pagefind/pagefind.js');
    writeFileSync(join(dir, 'cite.ris'), 'TY  - RPRT\n'.repeat(100));
    packing.add('cite.ris');
    const summary = await packing.finish();
    await precompressSite(fresh, { only: (rel) => !isSearchIndexFile(rel) });
    expect(summary.files).toBe(4);
    expect(summary.written).toEqual({ br: 4, gz: 4 });
    expect(readdirSync(join(dir, 'pagefind'))).toEqual(['pagefind.js']);
    expect(existsSync(join(dir, 'cite.ris.br'))).toBe(false);
    rmSync(join(dir, 'cite.ris'));
    expect(listing(dir)).toEqual(listing(fresh));
  });

  it('fails, not hangs, when its process is stopped', async () => {
    const packing = precompressPages(site('stopped', { ...files }), undefined);
    packing.stop();
    await expect(packing.finish()).rejects.toThrow(/预压缩进程失败/);
  });
});

