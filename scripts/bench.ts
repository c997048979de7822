// npm run bench [-- SIZES…]: how the portal's build scales with content (not part of the tests).
// npm run bench -- search [SIZES…]: only the search part (default: the real content, in about a
// minute): each size is built once, then benchSearch() of scripts/bench/search.ts runs on it
// (Pagefind's index time, index size, first-query bytes, cold and warm time to the first card,
// with Pagefind's bare API and its unconfigured Default UI as anchors); writes docs/benchmark-search.md.
//
// For each size — `real` (the project's own content) and N synthetic reports across departments
// and years (default 100 and 1,000; see scripts/bench/synthetic.ts) — in a temporary
// copy of the project (src/, content/, public/, scripts/, config; node_modules linked):
//   1. the content checker alone (node scripts/check.ts), which must pass;
//   2. the portal's full build (node scripts/build.ts: content check, Astro with comparisons
//      and every page, Pagefind, output checks), timed, with its peak memory, from nothing (no
//      earlier release, no Astro cache);
//   2b. a rebuild after one report's text changes (a paragraph added to the newest report of
//      the primary department), over that first build: what an editor waits for;
//   3. a bare Astro build of the same MDX files (MDX integration, one [...slug].astro rendering
//      each entry), timed the same way: what Astro itself costs for this content;
//   4. Pagefind alone over the full build's output, timed, with its peak memory;
//   5. the search benchmark, benchSearch() from scripts/bench/search.ts, on the full build;
//   6. bytes over the wire per page type (br / gzip / none), from the build's precompressed files
//      (tests/support/page-weight.ts, the budgets' measure).
// Peak memory is GNU time's "Maximum resident set size": the largest single process of the
// step (Astro's node process, or Pagefind), not a sum. A step running longer than
// BENCH_STEP_TIMEOUT_S (default 900) is stopped and its size reported as not finished.
// Writes docs/benchmark.md (after every size) and the README's table (between its bench
// markers), and prints it. `--keep` keeps the temp copies.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { cpus, freemem, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { benchSearch, searchRows, type SearchBenchResult } from './bench/search.ts';
import { LAST_YEAR, writeBareProject, writeSyntheticContent, YEARS_PER_DEPARTMENT, type SyntheticSummary } from './bench/synthetic.ts';
import { SEARCHABLE_PAGES } from '../src/routing/page-types.ts';
import { BROTLI_QUALITY, GZIP_LEVEL } from '../src/publishing/precompress.ts';
import { readFile } from 'node:fs/promises';
import { copyProject } from './project-copy.ts';
import { writtenPage } from '../src/publishing/astro-log.ts';
import { fileOf, pageTypes, sitePaths } from '../tests/e2e/quality-support.ts';
import { pageWeigher, wireBytes } from '../tests/support/page-weight.ts';

const ROOT = resolve(import.meta.dirname, '..');
const TIME = '/usr/bin/time';
const HAS_TIME = existsSync(TIME);
const args = process.argv.slice(2);
const keep = args.includes('--keep');
const searchOnly = args.filter((a) => !a.startsWith('--'))[0] === 'search';
const sizes = args.filter((a) => !a.startsWith('--')).slice(searchOnly ? 1 : 0);
/** A step that runs longer is stopped (its whole process group) and reported as such. */
const STEP_TIMEOUT_S = Number(process.env.BENCH_STEP_TIMEOUT_S ?? 900);
const SIZES: (number | 'real')[] = (sizes.length > 0 ? sizes : searchOnly ? ['real'] : ['real', '100', '1000']).map((s) => (s === 'real' ? 'real' : Number(s)));

