import { locateFigure, qualifierBefore } from '../../domain/locate-figure.ts';
import { findNumbers, type WrittenNumber } from '../../domain/numerals.ts';
import { officialLines } from '../../domain/official-text.ts';
import { qualifierRules } from '../../domain/qualifiers.ts';
import { endsSentence, sentenceStart } from '../../domain/sentences.ts';
import type { Qualifier } from '../../schemas/qualifier-table.ts';
import type { Vocabulary } from './vocabulary.ts';

/** A figure found in the official text: the number, its unit and qualifiers, and where. */
export interface FoundFigure {
  value: number;
  unit: string;
  qualifiers: Qualifier[];
  asOf?: string;
  /** Words of the text holding the figure, occurring once in it (the checker's rule). */
  quote: string;
  /** Offset of the number in the official text. */
  at: number;
  /** Words around the figure, closest first: what the catalog is matched against. */
  context: FigureContext;
  /** For a figure in a table: its row's label (first cell) and its column's header. */
  cell?: { row: string; column: string };
}

export interface FigureContext {
  /** From the figure before it in the clause (or the clause start) to the number. */
  before: string;
  /** From the unit to the next figure, a 、 or the clause end (5家|居家养老服务中心如期完工). */
  after: string;
  /** In “A、B和C分别为x、y和z”, the item the figure stands for. */
  item: string;
  /** The clause (brackets do not end it here), the clause before it and the rest of the sentence before that. */
  clause: string;
  previousClause: string;
  sentence: string;
}

/** Besides sentence ends and semicolons, clauses end at commas and colons; a , between digits is a thousands separator (12,345). */
const CLAUSE_MARK = /[，,：:]/;
const BRACKET = /[（）()]/;

/**
 * Offsets where a clause starts: after a sentence end (src/domain/sentences.ts), a semicolon,
 * a comma or a colon, and with `brackets` (for quotes) after a bracket. The words around a
 * figure run across brackets.
 */
function clauseStartsOf(line: string, { brackets }: { brackets: boolean }): number[] {
  const found = [0];
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i]!;
    const comma = CLAUSE_MARK.test(char) && !(char === ',' && /\d/.test(line[i - 1] ?? '') && /\d/.test(line[i + 1] ?? ''));
    if (comma || endsSentence(line, i, { semicolons: true }) || (brackets && BRACKET.test(char))) found.push(i + 1);
  }
  return found;
}

/** Clause boundaries of a line, for quotes: offsets where a clause starts. */
const clauseStarts = (line: string) => clauseStartsOf(line, { brackets: true });

/** Offsets of the context ends in a line, as clause starts. */
const contextStarts = (line: string) => clauseStartsOf(line, { brackets: false });

/** Names, titles and document numbers: 《…》“…”〔…〕 hold numbers that are not figures (“15分钟生活圈”, 〔2016〕14号). */
const ENCLOSURES: Record<string, string> = { '“': '”', '《': '》', '〔': '〕', '‘': '’', '"': '"', '「': '」' };
/** Words that start with a unit but are not one: 15分钟 is a duration in a name, not a score. */
const NOT_UNITS = ['分钟'];

function enclosedSpans(line: string): [number, number][] {
  const spans: [number, number][] = [];
  for (let i = 0; i < line.length; i += 1) {
    const close = ENCLOSURES[line[i]!];
    if (!close) continue;
    const end = line.indexOf(close, i + 1);
    if (end === -1) continue;
    spans.push([i, end]);
    i = end;
  }
  return spans;
}

/**
 * Whether a number is a figure's count at all: ordinals (第三届), dates and years (8月2日,
 * 2018年), 一/二 on their own (一次性, 二是: counts are written 两) are not.
 */
function isCount(line: string, n: WrittenNumber): boolean {
  const before = line[n.start - 1] ?? '';
  const after = line[n.end] ?? '';
  if (before === '第' || /[A-Za-z.]/.test(before) || /[A-Za-z]/.test(after)) return false;
  if (n.text === '一' || n.text === '二') return false;
  if (/[年月]/.test(before) && /[月日号]/.test(after)) return false;
  if (/[年月日号时]/.test(after) && /^\d/.test(n.text)) return false;
  return true;
}

/**
 * The longest unit right after the number, read as the checker reads a quote (locateFigure:
 * spaces and 余/多 may stand before or inside the unit, 15 名, 870余万元, 3万多条).
 */
function unitAfter(line: string, n: WrittenNumber, vocabulary: Vocabulary): { unit: string; end: number; qualifiers: Qualifier[] } | null {
  const rest = line.slice(n.start);
  for (const unit of vocabulary.units) {
    const span = locateFigure(rest, n.value, unit, vocabulary.table);
    if (!span || span.start !== 0) continue;
    const end = n.start + span.end;
    if (NOT_UNITS.some((w) => w.startsWith(unit) && line.startsWith(w.slice(unit.length), end))) continue;
    return { unit, end, qualifiers: span.qualifiers };
  }
  return null;
}

