// The site's search index: Pagefind's, of the searchable page types (src/routing/page-types.ts),
// through its Node API, written to pagefind/ in the site. scripts/build.ts adds each page as Astro
// writes it, so that Pagefind indexes on the second core while Astro renders on the first; the
// search integration (src/integrations/search-index.ts) indexes a whole folder when `astro build`
// runs alone. Pagefind numbers pages in the order they come: the same pages added in the same
// calls, in the same order, give the same index. A large site's index comes in parts (PART_BYTES).
import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { SEARCH_INDEX } from '../render/urls.ts';
import { pageTypeOf, SEARCHABLE_PAGES } from '../routing/page-types.ts';
import { pagePath } from './verify-site.ts';

const FAILED = '搜索索引失败 (Pagefind failed)';
/** What Pagefind 1.6's lib/service.js rejects a call with once its process has gone. */
const PAGEFIND_CLOSED = 'Pagefind backend closed';
/** The build fails with this when Pagefind's indexing process ends mid-index (silently, or rejecting a call). */
export const PAGEFIND_DIED = `${FAILED}: Pagefind 的索引进程中途结束，没有写出索引（常见原因：内存不足，被系统终止；见 dmesg）`;

/** Calls sent to Pagefind and not yet answered, at most: enough to keep it busy; more would only wait in its pipe. */
const IN_FLIGHT = 8;

/** Whether a built file (its path within the site) is a page of a searchable type: one that SEARCHABLE_PAGES matches and Pagefind indexes. */
export const isSearchablePage = (file: string): boolean => pageTypeOf(pagePath(file))?.searchable === true;

/** A path segment as a glob (Pagefind's, the wax crate's syntax) that matches it and nothing else. */
const literal = (segment: string): string => segment.replace(/[?*$:<>()[\]{},!\\]/g, (c) => `\\${c}`);

/**
 * Pages whose folders share a parent, added one after another (a department's reports, the
 * metric pages): Pagefind is given them in one call, a glob of their folders walked from that
 * parent. Its service answers one call at a time and parses one call's files on every core, so
 * with a page per call it used one core: on the 7,187 searchable pages of 1,000 reports, adding
 * took 18.0 s a page per call and 7.8 s a run per call; a glob listing paths without a shared
 * parent walks the whole site on each call (37.2 s).
 */
interface Run {
  /** The parent folder and its pages' folders, each as a literal glob. */
  parent: string;
  folders: string[];
}

/** The glob of a run: `reports/unit-001/{1976,1977}/index.html`. */
const runGlob = ({ parent, folders }: Run): string => `${parent}/${folders.length === 1 ? folders[0] : `{${folders.join(',')}}`}/index.html`;

/**
 * Searchable pages' HTML in one part of the index, at most (a page larger than this is a part of
 * its own). Pagefind holds what it has parsed until it writes the index, about 0.3–0.45 KB for
 * each indexed character (docs/scale-10000.md): 1,000 reports, 576 MB of searchable pages, took
 * 1.9 GB; 10,000 reports would take some 20 GB, with Astro's process beside it. So once a part's
 * pages reach this size, it is written and its Pagefind process ended, and the next part starts
 * in a new one; the search page merges the parts (Pagefind's mergeIndex). Sizes, not memory, draw
 * the line: the same pages in the same order give the same parts. A part that holds no word
 * starting with a query's word answers with the longest word it holds that the query's starts
 * with (Pagefind's fallback), so parts may add loose matches; they rank after whole ones.
 */
export const PART_BYTES = 1024 ** 3;

export interface SearchIndexOptions {
  /** PART_BYTES, unless a test wants parts of a small site. */
  partBytes?: number;
}

export interface SearchIndex {
  /** Adds a built page (its path within the site) after every page added before it; a run's pages (Run) in the order Pagefind walks their folders. */
  addPage(file: string): void;
  /** Adds the site's searchable pages, as Pagefind finds them in its folder. */
  addSite(): void;
  /** Writes the index of every page added (its last part) to pagefind/ in the site, with the list of its parts, and ends Pagefind; resolves to how many pages it holds. */
  write(): Promise<number>;
  /** Ends Pagefind without writing (the build failed). */
  close(): Promise<void>;
}

