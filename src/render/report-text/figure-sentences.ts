/**
 * Wraps each sentence of the rendered report text that holds a marked figure (<a class="figure">)
 * in <span class="figure-sentence">, so that landing on a figure (#fig-…) can highlight its whole
 * sentence (src/styles/reading.css). Sentences are the domain's (src/domain/sentences.ts), list
 * items (…；) each their own, as search excerpts read them; a sentence is wrapped only when the
 * tags inside it are balanced (an editor's note or a figure that crosses a sentence end leaves
 * that sentence unwrapped: the paragraph is highlighted instead). The text itself is unchanged.
 */
import { endsSentence } from '../../domain/sentences.ts';

/** Paragraphs only: a figure in a table is highlighted with its row (src/styles/reading.css). */
const BLOCK = /<(p)(\s[^>]*)?>([\s\S]*?)<\/\1>/g;
const VOID = /^<(?:br|img|wbr)\b/i;

/** The inner HTML of a block, cut after each sentence end that lies in text (not in a tag). */
function sentences(inner: string): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const token of inner.match(/<[^>]*>|[^<]+/g) ?? []) {
    if (token.startsWith('<')) {
      current += token;
      continue;
    }
    for (let at = 0; at < token.length; at += 1) {
      current += token[at];
      if (endsSentence(token, at, { semicolons: true })) {
        pieces.push(current);
        current = '';
      }
    }
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/** Whether every tag opened in `html` is closed in it, and none closed that it did not open. */
function balanced(html: string): boolean {
  let depth = 0;
  for (const [tag] of html.matchAll(/<[^>]*>/g)) {
    if (VOID.test(tag) || tag.endsWith('/>')) continue;
    depth += tag.startsWith('</') ? -1 : 1;
    if (depth < 0) return false;
  }
  return depth === 0;
}

export function wrapFigureSentences(html: string): string {
  return html.replace(BLOCK, (whole, tag: string, attributes: string = '', inner: string) => {
    if (!inner.includes('class="figure"')) return whole;
    const wrapped = sentences(inner)
      .map((s) => (s.includes('class="figure"') && balanced(s) ? `<span class="figure-sentence">${s}</span>` : s))
      .join('');
    return `<${tag}${attributes}>${wrapped}</${tag}>`;
  });
}
