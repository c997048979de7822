import { escapeAttribute, textRuns } from '../mark-figures.ts';

/** A quoted sentence to mark in rendered report HTML: a commitment, or a later report's evidence. */
export interface PassageMark {
  quote: string;
  kind: 'promise' | 'outcome';
  /** id of the passage's first fragment, so that a link can point at the sentence. */
  anchor: string;
  /** Where the small link after the passage leads (the commitment's page). */
  href: string;
  /** The link's text, e.g. 承诺 · 已完成. */
  label: string;
}

/** Whether the text run at `rawStart` is the text of a link (a figure's): the tag before it opens one. */
function insideLink(html: string, rawStart: number): boolean {
  const tagStart = html.lastIndexOf('<', rawStart - 1);
  return tagStart !== -1 && /^<a\b[^>]*>$/i.test(html.slice(tagStart, rawStart));
}

interface Insert {
  at: number;
  text: string;
  /** At one offset: closing tags first, then the link, then opening tags. */
  rank: number;
}

/**
 * Marks each passage (its text, even where figures' links cut it into pieces) with a
 * highlighted span, the first carrying its anchor, and puts a link after it to what became of
 * it. Run after markFigures: the passage link is placed outside any figure link. Throws when a
 * passage cannot be found, so that a page never silently loses its anchor.
 */
export function markPassages(html: string, passages: readonly PassageMark[]): string {
  if (passages.length === 0) return html;
  const { plain, runs } = textRuns(html);
  const inserts: Insert[] = [];
  for (const passage of passages) {
    const start = plain.indexOf(passage.quote);
    if (start === -1) throw new Error(`无法在正文中标出 ${passage.anchor}：引文“${passage.quote}”`);
    const end = start + passage.quote.length;
    let first = true;
    let after = -1;
    for (const run of runs) {
      const runEnd = run.plainStart + run.rawOffsets.length - 1;
      const from = Math.max(start, run.plainStart);
      const to = Math.min(end, runEnd);
      if (from >= to) continue;
      // A figure's link keeps its own look and its plain text: the passage leaves it as it is
      // (and the link after the passage goes after it, even when the quote ends inside it).
      if (insideLink(html, run.rawStart)) {
        after = run.rawStart + run.raw.length;
        continue;
      }
      after = run.rawStart + run.rawOffsets[to - run.plainStart]!;
      const id = first ? ` id="${escapeAttribute(passage.anchor)}"` : '';
      first = false;
      inserts.push({ at: run.rawStart + run.rawOffsets[from - run.plainStart]!, text: `<span class="passage passage--${passage.kind}"${id}>`, rank: 2 });
      inserts.push({ at: after, text: '</span>', rank: 0 });
    }
    if (first) throw new Error(`${passage.anchor}：引文“${passage.quote}”只有链接中的文字，无法标出`);
    // The link's words come from CSS (data-label), so that the text a reader copies, and the
    // page's text, stay the official text; screen readers read its aria-label.
    const label = escapeAttribute(passage.label);
    // Past the closing tags of a figure link the passage may end in: links never nest.
    while (html.startsWith('</a>', after)) after += '</a>'.length;
    inserts.push({ at: after, text: `<a class="passage-link" href="${escapeAttribute(passage.href)}" aria-label="${label}" data-label="${label}" data-pagefind-ignore></a>`, rank: 1 });
  }
  inserts.sort((a, b) => b.at - a.at || b.rank - a.rank);
  let result = html;
  for (const { at, text } of inserts) result = result.slice(0, at) + text + result.slice(at);
  return result;
}
