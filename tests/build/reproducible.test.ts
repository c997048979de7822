// Two builds of the same commit give the same site, byte for byte, with one known exception:
//
// Pagefind (1.5) writes its filter index from a hash map, so the order of a filter's values
// (e.g. the topics under 主题) changes from run to run. That changes, and only that:
//   - pagefind/filter/<lang>_<hash>.pf_filter: same filters, same pages per value, values in
//     another order, so other bytes and another content hash in the file name;
//   - pagefind/pagefind.<lang>_<hash>.pf_meta: names those filter files by their hashes, and
//     lists the filters themselves in hash-map order too;
//   - pagefind/pagefind-entry.json: names the meta file by its hash.
// (Pagefind's maintainers: fragment files are stable since 1.3, "other files will still change,
// such as the filter/metadata indexes"; Pagefind/pagefind issue 638.)
// The test normalises exactly these: the filter and meta files are decoded (CBOR), filter
// values and the meta's filter list sorted, and hashes replaced by what they name. Every other file must be byte-identical,
// under the same name, and the test lists any file that differs.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/site.ts';

type Cbor = number | string | boolean | null | { bytes: string } | Cbor[] | { map: [Cbor, Cbor][] };

/** Decodes the CBOR that Pagefind writes (definite lengths only, which is all it writes). */
function decodeCbor(buf: Buffer): Cbor {
  let pos = 0;
  const length = (info: number): number => {
    if (info < 24) return info;
    if (info === 24) return buf[pos++]!;
    if (info === 25) return (pos += 2), buf.readUInt16BE(pos - 2);
    if (info === 26) return (pos += 4), buf.readUInt32BE(pos - 4);
    if (info === 27) return (pos += 8), Number(buf.readBigUInt64BE(pos - 8));
    throw new Error(`unsupported CBOR length ${info} at byte ${pos}`);
  };
  const item = (): Cbor => {
    const head = buf[pos++]!;
    const info = head & 31;
    switch (head >> 5) {
      case 0: return length(info);
      case 1: return -1 - length(info);
      case 2: { const n = length(info); pos += n; return { bytes: buf.subarray(pos - n, pos).toString('hex') }; }
      case 3: { const n = length(info); pos += n; return buf.toString('utf8', pos - n, pos); }
      case 4: return Array.from({ length: length(info) }, () => item());
      case 5: return { map: Array.from({ length: length(info) }, () => [item(), item()] as [Cbor, Cbor]) };
      case 7: {
        const simple = new Map<number, Cbor>([[20, false], [21, true], [22, null]]);
        if (simple.has(info)) return simple.get(info)!;
        throw new Error(`unsupported CBOR simple value ${info} at byte ${pos - 1}`);
      }
      default: throw new Error(`unsupported CBOR item 0x${head.toString(16)} at byte ${pos - 1}`);
    }
  };
  const value = item();
  if (pos !== buf.length) throw new Error(`trailing bytes after CBOR at ${pos}`);
  return value;
}

/** A Pagefind index file's content: gzip, a 'pagefind_dcd' signature, then CBOR. */
function pagefindFile(bytes: Buffer): Cbor {
  const raw = gunzipSync(bytes);
  const signature = 'pagefind_dcd';
  if (raw.toString('utf8', 0, signature.length) !== signature) throw new Error('not a Pagefind index file');
  return decodeCbor(raw.subarray(signature.length));
}

function files(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .map((file) => [relative(dir, file).split(sep).join('/'), readFileSync(file)] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1)));
}

const FILTER = /^pagefind\/filter\/([\w-]+)_[0-9a-f]+\.pf_filter$/;
const META = /^pagefind\/pagefind\.([\w-]+)_[0-9a-f]+\.pf_meta$/;
const ENTRY = 'pagefind/pagefind-entry.json';
/** The files whose bytes may differ between builds (see the top of this file). */
const unstable = (name: string) => FILTER.test(name) || META.test(name) || name === ENTRY;

/** The unstable files with the run-to-run differences taken out: name → canonical text. */
function normalisedPagefind(site: Map<string, Buffer>): Map<string, string> {
  const out = new Map<string, string>();
  const filterNames = new Map<string, string>(); // hash-named file stem → filter name
  for (const [name, bytes] of site) {
    const filter = FILTER.exec(name);
    if (!filter) continue;
    const [filterName, values] = pagefindFile(bytes) as [string, [string, number[]][]];
    filterNames.set(name.slice('pagefind/filter/'.length, -'.pf_filter'.length), filterName);
    const sorted = [...values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    out.set(`pagefind/filter/${filter[1]}_<${filterName}>.pf_filter`, JSON.stringify([filterName, sorted]));
  }
  for (const [name, bytes] of site) {
    const meta = META.exec(name);
    if (!meta) continue;
    const decoded = pagefindFile(bytes) as Cbor[];
    // [version, pages, index chunks, filters: [name, file hash][], sorts, meta fields]
    const filters = decoded[3] as [string, string][];
    decoded[3] = filters
      .map(([filterName, hash]) => [filterName, filterNames.get(hash) === filterName ? `<${filterName}>` : `MISSING ${hash}`])
      .sort(([a], [b]) => (a! < b! ? -1 : 1));
    out.set(`pagefind/pagefind.${meta[1]}_<meta>.pf_meta`, JSON.stringify(decoded));
  }
  const entryBytes = site.get(ENTRY);
  if (entryBytes) {
    const entry = JSON.parse(entryBytes.toString('utf8')) as { languages: Record<string, { hash: string }> };
    for (const [lang, info] of Object.entries(entry.languages)) {
      const metaFile = `pagefind/pagefind.${info.hash}.pf_meta`;
      info.hash = site.has(metaFile) ? `<${lang} meta>` : `MISSING ${info.hash}`;
    }
    out.set(ENTRY, JSON.stringify(entry));
  }
  return out;
}

describe('reproducible build', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('two builds of the same sources give the same dist/, Pagefind filter order aside', { timeout: 600_000 }, () => {
    for (const n of [1, 2]) {
      const dir = mkdtempSync(join(tmpdir(), `portal-repro-${n}-`));
      dirs.push(dir);
      buildSite(dir, '/');
    }
    const [a, b] = dirs.map(files) as [Map<string, Buffer>, Map<string, Buffer>];
    expect(a.size).toBeGreaterThan(100);

    // Everything outside the three unstable kinds: same names, same bytes.
    const stableNames = (site: Map<string, Buffer>) => [...site.keys()].filter((n) => !unstable(n));
    expect(stableNames(b)).toEqual(stableNames(a));
    const differing = stableNames(a).filter((name) => !a.get(name)!.equals(b.get(name)!));
    expect(differing, 'files that differ between two builds').toEqual([]);

    // The unstable ones: equal once normalised, and there is one filter file per filter.
    const [na, nb] = [normalisedPagefind(a), normalisedPagefind(b)];
    expect([...na.keys()].sort()).toEqual([...nb.keys()].sort());
    for (const [name, text] of na) expect(nb.get(name), name).toBe(text);
    expect([...a.keys()].filter(unstable).length).toBe(na.size);
    expect(JSON.stringify([...na.values()])).not.toContain('MISSING');
  });
});
