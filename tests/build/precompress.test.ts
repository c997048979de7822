// The build's precompressed copies (src/publishing/precompress.ts): beside every text file that
// compression pays for, a .br and a .gz holding exactly that file; none for Pagefind's own
// index files, which are gzip inside already.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { COMPRESSIBLE, ENCODINGS } from '../../src/publishing/precompress.ts';
import { TEST_SITES } from '../support/site.ts';

const site = TEST_SITES.root;
const all = readdirSync(site.dir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => relative(site.dir, join(e.parentPath, e.name)).split(sep).join('/'));
const names = new Set(all);
const originals = all.filter((f) => !/\.(br|gz)$/.test(f));
const decode = { br: brotliDecompressSync, gz: gunzipSync };

describe('precompressed files', () => {
  it('every HTML, CSS, JS, JSON, XML and CSV file over 1 KB has both copies', () => {
    const big = originals.filter((f) => COMPRESSIBLE.has(extname(f)) && readFileSync(join(site.dir, f)).length > 1024);
    for (const ext of ['.html', '.css', '.js', '.json', '.xml', '.csv']) expect(big.some((f) => f.endsWith(ext)), ext).toBe(true);
    const missing = big.flatMap((f) => ENCODINGS.filter((e) => !names.has(`${f}.${e}`)).map((e) => `${f}.${e}`));
    expect(missing).toEqual([]);
  });

  it('each copy decompresses to its file, byte for byte, and is smaller', () => {
    let checked = 0;
    for (const f of originals) {
      const bytes = readFileSync(join(site.dir, f));
      for (const e of ENCODINGS) {
        if (!names.has(`${f}.${e}`)) continue;
        const packed = readFileSync(join(site.dir, `${f}.${e}`));
        expect(decode[e](packed).equals(bytes), `${f}.${e}`).toBe(true);
        expect(packed.length, `${f}.${e}`).toBeLessThan(bytes.length);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('no copies of files that are compressed already, nor copies of copies', () => {
    expect(all.filter((f) => /\.(pf_\w+|pagefind|png)\.(br|gz)$/.test(f) || /\.(br|gz)\.(br|gz)$/.test(f))).toEqual([]);
    expect(all.filter((f) => /\.(br|gz)$/.test(f) && !names.has(f.replace(/\.(br|gz)$/, '')))).toEqual([]);
  });
});