/** Qualifiers of the whole sentence (预计, 截至): the qualifier table's. */
const SENTENCE = qualifierRules('sentence');

const DATE_AFTER_JIEZHI = /^(?:(?:\d{4}|[〇零一二三四五六七八九]{4})年)?(?:[\d一二三四五六七八九十]{1,2}月)?(?:[\d一二三四五六七八九十]{1,3}日)?(?:初|底|末|上旬|中旬|下旬)?/;

/** What 截至 dates the figure to: 截至11月初 → 11月初, 截至目前 → 目前. */
function asOfAfter(text: string): string {
  const date = DATE_AFTER_JIEZHI.exec(text)?.[0] ?? '';
  if (date !== '') return date;
  const word = /^(?:目前|当前|现在|今年底|年底|年末|本月|上月)/.exec(text)?.[0];
  return word ?? text.slice(0, (contextStarts(text)[1] ?? text.length + 1) - 1).slice(0, 10);
}

/** A quote with fewer characters than this besides the figure is lengthened. */
const MIN_WORDS = 4;

function occurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) count += 1;
  return count;
}

/** The noun after a figure goes into its quote whole up to this length (5家|居家养老服务中心如期完工), else cut short. */
const MAX_AFTER = 20;
const SHORT_AFTER = 12;

/**
 * The shortest quote that holds the figure with its own words and occurs once in the text:
 * `from`–`to` (the words before the number and the noun after it), lengthened to the whole
 * clause, then by whole clauses before and after.
 */
function uniqueQuote(text: string, line: string, span: { from: number; to: number; figureStart: number; figureEnd: number }): string {
  const clauses = clauseStarts(line);
  const clauseEnd = (at: number) => (clauses.find((s) => s > at) ?? line.length + 1) - 1;
  const clauseStart = clauses.findLast((s) => s <= span.figureStart) ?? 0;
  let from = Math.max(span.from, clauseStart);
  const rest = Math.min(span.to, clauseEnd(span.figureEnd)) - span.figureEnd;
  let to = span.figureEnd + (rest <= MAX_AFTER ? rest : SHORT_AFTER);
  const quote = () => line.slice(from, to).replace(/^[\s、，,：:]+/, '').replace(/[\s、，,和及与。.]+$/, '');
  // Enough words of its own besides the figure for a reader to see what it counts.
  const words = () => (to - from) - (span.figureEnd - span.figureStart);
  for (let step = 0; (occurrences(text, quote()) > 1 || words() < MIN_WORDS) && step < 40; step += 1) {
    if (from > clauseStart) from = clauseStart;
    else if (to < clauseEnd(span.figureEnd)) to = clauseEnd(span.figureEnd);
    else if (from > 0) from = clauses.findLast((s) => s < from - 1) ?? 0;
    else if (to < line.length) to = Math.min(line.length, clauseEnd(to + 1));
    else break;
  }
  return quote();
}

interface Located {
  figure: Omit<FoundFigure, 'context' | 'quote'>;
  /** The number's and the unit's place in the line; figureStart includes 近/约 before it. */
  figureStart: number;
  start: number;
  end: number;
}

/**
 * Where the words between two figures divide: the noun after a figure is its own (5个|市和谐精品社区),
 * the words after a 、, 以及 or an opening bracket belong to the next (、双河社区等|5个).
 */
