// The search page's use of Pagefind's JS API (/pagefind/pagefind.js): one plain search per query
// variant (Pagefind ranks it), one exact-phrase search per part ("…", which Pagefind 1.6 answers
// for Chinese too), and the filters. A page that holds every part of the query as whole strings
// ranks first, then one that holds every part of a variant with official terms, then pages that
// only hold pieces of them; within each group Pagefind's score decides. Filters combine with "or"
// within a group and "and" across groups (Pagefind's compound filters: {name: {any: [...]}}), and
// a value's count is how many results it would have if it were (also) ticked: the results under
// the other groups' selection. For a query of one variant Pagefind counts them itself, with each
// search; the counts must hold for the union of the variants' results, so for a query with
// several variants they come from each filter value's pages (one filter-only search per value,
// loaded once, when the reader pauses). A large site's index comes in parts (SEARCH_INDEX), which
// every instance merges (Pagefind's mergeIndex: it searches each and sorts the results by score).
import { PLACING_FILTERS, SEARCH_KINDS } from '../../render/search-fields.ts';
import { SEARCH_INDEX } from '../../render/urls.ts';
import type { FragmentLike } from './passages.ts';
import type { SearchTerms } from './query.ts';

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
  /** Per filter value, how many of the results (under the search's filters) have it; empty until the filters are loaded. */
  filters: Counts;
}

/** The part of pagefind.js's exports used here. */
export interface PagefindInstance {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** Adds another index (its folder's path) to this instance's searches. */
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, string | { any: string[] }> }): Promise<PagefindResponse>;
  preload(term: string): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** Pagefind's module: its default instance, and more instances on the same index and worker. */
export interface PagefindApi extends PagefindInstance {
  createInstance(options?: Record<string, unknown>): PagefindInstance;
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

/** The pages that file themselves under the placing filters (ids): every report, every featured metric. */
export interface Filed {
  reports: ReadonlySet<string>;
  featured: ReadonlySet<string>;
}

/** Selected filter values, by filter name. */
export type Selection = Record<string, readonly string[]>;

/** Filter name → value → how many of the results (with the other groups' selection) have it. */
export type Counts = Record<string, Record<string, number>>;

/** A selection as Pagefind's compound filter: any of a group's values, every group. */
export type PagefindFilters = Record<string, { any: string[] }>;

/** The selection as Pagefind's filter, leaving out empty groups and the group `except`. */
export function pagefindFilters(selection: Selection, except?: string): PagefindFilters {
  const filters: PagefindFilters = {};
  for (const [name, values] of Object.entries(selection)) if (name !== except && values.length > 0) filters[name] = { any: [...values] };
  return filters;
}

/**
 * The searches that count the values of the groups `names` under `selection`: a group's counts
 * are Pagefind's under the other groups' selection, so the groups without a selection share one
 * search (under the whole selection) and each group with one has its own.
 */
export function countPlan(names: readonly string[], selection: Selection): Array<{ filters: PagefindFilters; names: string[] }> {
  const plans = new Map<string, { filters: PagefindFilters; names: string[] }>();
  for (const name of names) {
    const filters = pagefindFilters(selection, name);
    const key = JSON.stringify(Object.entries(filters).sort(([a], [b]) => a.localeCompare(b)));
    const plan = plans.get(key) ?? { filters, names: [] };
    plan.names.push(name);
    plans.set(key, plan);
  }
  return [...plans.values()];
}

/**
 * Rank by how often the words occur, not by page length, and with a mild title boost (Pagefind's
 * default is 5×): the report pages, where the official text is, would otherwise lose to the short
 * metric pages whose titles quote them. Every part of the index ranks the same way.
 */
const RANKING = { ranking: { pageLength: 0, metaWeights: { title: 1.5 } } };

/** The folders (paths) of the index's later parts, which its parts file lists beside Pagefind's script (`bundle`, its URL). */
export async function indexParts(bundle: string): Promise<string[]> {
  const base = new URL(bundle, location.href);
  const response = await fetch(new URL(SEARCH_INDEX.parts, base));
  if (!response.ok) throw new Error(`${SEARCH_INDEX.parts}: ${response.status}`);
  return ((await response.json()) as string[]).map((part) => new URL(part, base).pathname);
}

export class SearchEngine {
  /** The reader's searches, and the fragments of what they find. */
  readonly #pagefind: Promise<PagefindApi>;
  /**
   * The filters: their counts, membership and selections. Another instance, since once an
   * instance has loaded every filter, Pagefind counts them all with each of its searches
   * (measured on 1,000 reports: 养老服务 took 267 ms instead of 83); the reader's instance loads
   * only the placing filters.
   */
  #counting: Promise<PagefindInstance> | undefined;
  /** Per Pagefind query string and filters: its answer (kept for the page, reused while typing). */
  readonly #cache = new Map<string, Promise<PagefindResponse>>();
  #members: Promise<Map<string, Map<string, Set<string>>>> | undefined;
  /** Every filter and value with its page count; loading them is what makes Pagefind count with each search. */
  #filters: Promise<Counts> | undefined;

