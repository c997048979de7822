// Precompressed copies of a built site's text files, written beside them (page.html.br,
// page.html.gz), so that nginx sends them as they are (brotli_static, gzip_static; see
// deploy/nginx/) and a CDN or object store can do the same: no compression per request.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

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

/** Both encodings at their maximum quality; deterministic (Node's gzip header has no time stamp). */
export function compress(bytes: Buffer, encoding: Encoding): Promise<Buffer> {
  if (encoding === 'gz') return gzipAsync(bytes, { level: constants.Z_BEST_COMPRESSION, memLevel: 9 });
  return brotli(bytes, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

export interface PrecompressSummary {
  files: number;
  written: Record<Encoding, number>;
  bytes: { none: number } & Record<Encoding, number>;
}

/**
 * Writes `<file>.br` and `<file>.gz` beside each compressible file under `dir` where they pay
 * off. `stopped` is asked between files: a build being stopped need not wait for the rest.
 */
export async function precompressSite(dir: string, stopped: () => boolean = () => false): Promise<PrecompressSummary> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && COMPRESSIBLE.has(extname(e.name)))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const summary: PrecompressSummary = { files: files.length, written: { br: 0, gz: 0 }, bytes: { none: 0, br: 0, gz: 0 } };
  // zlib's async calls run on libuv's thread pool: a few files at a time use every core.
  const queue = [...files];
  const worker = async () => {
    for (let file = queue.shift(); file !== undefined && !stopped(); file = queue.shift()) {
      const bytes = await readFile(file);
      summary.bytes.none += bytes.length;
      for (const encoding of ENCODINGS) {
        const packed = await compress(bytes, encoding);
        const kept = packed.length <= bytes.length * WORTH;
        if (kept) await writeFile(`${file}.${encoding}`, packed);
        summary.written[encoding] += kept ? 1 : 0;
        summary.bytes[encoding] += kept ? packed.length : bytes.length;
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return summary;
}