/** Starts a Pagefind index of the site in `site` (a folder). */
export async function openSearchIndex(site: string, { partBytes = PART_BYTES }: SearchIndexOptions = {}): Promise<SearchIndex> {
  // Pagefind 1.6's Node API never settles a call when its process dies (its lib/service.js
  // listens for 'error', not 'exit'): at 10,000 reports the kernel killed it for lack of memory
  // and the build went on with no index. Node then runs out of work, so 'beforeExit' is where
  // that shows: the call waited for fails, saying why. Goes when the service handles its process's exit.
  let die!: () => void;
  const died = new Promise<never>((_, reject) => (die = () => reject(new Error(PAGEFIND_DIED))));
  died.catch(() => undefined);
  process.once('beforeExit', die);
  const settle = <T>(call: Promise<T>): Promise<T> =>
    Promise.race([call, died]).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      // Killed while a call is being sent, the service does answer: it rejects the call.
      throw new Error(message === PAGEFIND_DIED || message.includes(PAGEFIND_CLOSED) ? PAGEFIND_DIED : `${FAILED}: ${message}`);
    });
  const close = async () => {
    process.off('beforeExit', die);
    await pagefind.close();
  };
  /** A new index, in a Pagefind process of its own once the one before was closed. */
  const create = async () => {
    const { index, errors } = await settle(pagefind.createIndex({}));
    if (!index) throw new Error(`${FAILED}: ${errors.join('\n')}`);
    return index;
  };

  let index = await create().catch(async (error: unknown) => {
    await close();
    throw error;
  });
  const problems: string[] = [];
  let pages = 0;
  const counted = (errors: string[], count: number) => {
    problems.push(...errors);
    if (errors.length === 0) pages += count;
  };
  // Each page is sent after the one before it, at most IN_FLIGHT unanswered; a failure waits for write() to be told.
  let sending: Promise<void> = Promise.resolve();
  const inFlight: Promise<void>[] = [];
  const send = (step: () => Promise<void>) => {
    sending = sending.then(step);
    sending.catch(() => undefined);
  };
  // Pagefind reads the files itself, by a glob that matches them alone, not their text through the pipe.
  const add = (glob: string) =>
    send(async () => {
      const added = index.addDirectory({ path: site, glob }).then(({ errors, page_count }) => counted(errors, page_count));
      added.catch(() => undefined);
      inFlight.push(added);
      if (inFlight.length >= IN_FLIGHT) await settle(inFlight.shift()!);
    });
  let run: Run | undefined;
  const endRun = () => {
    if (run) add(runGlob(run));
    run = undefined;
  };

  /** The parts written: the first in pagefind/, each later one in a folder of it (SEARCH_INDEX.part). */
  const parts: string[] = [];
  const writePart = async () => {
    await settle(Promise.all(inFlight.splice(0)));
    if (problems.length > 0) throw new Error(`${FAILED}: ${problems.join('\n')}`);
    const folder = parts.length === 0 ? '' : SEARCH_INDEX.part(parts.length + 1);
    const { errors } = await settle(index.writeFiles({ outputPath: join(site, SEARCH_INDEX.folder, folder) }));
    if (errors.length > 0) throw new Error(`${FAILED}: ${errors.join('\n')}`);
    parts.push(folder);
  };
  /** HTML of the pages in the part being indexed (bytes). */
  let partSize = 0;
  const nextPart = () => {
    endRun();
    send(async () => {
      await writePart();
      await pagefind.close();
      index = await create();
    });
    partSize = 0;
  };

  return {
    addPage(file) {
      const size = statSync(join(site, file)).size;
      if (partSize > 0 && partSize + size > partBytes) nextPart();
      partSize += size;
      const segments = file.split(sep).map(literal);
      const [folder, last] = segments.slice(-2);
      const parent = segments.slice(0, -2).join('/');
      // A page not in a folder of its own under another folder (not as Astro's directory format writes it) goes alone.
      if (last !== 'index.html' || parent === '') {
        endRun();
        add(segments.join('/'));
        return;
      }
      if (run?.parent !== parent) endRun();
      (run ??= { parent, folders: [] }).folders.push(folder!);
    },
    addSite() {
      endRun();
      send(async () => {
        const { page_count, errors } = await settle(index.addDirectory({ path: site, glob: SEARCHABLE_PAGES }));
        counted(errors, page_count);
      });
    },
    async write() {
      try {
        endRun();
        send(writePart);
        await sending;
        // The later parts, for the search page to merge into the first (an empty list for one part).
        await writeFile(join(site, SEARCH_INDEX.folder, SEARCH_INDEX.parts), `${JSON.stringify(parts.slice(1))}\n`);
        return pages;
      } finally {
        await close();
      }
    },
    close,
  };
}
