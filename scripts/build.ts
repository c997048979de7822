// npm run build: the whole site, as a new release. Astro builds into a fresh staging folder while
// the content is checked (bad content stops it), and Pagefind indexes each searchable page as
// Astro writes it (src/publishing/search-index.ts) and each file is precompressed in the time
// the rendering leaves (src/publishing/precompress-process.ts); then the pages are verified while
// the index is written, the search index is precompressed, and only then does `dist`
// switch to it, in one step (src/publishing/releases.ts).
// Any failure leaves the previous dist exactly as it was; one build runs at a time.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { rm } from 'node:fs/promises';
import { totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent } from '../src/checks/check-content.ts';
import { formatProblems } from '../src/reading/problems.ts';
import { checkPages, checkSearchIndex, type PagesChecked } from '../src/publishing/verify-site.ts';
import { addSummaries, precompressSite, recordSettings, reusableCopies, type PrecompressSummary } from '../src/publishing/precompress.ts';
import { isSearchIndexFile, precompressPages } from '../src/publishing/precompress-process.ts';
import { PAGES_WRITTEN } from '../src/integrations/search-index.ts';
import { writtenPage } from '../src/publishing/astro-log.ts';
import { isSearchablePage, openSearchIndex } from '../src/publishing/search-index.ts';
import { currentRelease, freshStaging, publish, releaseFolders, removeLegacyStaging, withReleaseLock } from '../src/publishing/releases.ts';
import { publishedFigures } from '../src/publishing/published-figures.ts';

const root = process.cwd();
const folders = releaseFolders(resolve(root, process.env.PORTAL_DIST ?? 'dist'));
const started = performance.now();

/**
 * Astro renders every page in one process, holding all route data: at 10,000 reports that outgrew
 * V8's default heap limit (about 4 GB; the build stopped there). The build may use three quarters
 * of the machine's memory instead; a limit set in NODE_OPTIONS by the caller wins.
 */
function nodeOptions(): string {
  const given = process.env['NODE_OPTIONS'] ?? '';
  if (given.includes('--max-old-space-size')) return given;
  return `${given} --max-old-space-size=${Math.floor((totalmem() / 2 ** 20) * 0.75)}`.trim();
}

/**
 * V8 grows its heap by a factor of its choosing, up to four, over what its last full collection
 * kept; rendering keeps about 600 MB at 1,000 reports and discards far more. Half again at most:
 * measured on 1,000 reports, five full builds each, Astro's process peaked at 1,792–1,835 MB
 * (Pagefind's, 1,947–1,952 MB, then the largest) instead of 2,000–2,198 MB, in 126–151 s either
 * way. Not a flag NODE_OPTIONS may carry: this Node runs Astro's CLI with it.
 */
const ASTRO_V8_FLAGS = ['--heap-growing-percent=50'];
const astroCli = join(dirname(fileURLToPath(import.meta.resolve('astro/package.json'))), 'bin', 'astro.mjs');

/**
 * Starts `astro build`, its output passed through: `on.page` is called with each file Astro has
 * written (src/publishing/astro-log.ts), in the order it writes them, and `on.pagesWritten` when
 * the search integration says every page is written (PAGES_WRITTEN). `stop` ends it (the content
 * check found problems).
 */
function astroBuild(env: Record<string, string>, on: { page(file: string): void; pagesWritten(): void }): { done: Promise<void>; stop: () => void } {
  const child = spawn(process.execPath, [...ASTRO_V8_FLAGS, astroCli, 'build'], { stdio: ['inherit', 'pipe', 'inherit'], env: { ...process.env, NODE_OPTIONS: nodeOptions(), ...env } });
  createInterface({ input: child.stdout }).on('line', (line) => {
    console.log(line);
    const page = writtenPage(line);
    if (page) on.page(page.file);
    else if (line.includes(PAGES_WRITTEN)) on.pagesWritten();
  });
  const done = new Promise<void>((resolve, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) => (code === 0 ? resolve() : fail(new Error(`astro build 失败（退出码 ${code ?? signal}）`))));
  });
  return { done, stop: () => child.kill('SIGTERM') };
}

// Ctrl-C (or a service manager's stop) ends the build cleanly: the step under way fails, and its
// staging folder and the lock are removed. A build killed outright leaves them to the next build.
let holdingLock = false;
let stoppedBy: string | null = null;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (!holdingLock) process.exit(130);
    stoppedBy = signal;
  });
}
function unlessStopped(): void {
  if (stoppedBy !== null) throw new Error(`构建被中断 (interrupted by ${stoppedBy})`);
}

