import type { CatalogEntry } from '../../schemas/catalog.ts';
import type { Topic } from '../../schemas/topic.ts';
import type { FoundFigure } from './figures.ts';
import type { Vocabulary } from './vocabulary.ts';
import { bigrams, differenceOf, type Difference } from './grade.ts';

/** A catalog entry (its schema's type) with the quotes earlier reports give for it. */
export type CatalogMetric = CatalogEntry & { quotes: readonly string[] };

export interface Candidate {
  metric: CatalogMetric;
  score: number;
}

export interface Suggestion {
  figure: FoundFigure;
  /** Catalog metrics of the same unit family, best first. */
  candidates: Candidate[];
  /** The metric proposed for the figure; null: none fits, a new catalog entry is proposed. */
  chosen: CatalogMetric | null;
  /** The chosen metric's topic, or, for a new entry, the topic of the closest metric in words (none: an empty catalog). */
  topic: Topic | undefined;
  grade: Grade;
}

/**
 * How far the editor can trust a proposal, and why:
 * - sure: the metric's words are the figure's own and no other metric comes close;
 * - check: a catalog metric, but another comes close, or its words are not all the figure's own;
 * - doubtful: a catalog metric came close but is of another 口径 (`difference`): a new entry is
 *   proposed instead, so that deleting review lines can never publish the comparison;
 * - new: no catalog metric comes close.
 */
export type Grade =
  | { kind: 'sure' }
  | { kind: 'check'; rival: CatalogMetric | undefined }
  | { kind: 'doubtful'; near: CatalogMetric; difference: Difference }
  | { kind: 'new' };

/** At or above this score, with no rival within SURE_MARGIN, a metric is sure. */
const SURE_SCORE = 0.8;
const SURE_MARGIN = 0.3;

/** Below this a metric is too far from the figure's words to be proposed for it. */
const MIN_SCORE = 0.2;
/** How much a word pair counts by where it stands: before the number, after it, in its clause, in the clause before, earlier in the sentence. */
const RING_WEIGHTS = [1, 0.9, 0.6, 0.5, 0.3];
/** The label says what is counted; the definition and earlier quotes confirm it. */
const DEFINITION_WEIGHT = 0.5;
const QUOTE_WEIGHT = 0.4;
/** Scores this close are a tie, settled by text order and catalog order (lists are written in the same order). */
const TIE = 0.05;

/**
 * Suggests a catalog metric for each figure: same unit family, then the words around the
 * figure against the metric's label, definition and earlier quotes (rare word pairs count
 * more). Each metric is proposed for at most one figure of the report (the checker refuses
 * an id twice), the strongest pairs first.
 */
