// Search benchmark: how big the Pagefind index of a built site is, what a first search costs a
// reader's browser, and how long it takes to show results. Used by `npm run bench`
// (scripts/bench.ts) for the real site and a synthetic 1,000-report site; runs alone too:
//
//   node scripts/bench/search.ts dist [base] [query]
//
// - indexBytes: everything under <site>/pagefind/ on disk (index, fragments, filters, WebAssembly,
//   Pagefind's scripts and styles).
// - firstQueryBytes: what the search downloads for a first query, cold cache, until its first
//   page of results is drawn: pagefind.js, its worker and WebAssembly, the index chunks, filters
//   and fragments, and the engine module, in bytes as a static host sends them (gzip level 6 for
//   text files; Pagefind's index files and WebAssembly are compressed already). The search page
//   itself (HTML, CSS, its script, the Default UI's script and stylesheet) is not counted: that
//   is the page-weight budget's (tests/build/budgets.ts).
// - timeToFirstResultsMs: from navigation to <base>search/?q=<query> (what the header's search
//   box does) until the first result is on screen, in Chromium on loopback; median of `runs`
//   cold runs.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Response } from 'playwright-core';
import { launchBrowser } from '../../tests/support/browser.ts';
import { serveStatic } from '../../tests/support/server.ts';

export interface SearchBenchResult {
  indexBytes: number;
  firstQueryBytes: number;
  timeToFirstResultsMs: number;
  query: string;
}

/** A query every version of the portal's content answers: 低保 is in every yearly report. */
export const DEFAULT_QUERY = '低保';

/** Total size of the files under a folder. */
export function folderBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
}

const TEXT = /^(text\/|application\/(javascript|json|xml))/;

/** Bytes of a response as a static host with gzip sends it. */
async function wireBytes(response: Response): Promise<number> {
  const body = await response.body().catch(() => Buffer.alloc(0));
  const type = response.headers()['content-type'] ?? '';
  return TEXT.test(type) ? gzipSync(body, { level: 6 }).length : body.length;
}

interface Run {
  bytes: number;
  ms: number;
}

async function oneRun(browser: Browser, siteUrl: string, base: string, query: string, hasSearchPage: boolean): Promise<Run> {
  const context = await browser.newContext(); // a fresh context: nothing cached
  const page = await context.newPage();
  const origin = new URL(siteUrl).origin;
  const searchFiles = [`${base}pagefind/`, `${base}search/engine/`];
  // The Default UI's script and stylesheet come with the page, before any query: page weight.
  const pageFiles = [`${base}pagefind/pagefind-ui.js`, `${base}pagefind/pagefind-ui.css`];
  const counted: Promise<number>[] = [];
  page.on('response', (response) => {
    const path = response.url().startsWith(origin) ? new URL(response.url()).pathname : '';
    if (searchFiles.some((prefix) => path.startsWith(prefix)) && !pageFiles.includes(path)) counted.push(wireBytes(response));
  });
  try {
    let ms: number;
    if (hasSearchPage) {
      // The first result on screen, timed in the page from navigation start.
      await page.addInitScript(() => {
        const w = window as unknown as { __firstResultAt?: number };
        new MutationObserver((_records, observer) => {
          if (document.querySelector('.pagefind-ui__result-link')) {
            w.__firstResultAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(`${siteUrl}search/?q=${encodeURIComponent(query)}`);
      await page.waitForFunction(() => (window as unknown as { __firstResultAt?: number }).__firstResultAt !== undefined, null, { timeout: 60_000 });
      ms = await page.evaluate(() => (window as unknown as { __firstResultAt: number }).__firstResultAt);
      // …and the rest of the first page of results, so that its fragments are counted too.
      await page.waitForFunction(() => document.querySelectorAll('.pagefind-ui__loading').length === 0, null, { timeout: 60_000 });
    } else {
      // A site without the search page: Pagefind's JS API, from its home page.
      await page.goto(siteUrl);
      ms = await page.evaluate(
        async ({ pagefindUrl, query }) => {
          const pagefind = await import(pagefindUrl);
          const found = await pagefind.search(query);
          await Promise.all(found.results.slice(0, 8).map((r: { data(): Promise<unknown> }) => r.data()));
          return performance.now();
        },
        { pagefindUrl: `${siteUrl}pagefind/pagefind.js`, query },
      );
    }
    await page.waitForLoadState('networkidle');
    const bytes = (await Promise.all(counted)).reduce((a, b) => a + b, 0);
    return { bytes, ms };
  } finally {
    await context.close();
  }
}

/**
 * Benchmarks the search of the built site in `distDir`, published under `base` (as built with
 * PORTAL_BASE). Serves it on loopback and searches `query` in Chromium, `runs` times from cold.
 */
export async function benchSearch(distDir: string, base = '/', query = DEFAULT_QUERY, runs = 3): Promise<SearchBenchResult> {
  const dir = resolve(distDir);
  const pagefindDir = join(dir, 'pagefind');
  if (!existsSync(join(pagefindDir, 'pagefind-entry.json'))) throw new Error(`没有 Pagefind 索引：${pagefindDir}`);
  const normalizedBase = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const indexBytes = folderBytes(pagefindDir);
  const hasSearchPage = existsSync(join(dir, 'search', 'index.html'));
  const server = await serveStatic(dir, normalizedBase);
  const browser = await launchBrowser();
  try {
    const results: Run[] = [];
    for (let i = 0; i < Math.max(1, runs); i++) results.push(await oneRun(browser, server.url, normalizedBase, query, hasSearchPage));
    const times = results.map((r) => r.ms).sort((a, b) => a - b);
    return {
      indexBytes,
      firstQueryBytes: results[0]!.bytes,
      timeToFirstResultsMs: Math.round(times[Math.floor(times.length / 2)]!),
      query,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The result as a small table. */
export function formatSearchBench(label: string, r: SearchBenchResult): string {
  const rows: [string, string][] = [
    ['site', label],
    ['query', r.query],
    ['index size (pagefind/ on disk)', kb(r.indexBytes)],
    ['first query downloads (gzip)', kb(r.firstQueryBytes)],
    ['time to first results', `${r.timeToFirstResultsMs} ms`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n');
}

if (import.meta.main) {
  const [dir = 'dist', base = '/', query = DEFAULT_QUERY] = process.argv.slice(2);
  try {
    const result = await benchSearch(dir, base, query);
    console.log(`搜索基准 (search benchmark)\n${formatSearchBench(dir, result)}`);
  } catch (error) {
    console.error(`搜索基准失败 (search benchmark failed): ${(error as Error).message}`);
    process.exit(1);
  }
}
