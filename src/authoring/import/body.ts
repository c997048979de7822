import { hasSentenceEnd } from '../../domain/sentences.ts';
import type { Block } from './read-file.ts';

/**
 * The report body from the file's blocks: the official text verbatim, one paragraph a line,
 * headings marked ## / ###, tables as Markdown tables. Only word-processor artefacts go;
 * characters Markdown or MDX would read as markup are escaped, never changed.
 */
export interface DraftBody {
  markdown: string;
  /** The first line when it is the report's title (it is then not repeated in the body). */
  title?: string | undefined;
  /** The signature line at the end (示例县民政局), when there is one. */
  issuer?: string | undefined;
  counts: { paragraphs: number; headings: number; tables: number };
  /** Paragraphs of Word numbered lists: their numbers (1. 2. …) are drawn by Word, not written, so the editor must add them. */
  autoNumbered: string[];
}

/** Export artefacts that are not text: Word's hidden bookmark as text exports write it. */
const ARTEFACTS = /\[bookmark:[^\]]*\]/g;

const CN = '[一二三四五六七八九十]+';
/** The numbering schemes the reports use for headings, in no particular rank. */
const NUMBERING: { kind: string; pattern: RegExp }[] = [
  { kind: '一、', pattern: new RegExp(`^${CN}[、．.]`) },
  { kind: '（一）', pattern: new RegExp(`^[（(]${CN}[）)]`) },
  { kind: '1、', pattern: /^\d{1,2}(?:[、．]|\.(?!\d))/ },
  { kind: '（1）', pattern: /^[（(]\d{1,2}[）)]/ },
];

const SIGNATURE = /^[\u4e00-\u9fff（）()]{1,40}(?:局|委员会|政府|办公室|中心|院|站|所|会|厅|处|队|部)$/;
const DATE_LINE = /^(?:\d{4}|[〇零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日$/;

function numbering(text: string): string | null {
  return NUMBERING.find((n) => n.pattern.test(text))?.kind ?? null;
}

/** A line with a sentence end or a semicolon after its numbering (一. is a number, not a full stop) is prose, whatever its numbering. */
function isProse(text: string): boolean {
  const numbered = NUMBERING.find((n) => n.pattern.test(text));
  return hasSentenceEnd(numbered ? text.replace(numbered.pattern, '') : text, { semicolons: true });
}

function looksLikeTitle(text: string): boolean {
  return text.length <= 60 && !isProse(text) && numbering(text) === null && !/[，,]/.test(text);
}

/** Characters Markdown or MDX would read as markup, escaped so the text renders as written. */
function escapeMarkdown(text: string, { heading }: { heading: boolean }): string {
  let escaped = text.replace(/[\\`*_{}<]/g, (ch) => `\\${ch}`);
  if (heading) return escaped;
  escaped = escaped
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2') // "1. " would start a list
    .replace(/^([#+-])(?=\s|$)/, '\\$1')
    .replace(/^>/, '\\>')
    .replace(/^([=-]{3,}\s*)$/, '\\$1');
  return escaped;
}

const NUMERIC_CELL = /^[（(]?[-+]?\d[\d,，]*(?:\.\d+)?\s*[%％‰]?[\u4e00-\u9fff/]{0,4}[）)]?$|^[-—–/]$/;

function markdownTable(rows: readonly string[][]): string {
  const width = Math.max(...rows.map((r) => r.length));
  const cell = (text: string | undefined) => escapeMarkdown(text ?? '', { heading: true }).replaceAll('|', '\\|') || ' ';
  const line = (row: readonly string[]) => `| ${Array.from({ length: width }, (_, i) => cell(row[i])).join(' | ')} |`;
  const body = rows.slice(1);
  // A column of figures reads right-aligned (the renderer turns this into a class).
  const numeric = Array.from({ length: width }, (_, i) =>
    body.some((r) => (r[i] ?? '').trim() !== '') && body.every((r) => (r[i] ?? '').trim() === '' || NUMERIC_CELL.test((r[i] ?? '').trim())));
  const delimiter = `| ${numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`;
  return [line(rows[0]!), delimiter, ...body.map(line)].join('\n');
}

export function draftBody(input: readonly Block[]): DraftBody {
  const blocks: Block[] = input
    .map((b): Block => (b.kind === 'paragraph' ? { ...b, text: b.text.replace(ARTEFACTS, '').trim() } : b))
    .filter((b) => b.kind === 'table' || b.text !== '');

  let title: string | undefined;
  const first = blocks[0];
  if (first?.kind === 'paragraph' && (first.style === 1 || looksLikeTitle(first.text)) && /报告|评价|总结/.test(first.text)) {
    title = first.text;
    blocks.shift();
  }

  // The signature: the last short line naming a body, before an optional date line.
  let issuer: string | undefined;
  for (const block of blocks.slice(-2).reverse()) {
    if (block.kind !== 'paragraph') break;
    if (SIGNATURE.test(block.text)) {
      issuer = block.text;
      break;
    }
    if (!DATE_LINE.test(block.text)) break;
  }

  // Headings: numbered or styled short lines; the first kind met is ##, any other ###.
  const ranks: string[] = [];
  const lastParagraph = blocks.findLastIndex((b) => b.kind === 'paragraph');
  const headingKind = (block: Block, index: number): string | null => {
    if (block.kind !== 'paragraph') return null;
    if (block.style !== undefined) return `style ${block.style}`;
    const text = block.text;
    // Sentence punctuation, a closing half-width full stop or words after a colon make it a paragraph.
    if (isProse(text) || /[.．]$/.test(text) || /[:：].{4,}/.test(text) || index === lastParagraph || text === issuer) return null;
    const kind = numbering(text);
    if (kind) return text.length <= 40 ? kind : null;
    // An unnumbered short line with no comma, followed by more text: a section title.
    return text.length <= 25 && !/[，,：:]/.test(text) && !DATE_LINE.test(text) ? 'plain' : null;
  };

  const counts = { paragraphs: 0, headings: 0, tables: 0 };
  const parts = blocks.map((block, index) => {
    if (block.kind === 'table') {
      counts.tables += 1;
      return markdownTable(block.rows);
    }
    const kind = headingKind(block, index);
    if (kind === null) {
      counts.paragraphs += 1;
      return escapeMarkdown(block.text, { heading: false });
    }
    if (!ranks.includes(kind)) ranks.push(kind);
    counts.headings += 1;
    const level = ranks.indexOf(kind) === 0 ? '##' : '###';
    return `${level} ${escapeMarkdown(block.text, { heading: true })}`;
  });
  const autoNumbered = blocks.flatMap((b) => (b.kind === 'paragraph' && b.autoNumbered ? [b.text] : []));
  return { markdown: `${parts.join('\n\n')}\n`, title, issuer, counts, autoNumbered };
}
