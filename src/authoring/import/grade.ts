import type { CatalogEntry } from '../../schemas/catalog.ts';
import type { FigureContext } from './figures.ts';

/**
 * Whether a catalog metric's 口径 fits a figure, judged from the catalog itself: two metrics
 * whose labels share a long run of words (八一慰问金发放额 and 肿瘤患者大病救助慰问金 share
 * 慰问金) are told apart by the words before it (八一; 肿瘤患者大病救助). Those words define
 * the metric: when the figure's sentence lacks them, or the figure's own words say the other
 * metric's that this one's label and definition lack, the figure is of another 口径.
 */

/** Labels sharing at least this many characters in a row count the same thing in different groups. */
const SHARED_RUN = 3;
/**
 * Another metric's words contradict when at least half of their character pairs are the
 * figure's own (标准化改造 in 标准化建设改造); the metric's own words are missing only when none
 * of their pairs is in the sentence, so a paraphrase (退伍 for 退役) is left to the editor.
 */
const HALF = 0.5;

/** What grading reads of a catalog entry. */
export type GradedMetric = Pick<CatalogEntry, 'id' | 'label' | 'definition'>;

export type Difference =
  /** The metric's defining words (its modifiers, 、 between alternatives) are nowhere in the figure's sentence. */
  | { kind: 'missing'; words: string }
  /** The figure's clause says the defining words of `other`, which this metric's 口径 lacks. */
  | { kind: 'contradicted'; words: string; other: GradedMetric };

/** Character pairs of the Han and Latin words of a text (numbers and punctuation break them). */
export function bigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const run of text.split(/[^\p{Script=Han}A-Za-z]+/u)) {
    for (let i = 0; i + 1 < run.length; i += 1) grams.add(run.slice(i, i + 2));
  }
  return grams;
}

/** The longest run of characters two texts share. */
function sharedRun(a: string, b: string): string {
  let best = '';
  for (let i = 0; i < a.length; i += 1) {
    for (let j = i + best.length + 1; j <= a.length && b.includes(a.slice(i, j)); j += 1) best = a.slice(i, j);
  }
  return best;
}

/**
 * The words of `label` before what it shares with another label: in a Chinese noun phrase the
 * modifiers (八一, 肿瘤患者大病救助, 城市) come before the head they narrow, while the words after it
 * say what is measured (总数, 发放额), not whose. A bracket holds another wording of the same
 * modifier (新增（新成立）), so the runs are alternatives.
 */
function modifiers(label: string, shared: string): string[] {
  return label.slice(0, label.indexOf(shared)).split(/[^\p{Script=Han}A-Za-z]+/u).filter((run) => bigrams(run).size > 0);
}

const share = (grams: Set<string>, within: Set<string>) => [...grams].filter((g) => within.has(g)).length / grams.size;

/**
 * Why `metric` is not the figure's 口径, or null when nothing in the catalog says so.
 * `siblings` are the catalog metrics the figure could also be (same unit family).
 */
export function differenceOf(metric: GradedMetric, siblings: readonly GradedMetric[], context: FigureContext): Difference | null {
  const sentence = bigrams(`${context.sentence} ${context.previousClause} ${context.clause} ${context.item}`);
  // The figure's own words: the clause's other figures have theirs (城市低保…，农村低保…).
  const own = bigrams(`${context.item} ${context.before} ${context.after}`);
  const described = bigrams(`${metric.label} ${metric.definition}`);
  for (const other of siblings) {
    if (other.id === metric.id) continue;
    const shared = sharedRun(metric.label, other.label);
    if (shared.length < SHARED_RUN) continue;
    const mine = modifiers(metric.label, shared);
    if (mine.length > 0 && mine.every((run) => share(bigrams(run), sentence) === 0)) return { kind: 'missing', words: mine.join('、') };
    const theirs = modifiers(other.label, shared).find((run) => share(bigrams(run), own) >= HALF && share(bigrams(run), described) < HALF);
    if (theirs !== undefined) return { kind: 'contradicted', words: theirs, other };
  }
  return null;
}
