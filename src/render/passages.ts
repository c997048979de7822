import { officialText } from '../domain/official-text.ts';
import { sentenceSpans } from '../domain/sentences.ts';

/** A sentence of the official text that states one or more figures. */
export interface Passage {
  text: string;
  /** Metric ids whose quotes fall in this sentence, in text order. */
  metricIds: string[];
}

/**
 * The sentences of a report body that hold the given figures, in text order, each once.
 * Used to show a topic's passages from every report side by side.
 */
export function passagesFor(body: string, figures: readonly { metricId: string; quote: string }[]): Passage[] {
  const text = officialText(body);
  const spans = sentenceSpans(text);
  const bySpan = new Map<number, Passage>();
  for (const figure of figures) {
    const at = text.indexOf(figure.quote);
    if (at === -1) continue;
    const index = spans.findIndex((s) => s.start <= at && at < s.end);
    if (index === -1) continue;
    const span = spans[index]!;
    const passage = bySpan.get(index) ?? { text: text.slice(span.start, span.end).trim(), metricIds: [] };
    passage.metricIds.push(figure.metricId);
    bySpan.set(index, passage);
  }
  return [...bySpan.entries()].sort(([a], [b]) => a - b).map(([, passage]) => passage);
}