  /** The index's later parts (indexParts). */
  readonly #parts: Promise<string[]>;

  /** `load` imports Pagefind's script; `parts` are the index's later parts, fetched meanwhile. */
  constructor(load: () => Promise<PagefindApi>, parts: Promise<string[]>) {
    this.#parts = parts;
    parts.catch(() => undefined); // a failure is reported where the parts are awaited
    // Pagefind starts (its worker, WebAssembly and index metadata) while the parts file comes:
    // waiting for that first cost a round trip on every cold search.
    this.#pagefind = load().then(async (pagefind) => {
      await pagefind.options(RANKING);
      await pagefind.init();
      await Promise.all((await parts).map((part) => pagefind.mergeIndex(part, RANKING)));
      return pagefind;
    });
  }

  /** Resolves once Pagefind is started (it loads its index metadata and WebAssembly from there). */
  ready(): Promise<unknown> {
    return this.#pagefind;
  }

  /** The instance that counts, started when first needed (after the first results are drawn). */
  #counter(): Promise<PagefindInstance> {
    this.#counting ??= Promise.all([this.#pagefind, this.#parts]).then(async ([pf, later]) => {
      const counting = pf.createInstance();
      await counting.init();
      await Promise.all(later.map((part) => counting.mergeIndex(part)));
      return counting;
    });
    this.#counting.catch(() => (this.#counting = undefined));
    return this.#counting;
  }

  /** Pagefind's answer to a query, the reader's (plain and exact searches) or the counting instance's (under filters, with counts). */
  #ask(query: string, filters: Record<string, string | { any: string[] }> = {}, counting = false): Promise<PagefindResponse> {
    const key = JSON.stringify([query, filters, counting]);
    let found = this.#cache.get(key);
    if (!found) {
      found = (counting ? this.#counter() : this.#pagefind).then((pf) => pf.search(query, { filters }));
      this.#cache.set(key, found);
      // A failed search is asked again next time.
      found.catch(() => this.#cache.delete(key));
    }
    return found;
  }

  async #run(query: string): Promise<PagefindResult[]> {
    return (await this.#ask(query)).results;
  }

  /** The query's results that pass the selection (ids): each variant's search under it. */
  async passing(terms: SearchTerms, selection: Selection): Promise<Set<string>> {
    const filters = pagefindFilters(selection);
    const found = await Promise.all(terms.variants.map(async (v) => (await this.#ask(v.parts.join(' '), filters, true)).results));
    return new Set(found.flatMap((results) => results.map((r) => r.id)));
  }

  /**
   * The counts of a query of one variant, from Pagefind's own (countPlan). Searched once the
   * filters are loaded: a search answered before that has no counts and is asked again.
   */
  async counts(terms: SearchTerms, selection: Selection, names: readonly string[]): Promise<Counts> {
    await this.filters();
    const query = terms.variants[0]!.parts.join(' ');
    const counts: Counts = {};
    await Promise.all(
      countPlan(names, selection).map(async ({ filters, names }) => {
        let answer = await this.#ask(query, filters, true);
        if (Object.keys(answer.filters).length === 0) {
          this.#cache.delete(JSON.stringify([query, filters, true]));
          answer = await this.#ask(query, filters, true);
        }
        for (const name of names) counts[name] = answer.filters[name] ?? {};
      }),
    );
    return counts;
  }

  /**
   * The reports and the featured metrics (ids), from one filter-only search under each placing
   * filter, loaded once for the page: cheaper than loading each found page's fragment to read
   * its kind, and than a search per query (each costs as much as the query's own search: tens
   * of milliseconds for a thousand results). search-page.ts asks it only of whole matches.
   */
  filed(): Promise<Filed> {
    this.#filed ??= Promise.all([this.#pagesUnder({ [PLACING_FILTERS.kind]: SEARCH_KINDS.report }, false), this.#pagesUnder({ [PLACING_FILTERS.featured]: '是' }, false)]).then(
      ([reports, featured]) => (this.#filedLoaded = { reports, featured }),
    );
    this.#filed.catch(() => (this.#filed = undefined));
    return this.#filed;
  }

  #filed: Promise<Filed> | undefined;

  /** Whether filed() has loaded (a first search waits for it; later ones do not). */
  get hasFiled(): boolean {
    return this.#filedLoaded !== undefined;
  }

  #filedLoaded: Filed | undefined;

  /** A found page's fragment, loaded once (Pagefind's worker would prepare it again on each data()). */
  data(result: PagefindResult): Promise<PagefindFragment> {
    let loaded = this.#fragments.get(result);
    if (!loaded) {
      loaded = result.data();
      this.#fragments.set(result, loaded);
      loaded.catch(() => this.#fragments.delete(result));
    }
    return loaded;
  }

  readonly #fragments = new WeakMap<PagefindResult, Promise<PagefindFragment>>();

  /**
   * Starts loading the index chunks of every variant of a query at once (while the reader is
   * still typing, or before its first search): the searches themselves go one after another.
   */
  preload(terms: SearchTerms): void {
    this.#active = performance.now();
    if (terms.query === this.#preloaded) return;
    this.#preloaded = terms.query;
    void this.#pagefind.then((pf) => Promise.all(terms.variants.map((v) => pf.preload(v.parts.join(' '))))).catch(() => undefined);
  }

  #preloaded: string | undefined;

  /** Resolves when no reader's search has run or been typed for `quietMs`. */
  async idle(quietMs: number = QUIET_MS): Promise<void> {
    for (;;) {
      if (this.#running) await this.#running.catch(() => undefined);
      const wait = this.#active + quietMs - performance.now();
      if (wait <= 0 && !this.#running) return;
      await new Promise((resolve) => setTimeout(resolve, Math.max(wait, 0)));
    }
  }

  #running: Promise<unknown> | undefined;
  /** When the reader last typed or searched. */
  #active = 0;

  /**
   * Every page the query finds, best first; undefined once `stale` (a newer query came in).
   * The searches go one variant, and within it the plain search and then the exact ones, after
   * another, so that a query typed while an earlier one runs waits for one search of it at most
   * (Pagefind answers in turn and cannot drop a search it was asked).
   */
  async search(terms: SearchTerms, stale: () => boolean = () => false): Promise<Hit[] | undefined> {
    this.preload(terms);
    const running = this.#search(terms, stale);
    this.#running = running;
    try {
      return await running;
    } finally {
      if (this.#running === running) this.#running = undefined;
      this.#active = performance.now();
    }
  }

  async #search(terms: SearchTerms, stale: () => boolean): Promise<Hit[] | undefined> {
    const best = new Map<string, Hit>();
    for (const [index, variant] of terms.variants.entries()) {
      if (stale()) return undefined;
      const plain = await this.#run(variant.parts.join(' '));
      if (stale()) return undefined;
      const exact = await Promise.all(variant.parts.map((part) => this.#run(`"${part}"`)));
      const whole = exact.map((results) => new Set(results.map((r) => r.id)));
      for (const result of plain) {
        const tier = !whole.every((ids) => ids.has(result.id)) ? 2 : index === 0 ? 0 : 1;
        const hit: Hit = { result, tier, score: result.score * variant.weight };
        // A page found by several variants (低保 and 最低生活保障) adds up their scores.
        const known = best.get(result.id);
        if (known) hit.score += known.score;
        best.set(result.id, known && known.tier < hit.tier ? { ...hit, tier: known.tier } : hit);
      }
    }
    return [...best.values()].sort(rank);
  }

  /** All filters with all their values and page counts, as Pagefind lists them. */
  filters(): Promise<Counts> {
    // Loaded after the first results (the filters are drawn after them), not before.
    this.#filters ??= this.#counter().then((pf) => pf.filters());
    this.#filters.catch(() => (this.#filters = undefined));
    return this.#filters;
  }

  /**
   * The filter-only searches' results, kept: Pagefind's worker is sent a message for each result
   * that is dropped (tens of thousands here), which would hold up the reader's searches.
   */
  readonly #kept: PagefindResult[][] = [];

  /** The pages (ids) under a filter, from a filter-only search (of the counting instance or the reader's) whose results are kept. */
  async #pagesUnder(filters: Record<string, string>, counting: boolean): Promise<Set<string>> {
    const { results } = await (await (counting ? this.#counter() : this.#pagefind)).search(null, { filters });
    this.#kept.push(results);
    return new Set(results.map((r) => r.id));
  }

  /** Each filter value's pages (ids), from one filter-only search per value, loaded once. */
  members(): Promise<Map<string, Map<string, Set<string>>>> {
    this.#members ??= (async () => {
      const all = await this.filters();
      const members = new Map<string, Map<string, Set<string>>>();
      // One at a time, each once the reader pauses: Pagefind answers in turn, so a reader's
      // query waits for at most one of these (about 80 on a site of 1,000 reports).
      for (const [name, values] of Object.entries(all)) {
        if (PLACED_BY.has(name)) continue;
        const byValue = new Map<string, Set<string>>();
        members.set(name, byValue);
        for (const value of Object.keys(values)) {
          await this.idle();
          byValue.set(value, await this.#pagesUnder({ [name]: value }, true));
        }
      }
      return members;
    })();
    return this.#members;
  }
}

/** How long the reader must pause before filter membership loads (idle()). */
const QUIET_MS = 1000;

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
