// The pages' precompression in a process of its own at the lowest CPU priority, fed each file as
// Astro writes it: it takes the share of the cores that Astro's rendering and Pagefind leave idle
// (about a third of the second core on 1,000 reports), and never slows them, since the kernel
// runs it only when they wait. Once every page is written it compresses what it was not given
// (the files Astro copies from public/, its bundles) and reports what it wrote.
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { createInterface } from 'node:readline';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEARCH_INDEX } from '../render/urls.ts';
import { compressibleFiles, isCompressible, precompressor, type PrecompressSummary } from './precompress.ts';

/** The search index is written last, once every page is indexed: compressed on its own then. */
export const isSearchIndexFile = (rel: string) => rel.split(sep)[0] === SEARCH_INDEX.folder;

/** Nice value of the process: the lowest priority there is. */
const LOWEST = 19;

/**
 * Threads it compresses on (libuv's pool): one, since the rendering leaves less than a core idle,
 * and compressing on more threads only crowds the cores' caches the rendering needs.
 */
const THREADS = 1;

export interface PagesPrecompression {
  /** A file Astro has written (its path within the site); one not worth compressing is passed over. */
  add(rel: string): void;
  /** Every page is written: compresses the rest of the site but the search index, and resolves to what was written. */
  finish(): Promise<PrecompressSummary>;
  /** Ends the process (the build failed or was stopped). */
  stop(): void;
}

/**
 * Starts compressing the pages of the site in `site`, copies of unchanged files taken from
 * `previous` (as precompressSite does).
 */
export function precompressPages(site: string, previous: string | undefined): PagesPrecompression {
  const env = { ...process.env, UV_THREADPOOL_SIZE: String(THREADS) };
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), site, previous ?? ''], { stdio: ['pipe', 'pipe', 'inherit'], env });
  const lines = createInterface({ input: child.stdout });
  const summary = new Promise<PrecompressSummary>((resolve, fail) => {
    let last = '';
    lines.on('line', (line) => (last = line));
    child.on('error', fail);
    child.on('close', (code, signal) => (code === 0 ? resolve(JSON.parse(last) as PrecompressSummary) : fail(new Error(`预压缩进程失败（退出码 ${code ?? signal}）`))));
  });
  // Not left unhandled while the build still runs; finish() hands the failure on.
  summary.catch(() => undefined);
  child.stdin.on('error', () => undefined);
  return {
    add: (rel) => {
      if (isCompressible(rel) && !isSearchIndexFile(rel)) child.stdin.write(`${rel}\n`);
    },
    finish: () => {
      child.stdin.end();
      return summary;
    },
    stop: () => child.kill('SIGTERM'),
  };
}

// The process itself: a path a line on stdin; the rest of the site when stdin ends; the summary as JSON on stdout.
if (import.meta.main) {
  // Before its first file, so that the thread pool zlib runs on starts with the same priority.
  setPriority(LOWEST);
  const [site, previous] = process.argv.slice(2) as [string, string];
  const packing = precompressor(site, { previous: previous === '' ? undefined : previous });
  const input = createInterface({ input: process.stdin });
  input.on('line', (rel) => packing.add(rel));
  input.on('close', async () => {
    for (const rel of await compressibleFiles(site, (rel) => !isSearchIndexFile(rel))) packing.add(rel);
    process.stdout.write(`${JSON.stringify(await packing.finish())}\n`);
  });
}
