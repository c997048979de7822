import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { SEARCH_INDEX } from '../render/urls.ts';
import { pageTypeOf } from '../routing/page-types.ts';

/** Every .html file under `dir`. */
export async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Problems with one built page's HTML; an empty list means the page is fine. */
export function pageProblems(html: string): string[] {
  const problems: string[] = [];
  if (!/<html lang="zh-CN"/.test(html)) problems.push('<html> 没有 lang="zh-CN"（搜索索引会按语言拆分）');
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
    const inert = /type="application\/(?:ld\+)?json"/.test(tag);
    if (!/\ssrc=/.test(tag) && !inert) problems.push(`内联脚本（CSP 不允许）：${tag}`);
  }
  if (/<style\b/.test(html)) problems.push('内联 <style>（CSP 不允许）');
  if (/\son[a-z]+=/i.test(html.replace(/<script[\s\S]*?<\/script>/g, ''))) problems.push('on… 事件属性');
  for (const m of html.matchAll(/<(?:script|link|img|iframe|source)\b[^>]*\s(?:src|href)="(https?:)?\/\/[^"]*"/g)) {
    if (!/rel="(?:canonical|alternate|sitemap)"/.test(m[0])) problems.push(`引用了外部资源：${m[0]}`);
  }
  return problems;
}

/** A built file's page path under the base, as the page-type registry reads it ('', 'reports/2018/', '404.html'). */
export const pagePath = (file: string): string => {
  const path = file.split(sep).join('/');
  return path === 'index.html' ? '' : path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
};

/** What checking a built site's pages found: their problems, and how many have a search body. */
export interface PagesChecked {
  problems: string[];
  searchable: number;
}

/**
 * Checks a built site's pages: each belongs to a registered page type (src/routing/page-types.ts:
 * otherwise it would escape the budgets, the quality checks and, if searchable, the index) and
 * is fine. Needs only the pages: scripts/build.ts runs it while Pagefind indexes them.
 */
export async function checkPages(dir: string): Promise<PagesChecked> {
  const problems: string[] = [];
  let searchable = 0;
  for (const file of await htmlFiles(dir)) {
    const html = await readFile(file, 'utf8');
    if (/\sdata-pagefind-body[\s>=]/.test(html)) searchable += 1;
    const path = relative(dir, file);
    if (pageTypeOf(pagePath(path)) === undefined) problems.push(`${path}: 不属于任何已登记的页面类型（在 src/routing/page-types.ts 登记）`);
    for (const problem of pageProblems(html)) {
      problems.push(`${path}: ${problem}`);
    }
  }
  return { problems, searchable };
}

/** The later parts of a built site's search index (folders within its bundle, as its parts file lists them); null without a parts file. */
export const indexParts = (dir: string): Promise<string[] | null> =>
  readFile(join(dir, SEARCH_INDEX.folder, SEARCH_INDEX.parts), 'utf8').then((text) => JSON.parse(text) as string[], () => null);

/**
 * Checks that Pagefind made one Chinese index holding every page with a search body (the search
 * integration points Pagefind at the searchable page types only), counted over its parts: the
 * first in pagefind/, the others in the folders its parts file lists (src/publishing/search-index.ts).
 */
export async function checkSearchIndex(dir: string, searchable: number): Promise<string[]> {
  const parts = await indexParts(dir);
  if (parts === null) return [`没有找到搜索索引的分卷清单 ${SEARCH_INDEX.folder}/${SEARCH_INDEX.parts}`];
  const problems: string[] = [];
  let indexed = 0;
  for (const part of ['', ...parts]) {
    const file = `${SEARCH_INDEX.folder}/${part}pagefind-entry.json`;
    try {
      const entry = JSON.parse(await readFile(join(dir, file), 'utf8')) as { languages: Record<string, { page_count?: number }> };
      const languages = Object.keys(entry.languages);
      if (languages.length !== 1 || !languages[0]!.startsWith('zh')) {
        problems.push(`搜索索引应只有一种中文语言，${file} 却是：${languages.join(', ') || '无'}`);
      }
      indexed += Object.values(entry.languages).reduce((n, l) => n + (l.page_count ?? 0), 0);
    } catch {
      problems.push(`没有找到 Pagefind 索引 ${file}`);
    }
  }
  if (indexed !== searchable) {
    problems.push(`${searchable} 个页面带 data-pagefind-body，搜索索引却收录了 ${indexed} 个（SEARCHABLE_PAGES 漏了页面类型？）`);
  }
  return problems;
}
