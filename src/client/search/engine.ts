// The search page's use of Pagefind's JS API (/pagefind/pagefind.js): one plain search per query
// variant (Pagefind ranks it), one exact-phrase search per part ("…", which Pagefind 1.6 answers
// for Chinese too), and the filters. A page that holds every part of the query as whole strings
// ranks first, then one that holds every part of a variant with official terms, then pages that
// only hold pieces of them; within each group Pagefind's score decides. Filters are applied
// here, from each filter value's pages (one filter-only Pagefind search per value, once), so
// that a group's values combine with "or", groups with "and", and the counts hold for the
// union of the variants' results.
import { PLACING_FILTERS, SEARCH_KINDS } from '../../render/search-fields.ts';
import type { FragmentLike } from './passages.ts';
import type { SearchTerms } from './query.ts';
import type { Filed } from './standing.ts';

export interface PagefindFragment extends FragmentLike {
  filters: Record<string, string[]>;
}

export interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  data(): Promise<PagefindFragment>;
}

interface PagefindResponse {
  results: PagefindResult[];
}

/** The part of pagefind.js's exports used here. */
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, unknown> }): Promise<PagefindResponse>;
  preload(term: string): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** A found page. */
export interface Hit {
  result: PagefindResult;
  /**
   * 0: the page holds every part of the query as typed, as whole strings; 1: every part of a
   * variant with official terms; 2: only pieces of them (Pagefind matches word prefixes).
   */
  tier: 0 | 1 | 2;
  score: number;
}

/** Selected filter values, by filter name. */
export type Selection = Record<string, readonly string[]>;

/** Filter name → value → how many of the results (with the other groups' selection) have it. */
export type Counts = Record<string, Record<string, number>>;

export class SearchEngine {
  readonly #pagefind: Promise<PagefindApi>;
  /** Per Pagefind query string and filter: its results (kept for the page, reused while typing). */
  readonly #cache = new Map<string, Promise<PagefindResult[]>>();
  #members: Promise<Map<string, Map<string, Set<string>>>> | undefined;