interface Timed {
  seconds: number;
  peakMb: number | null;
  stdout: string;
  stderr: string;
}

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/** Runs a command in `cwd`, timed (wall clock) and, where GNU time exists, its peak memory. */
function timed(command: string, commandArgs: string[], cwd: string, env: Record<string, string> = {}): Promise<Timed> {
  const path = [join(cwd, 'node_modules/.bin'), process.env.PATH ?? ''].join(delimiter);
  const [file, fileArgs] = HAS_TIME ? [TIME, ['-v', command, ...commandArgs]] : [command, commandArgs];
  return new Promise((done, fail) => {
    const started = performance.now();
    // Its own process group, so that a step that runs too long is stopped with its children.
    const child = spawn(file, fileArgs, { cwd, detached: true, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PATH: path, ...env } });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, STEP_TIMEOUT_S * 1000);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      const seconds = (performance.now() - started) / 1000;
      if (timedOut) {
        fail(new StepTimeout(`${command} ${commandArgs.join(' ')} stopped after ${STEP_TIMEOUT_S} s (BENCH_STEP_TIMEOUT_S)`));
        return;
      }
      if (code !== 0) {
        fail(new Error(`${command} ${commandArgs.join(' ')} (in ${cwd}) exited ${code}\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`));
        return;
      }
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      done({ seconds, peakMb: rss ? Number(rss[1]) / 1024 : null, stdout, stderr });
    });
  });
}

class StepTimeout extends Error {}

/** A folder's files, not counting the precompressed copies beside them. */
function folderStats(dir: string): { files: number; pages: number; bytes: number } {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !/\.(br|gz)$/.test(e.name));
  return {
    files: entries.length,
    pages: entries.filter((e) => e.name.endsWith('.html')).length,
    bytes: entries.reduce((n, e) => n + statSync(join(e.parentPath, e.name)).size, 0),
  };
}

interface Row {
  label: string;
  size: number | 'real';
  content: SyntheticSummary | null;
  check: Timed;
  full: Timed;
  /** The build after one report's text changed, over the full build's release and caches. */
  rebuild: Timed;
  /** Pages the rebuild rendered and pages Astro reused from the first build (its "(cached)"/"(restored)" lines). */
  rebuildPages: { rendered: number; reused: number };
  /** The full build's own steps, in seconds, as it reports them (null where it did not say). */
  contentCheckInBuild: number | null;
  bare: Timed;
  /** Astro's own "N page(s) built in …" of the full build: the whole `astro build` step. */
  astroInBuild: number | null;
  /** The build's "页面写完后用 N 秒写出": Pagefind's part after Astro (it indexes each page as Astro writes it). */
  pagefindInBuild: number | null;
  /** The build's "预压缩 … 用时 N 秒": writing the .br and .gz copies. */
  precompressInBuild: number | null;
  pagefind: Timed;
  site: { files: number; pages: number; bytes: number };
  /** dist/reports/ (a page per report) and dist/compare/ (two comparison pages per report). */
  reportPages: { files: number; pages: number; bytes: number };
  compare: { files: number; pages: number; bytes: number };
  barePages: number;
  search: SearchBenchResult | string;
  /** A first visit to each page type's samples and to the site's heaviest page (its `path`): bytes over the wire. */
  weights: { name: string; path?: string; br: number; gz: number; none: number }[];
}

/** The paragraph the rebuild adds to one report's text (after its last line, so no figure's sentence changes). */
const ADDED_PARAGRAPH = '\n本段为基准测试所加：改动一份报告的正文后重新构建。\n';

/** The newest report of the primary department (content/reports/<year>.mdx): its text gets a paragraph more. */
async function changeOneReport(portal: string): Promise<string> {
  const dir = join(portal, 'content/reports');
  const newest = readdirSync(dir).filter((n) => /^\d{4}\.mdx$/.test(n)).sort().at(-1);
  if (!newest) throw new Error('no report of the primary department to change');
  const file = join(dir, newest);
  await writeFile(file, `${await readFile(file, 'utf8')}${ADDED_PARAGRAPH}`);
  return `content/reports/${newest}`;
}

/** How many pages a build rendered and how many Astro reused from the previous one (its log). */
function renderedAndReused(stdout: string): { rendered: number; reused: number } {
  const written = stdout.split('\n').flatMap((line) => writtenPage(line) ?? []);
  const reused = written.filter((page) => page.reused).length;
  return { rendered: written.length - reused, reused };
}

