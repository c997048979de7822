// Where a found page stands for a query beyond Pagefind's score, among the pages that hold the
// query whole: a reader who types a metric's name (低保) looks for that metric first, then for
// the report texts, before pages that only mention it. Pure functions over the page's metadata;
// search-page.ts learns which of the first whole matches are reports and featured metrics from
// Pagefind's placing filters (PLACING_FILTERS), and loads the metadata (fragment) of the others
// only: the featured metrics' before the first page, the rest's after it when it is settled.
import { SEARCH_KINDS, SEARCH_META } from '../../render/search-fields.ts';
import type { Filed, Hit } from './engine.ts';
import { matchKey, type SearchTerms } from './query.ts';

/** How many whole matches have their metadata loaded to be placed (the rest keep Pagefind's order). */
export const PLACED = 24;

/**
 * 0: a metric the editors feature whose name holds the query; 1: a report (the official text);
 * 2: another metric whose name holds the query; 3: any other page.
 */
export function standing(meta: Record<string, string | undefined>, terms: SearchTerms): 0 | 1 | 2 | 3 {
  const kind = meta[SEARCH_META.kind];
  if (kind === SEARCH_KINDS.report) return 1;
  if (kind !== SEARCH_KINDS.metric) return 3;
  const title = matchKey(meta[SEARCH_META.title] ?? '').key;
  const named = terms.variants.some((v) => v.parts.every((part) => title.includes(matchKey(part).key)));
  if (!named) return 3;
  return meta[SEARCH_META.featured] ? 0 : 2;
}

/**
 * A page's standing as its filters tell it (a report: 1), or undefined when its metadata decides:
 * a featured metric stands 0 or 3, any other page 2 or 3.
 */
export function filedStanding(id: string, filed: Filed): 1 | undefined {
  return filed.reports.has(id) ? 1 : undefined;
}

/**
 * How many of the first placed hits are where they will stay while the standings of pages
 * other than reports and featured metrics are unknown: those standing 0 or 1 (each of the
 * others stands 2 or 3).
 */
export function settledCount(standings: Iterable<number | undefined>): number {
  let n = 0;
  for (const s of standings) if (s !== undefined && s < 2) n += 1;
  return n;
}

/**
 * The hits with the first PLACED whole matches (tier 0) ordered by standing, then by their
 * order so far; everything else where it was.
 */
export function placeByStanding<H extends Pick<Hit, 'tier'>>(hits: readonly H[], standings: ReadonlyMap<H, number>): H[] {
  const placed = hits.filter((h) => standings.has(h));
  const order = new Map(hits.map((h, i) => [h, i]));
  placed.sort((a, b) => standings.get(a)! - standings.get(b)! || order.get(a)! - order.get(b)!);
  let next = 0;
  return hits.map((h) => (standings.has(h) ? placed[next++]! : h));
}