try {
  await withReleaseLock(folders, async () => {
    holdingLock = true;
    await removeLegacyStaging(root);
    const staging = await freshStaging(folders);
    try {
      const previous = await reusableCopies(folders.releases, await currentRelease(folders));
      const stopped = () => stoppedBy !== null;
      // Work runs side by side on the machine's cores: the content check while Astro starts (the
      // check is quick; Astro's start, content sync and bundling, is not); Pagefind's indexing
      // while Astro renders, each page once it is written, in Astro's order, which a rebuild keeps
      // (measured on 1,000 reports, indexing beside the rendering slowed it by 5 s and took 24 s
      // off the end); the pages' compression too, but at the lowest priority, in what the rendering,
      // its garbage collector and Pagefind leave of the cores (at normal priority it slowed the
      // rendering by as much as it saved); and once every page is written, the output checks
      // while the index is written.
      let packing = 0;
      let pages: Promise<PrecompressSummary> | undefined;
      let checked: Promise<PagesChecked> | undefined;
      // MIMALLOC_PURGE_DELAY=0: the bundler's and the Astro compiler's native allocator (mimalloc)
      // gives freed memory back at once, not later: measured on 1,000 reports, the Astro process
      // held 1,960 MB instead of 2,360 MB when its pages were written.
      const index = await openSearchIndex(staging);
      const compressing = precompressPages(staging, previous);
      const env = { PORTAL_OUT_DIR: staging, PORTAL_CACHE_DIR: folders.cache, PORTAL_CONTENT_CHECKED: '1', PORTAL_INDEXED_BY_BUILD: '1', MIMALLOC_PURGE_DELAY: '0' };
      const astro = astroBuild(env, {
        page: (file) => {
          if (isSearchablePage(file)) index.addPage(file);
          compressing.add(file);
        },
        pagesWritten: () => {
          packing = performance.now();
          pages = compressing.finish();
          checked = checkPages(staging);
        },
      });
      // Content first in what the editor reads: a build with bad content stops Astro and says
      // what is wrong, whatever Astro said meanwhile. It includes the comparison with the live
      // release: a published figure changed without a correction is refused.
      const checking = performance.now();
      const contentChecked = publishedFigures(folders)
        .then((published) => checkContent(root, published))
        .then((problems) => {
          if (problems.length > 0) {
            astro.stop();
            throw new Error(`内容检查未通过 (content check failed):\n${formatProblems(problems)}`);
          }
          console.log(`内容检查用时 ${((performance.now() - checking) / 1000).toFixed(1)} 秒，与 Astro 的启动同时进行 (content checked)`);
        });
      try {
        const [content, built] = await Promise.allSettled([contentChecked, astro.done]);
        if (content.status === 'rejected') throw content.reason;
        if (built.status === 'rejected') throw built.reason;
        unlessStopped();
        if (!pages || !checked) throw new Error(`astro build 没有报告页面写出（${PAGES_WRITTEN}）`);
        const indexed = await index.write();
        // scripts/bench.ts reads the seconds.
        console.log(`搜索索引 (Pagefind): ${indexed} 个页面，与 Astro 写页面同时建立，页面写完后用 ${((performance.now() - packing) / 1000).toFixed(1)} 秒写出`);
      } finally {
        if (stoppedBy !== null || pages === undefined) compressing.stop();
        await Promise.all([pages?.catch(() => undefined), checked?.catch(() => undefined), index.close()]);
      }
      unlessStopped();
      const { problems, searchable } = await checked;
      const outputProblems = [...problems, ...(await checkSearchIndex(staging, searchable))];
      if (outputProblems.length > 0) throw new Error(`构建产物检查未通过：\n${outputProblems.join('\n')}`);
      const packed = addSummaries(await pages, await precompressSite(staging, { previous, stopped, only: isSearchIndexFile }));
      console.log(`预压缩 (precompressed): ${packed.written.br} 个 .br，${packed.written.gz} 个 .gz（${packed.reused} 个文件未变，沿用上一版本），用时 ${((performance.now() - packing) / 1000).toFixed(1)} 秒（与搜索索引同时进行）`);
      unlessStopped();
      const release = await publish(folders, staging);
      await recordSettings(folders.releases);
      console.log(`\n构建完成 (build complete): ${folders.dist} → ${release}，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
  }, (pid) => console.log(`等待进程 ${pid} 的构建完成… (waiting for the build holding ${folders.releases}/.lock)`));
} catch (error) {
  console.error(`\n构建失败，dist/ 未改动 (build failed, dist/ left unchanged)\n${(error as Error).message}`);
  process.exitCode = 1;
}