function pageWeights(dir: string): Row['weights'] {
  const { weigh } = pageWeigher({ dir, base: '/' });
  const weights = (name: string, path: string) => ({ name, br: weigh(path, 'br').total, gz: weigh(path, 'gz').total, none: weigh(path, 'none').total });
  // Samples may miss the heaviest page (at 1,000 reports a topic page other than the sampled one
  // was twice the target): every page's HTML, as its .gz copy, finds it; then it is weighed whole.
  const html = (path: string) => wireBytes(fileOf(dir, path), 'gz');
  const heaviest = sitePaths(dir).reduce((a, b) => (html(b) > html(a) ? b : a));
  return [...pageTypes(dir).map(({ name, path }) => weights(name, path)), { ...weights(HEAVIEST, heaviest), path: heaviest }];
}

const HEAVIEST = 'heaviest page of the site';

/** The search benchmark of a built site; its index time is `indexSeconds` when already measured. */
async function benchSearchOf(distDir: string, indexSeconds?: number): Promise<SearchBenchResult | string> {
  try {
    const result = await benchSearch(distDir, '/', { index: indexSeconds === undefined });
    return indexSeconds === undefined ? result : { ...result, indexSeconds };
  } catch (error) {
    return `failed: ${(error as Error).message.split('\n')[0]}`;
  }
}

