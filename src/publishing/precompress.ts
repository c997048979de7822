// Precompressed copies of a built site's text files, written beside them (page.html.br,
// page.html.gz), so that nginx sends them as they are (brotli_static, gzip_static; see
// deploy/nginx/) and a CDN or object store can do the same: no compression per request.
import { copyFile, link, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { SEARCH_INDEX } from '../render/urls.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * What is worth compressing: the site's text files. Pagefind's own index files (.pf_*, and
 * its .pagefind wasm) are gzip inside already; images here are SVG (text) or PNG (compressed).
 */
export const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.csv', '.svg', '.txt']);

/** The encodings written, as file suffixes, in the order a server prefers them. */
export const ENCODINGS = ['br', 'gz'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** A compressed copy is kept only when it saves at least this share of the file. */
const WORTH = 0.9;

/**
 * Folders of files that every visitor fetches and browsers cache (Astro's bundles, Pagefind's
 * scripts): few, so they get brotli's maximum.
 */
export const SHARED_ASSETS = ['_astro/', `${SEARCH_INDEX.folder}/`];

/**
 * gzip at its maximum. brotli at 11 for the shared assets; at 5 for pages and data: measured on
 * 1,000 synthetic reports (a gigabyte of pages), quality 10 compressed about 1 MB/s a core and
 * took 205 of a 361 s build, quality 5 about 20 MB/s for copies some 10 % larger
 * (3.8 % of the page instead of 3.45 %); a page's gzip copy is unchanged.
 */
export const GZIP_LEVEL = constants.Z_BEST_COMPRESSION;
export const BROTLI_QUALITY = { shared: constants.BROTLI_MAX_QUALITY, page: 5 } as const;
const GZIP_OPTIONS = { level: GZIP_LEVEL, memLevel: 9 };
const BROTLI_PARAMS = { [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT };

/**
 * Brotli's window: as large as the file (a window past its end finds nothing more), within
 * brotli's bounds. Measured on 200 synthetic reports' pages: the same sizes as the largest window,
 * compressed 40 % faster, since brotli need not set up a 16 MB window for a 400 KB page.
 */
const windowBits = (length: number) => Math.min(constants.BROTLI_MAX_WINDOW_BITS, Math.max(constants.BROTLI_MIN_WINDOW_BITS, Math.ceil(Math.log2(length + 1))));

/** Whether a file (its path within the site) is one of the shared assets. */
export const isSharedAsset = (rel: string) => SHARED_ASSETS.some((folder) => rel.split(sep).join('/').startsWith(folder));

/** Deterministic: the same bytes give the same copy (Node's gzip header carries no time stamp). */
export function compress(bytes: Buffer, encoding: Encoding, quality: number = BROTLI_QUALITY.page): Promise<Buffer> {
  // The whole file in one call to the thread pool, not in zlib's 16 KB chunks, each a round trip.
  const chunkSize = Math.max(constants.Z_DEFAULT_CHUNK, bytes.length);
  if (encoding === 'gz') return gzipAsync(bytes, { ...GZIP_OPTIONS, chunkSize });
  const params = { ...BROTLI_PARAMS, [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_LGWIN]: windowBits(bytes.length), [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length };
  return brotli(bytes, { chunkSize, params });
}

/**
 * Everything the compressed bytes depend on besides the file: copies made under other settings
 * (another quality, another zlib) are never reused.
 */
export const PRECOMPRESS_SETTINGS = JSON.stringify({ BROTLI_PARAMS, windowBits: String(windowBits), BROTLI_QUALITY, SHARED_ASSETS, GZIP_OPTIONS, WORTH, zlib: process.versions.zlib, brotli: process.versions.brotli });

/**
 * Where a releases folder (src/publishing/releases.ts) notes the settings its current release was
 * compressed with; removed on a rollback, since the release rolled back to may predate them.
 */
const SETTINGS_FILE = '.precompress-settings';

/** `release` (a folder in `releases`), when its copies were made with today's settings. */
export async function reusableCopies(releases: string, release: string | null): Promise<string | undefined> {
  const settings = await readFile(join(releases, SETTINGS_FILE), 'utf8').catch(() => null);
  return release !== null && settings === PRECOMPRESS_SETTINGS ? join(releases, release) : undefined;
}

/** Notes today's settings as those of the release just published in `releases`. */
export const recordSettings = (releases: string) => writeFile(join(releases, SETTINGS_FILE), PRECOMPRESS_SETTINGS);

/** Forgets them: the next build compresses everything afresh. */
export const forgetSettings = (releases: string) => rm(join(releases, SETTINGS_FILE), { force: true });

export interface PrecompressSummary {
  files: number;
  written: Record<Encoding, number>;
  /** Files whose copies were taken over from the previous release (unchanged since). */
  reused: number;
  bytes: { none: number } & Record<Encoding, number>;
}

export interface PrecompressOptions {
  /**
   * The previous release, compressed with the same PRECOMPRESS_SETTINGS: a file that is byte
   * for byte what it was there gets that release's copies (hard-linked), since compressing it
   * again would give the very same bytes. Compressing is much of a large build; this way a build compresses only what changed.
   */
  previous?: string | undefined;
  /** Asked between files: a build being stopped need not wait for the rest. */
  stopped?: () => boolean;
  /** Only the files this accepts (their paths within the site); all when absent. */
  only?: (rel: string) => boolean;
}

/** The previous release's copies of `file`, if `file` is unchanged since: encoding → path (absent where none was worth writing). */
async function unchangedCopies(previous: string, rel: string, bytes: Buffer): Promise<Partial<Record<Encoding, string>> | null> {
  const before = await readFile(join(previous, rel)).catch(() => null);
  if (before === null || !before.equals(bytes)) return null;
  const copies: Partial<Record<Encoding, string>> = {};
  for (const encoding of ENCODINGS) {
    const path = join(previous, `${rel}.${encoding}`);
    if (await stat(path).then(() => true, () => false)) copies[encoding] = path;
  }
  return copies;
}

/** The two summaries of a site compressed in parts, as one. */
export function addSummaries(a: PrecompressSummary, b: PrecompressSummary): PrecompressSummary {
  return {
    files: a.files + b.files,
    written: { br: a.written.br + b.written.br, gz: a.written.gz + b.written.gz },
    reused: a.reused + b.reused,
    bytes: { none: a.bytes.none + b.bytes.none, br: a.bytes.br + b.bytes.br, gz: a.bytes.gz + b.bytes.gz },
  };
}

/** Whether a file (its path or name) is one worth compressing. */
export const isCompressible = (rel: string) => COMPRESSIBLE.has(extname(rel));

/** The compressible files under `dir` that `only` accepts, as paths within it, sorted. */
export async function compressibleFiles(dir: string, only: (rel: string) => boolean = () => true): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && isCompressible(e.name))
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .filter(only)
    .sort();
}

/** Compresses the files it is given, a few at a time, as they come. */
export interface Precompressor {
  /** Queues a file (its path within the site); a file queued twice is compressed once. */
  add(rel: string): void;
  /** Resolves, once every file queued has its copies, to what was written. */
  finish(): Promise<PrecompressSummary>;
}

/** A precompressor of files under `dir`; `only` is not asked (the caller chooses what to add). */
export function precompressor(dir: string, { previous, stopped = () => false }: Omit<PrecompressOptions, 'only'> = {}): Precompressor {
  const summary: PrecompressSummary = { files: 0, written: { br: 0, gz: 0 }, reused: 0, bytes: { none: 0, br: 0, gz: 0 } };
  const queued = new Set<string>();
  const queue: string[] = [];
  let finishing = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const compressOne = async (rel: string) => {
    const file = join(dir, rel);
    const bytes = await readFile(file);
    summary.bytes.none += bytes.length;
    const copies = previous === undefined ? null : await unchangedCopies(previous, rel, bytes);
    if (copies !== null) summary.reused += 1;
    for (const encoding of ENCODINGS) {
      const target = `${file}.${encoding}`;
      let size: number | null;
      if (copies !== null) {
        const from = copies[encoding];
        if (from !== undefined) await link(from, target).catch(() => copyFile(from, target));
        size = from === undefined ? null : (await stat(target)).size;
      } else {
        const packed = await compress(bytes, encoding, isSharedAsset(rel) ? BROTLI_QUALITY.shared : BROTLI_QUALITY.page);
        size = packed.length <= bytes.length * WORTH ? packed.length : null;
        if (size !== null) await writeFile(target, packed);
      }
      summary.written[encoding] += size === null ? 0 : 1;
      summary.bytes[encoding] += size ?? bytes.length;
    }
  };
  // zlib's async calls run on libuv's thread pool: a few files at a time use every core.
  const worker = async () => {
    while (failure === undefined && !stopped()) {
      const rel = queue.shift();
      if (rel !== undefined) {
        await compressOne(rel).catch((error: unknown) => (failure ??= error));
        continue;
      }
      if (finishing) return;
      await new Promise<void>((resolve) => {
        const before = wake;
        wake = () => (before?.(), resolve());
      });
    }
  };
  const workers = Promise.all(Array.from({ length: 4 }, worker));
  const nudge = () => {
    const waiting = wake;
    wake = undefined;
    waiting?.();
  };
  return {
    add(rel) {
      if (queued.has(rel)) return;
      queued.add(rel);
      summary.files += 1;
      queue.push(rel);
      nudge();
    },
    async finish() {
      finishing = true;
      nudge();
      await workers;
      if (failure !== undefined) throw failure;
      return summary;
    },
  };
}

/** Writes `<file>.br` and `<file>.gz` beside each compressible file under `dir` where they pay off. */
export async function precompressSite(dir: string, { only, ...options }: PrecompressOptions = {}): Promise<PrecompressSummary> {
  const packing = precompressor(dir, options);
  for (const rel of await compressibleFiles(dir, only)) packing.add(rel);
  return packing.finish();
}
