// Where a found page stands for a query beyond Pagefind's score, among the pages that hold the
// query whole: a reader who types a metric's name (低保) looks for that metric first, then for
// the report texts, before pages that only mention it. Pure functions over the page's metadata;
// search-page.ts loads the metadata of the first whole matches to apply them.
import { SEARCH_KINDS, SEARCH_META } from '../../render/search-fields.ts';
import type { Hit } from './engine.ts';
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