const BETWEEN_FIGURES = /、|以及|[（(]/;

/** The words around each figure of one line; figures in line order. */
function contexts(line: string, located: readonly Located[]): { context: FigureContext; from: number; to: number }[] {
  const clauses = contextStarts(line);
  return located.map((l, i) => {
    const clauseFrom = clauses.findLast((s) => s <= l.start) ?? 0;
    const clauseTo = (clauses.find((s) => s > l.start) ?? line.length + 1) - 1;
    const clause = line.slice(clauseFrom, clauseTo);
    const previousClauseFrom = clauses.findLast((s) => s < clauseFrom - 1);
    const sentenceFrom = sentenceStart(line, l.start);
    const previous = located[i - 1];
    const next = located[i + 1];
    let beforeFrom = previous && previous.end > clauseFrom ? previous.end : clauseFrom;
    const split = line.slice(beforeFrom, l.start).search(BETWEEN_FIGURES);
    if (previous && previous.end > clauseFrom && split !== -1) beforeFrom += split + 1;
    let afterTo = next && next.start < clauseTo ? next.start : clauseTo;
    const cut = line.slice(l.end, afterTo).search(BETWEEN_FIGURES);
    if (cut !== -1) afterTo = l.end + cut;
    // 社区主职、副职和一般工作人员工资……分别上涨了1267元/月、1150元/月和1092元/月
    let item = '';
    const respectively = clause.indexOf('分别');
    if (respectively !== -1 && clauseFrom + respectively < l.start) {
      const rank = located.filter((o) => o.start > clauseFrom + respectively && o.start < l.start).length;
      item = clause.slice(0, respectively).split(/[、和及与]/)[rank] ?? '';
      beforeFrom = Math.max(beforeFrom, clauseFrom + respectively);
    }
    const previousClause = previousClauseFrom !== undefined && previousClauseFrom >= sentenceFrom ? line.slice(previousClauseFrom, clauseFrom) : '';
    const context = {
      before: line.slice(beforeFrom, l.start),
      after: line.slice(l.end, afterTo),
      item,
      clause,
      previousClause,
      sentence: sentenceFrom < clauseFrom ? line.slice(sentenceFrom, previousClauseFrom ?? clauseFrom) : '',
    };
    // For the quote, words running on into the next figure are that figure's (发放慰问金|100万元).
    const quoteTo = next && next.start < clauseTo && cut === -1 ? l.end : afterTo;
    return { context, from: beforeFrom, to: quoteTo };
  });
}

/**
 * Every figure of a report body, in text order. A figure no quote can single out (the second
 * “100%” in “| 发放率 | 100% | 100% |”: any quote holding it holds the first) is listed apart,
 * for the editor: the checker and the page would take the quote to mean the first.
 */
export function findFigures(body: string, vocabulary: Vocabulary): { figures: FoundFigure[]; unquotable: string[] } {
  const lines = officialLines(body);
  const text = lines.map((l) => l.text).join('\n');
  const figures: FoundFigure[] = [];
  const unquotable: string[] = [];
  let lineStart = 0;
  let header: string[] | undefined;
  for (const [index, official] of lines.entries()) {
    const line = official.text;
    // A table's first row names its columns: a figure in a cell is also what its column says.
    header = official.cells ? (lines[index - 1]?.cells ? header : official.cells) : undefined;
    const columnOf = (at: number) => {
      if (!official.cells || !header || header === official.cells) return '';
      let end = 0;
      const column = official.cells.findIndex((cell) => (end += cell.length + 1) > at);
      return header[column] ?? '';
    };
    const enclosed = enclosedSpans(line);
    const located: Located[] = [];
    let consumed = 0;
    const numbers = findNumbers(line);
    for (const [k, n] of numbers.entries()) {
      // 1.2万名: 万 multiplies the digits before it; without a unit 万名 this is no figure.
      const multiplier = /^[万亿]$/.test(n.text) && numbers[k - 1]?.end === n.start;
      if (multiplier || n.start < consumed || enclosed.some(([a, b]) => a < n.start && n.start < b) || !isCount(line, n)) continue;
      const unit = unitAfter(line, n, vocabulary);
      if (!unit) continue;
      consumed = unit.end;
      const qualifiers = new Set<Qualifier>(unit.qualifiers);
      const before = qualifierBefore(line.slice(0, n.start));
      if (before) qualifiers.add(before.word);
      const sentenceFrom = sentenceStart(line, n.start);
      const sentenceBefore = line.slice(sentenceFrom, n.start);
      const clauses = contextStarts(line);
      const clauseFrom = clauses.findLast((c) => c <= n.start) ?? 0;
      const clause = line.slice(clauseFrom, (clauses.find((c) => c > n.start) ?? line.length + 1) - 1);
      let asOf: string | undefined;
      for (const rule of SENTENCE) {
        const variant = rule.variants.find((v) => sentenceBefore.includes(v));
        if (!variant) continue;
        // An estimate said in an earlier clause does not reach a clause that reports a done
        // thing (…预计发放高龄津贴792万元，继续为五类高龄老人购买了意外保险).
        const said = sentenceFrom + sentenceBefore.lastIndexOf(variant);
        if (rule.meaning === 'estimate' && said < clauseFrom && clause.includes('了')) continue;
        qualifiers.add(rule.word as Qualifier);
        if (rule.meaning === 'as-of') asOf = asOfAfter(sentenceBefore.slice(sentenceBefore.lastIndexOf(variant) + variant.length));
      }
      const start = n.start - (before?.length ?? 0);
      located.push({
        figureStart: start,
        start: n.start,
        end: unit.end,
        figure: {
          value: n.value,
          unit: unit.unit,
          qualifiers: vocabulary.qualifiers.filter((q) => qualifiers.has(q)),
          ...(asOf !== undefined ? { asOf } : {}),
          at: lineStart + n.start,
        },
      });
    }
    const around = contexts(line, located);
    located.forEach((l, i) => {
      const { context: words, from, to } = around[i]!;
      const column = columnOf(l.start);
      const context = column ? { ...words, item: `${column} ${words.item}` } : words;
      const cell = column && official.cells ? { cell: { row: official.cells[0]!, column } } : {};
      const quote = uniqueQuote(text, line, { from, to, figureStart: l.figureStart, figureEnd: l.end });
      const span = locateFigure(quote, l.figure.value, l.figure.unit, vocabulary.table);
      if (span && text.indexOf(quote) + span.start === lineStart + l.figureStart) figures.push({ ...l.figure, quote, context, ...cell });
      else unquotable.push(`${line.slice(l.figureStart, l.end)}（${quote}）`);
    });
    lineStart += line.length + 1;
  }
  return { figures, unquotable };
}
