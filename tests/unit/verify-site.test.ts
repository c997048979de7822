import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkPages, checkSearchIndex, pageProblems } from '../../src/publishing/verify-site.ts';

/** What scripts/build.ts checks: the pages, then the search index against them. */
async function verifyBuiltSite(dir: string): Promise<string[]> {
  const { problems, searchable } = await checkPages(dir);
  return [...problems, ...(await checkSearchIndex(dir, searchable))];
}

const page = (body: string, lang = 'zh-CN') => `<!doctype html><html lang="${lang}"><head><title>t</title></head><body>${body}</body></html>`;

describe('pageProblems', () => {
  it('accepts a plain Chinese page with an external script file and inert JSON', () => {
    expect(pageProblems(page('<script type="module" src="/_astro/a.js"></script><script type="application/json">{}</script>'))).toEqual([]);
  });

  it('names a missing language, inline script and style, event handlers and other origins', () => {
    expect(pageProblems(page('<p>x</p>', 'en'))).toEqual([expect.stringContaining('lang="zh-CN"')]);
    expect(pageProblems(page('<script>alert(1)</script>'))).toEqual([expect.stringContaining('内联脚本')]);
    expect(pageProblems(page('<style>p{}</style>'))).toEqual([expect.stringContaining('内联 <style>')]);
    expect(pageProblems(page('<img src="/a.png" onerror="x()">'))).toEqual([expect.stringContaining('事件属性')]);
    expect(pageProblems(page('<script src="https://cdn.example/x.js"></script>'))).toEqual([expect.stringContaining('外部资源')]);
  });
});

describe('verifyBuiltSite', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'verify-site-'));
    await mkdir(join(dir, 'reports/2022'), { recursive: true });
    await mkdir(join(dir, 'pagefind'));
    await writeFile(join(dir, 'pagefind/parts.json'), '[]');
    await writeFile(join(dir, 'index.html'), page('<p>首页</p>'));
    await writeFile(join(dir, 'reports/2022/index.html'), page('<article data-pagefind-body>报告</article>'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const entry = (languages: Record<string, { page_count: number }>) =>
    writeFile(join(dir, 'pagefind/pagefind-entry.json'), JSON.stringify({ version: '1.5.0', languages }));

  it('passes when the one Chinese index holds every page with a search body', async () => {
    await entry({ 'zh-cn': { page_count: 1 } });
    expect(await verifyBuiltSite(dir)).toEqual([]);
  });

  it('notices a searchable page the index left out, a second language and a missing index', async () => {
    await entry({ 'zh-cn': { page_count: 0 } });
    expect(await verifyBuiltSite(dir)).toEqual([expect.stringContaining('1 个页面带 data-pagefind-body，搜索索引却收录了 0 个')]);
    await entry({ 'zh-cn': { page_count: 1 }, en: { page_count: 0 } });
    expect(await verifyBuiltSite(dir)).toEqual([expect.stringContaining('只有一种中文语言')]);
    await rm(join(dir, 'pagefind/pagefind-entry.json'));
    expect(await verifyBuiltSite(dir)).toEqual([expect.stringContaining('没有找到 Pagefind 索引 pagefind/pagefind-entry.json'), expect.stringContaining('收录了 0 个')]);
    await rm(join(dir, 'pagefind/parts.json'));
    expect(await verifyBuiltSite(dir)).toEqual([expect.stringContaining('没有找到搜索索引的分卷清单 pagefind/parts.json')]);
  });

  it('counts the pages of every part the parts file lists, and names a part that is missing', async () => {
    await mkdir(join(dir, 'reports/2021'), { recursive: true });
    await writeFile(join(dir, 'reports/2021/index.html'), page('<article data-pagefind-body>报告</article>'));
    await entry({ 'zh-cn': { page_count: 1 } });
    await writeFile(join(dir, 'pagefind/parts.json'), '["part-2/"]');
    expect(await verifyBuiltSite(dir)).toEqual([expect.stringContaining('没有找到 Pagefind 索引 pagefind/part-2/pagefind-entry.json'), expect.stringContaining('2 个页面带 data-pagefind-body，搜索索引却收录了 1 个')]);
    await mkdir(join(dir, 'pagefind/part-2'));
    await writeFile(join(dir, 'pagefind/part-2/pagefind-entry.json'), JSON.stringify({ version: '1.5.0', languages: { 'zh-cn': { page_count: 1 } } }));
    expect(await verifyBuiltSite(dir)).toEqual([]);
  });

  it('names a built page that belongs to no registered page type', async () => {
    await entry({ 'zh-cn': { page_count: 1 } });
    await mkdir(join(dir, 'scores/2022'), { recursive: true });
    await writeFile(join(dir, 'scores/2022/index.html'), page('<p>得分</p>'));
    expect(await verifyBuiltSite(dir)).toEqual([`scores/2022/index.html: 不属于任何已登记的页面类型（在 src/routing/page-types.ts 登记）`]);
  });
});
