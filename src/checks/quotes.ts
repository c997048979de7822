import { locateFigure } from '../domain/locate-figure.ts';
import { findNumbers } from '../domain/numerals.ts';
import { qualifierRules } from '../domain/qualifiers.ts';
import { sentenceEnd, sentenceStart } from '../domain/sentences.ts';
import type { UnitTable } from '../domain/units.ts';
import type { Figure } from '../schemas/figure.ts';

/** A problem with one field of a figure. */
export interface FigureProblem {
  field: keyof Figure;
  message: string;
}

/** Counts non-overlapping occurrences of `needle` in `haystack`. */
function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
    found.push(at);
  }
  return found;
}

/** What the quote rule reads: a figure, or any other number the text states with its quote (a budget line's amount). */
export type QuotedNumber = Pick<Figure, 'value' | 'unit' | 'qualifier' | 'quote'>;
/** The quote rule every quote obeys (figures, commitments, evidence): verbatim, in the text exactly once. */
function quotePlacementProblem(quote: string, count: number): string | null {
  if (count === 0) return `引文“${quote}”在正文中找不到；引文必须逐字摘自正文（不含编者注）`;
  if (count > 1) return `引文“${quote}”在正文中出现 ${count} 次；请加长引文，使它只指向一处`;
  return null;
}

/** The quote rule alone, for quotes that carry no figure: the problem, or null when the quote is found once. */
export const quoteProblem = (quote: string, text: string): string | null => quotePlacementProblem(quote, occurrences(text, quote).length);

/** Checks that a figure's quote is in the official text once, and holds the figure with its unit and qualifiers. */
export function checkQuote(figure: QuotedNumber, text: string, units: UnitTable): FigureProblem[] {
  const { quote, value, unit, qualifier: qualifiers } = figure;
  const found = occurrences(text, quote);
  const placed = quotePlacementProblem(quote, found.length);
  if (placed) return [{ field: 'quote', message: placed }];
  const numbers = findNumbers(quote).filter((n) => n.value === value);
  if (numbers.length === 0) {
    return [{ field: 'quote', message: `引文“${quote}”中没有数值 ${value}（须与原文写法一致，阿拉伯数字或原文所用的汉字数字）` }];
  }
  const span = locateFigure(quote, value, unit, units);
  if (!span) {
    const n = numbers[0]!;
    const following = quote.slice(n.end, n.end + 4) || '（无）';
    return [{ field: 'unit', message: `引文中 ${n.text} 后面是“${following}”，不是单位“${unit}”；单位须照原文写` }];
  }
  const problems: FigureProblem[] = [];
  const figureText = quote.slice(span.start, span.end);
  // Qualifiers that stand by the number (近, 约; 余, 多) must be exactly those written there.
  for (const { word } of [...qualifierRules('before'), ...qualifierRules('after')]) {
    const present = (span.qualifiers as string[]).includes(word);
    const stated = (qualifiers as string[]).includes(word);
    if (present && !stated) {
      problems.push({ field: 'qualifier', message: `原文写作“${figureText}”，数字带“${word}”：请加 qualifier: ${word}` });
    }
    if (!present && stated) {
      problems.push({ field: 'qualifier', message: `限定词“${word}”不在引文的数字旁边（原文写作“${figureText}”）；请核对原文` });
    }
  }
  // Those of the sentence (预计/预测, 截至) must be written somewhere in the quote's sentence.
  const sentence = text.slice(sentenceStart(text, found[0]!), sentenceEnd(text, found[0]! + quote.length));
  for (const { word, variants } of qualifierRules('sentence')) {
    if ((qualifiers as string[]).includes(word) && !variants.some((v) => sentence.includes(v))) {
      problems.push({ field: 'qualifier', message: `限定词“${word}”在引文所在句中找不到（${variants.join('/')}）；请核对原文` });
    }
  }
  return problems;
}
