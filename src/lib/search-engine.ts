// The search page's engine: the same calls as Pagefind's pagefind.js (the Default UI loads it in
// its place, see public/search/engine/pagefind.js), run on Pagefind's own index. A reader's
// query becomes several Pagefind queries (src/lib/search-query.ts: synonyms, and the ways round
// the index-time/query-time segmentation mismatch of Pagefind issue #1237); their hits are
// merged, and hits of the broad queries are kept only when the page text contains the query.
import { hasConsecutive, passesCheck, rankHits, searchPlans, type SearchPlan } from './search-query.ts';

type Filters = Record<string, string[]>;
type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindSearchOptions {
  filters?: Filters;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface PagefindFragment {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Filters;
  sub_results: Array<{ url: string; title: string; excerpt: string }>;
  [key: string]: unknown;
}

export interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  data(): Promise<PagefindFragment>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
  timings?: Record<string, number>;
}

/** The part of pagefind.js's exports the Default UI and this engine use. */
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse>;
  debouncedSearch(term: string | null, options?: PagefindSearchOptions, timeoutMs?: number): Promise<PagefindResponse | null>;
  preload(term: string, options?: PagefindSearchOptions): Promise<void>;
  filters(): Promise<FilterCounts>;
  mergeIndex(indexPath: string, options?: Record<string, unknown>): Promise<void>;
  destroy(): Promise<void>;
}

/** A merged hit that is kept: the result handed to the UI, and the first query's own result. */
interface KeptHit {
  result: PagefindResult;
  first: PagefindResult;
}

export interface SearchEngineOptions {
  /** How many hits found only by the broad lead queries to check against their page text (each loads the page's fragment). */
  checkLimit?: number;
  /** How many pages beyond the biggest trusted query's results to count filters for (from their fragments). */
  countLimit?: number;
}

/**
 * A page's fragment from the best query that found it with an excerpt: a page matched only in
 * its metadata (its title) has no excerpt, so the next query's is used, or else the start of
 * the page text.
 */
async function bestFragment(found: readonly PagefindResult[]): Promise<PagefindFragment> {
  let fragment: PagefindFragment | undefined;
  for (const result of found) {
    fragment = await result.data();
    if (fragment.excerpt) return fragment;
  }
  const text = fragment!.content.slice(0, 80).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return { ...fragment!, excerpt: `${text}…` };
}

/** The engine, on top of a loader for the real pagefind.js. */
export function createSearchEngine(load: () => Promise<PagefindApi>, engineOptions: SearchEngineOptions = {}): PagefindApi {
  const checkLimit = engineOptions.checkLimit ?? 30;
  const countLimit = engineOptions.countLimit ?? 30;
  let pagefind: Promise<PagefindApi> | undefined;
  const real = () => (pagefind ??= load());
  /** Every filter and value (loads Pagefind's filter files once, so each search counts them all). */
  let allFilters: Promise<FilterCounts> | undefined;
  let latest = 0;

  /**
   * Filter counts of the merged results, as Pagefind gives them for one search: how many of the
   * results (with the selected filters applied) have each value. Pagefind has counted the
   * results of the biggest trusted query; the few pages only other queries found add theirs
   * from their fragments (up to `countLimit`, in rank order, so mostly the fragments the
   * page-text check has loaded already; past it — only on big sites, for queries that hit the
   * segmentation mismatch — the counts are a lower bound, while filtering itself stays exact).
   */
  const countFilters = async (kept: readonly KeptHit[], base: PagefindResponse): Promise<FilterCounts> => {
    const counts: FilterCounts = {};
    for (const [name, values] of Object.entries(await allFilters!)) {
      counts[name] = {};
      for (const value of Object.keys(values)) counts[name]![value] = base.filters[name]?.[value] ?? 0;
    }
    const inBase = new Set(base.results.map((r) => r.id));
    const extra = kept.filter((hit) => !inBase.has(hit.result.id)).slice(0, countLimit);
    for (const fragment of await Promise.all(extra.map((hit) => hit.first.data()))) {
      for (const [name, values] of Object.entries(fragment.filters)) {
        for (const value of values) {
          counts[name] ??= {};
          counts[name]![value] = (counts[name]![value] ?? 0) + 1;
        }
      }
    }
    return counts;
  };

  const search = async (term: string | null, options: PagefindSearchOptions = {}): Promise<PagefindResponse> => {
    const pf = await real();
    const started = performance.now();
    if (term === null) return pf.search(null, options);
    allFilters ??= pf.filters();
    await allFilters;
    const plans: SearchPlan[] = searchPlans(term);
    if (plans.length === 0) return { results: [], unfilteredResultCount: 0, filters: {}, totalFilters: {}, timings: {} };
    const responses = await Promise.all(plans.map((plan) => pf.search(plan.query, options)));
    const byPlan = responses.map((response) => new Map(response.results.map((r) => [r.id, r])));
    const ranked = rankHits(plans, responses.map((response) => response.results.map(({ id, score }) => ({ id, score }))));

    // Hits only the broad lead queries found: keep those whose text contains the query.
    let checks = 0;
    const checked = await Promise.all(
      ranked.map(async (hit) => {
        const found = hit.plans.map((p) => byPlan[p]!.get(hit.id)!);
        if (hit.verify !== null) {
          if (checks++ >= checkLimit) {
            // Past the limit (only on big sites), a lead-only hit is kept unchecked only if a
            // two-prefix lead query found its first two characters side by side; the rest of
            // such a tail would be mostly pages that merely have words starting the same way.
            const adjacent = hit.plans.some((p) => plans[p]!.adjacent && hasConsecutive(byPlan[p]!.get(hit.id)!.words));
            if (!adjacent) return null;
          } else {
            const fragment = await found[0]!.data();
            if (!passesCheck(fragment.content, hit.verify)) return null;
          }
        }
        const result: PagefindResult = { id: hit.id, score: hit.score, words: found[0]!.words, data: () => bestFragment(found) };
        return { result, first: found[0]! };
      }),
    );
    const kept = checked.filter((r): r is KeptHit => r !== null);
    // The trusted query with the most results (the query as typed is always trusted).
    const base = responses
      .filter((_r, i) => plans[i]!.verify === null)
      .reduce((best, r) => (r.results.length > best.results.length ? r : best));
    const counts = await countFilters(kept, base);
    return {
      results: kept.map((k) => k.result),
      // (The Default UI reads neither this count nor totalFilters; the union has no cheaper honest figure.)
      unfilteredResultCount: kept.length,
      filters: counts,
      totalFilters: counts,
      timings: { total: performance.now() - started, queries: plans.length },
    };
  };

  return {
    options: async (options) => (await real()).options(options),
    init: async () => (await real()).init(),
    search,
    debouncedSearch: async (term, options, timeoutMs = 300) => {
      const mine = ++latest;
      await new Promise((done) => setTimeout(done, timeoutMs));
      if (mine !== latest) return null;
      return search(term, options);
    },
    preload: async (term, options) => {
      const pf = await real();
      await Promise.all(searchPlans(term).map((plan) => pf.preload(plan.query, options)));
    },
    filters: async () => (await real()).filters(),
    mergeIndex: async (indexPath, options) => (await real()).mergeIndex(indexPath, options),
    destroy: async () => {
      if (pagefind) await (await pagefind).destroy();
      pagefind = undefined;
      allFilters = undefined;
    },
  };
}