async function benchOne(size: number | 'real'): Promise<Row> {
  const label = size === 'real' ? 'real content' : `${size} synthetic reports`;
  const tmp = mkdtempSync(join(tmpdir(), `portal-bench-${size}-`));
  const portal = join(tmp, 'portal');
  const bare = join(tmp, 'bare');
  try {
    log(`${label}: preparing ${tmp}`);
    await copyProject(ROOT, portal);
    const content = size === 'real' ? null : await writeSyntheticContent(ROOT, portal, size);
    if (content) log(`${label}: ${content.reports} reports of ${content.departments} departments, ${content.figures} figures`);
    await writeBareProject(ROOT, portal, bare);

    log(`${label}: content check`);
    const check = await timed('node', ['scripts/check.ts'], portal);
    log(`${label}: full build (node scripts/build.ts)`);
    const full = await timed('node', ['scripts/build.ts'], portal, { PORTAL_DIST: join(portal, 'dist') });
    const pagefindInBuild = /页面写完后用 ([\d.]+) 秒写出/.exec(full.stdout);
    const precompressInBuild = /预压缩 \(precompressed\).*用时 ([\d.]+) 秒/.exec(full.stdout);
    // Astro writes "123ms", "12.34s" or "7m 57s" (its getTimeStat), possibly with colour codes.
    const astroInBuild = /\d+ page\(s\) built in (?:\x1b\[[\d;]*m)?(?:(\d+)m\s*)?([\d.]+)(m?s)/.exec(full.stdout);
    const changed = await changeOneReport(portal);
    log(`${label}: full build ${full.seconds.toFixed(1)} s; rebuild after ${changed} changed`);
    const rebuild = await timed('node', ['scripts/build.ts'], portal, { PORTAL_DIST: join(portal, 'dist') });
    const contentCheckInBuild = /内容检查用时 ([\d.]+) 秒/.exec(full.stdout);
    log(`${label}: rebuild ${rebuild.seconds.toFixed(1)} s; bare Astro build`);
    const bareRun = await timed('astro', ['build'], bare, { PORTAL_OUT_DIR: join(bare, 'dist') });
    log(`${label}: bare build ${bareRun.seconds.toFixed(1)} s; Pagefind alone`);
    // The same invocation as in scripts/build.ts, into another folder.
    const pagefind = await timed('pagefind', ['--site', join(portal, 'dist'), '--glob', SEARCHABLE_PAGES, '--output-path', join(tmp, 'pagefind-alone')], portal);
    const site = folderStats(join(portal, 'dist'));
    const barePages = folderStats(join(bare, 'dist')).pages;
    const statsOf = (dir: string) => (existsSync(dir) ? folderStats(dir) : { files: 0, pages: 0, bytes: 0 });
    const reportPages = statsOf(join(portal, 'dist/reports'));
    const compare = statsOf(join(portal, 'dist/compare'));
    log(`${label}: search benchmark`);
    const search = await benchSearchOf(join(portal, 'dist'), pagefind.seconds);
    const astroSeconds = astroInBuild
      ? Number(astroInBuild[1] ?? 0) * 60 + Number(astroInBuild[2]) / (astroInBuild[3] === 'ms' ? 1000 : 1)
      : null;
    const weights = pageWeights(join(portal, 'dist'));
    return { label, size, content, check, full, rebuild, rebuildPages: renderedAndReused(rebuild.stdout), contentCheckInBuild: contentCheckInBuild ? Number(contentCheckInBuild[1]) : null, bare: bareRun, astroInBuild: astroSeconds, pagefindInBuild: pagefindInBuild ? Number(pagefindInBuild[1]) : null, precompressInBuild: precompressInBuild ? Number(precompressInBuild[1]) : null, pagefind, site, reportPages, compare, barePages, search, weights };
  } finally {
    if (keep) log(`kept ${tmp}`);
    else await rm(tmp, { recursive: true, force: true });
  }
}

const s = (t: number) => `${t.toFixed(1)} s`;
const mb = (m: number | null) => (m === null ? '—' : `${Math.round(m)} MB`);
const size = (bytes: number) => (bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GB` : bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`);

/** The full build's steps as it reports them, largest expected first. */
const steps: Array<[string, (r: Row) => number | null]> = [
  ['the content check', (r) => r.contentCheckInBuild],
  ['`astro build` (as Astro reports it), Pagefind indexing and precompression (lowest CPU priority) of each page as it is written', (r) => r.astroInBuild],
  ['… Pagefind after it: the index written (as the build reports it)', (r) => r.pagefindInBuild],
  [`… precompression after it: the rest, and the search index (\`.br\` quality ${BROTLI_QUALITY.page}, shared assets ${BROTLI_QUALITY.shared}; \`.gz\` level ${GZIP_LEVEL})`, (r) => r.precompressInBuild],
];

/** The largest step of a full build: Astro's pages, Pagefind's part after them, precompression or the content check. */
function largestStep(r: Row): string {
  const candidates: Array<[string, number | null]> = [
    ['content check', r.contentCheckInBuild],
    ['Astro pages', r.astroInBuild],
    ['Pagefind', r.pagefindInBuild],
    ['precompression', r.precompressInBuild],
  ];
  const known = candidates.filter((c): c is [string, number] => c[1] !== null).sort((a, b) => b[1] - a[1]);
  return known[0] ? `${known[0][0]} (${s(known[0][1])})` : '—';
}

const KB = 1024;
const mark = (ok: boolean) => (ok ? '✓' : '✗');

/** Each target of issue 22 with its anchor from the same run, per column. */
function targetTable(rows: Row[]): string[] {
  const line = (name: string, cells: string[]) => `| ${name} | ${cells.join(' | ')} |`;
  const heaviest = (r: Row) => [...r.weights].sort((a, b) => b.gz - a.gz)[0];
  const searchCell = (r: Row, f: (x: SearchBenchResult) => string) => (typeof r.search === 'string' ? r.search : f(r.search));
  return [
    line('target (anchor)', rows.map((r) => r.label)),
    line('---', rows.map(() => '---:')),
    line('full build ≤ 2.0 × (bare Astro + Pagefind alone) at N = 1,000', rows.map((r) => {
      const anchor = r.bare.seconds + r.pagefind.seconds;
      const ratio = r.full.seconds / anchor;
      return `${s(r.full.seconds)} ÷ (${s(r.bare.seconds)} + ${s(r.pagefind.seconds)}) = ${ratio.toFixed(2)}× ${mark(ratio <= 2)}`;
    })),
    line('largest step of the full build: not precompression', rows.map((r) => `${largestStep(r)} ${mark(!largestStep(r).startsWith('precompression'))}`)),
    line('rebuild after one report\'s text changed ≤ 0.5 × the full build', rows.map((r) => {
      const ratio = r.rebuild.seconds / r.full.seconds;
      return `${s(r.rebuild.seconds)} ÷ ${s(r.full.seconds)} = ${ratio.toFixed(2)}× ${mark(ratio <= 0.5)}`;
    })),
    line('heaviest page, first visit, gzip ≤ 60 KB', rows.map((r) => {
      const w = heaviest(r);
      return w ? `${w.path === undefined ? w.name : `/${w.path}`} ${size(w.gz)} ${mark(w.gz <= 60 * KB)}` : '—';
    })),
    line('search cold ≤ Pagefind Default UI (and ≤ 600 ms on real content)', rows.map((r) => searchCell(r, (x) => {
      const ok = x.portal.cold.medianMs <= x.defaultUi.cold.medianMs && (r.size !== 'real' || x.portal.cold.medianMs <= 600);
      return `${x.portal.cold.medianMs} vs ${x.defaultUi.cold.medianMs} ms ${mark(ok)}`;
    }))),
    line('search warm ≤ 0.6 × Default UI and ≤ 200 ms', rows.map((r) => searchCell(r, (x) => {
      const ok = x.portal.warm.medianMs <= 0.6 * x.defaultUi.warm.medianMs && x.portal.warm.medianMs <= 200;
      return `${x.portal.warm.medianMs} vs 0.6 × ${x.defaultUi.warm.medianMs} = ${Math.round(0.6 * x.defaultUi.warm.medianMs)} ms ${mark(ok)}`;
    }))),
    line('peak memory of the full build ≤ 2 GB at N = 1,000 (largest process)', rows.map((r) => `${mb(r.full.peakMb)}${r.full.peakMb === null ? '' : ` ${mark(r.full.peakMb <= 2048)}`}`)),
  ];
}

/** The README's copy of the targets, between these markers. */
const README_MARKERS = ['<!-- bench:start (written by npm run bench) -->', '<!-- bench:end -->'] as const;

async function writeReadmeTable(rows: Row[]): Promise<void> {
  const file = join(ROOT, 'README.md');
  const text = await readFile(file, 'utf8');
  const [start, end] = README_MARKERS;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) {
    log(`README.md has no ${start} … ${end} markers: its table is not updated`);
    return;
  }
  const body = `${start}\nLatest run ${new Date().toISOString().slice(0, 10)} (${cpus().length} cores); the same figures as [docs/benchmark.md](docs/benchmark.md):\n\n${targetTable(rows).join('\n')}\n`;
  await writeFile(file, `${text.slice(0, from)}${body}${text.slice(to)}`);
}