export function suggestMetrics(
  figures: readonly FoundFigure[],
  catalog: readonly CatalogMetric[],
  vocabulary: Vocabulary,
): Suggestion[] {
  const documents = catalog.map((m) => ({
    label: bigrams(m.label),
    definition: bigrams(m.definition),
    quotes: m.quotes.map(bigrams),
  }));
  const frequency = new Map<string, number>();
  for (const d of documents) {
    for (const gram of new Set([...d.label, ...d.definition, ...d.quotes.flatMap((q) => [...q])])) {
      frequency.set(gram, (frequency.get(gram) ?? 0) + 1);
    }
  }
  const weight = (gram: string) => Math.log(1 + catalog.length / (1 + (frequency.get(gram) ?? 0)));

  const scored = figures.map((figure) => {
    // Words next to the number tell most; the rest of the clause, then of the sentence, less.
    const { before, after, item, clause, previousClause, sentence } = figure.context;
    const own = bigrams(`${item} ${before} ${after}`);
    // “…补贴71993人次，870余万元”: a figure with no words of its own continues the clause before.
    const weights = own.size === 0 ? [1, 0.9, 0.6, 0.8, 0.3] : RING_WEIGHTS;
    const rings = [bigrams(`${item} ${before}`), bigrams(after), bigrams(clause), bigrams(previousClause), bigrams(sentence)];
    const closeness = (gram: string) => weights[rings.findIndex((ring) => ring.has(gram))] ?? 0;
    const covered = (grams: Set<string>) => {
      let total = 0;
      let found = 0;
      for (const gram of grams) {
        total += weight(gram);
        found += weight(gram) * closeness(gram);
      }
      return total === 0 ? 0 : found / total;
    };
    const context = new Set([...rings[0]!, ...rings[1]!, ...rings[2]!]);
    const contextWeight = [...context].reduce((sum, g) => sum + weight(g), 0);
    const explained = (grams: Set<string>) =>
      contextWeight === 0 ? 0 : [...context].filter((g) => grams.has(g)).reduce((sum, g) => sum + weight(g) * closeness(g), 0) / contextWeight;
    const all = catalog.map((metric, i) => {
      const d = documents[i]!;
      const quotes = d.quotes.length === 0 ? 0 : Math.max(...d.quotes.map(covered));
      return { metric, score: covered(d.label) + DEFINITION_WEIGHT * explained(new Set([...d.label, ...d.definition])) + QUOTE_WEIGHT * quotes, family: vocabulary.sameFamily(figure.unit, metric.unit) };
    });
    const candidates = all.filter((c) => c.family).sort((a, b) => b.score - a.score).map(({ metric, score }) => ({ metric, score }));
    const closest = all.reduce<(typeof all)[number] | undefined>((best, c) => (!best || c.score > best.score ? c : best), undefined);
    return { figure, candidates, closestTopic: closest?.metric.topic };
  });

  // Strongest figure–metric pairs first; ties go in text order and catalog order.
  const pairs = scored.flatMap((s, f) =>
    s.candidates.filter((c) => c.score >= MIN_SCORE).map((c) => ({ f, metric: c.metric, score: c.score, order: catalog.indexOf(c.metric) })));
  const rank = (score: number) => Math.round(score / TIE);
  pairs.sort((a, b) => rank(b.score) - rank(a.score) || a.f - b.f || a.order - b.order);
  const chosen = new Map<number, CatalogMetric>();
  const taken = new Set<string>();
  // A metric the catalog itself tells apart from the figure is never proposed for it; the
  // strongest such one is named in the review line of the new entry proposed instead.
  const nearMiss = new Map<number, { near: CatalogMetric; difference: Difference }>();
  for (const pair of pairs) {
    if (chosen.has(pair.f) || taken.has(pair.metric.id)) continue;
    const s = scored[pair.f]!;
    const difference = differenceOf(pair.metric, s.candidates.map((c) => c.metric), s.figure.context);
    if (difference) {
      if (!nearMiss.has(pair.f)) nearMiss.set(pair.f, { near: pair.metric, difference });
      continue;
    }
    chosen.set(pair.f, pair.metric);
    taken.add(pair.metric.id);
  }

  return scored.map((s, f) => {
    const metric = chosen.get(f) ?? null;
    // The chosen one first; the rest keep their order as alternatives.
    const candidates = metric ? [s.candidates.find((c) => c.metric === metric)!, ...s.candidates.filter((c) => c.metric !== metric)] : s.candidates;
    const miss = nearMiss.get(f);
    return { figure: s.figure, candidates, chosen: metric, topic: metric?.topic ?? miss?.near.topic ?? s.closestTopic, grade: gradeOf(candidates, metric, miss) };
  });
}

function gradeOf(candidates: readonly Candidate[], metric: CatalogMetric | null, miss: { near: CatalogMetric; difference: Difference } | undefined): Grade {
  if (!metric) return miss ? { kind: 'doubtful', ...miss } : { kind: 'new' };
  // Chosen after a closer metric was told apart: never sure, and that one is named.
  if (miss) return { kind: 'check', rival: miss.near };
  const [best, next] = candidates;
  const rival = next && next.score > best!.score - SURE_MARGIN ? next.metric : undefined;
  return best!.score >= SURE_SCORE && !rival ? { kind: 'sure' } : { kind: 'check', rival };
}
