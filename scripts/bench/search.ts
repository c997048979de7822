// Search benchmark: how big the Pagefind index of a built site is, how long Pagefind takes to
// build it, what a first search costs a reader's browser, and how long it takes to show the first
// result card, for the portal's search page and, in the same run on the same index, for two
// anchors: Pagefind's bare JS API (search() and the first page's data(), nothing drawn) and
// Pagefind's Default UI unconfigured. Used by `npm run bench` (scripts/bench.ts; `npm run bench
// -- search` runs only this, on the real content); runs alone too:
//
//   node scripts/bench/search.ts dist [base]
//
// - indexSeconds: `pagefind --site <dist> --glob …` (as scripts/build.ts runs it) into a
//   throwaway folder, wall clock.
// - indexBytes: everything under <site>/pagefind/ on disk (without the .br / .gz copies).
// - firstQueryBytes: what the search page downloads for a first query, cold cache, until its
//   first page of cards is drawn: pagefind.js, its worker and WebAssembly, the index chunks,
//   filters and fragments, in bytes as a static host sends them (gzip level 6 for text files;
//   Pagefind's index files and WebAssembly are compressed already). The page itself (HTML, CSS,
//   its script) is the page-weight budget's (tests/build/budgets.ts).
// - cold: from navigation to <base>search/?q=低保 (what the header's search box does) until the
//   first result card is on screen, in Chromium on loopback; median of `runs` fresh contexts.
// - warm: on a loaded search page that has searched once, a new query typed as an input method
//   commits Chinese (two characters at a time, 150 ms apart), from its last keystroke (the input
//   event that completes it) to the first card of its results; median over WARM_QUERIES.
// The anchors are measured the same way: the bare API from navigation (import, init, search,
// data of the first page) and from calling search() on a warm instance; the Default UI from
// navigation with the query, and from the keystroke to its first result.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page, Response } from 'playwright-core';
import { SEARCHABLE_PAGES } from '../../src/routing/page-types.ts';
import { indexParts } from '../../src/publishing/verify-site.ts';
import { SEARCH_INDEX } from '../../src/render/urls.ts';
import { launchBrowser } from '../../tests/support/browser.ts';
import { serveStatic } from '../../tests/support/server.ts';

/** A query every version of the portal's content answers: 低保 is in every yearly report. */
export const DEFAULT_QUERY = '低保';
/** Queries typed on a warm page: terms, an alias, a number, two words. */
export const WARM_QUERIES = ['持证社工', '五保', '1106', '养老服务', '退役军人 2018'];
/** Cards on the first page of results (the portal's PAGE_SIZE and the Default UI's). */
const FIRST_PAGE = 8;

/** Milliseconds: median of the runs, and each run. */
export interface Timing {
  medianMs: number;
  runsMs: number[];
}

export interface SearchBenchResult {
  query: string;
  indexSeconds: number | null;
  indexBytes: number;
  firstQueryBytes: number;
  portal: { cold: Timing; warm: Timing };
  /** Pagefind's JS API alone: import + init + search + data() of the first page, and search + data() warm. */
  bare: { cold: Timing; warm: Timing };
  /** Pagefind's Default UI, unconfigured, on the same index. */
  defaultUi: { cold: Timing; warm: Timing };
}

/** Total size of the files under a folder, not counting the build's precompressed copies (.br, .gz). */
export function folderBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !/\.(br|gz)$/.test(e.name))
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
}

const TEXT = /^(text\/|application\/(javascript|json|xml))/;

/** Bytes of a response as a static host with gzip sends it. */
async function wireBytes(response: Response): Promise<number> {
  const body = await response.body().catch(() => Buffer.alloc(0));
  const type = response.headers()['content-type'] ?? '';
  return TEXT.test(type) ? gzipSync(body, { level: 6 }).length : body.length;
}

const median = (runs: number[]): Timing => {
  const sorted = [...runs].sort((a, b) => a - b);
  return { medianMs: Math.round(sorted[Math.floor(sorted.length / 2)]!), runsMs: runs.map(Math.round) };
};