function markdown(rows: Row[], notes: string[]): string {
  const cpu = cpus();
  const machine = `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM (${(freemem() / 1024 ** 3).toFixed(0)} GiB free at the end), ${platform()} ${release()}, Node ${process.versions.node}`;
  const head = ['', ...rows.map((r) => r.label)];
  const line = (name: string, cells: string[]) => `| ${name} | ${cells.join(' | ')} |`;
  const table = [
    line(head[0]!, head.slice(1)),
    line('---', rows.map(() => '---:')),
    line('reports / departments / figures', rows.map((r) => (r.content ? `${r.content.reports} / ${r.content.departments} / ${r.content.figures}` : 'as in content/'))),
    line('years', rows.map((r) => (r.content ? `${r.content.years[0]}–${r.content.years[1]}` : 'as in content/'))),
    line('content (MDX)', rows.map((r) => (r.content ? size(r.content.contentBytes) : '—'))),
    line('pages built (portal / bare)', rows.map((r) => `${r.site.pages} / ${r.barePages}`)),
    line('portal output (files, size)', rows.map((r) => `${r.site.files}, ${size(r.site.bytes)}`)),
    line('… of which report pages (pages, size)', rows.map((r) => `${r.reportPages.pages}, ${size(r.reportPages.bytes)}`)),
    line('… of which comparison pages (pages, size)', rows.map((r) => `${r.compare.pages}, ${size(r.compare.bytes)}`)),
    line('**full portal build, from nothing** (`node scripts/build.ts`)', rows.map((r) => `**${s(r.full.seconds)}**`)),
    ...steps.map(([name, of]) => line(`… of which ${name}`, rows.map((r) => { const t = of(r); return t === null ? '—' : s(t); }))),
    line('… content check run alone (`scripts/check.ts`)', rows.map((r) => s(r.check.seconds))),
    line('**rebuild after one report\'s text changed**', rows.map((r) => `**${s(r.rebuild.seconds)}**`)),
    line('… pages rendered / reused from the first build', rows.map((r) => `${r.rebuildPages.rendered} / ${r.rebuildPages.reused}`)),
    line('bare Astro build of the same MDX', rows.map((r) => s(r.bare.seconds))),
    line('ratio full / bare', rows.map((r) => `${(r.full.seconds / r.bare.seconds).toFixed(1)}×`)),
    line('peak memory, full build (largest process)', rows.map((r) => mb(r.full.peakMb))),
    line('peak memory, bare build', rows.map((r) => mb(r.bare.peakMb))),
    line('Pagefind alone (as in the build, `pagefind --site … --glob …`), wall', rows.map((r) => s(r.pagefind.seconds))),
    line('Pagefind alone, peak memory', rows.map((r) => mb(r.pagefind.peakMb))),
    ...searchLines(rows, line),
  ];
  const typeNames = [...new Set(rows.flatMap((r) => r.weights.map((w) => w.name)))];
  const weightTable = [
    line('page type (first visit: HTML + CSS + JS)', rows.map((r) => `${r.label}: br / gzip / none`)),
    line('---', rows.map(() => '---:')),
    ...typeNames.map((name) => line(name, rows.map((r) => {
      const w = r.weights.find((x) => x.name === name);
      return w ? `${w.path === undefined ? '' : `/${w.path}: `}${size(w.br)} / ${size(w.gz)} / ${size(w.none)}` : '—';
    }))),
  ];
  return `# Build benchmark

Generated by \`npm run bench\` (scripts/bench.ts) on ${new Date().toISOString().slice(0, 10)}; load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' / ')}.

Machine: ${machine}.

## Targets (issue 22), each beside its anchor, this run

${targetTable(rows).join('\n')}

## Figures

${table.join('\n')}

Bytes over the wire per page type, as nginx sends them with the shipped configuration
(deploy/nginx/: the build's precompressed .br / .gz copies, or the file itself):

${weightTable.join('\n')}

How it is measured:
- Each column is a temporary copy of the project. *real content* is the project's own reports; *N synthetic reports* are
  made by scripts/bench/synthetic.ts from the real ones: ${YEARS_PER_DEPARTMENT} reports per department (the primary one, then
  synthetic units), one a year up to ${LAST_YEAR}; each is the official text of a real report, word for word, alternating
  2018 and 2022, with all its figures (85 or 55, the real reports' own) under their real metric ids (the real catalog:
  every department has a series for every metric). They pass the content checker (row *content check alone*).
- *Full portal build*: \`node scripts/build.ts\` from nothing (no earlier release, no Astro cache) — content check, Astro
  (report, metric, topic, comparison, commitment, citation, data and search pages, feeds), Pagefind and precompression
  (at the lowest CPU priority) of each page as Astro writes it, output checks, the search index precompressed, atomic swap. *Rebuild*: the same command
  again after a paragraph was added to the newest report of the primary department; Astro reuses every page whose
  cacheKey (src/routing/cache-key.ts) and code are unchanged, precompression every unchanged file. *Bare Astro build*:
  the same MDX files with only the MDX integration, a schema-less collection and one \`[...slug].astro\` that renders
  each entry. *Pagefind alone*: \`pagefind --site … --glob …\` over the full build's pages, as the build indexes them.
  All wall-clock, one after the other, nothing else running on purpose (the load average is given above).
- Peak memory: GNU time's maximum resident set size, i.e. of the largest single process of the step (Astro's node
  process for the builds), not the sum of a step's processes.${HAS_TIME ? '' : ' /usr/bin/time was not available: not measured.'}
- Search: \`benchSearch()\` of scripts/bench/search.ts on the full build's output, in Chromium on loopback: ${SEARCH_NOTE}

${notes.map((n) => `- ${n}`).join('\n')}

N = 10,000 (a province over a decade) takes over an hour, so it is not part of this run: its build, measured on its own
(time, memory, the search index in parts, search and page weights), and what still limits it are in
[docs/scale-10000.md](scale-10000.md).
`;
}