  constructor(load: () => Promise<PagefindApi>) {
    this.#pagefind = load().then(async (pagefind) => {
      await pagefind.init();
      return pagefind;
    });
  }

  /** Resolves once Pagefind is started (it loads its index metadata and WebAssembly from there). */
  ready(): Promise<unknown> {
    return this.#pagefind;
  }

  #run(query: string, filters?: Record<string, string>): Promise<PagefindResult[]> {
    const key = filters ? JSON.stringify([query, filters]) : query;
    let found = this.#cache.get(key);
    if (!found) {
      found = this.#pagefind.then((pf) => pf.search(query, filters && { filters })).then((r) => r.results);
      this.#cache.set(key, found);
      // A failed search is asked again next time.
      found.catch(() => this.#cache.delete(key));
    }
    return found;
  }

  /**
   * Of the pages that hold `part` as a whole string, the reports, the metrics and the featured
   * metrics: three exact-phrase searches under the placing filters (cheap, unlike loading each
   * page's fragment to read its kind).
   */
  async filed(part: string): Promise<Filed> {
    const ids = async (filters: Record<string, string>) => new Set((await this.#run(`"${part}"`, filters)).map((r) => r.id));
    const [reports, metrics, featured] = await Promise.all([
      ids({ [PLACING_FILTERS.kind]: SEARCH_KINDS.report }),
      ids({ [PLACING_FILTERS.kind]: SEARCH_KINDS.metric }),
      ids({ [PLACING_FILTERS.featured]: '是' }),
    ]);
    return { reports, metrics, featured };
  }

  /** Starts loading the index chunks a query needs (while the reader is still typing). */
  preload(terms: SearchTerms): void {
    void this.#pagefind.then((pf) => Promise.all(terms.variants.map((v) => pf.preload(v.parts.join(' '))))).catch(() => undefined);
  }

  /** Resolves when no reader's search is running. */
  async #idle(): Promise<void> {
    while (this.#running) await this.#running.catch(() => undefined);
  }

  #running: Promise<unknown> | undefined;

  /** Every page the query finds, best first. */
  async search(terms: SearchTerms): Promise<Hit[]> {
    const running = this.#search(terms);
    this.#running = running;
    try {
      return await running;
    } finally {
      if (this.#running === running) this.#running = undefined;
    }
  }

  async #search(terms: SearchTerms): Promise<Hit[]> {
    const best = new Map<string, Hit>();
    await Promise.all(
      terms.variants.map(async (variant, index) => {
        const [plain, ...exact] = await Promise.all([
          this.#run(variant.parts.join(' ')),
          ...variant.parts.map((part) => this.#run(`"${part}"`)),
        ]);
        const whole = exact.map((results) => new Set(results.map((r) => r.id)));
        for (const result of plain!) {
          const tier = !whole.every((ids) => ids.has(result.id)) ? 2 : index === 0 ? 0 : 1;
          const hit: Hit = { result, tier, score: result.score * variant.weight };
          // A page found by several variants (低保 and 最低生活保障) adds up their scores.
          const known = best.get(result.id);
          if (known) hit.score += known.score;
          best.set(result.id, known && known.tier < hit.tier ? { ...hit, tier: known.tier } : hit);
        }
      }),
    );
    return [...best.values()].sort(rank);
  }

  /** All filters with all their values and page counts, as Pagefind lists them. */
  async filters(): Promise<Record<string, Record<string, number>>> {
    return (await this.#pagefind).filters();
  }

  /** Each filter value's pages (ids), from one filter-only search per value, loaded once. */
  members(): Promise<Map<string, Map<string, Set<string>>>> {
    this.#members ??= (async () => {
      const pf = await this.#pagefind;
      const all = await pf.filters();
      const members = new Map<string, Map<string, Set<string>>>();
      // One at a time, each after the reader's searches: Pagefind answers in turn, so a reader's
      // query waits for at most one of these (about 80 on a site of 1,000 reports).
      for (const [name, values] of Object.entries(all)) {
        if (PLACED_BY.has(name)) continue;
        const byValue = new Map<string, Set<string>>();
        members.set(name, byValue);
        for (const value of Object.keys(values)) {
          await this.#idle();
          const { results } = await pf.search(null, { filters: { [name]: value } });
          byValue.set(value, new Set(results.map((r) => r.id)));
        }
      }
      return members;
    })();
    return this.#members;
  }
}

/** Filters that place results but are not offered to the reader (no membership, no counts). */
const PLACED_BY = new Set<string>(Object.values(PLACING_FILTERS));

/** Whole matches of the query as typed first, then of official terms, then pieces; then Pagefind's score. */
function rank(a: Hit, b: Hit): number {
  return a.tier - b.tier || b.score - a.score;
}

/** Whether a page passes the selection: in every group with a selection, in one of its values. */
export function passes(id: string, selection: Selection, members: Map<string, Map<string, Set<string>>>, except?: string): boolean {
  return Object.entries(selection).every(
    ([name, values]) => name === except || values.length === 0 || values.some((value) => members.get(name)?.get(value)?.has(id)),
  );
}

/** The hits the selection keeps. */
export function applySelection(hits: readonly Hit[], selection: Selection, members: Map<string, Map<string, Set<string>>>): Hit[] {
  return hits.filter((hit) => passes(hit.result.id, selection, members));
}

/**
 * For each value, how many hits have it among those the other groups' selection keeps: the
 * number the results would have if the value were (also) ticked in its group.
 */
export function countValues(hits: readonly Hit[], selection: Selection, members: Map<string, Map<string, Set<string>>>): Counts {
  const counts: Counts = {};
  for (const [name, byValue] of members) {
    const kept = hits.filter((hit) => passes(hit.result.id, selection, members, name));
    counts[name] = {};
    for (const [value, ids] of byValue) counts[name][value] = kept.filter((hit) => ids.has(hit.result.id)).length;
  }
  return counts;
}
