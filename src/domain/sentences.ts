/**
 * What a sentence of the official text is, for everything that reads one: the checker (where
 * 预计 or 截至 must be written for a figure), the importer (which figures they qualify), the
 * passages of the topic pages and the excerpts of the search page.
 *
 * A sentence ends at 。！？, at their half-width forms (texts typed with half-width
 * punctuation), and at a line end; the mark stays with its sentence. A half-width . after a
 * digit is a decimal point or a list number (4359.88, 1.), and one before an ASCII letter or
 * digit is inside a word (gov.cn): neither ends a sentence.
 */
export interface SentenceOptions {
  /**
   * ；and ; end one too, so that each item of a list (一是…；二是…) reads on its own: search
   * excerpts start at an item, and a line holding one is prose, not a heading.
   */
  semicolons?: boolean;
}

const FULL_WIDTH_ENDS = ['。', '！', '？'];
const HALF_WIDTH_ENDS = ['!', '?'];

/** Whether the character at `at` ends a sentence. */
export function endsSentence(text: string, at: number, { semicolons = false }: SentenceOptions = {}): boolean {
  const char = text[at];
  if (char === undefined) return false;
  if (char === '\n' || FULL_WIDTH_ENDS.includes(char) || HALF_WIDTH_ENDS.includes(char)) return true;
  if (char === '.') return !/\d/.test(text[at - 1] ?? '') && !/[A-Za-z0-9]/.test(text[at + 1] ?? '');
  return semicolons && (char === '；' || char === ';');
}

/** Whether `text` holds a sentence end anywhere. */
export function hasSentenceEnd(text: string, options?: SentenceOptions): boolean {
  for (let at = 0; at < text.length; at += 1) if (endsSentence(text, at, options)) return true;
  return false;
}

/** Where the sentence holding offset `at` starts: just after the last end before it. */
export function sentenceStart(text: string, at: number, options?: SentenceOptions): number {
  for (let i = Math.min(at, text.length) - 1; i >= 0; i -= 1) if (endsSentence(text, i, options)) return i + 1;
  return 0;
}

/** Where the sentence running on from `from` ends: after its mark, before a line break, or at the text's end. */
export function sentenceEnd(text: string, from: number, options?: SentenceOptions): number {
  for (let i = from; i < text.length; i += 1) if (endsSentence(text, i, options)) return text[i] === '\n' ? i : i + 1;
  return text.length;
}

/** The sentences of `text`, in order, each with its mark; blank ones left out. */
export function sentenceSpans(text: string, options?: SentenceOptions): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (let start = 0; start < text.length; ) {
    const end = sentenceEnd(text, start, options);
    if (text.slice(start, end).trim() !== '') spans.push({ start, end });
    start = text[end] === '\n' ? end + 1 : end;
  }
  return spans;
}