/** How the search rows are measured (scripts/bench/search.ts). */
const SEARCH_NOTE = `index time (Pagefind alone, as in the build), index size, bytes a first query downloads; *cold*: from
  navigation to search/?q=低保 to the first result card (median of 5 fresh browser contexts, the three pages taking turns); *warm*: on a search page that
  has searched once, a new query typed as an input method commits it (two characters at a time, 150 ms apart), from its last
  keystroke to its first card (median of 5 queries). Anchors on the same index,
  in the same run: Pagefind's JS API alone (import, init, search() and data() of the first 8 results; warm: search() + data())
  and Pagefind's Default UI without configuration, whose first card is its first result's title link (it draws grey
  placeholders before the result's text has come).`;

/** The search rows of a table: the same rows for every column, or the reason a column has none. */
function searchLines(columns: Array<{ search: SearchBenchResult | string }>, line: (name: string, cells: string[]) => string): string[] {
  const sample = columns.find((c) => typeof c.search !== 'string')?.search as SearchBenchResult | undefined;
  if (!sample) return [line('search', columns.map((c) => String(c.search)))];
  return searchRows(sample).map(([name], i) => line(name, columns.map((c) => (typeof c.search === 'string' ? c.search : searchRows(c.search)[i]![1]))));
}

/** `npm run bench -- search`: each size built once, then only the search benchmark. */
async function searchOnlyRun(): Promise<void> {
  const columns: Array<{ label: string; content: SyntheticSummary | null; build: number; search: SearchBenchResult | string }> = [];
  for (const n of SIZES) {
    const label = n === 'real' ? 'real content' : `${n} synthetic reports`;
    const tmp = mkdtempSync(join(tmpdir(), `portal-bench-search-${n}-`));
    const portal = join(tmp, 'portal');
    try {
      await copyProject(ROOT, portal);
      const content = n === 'real' ? null : await writeSyntheticContent(ROOT, portal, n);
      log(`${label}: build`);
      const full = await timed('node', ['scripts/build.ts'], portal, { PORTAL_DIST: join(portal, 'dist') });
      log(`${label}: search benchmark`);
      columns.push({ label, content, build: full.seconds, search: await benchSearchOf(join(portal, 'dist')) });
    } catch (error) {
      columns.push({ label, content: null, build: 0, search: `failed: ${(error as Error).message.split('\n')[0]}` });
    } finally {
      if (keep) log(`kept ${tmp}`);
      else await rm(tmp, { recursive: true, force: true });
    }
  }
  const line = (name: string, cells: string[]) => `| ${name} | ${cells.join(' | ')} |`;
  const cpu = cpus();
  const text = `# Search benchmark

Generated by \`npm run bench -- search ${SIZES.join(' ')}\` (scripts/bench.ts, scripts/bench/search.ts) on ${new Date().toISOString().slice(0, 10)}.
Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.versions.node}; load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' / ')}.

${[
    line('', columns.map((c) => c.label)),
    line('---', columns.map(() => '---:')),
    line('reports / departments', columns.map((c) => (c.content ? `${c.content.reports} / ${c.content.departments}` : 'as in content/'))),
    line('full portal build', columns.map((c) => `${c.build.toFixed(1)} s`)),
    ...searchLines(columns, line),
  ].join('\n')}

How it is measured: ${SEARCH_NOTE}
`;
  await writeFile(join(ROOT, 'docs/benchmark-search.md'), text);
  console.log(text);
}

if (searchOnly) {
  await searchOnlyRun();
  process.exit(0);
}

const rows: Row[] = [];
const notes: string[] = [];
for (const n of SIZES) {
  if (n !== 'real' && (!Number.isInteger(n) || n < 1)) {
    notes.push(`N = ${n} skipped: not a positive whole number.`);
    continue;
  }
  try {
    rows.push(await benchOne(n));
  } catch (error) {
    const message = (error as Error).message;
    log(`${n}: failed\n${message}`);
    notes.push(`${n === 'real' ? 'real content' : `N = ${n}`}: ${error instanceof StepTimeout ? 'not finished' : 'failed'} — ${message.split('\n')[0]}`);
  }
  // Written after every size, so that a long run that is stopped still leaves its results.
  if (rows.length > 0) {
    await writeFile(join(ROOT, 'docs/benchmark.md'), markdown(rows, notes));
    await writeReadmeTable(rows);
  }
}
if (rows.length === 0) {
  console.error(notes.join('\n'));
  process.exit(1);
}
const text = markdown(rows, notes);
await writeFile(join(ROOT, 'docs/benchmark.md'), text);
console.log(text);
