import { referenceAt } from '../domain/html-entities.ts';
import { locateFigure } from '../domain/locate-figure.ts';
import { TABLE_CELL_SEPARATOR } from '../domain/official-text.ts';
import type { UnitTable } from '../domain/units.ts';

/** A figure to mark in rendered report HTML. */
export interface FigureMark {
  quote: string;
  value: number;
  unit: string;
  /** id of the element wrapping the figure, so readers can link to it. */
  anchor: string;
  /** Where the figure leads (the metric's page). */
  href: string;
  /** Accessible description, e.g. "持证社工总数：1106人". */
  title: string;
  /** For a figure corrected after publication: where its history is (the 更正说明 entry). */
  correctionHref?: string | undefined;
}

interface TextRun {
  /** Offset of this run in the plain text. */
  plainStart: number;
  /** Offset of the run's raw HTML in the document. */
  rawStart: number;
  raw: string;
  /** For each plain character of the run, its offset in `raw`; one extra entry for the end. */
  rawOffsets: number[];
}

const BLOCK_TAG = /^<\/?(?:p|h[1-6]|li|ul|ol|div|section|blockquote|br|table|tr)\b/i;
/** A table cell: cells of a row read as one line, joined as the official text joins them. */
const CELL_TAG = /^<(?:td|th)\b/i;
/** The class of an editor's note in rendered HTML (src/components/EditorNote.astro): never part of a figure's text. */
export const EDITOR_NOTE_CLASS = 'editor-note';

/** Plain text of `html` (editor's notes left out), with each text run's place in the HTML. */
export function textRuns(html: string): { plain: string; runs: TextRun[] } {
  const runs: TextRun[] = [];
  let plain = '';
  let skipDepth = 0;
  let tableDepth = 0;
  /** Cells opened in the current table row; -1 outside a row. */
  let cells = -1;
  for (const match of html.matchAll(/<[^>]*>|[^<]+/g)) {
    const token = match[0];
    if (token.startsWith('<')) {
      if (/^<table\b/i.test(token)) tableDepth += 1;
      else if (/^<\/table>/i.test(token)) tableDepth -= 1;
      if (/^<tr\b/i.test(token)) cells = 0;
      else if (/^<\/tr>/i.test(token)) cells = -1;
      if (skipDepth > 0) {
        if (/^<span\b/i.test(token)) skipDepth += 1;
        else if (/^<\/span>/i.test(token)) skipDepth -= 1;
      } else if (/^<span\b/i.test(token) && token.includes(EDITOR_NOTE_CLASS)) {
        skipDepth = 1;
      } else if (CELL_TAG.test(token)) {
        if (cells > 0) plain += TABLE_CELL_SEPARATOR;
        cells += 1;
      } else if (BLOCK_TAG.test(token)) {
        plain += '\n';
      }
      continue;
    }
    if (skipDepth > 0) continue;
    // Line breaks and indentation between a table's tags are layout, not text.
    if (tableDepth > 0 && token.trim() === '') continue;
    const rawOffsets: number[] = [];
    let text = '';
    for (let i = 0; i < token.length; ) {
      const reference = token[i] === '&' ? referenceAt(token, i) : null;
      rawOffsets.push(i);
      if (reference) {
        text += reference.text;
        for (let k = 1; k < reference.text.length; k += 1) rawOffsets.push(i);
        i += reference.length;
      } else {
        text += token[i];
        i += 1;
      }
    }
    rawOffsets.push(token.length);
    runs.push({ plainStart: plain.length, rawStart: match.index, raw: token, rawOffsets });
    plain += text;
  }
  return { plain, runs };
}

export const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Wraps each figure in the rendered report HTML in a link with a stable id. Throws when a
 * figure cannot be found, so that a page never silently misses a figure.
 */
export function markFigures(html: string, figures: readonly FigureMark[], units: UnitTable): string {
  const { plain, runs } = textRuns(html);
  const inserts: { at: number; text: string }[] = [];
  for (const figure of figures) {
    const quoteAt = plain.indexOf(figure.quote);
    const span = quoteAt === -1 ? null : locateFigure(figure.quote, figure.value, figure.unit, units);
    if (quoteAt === -1 || !span) {
      throw new Error(`无法在正文中标出数字 ${figure.anchor}：引文“${figure.quote}”`);
    }
    const start = quoteAt + span.start;
    const end = quoteAt + span.end;
    const run = runs.find((r) => r.plainStart <= start && end <= r.plainStart + r.rawOffsets.length - 1);
    if (!run) throw new Error(`数字 ${figure.anchor} 跨越了格式边界，无法标出`);
    const open = `<a class="figure" id="${escapeAttribute(figure.anchor)}" href="${escapeAttribute(figure.href)}" title="${escapeAttribute(figure.title)}">`;
    inserts.push({ at: run.rawStart + run.rawOffsets[start - run.plainStart]!, text: open });
    // A corrected figure carries a mark after it, leading to its history (not part of the official text).
    const corrected = figure.correctionHref === undefined ? '' : `<a class="figure-corrected" href="${escapeAttribute(figure.correctionHref)}" data-pagefind-ignore>〔已更正〕</a>`;
    inserts.push({ at: run.rawStart + run.rawOffsets[end - run.plainStart]!, text: `</a>${corrected}` });
  }
  // Insert from the end so earlier offsets stay valid. At one offset the opening tag goes in
  // first, so that the closing tag of the figure before it lands ahead of it: </a><a …>.
  inserts.sort((a, b) => b.at - a.at || (a.text.startsWith('</a>') ? 1 : -1));
  let result = html;
  for (const { at, text } of inserts) result = result.slice(0, at) + text + result.slice(at);
  return result;
}

/**
 * Gives every heading with an id a visible link to itself, so readers can copy a link to a
 * section. The link is left out of the search index.
 */
export function addHeadingLinks(html: string): string {
  return html.replace(/<(h[2-6]) id="([^"]+)">([\s\S]*?)<\/\1>/g, (_whole, tag: string, id: string, inner: string) =>
    `<${tag} id="${id}">${inner} <a class="heading-link" href="#${id}" data-pagefind-ignore="all"><span aria-hidden="true">#</span><span class="visually-hidden">本节链接</span></a></${tag}>`);
}