// The anchor pages, served beside the site (not part of it). Files, as the site's CSP would want.
const ANCHOR_HTML = (title: string, body: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>${body}</head><body><main id="search"></main></body></html>
`;
const DEFAULT_UI_PAGE = (base: string) =>
  ANCHOR_HTML(
    'Pagefind Default UI (unconfigured)',
    `<link rel="stylesheet" href="${base}${SEARCH_INDEX.folder}/pagefind-ui.css"><script src="${base}${SEARCH_INDEX.folder}/pagefind-ui.js"></script><script type="module" src="start.js"></script>`,
  );
// On a site whose index comes in parts (SEARCH_INDEX), the anchors search every part too, told
// which as the search page learns it (its parts file), so that they do the same work; otherwise
// the Default UI stays unconfigured.
const DEFAULT_UI_START = (parts: string[]) => `const ui = new PagefindUI({ element: '#search'${parts.length > 0 ? `, mergeIndex: ${JSON.stringify(parts.map((bundlePath) => ({ bundlePath })))}` : ''} });
const q = new URLSearchParams(location.search).get('q');
if (q) ui.triggerSearch(q);
`;
const BARE_PAGE = ANCHOR_HTML('Pagefind JS API', '<script type="module" src="start.js"></script>');
const BARE_START = (base: string, parts: string[]) => `// Pagefind's JS API and nothing else: search() and the first page's data(), one marker element when done.
const pagefind = await import('${base}${SEARCH_INDEX.folder}/${SEARCH_INDEX.script}');
await pagefind.init();
${parts.map((part) => `await pagefind.mergeIndex('${part}');\n`).join('')}window.bareSearch = async (q) => {
  const found = await pagefind.search(q);
  await Promise.all(found.results.slice(0, ${FIRST_PAGE}).map((r) => r.data()));
  const done = document.createElement('p');
  done.className = 'bare-result';
  done.textContent = String(found.results.length);
  document.querySelector('#search').append(done);
  return found.results.length;
};
const q = new URLSearchParams(location.search).get('q');
if (q) await window.bareSearch(q);
`;

/**
 * A folder that serves the built site as it is (each top-level entry linked) and the two anchor
 * pages under bench-anchors/, so that the site's own folder is never written to.
 */
async function servingFolder(dir: string, base: string): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'portal-search-bench-'));
  for (const entry of readdirSync(dir)) symlinkSync(join(dir, entry), join(root, entry));
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const parts = ((await indexParts(dir)) ?? []).map((part) => `${base}${SEARCH_INDEX.folder}/${part}`);
  write('bench-anchors/default-ui/index.html', DEFAULT_UI_PAGE(base));
  write('bench-anchors/default-ui/start.js', DEFAULT_UI_START(parts));
  write('bench-anchors/bare/index.html', BARE_PAGE);
  write('bench-anchors/bare/start.js', BARE_START(base, parts));
  return root;
}

interface Subject {
  name: 'portal' | 'bare' | 'defaultUi';
  /** Page path under the base. */
  path: string;
  /** What marks a drawn first card. */
  card: string;
  /** The search box, for the warm runs (none for the bare API). */
  input?: string;
}

const SUBJECTS: Subject[] = [
  { name: 'portal', path: 'search/', card: '.search-result', input: 'portal-search input[name="q"]' },
  { name: 'bare', path: 'bench-anchors/bare/', card: '.bare-result' },
  // The Default UI first draws each result as a grey placeholder (.pagefind-ui__result with
  // .pagefind-ui__loading), then its title link and excerpt once the fragment has come: its
  // first card is that link, the first result a reader can read and follow, as the portal's is.
  { name: 'defaultUi', path: 'bench-anchors/default-ui/', card: '.pagefind-ui__result-link', input: '.pagefind-ui__search-input' },
];

/** Records, in the page, when the first element matching `card` is added after `since` (ms since navigation). */
async function watchCards(page: Page, card: string): Promise<void> {
  await page.addInitScript((card) => {
    const w = window as unknown as { __cardAt?: number; __since?: number };
    w.__since = 0;
    new MutationObserver((records) => {
      if (w.__cardAt !== undefined) return;
      const added = records.some((r) => [...r.addedNodes].some((n) => n instanceof Element && (n.matches(card) || n.querySelector(card))));
      if (added) w.__cardAt = performance.now();
    }).observe(document, { childList: true, subtree: true });
  }, card);
}

async function cardTime(page: Page): Promise<number> {
  await page.waitForFunction(() => (window as unknown as { __cardAt?: number }).__cardAt !== undefined, null, { timeout: 60_000 });
  return page.evaluate(() => {
    const w = window as unknown as { __cardAt: number; __since: number };
    return w.__cardAt - w.__since;
  });
}

/** One cold run: a fresh context, navigation with ?q=, until the first card. Counts the search's downloads. */
async function coldRun(browser: Browser, siteUrl: string, base: string, subject: Subject, query: string): Promise<{ ms: number; bytes: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const origin = new URL(siteUrl).origin;
  const counted: Promise<number>[] = [];
  const pageFiles = ['pagefind-ui.js', 'pagefind-ui.css'].map((f) => `${base}${SEARCH_INDEX.folder}/${f}`);
  page.on('response', (response) => {
    const path = response.url().startsWith(origin) ? new URL(response.url()).pathname : '';
    if (path.startsWith(`${base}${SEARCH_INDEX.folder}/`) && !pageFiles.includes(path)) counted.push(wireBytes(response));
  });
  try {
    await watchCards(page, subject.card);
    await page.goto(`${siteUrl}${subject.path}?q=${encodeURIComponent(query)}`);
    const ms = await cardTime(page);
    await page.waitForLoadState('networkidle');
    const bytes = (await Promise.all(counted)).reduce((a, b) => a + b, 0);
    return { ms, bytes };
  } finally {
    await context.close();
  }
}

/** Warm runs: one page, one search to warm it up, then each query typed, from its last keystroke to its first card. */
async function warmRuns(browser: Browser, siteUrl: string, subject: Subject, query: string): Promise<number[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await watchCards(page, subject.card);
    await page.goto(`${siteUrl}${subject.path}?q=${encodeURIComponent(query)}`);
    await cardTime(page);
    await page.waitForLoadState('networkidle');
    const runs: number[] = [];
    for (const q of WARM_QUERIES) {
      if (subject.input) {
        // The last keystroke: the input event that completes the query, timed in the page.
        await page.fill(subject.input, '');
        await page.focus(subject.input);
        // Typed as an input method commits Chinese: a word (two characters) at a time, 150 ms apart.
        const steps = [...q].reduce<string[]>((acc, _c, i, chars) => (i % 2 === 0 ? [...acc, chars.slice(i, i + 2).join('')] : acc), []);
        for (const [i, step] of steps.entries()) {
          if (i === steps.length - 1) {
            await page.evaluate((selector) => {
              const w = window as unknown as { __cardAt?: number | undefined; __since: number };
              document.querySelector(selector)!.addEventListener('input', () => ((w.__since = performance.now()), (w.__cardAt = undefined)), { once: true, capture: true });
            }, subject.input);
          }
          await page.keyboard.insertText(step);
          if (i < steps.length - 1) await page.waitForTimeout(150);
        }
        runs.push(await cardTime(page));
      } else {
        runs.push(
          await page.evaluate(async (q) => {
            const started = performance.now();
            await (window as unknown as { bareSearch(q: string): Promise<number> }).bareSearch(q);
            return performance.now() - started;
          }, q),
        );
      }
    }
    return runs;
  } finally {
    await context.close();
  }
}

const PAGEFIND = resolve(import.meta.dirname, '../../node_modules/.bin/pagefind');

/** Pagefind over the built site, as scripts/build.ts runs it, into a throwaway folder: seconds. */
export function timeIndex(distDir: string): number {
  const out = mkdtempSync(join(tmpdir(), 'portal-pagefind-'));
  try {
    const started = performance.now();
    const run = spawnSync(PAGEFIND, ['--site', distDir, '--glob', SEARCHABLE_PAGES, '--output-path', out], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`pagefind failed:\n${run.stdout}\n${run.stderr}`);
    return (performance.now() - started) / 1000;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * Benchmarks the search of the built site in `distDir`, published under `base` (as built with
 * PORTAL_BASE): serves it on loopback with the anchor pages beside it and measures in Chromium.
 */
export async function benchSearch(distDir: string, base = '/', { query = DEFAULT_QUERY, runs = 5, index = true } = {}): Promise<SearchBenchResult> {
  const dir = resolve(distDir);
  const pagefindDir = join(dir, SEARCH_INDEX.folder);
  if (!existsSync(join(pagefindDir, 'pagefind-entry.json'))) throw new Error(`没有 Pagefind 索引：${pagefindDir}`);
  const normalizedBase = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const indexSeconds = index ? timeIndex(dir) : null;
  const served = await servingFolder(dir, normalizedBase);
  const server = await serveStatic(served, normalizedBase);
  const browser = await launchBrowser();
  try {
    // One unmeasured run first (the server and the browser warm up), then the subjects take
    // turns, so that none is favoured by going later.
    await coldRun(browser, server.url, normalizedBase, SUBJECTS[0]!, query);
    const cold = new Map(SUBJECTS.map((s) => [s.name, [] as { ms: number; bytes: number }[]]));
    for (let i = 0; i < Math.max(1, runs); i++) {
      for (const subject of SUBJECTS) cold.get(subject.name)!.push(await coldRun(browser, server.url, normalizedBase, subject, query));
    }
    const measured = {} as Record<Subject['name'], { cold: Timing; warm: Timing; bytes: number }>;
    for (const subject of SUBJECTS) {
      const runsOf = cold.get(subject.name)!;
      measured[subject.name] = { cold: median(runsOf.map((c) => c.ms)), warm: median(await warmRuns(browser, server.url, subject, query)), bytes: runsOf[0]!.bytes };
    }
    const strip = ({ cold, warm }: { cold: Timing; warm: Timing }) => ({ cold, warm });
    return {
      query,
      indexSeconds,
      indexBytes: folderBytes(pagefindDir),
      firstQueryBytes: measured.portal.bytes,
      portal: strip(measured.portal),
      bare: strip(measured.bare),
      defaultUi: strip(measured.defaultUi),
    };
  } finally {
    await browser.close();
    await server.close();
    rmSync(served, { recursive: true, force: true });
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (t: Timing) => `${t.medianMs} ms`;

/** The rows of the search part of the benchmark table, label → cell. */
export function searchRows(r: SearchBenchResult): Array<[string, string]> {
  return [
    ['Pagefind index time (`pagefind --site … --glob …`)', r.indexSeconds === null ? '—' : `${r.indexSeconds.toFixed(1)} s`],
    ['search index on disk', kb(r.indexBytes)],
    [`first query downloads (“${r.query}”, gzip)`, kb(r.firstQueryBytes)],
    [`**cold**: navigation to search/?q=${r.query} → first card (target ≤ 600 ms)`, `**${ms(r.portal.cold)}**`],
    ['… anchor: Pagefind JS API alone (import, init, search, data)', ms(r.bare.cold)],
    ['… anchor: Pagefind Default UI, unconfigured', ms(r.defaultUi.cold)],
    [`**warm**: last keystroke → first card (target ≤ 200 ms; ${WARM_QUERIES.length} queries)`, `**${ms(r.portal.warm)}**`],
    ['… anchor: Pagefind search() + data() alone', ms(r.bare.warm)],
    ['… anchor: Pagefind Default UI, unconfigured (its 300 ms debounce included)', ms(r.defaultUi.warm)],
  ];
}

if (import.meta.main) {
  const [dir = 'dist', base = '/'] = process.argv.slice(2);
  try {
    const result = await benchSearch(dir, base);
    console.log(`搜索基准 (search benchmark): ${dir}\n${searchRows(result).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);
    console.log(JSON.stringify(result));
  } catch (error) {
    console.error(`搜索基准失败 (search benchmark failed): ${(error as Error).message}`);
    process.exit(1);
  }
}
