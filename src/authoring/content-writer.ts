import type { z } from 'astro/zod';
import { stringify } from 'yaml';
import type { PLACEHOLDER } from '../checks/schema-problems.ts';
import { catalogEntrySchema } from '../schemas/catalog.ts';
import { commitmentSchema, evidenceSchema } from '../schemas/report/commitment.ts';
import { figureSchema } from '../schemas/figure.ts';
import { reportSchema } from '../schemas/report.ts';
import { BUDGET_AMOUNTS, budgetLineSchema } from '../schemas/report/budget.ts';
import { scoreRowSchema, scoreTableSchema } from '../schemas/report/score-table.ts';
import { statedAmountSchema } from '../schemas/report/stated-amount.ts';

/**
 * The one writer of the content new-report and import produce: a report's frontmatter (and
 * body) and catalog entries. Fields are typed by the zod schemas' input and written in the
 * schemas' order, so a schema change is a type error here and in both commands.
 */

/** A value the editor still has to write; the checker reports it until they do. */
export type Unfilled = `${typeof PLACEHOLDER}：${string}`;
/** Fields as a draft may hold them: each the schema's input, or unfilled. */
export type Draft<T> = { [K in keyof T]: T[K] | Unfilled };

type ReportInput = z.input<typeof reportSchema>;
export type ReportFields = Draft<Omit<ReportInput, 'metrics' | 'commitments' | 'evidence'>>;
export type FigureFields = Draft<z.input<typeof figureSchema>>;
export type CommitmentFields = Draft<z.input<typeof commitmentSchema>>;
export type EvidenceFields = Draft<z.input<typeof evidenceSchema>>;
export type CatalogFields = Draft<z.input<typeof catalogEntrySchema>>;

/** Fields to write; `notes`: comment lines above a field; `examples`: fields written commented out, for the editor to fill. */
export interface Written<T, Notes extends PropertyKey = keyof T> {
  fields: T;
  notes?: { [K in Notes]?: readonly string[] };
  examples?: Partial<T>;
}

/** The guidance above the 政府信息公开 metadata, in the skeleton and in an imported draft (docs/editing.md 第二节): new-report and import write the same. */
export const DISCLOSURE_NOTES = [
  '政府信息公开：发布日期 publishedDate 必填，是本站首次发布这份报告的日期，“年-月-日”，加英文双引号，发布后不再改变；',
  '成文日期 writtenDate、文号 documentNumber 只在原文写明时照抄，不写明的不填（页面显示“原文未注明”）；索引号 indexNumber',
  '只在 content/departments.yaml 填写了本单位组织机构代码时才编（代码/年份-五位流水号，全站唯一）。例：',
  'disclosure: { publishedDate: "2026-11-25", writtenDate: "2023-03-15", documentNumber: "开民发〔2023〕3号" }',
  '（disclosure metadata: publishedDate, the day first published here, is required; the others only where the source states them）',
];

/** A YAML scalar on one line, quoted only when YAML needs it. */
export const scalar = (value: string | number) => stringify(value, { lineWidth: 0 }).trimEnd();

function valueText(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'string') return scalar(value);
  if (Array.isArray(value)) return `[${value.map(valueText).join(', ')}]`;
  // A flow map of strings in double quotes ("2023-01" stays text whatever reads it).
  if (value !== null && typeof value === 'object') return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')} }`;
  throw new TypeError(`cannot write ${String(value)}`);
}

/**
 * The lines of one mapping, keys in `order`, each field's notes above it;
 * `item` makes the mapping a list item (`- ` before its first key).
 */
function mappingLines(order: readonly string[], written: Written<object, PropertyKey>, indent: string, item = false): string[] {
  const fields: Record<string, unknown> = { ...written.fields };
  const examples: Record<string, unknown> = { ...written.examples };
  const notes: Record<string, readonly string[] | undefined> = { ...written.notes };
  const lines: string[] = [];
  for (const key of order) {
    const value = fields[key] ?? examples[key];
    if (value === undefined) continue;
    const first = item && lines.length === 0;
    const noteIndent = first ? indent.slice(2) : indent;
    const keyNotes = notes[key] ?? [];
    // Top-level fields with guidance stand apart; a list item's stay together.
    if (keyNotes.length > 0) lines.push(...(indent === '' ? [''] : []), ...keyNotes.map((note) => `${noteIndent}# ${note}`));
    const line = `${key}: ${valueText(value)}`;
    lines.push(fields[key] === undefined ? `${indent}# ${line}` : first ? `${indent.slice(2)}- ${line}` : `${indent}${line}`);
  }
  return lines;
}

const REPORT_KEYS = Object.keys(reportSchema.shape);
const FIGURE_KEYS = Object.keys(figureSchema.shape);
const CATALOG_KEYS = Object.keys(catalogEntrySchema.shape);
const COMMITMENT_KEYS = Object.keys(commitmentSchema.shape);
// The evidence schema refines its object (a status needs its quote): its keys are the inner shape's.
const EVIDENCE_KEYS = ['report', 'commitment', 'status', 'quote', 'review'] as const satisfies readonly (keyof z.input<typeof evidenceSchema>)[];

export type BudgetLineFields = z.input<typeof budgetLineSchema>;
export type ScoreTableFields = z.input<typeof scoreTableSchema>;

/** `value`'s keys in `order` (the schema's), those it lacks left out. */
const inOrder = <T extends object>(value: T, order: readonly string[]): T =>
  Object.fromEntries(order.flatMap((key) => (key in value && (value as Record<string, unknown>)[key] !== undefined ? [[key, (value as Record<string, unknown>)[key]]] : []))) as T;

const AMOUNT_KEYS = Object.keys(statedAmountSchema.shape);
/** An amount's keys in order; no qualifier is written as none (`qualifier: []` says nothing). */
const amount = (value: { qualifier?: unknown }) => {
  const { qualifier, ...rest } = value;
  return inOrder(Array.isArray(qualifier) && qualifier.length === 0 ? rest : value, AMOUNT_KEYS);
};
const amountsInOrder = (line: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(line).map(([k, v]) => [k, [...BUDGET_AMOUNTS.map((a) => a.field as string), 'total'].includes(k) && v ? amount(v as object) : v]));

/** Budget lines and a score table (issue 19) as block YAML, every mapping in its schema's order. */
function performanceLines(budget: readonly BudgetLineFields[] | undefined, scoreTable: ScoreTableFields | undefined): string[] {
  const fields = {
    ...(budget && budget.length > 0 ? { budget: budget.map((line) => amountsInOrder(inOrder(line, Object.keys(budgetLineSchema.shape)))) } : {}),
    ...(scoreTable ? { scoreTable: amountsInOrder(inOrder({ ...scoreTable, rows: scoreTable.rows.map((row) => inOrder(row, Object.keys(scoreRowSchema.shape))) }, Object.keys(scoreTableSchema.shape))) } : {}),
  };
  return Object.keys(fields).length === 0 ? [] : stringify(fields, { lineWidth: 0 }).trimEnd().split('\n');
}

export interface ReportFile {
  /** Comment lines at the top of the frontmatter. */
  preface: readonly string[];
  report: Written<ReportFields, keyof ReportInput>;
  figures: readonly Written<FigureFields>[];
  /** Budget lines and the score table the text states (issue 19). */
  budget?: readonly BudgetLineFields[];
  scoreTable?: ScoreTableFields;
  /** What the report commits to, and what it shows of earlier commitments: written after the figures when there are any. */
  commitments?: readonly Written<CommitmentFields>[];
  evidence?: readonly Written<EvidenceFields>[];
  body: string;
}

/** A list field of the frontmatter: none when empty. */
const listLines = (key: string, order: readonly string[], items: readonly Written<object, PropertyKey>[] = []): string[] =>
  items.length === 0 ? [] : [`${key}:`, ...items.flatMap((item) => mappingLines(order, item, '    ', true))];

/** A report file's text: the frontmatter, fields in the schema's order, then the body. */
export function reportFileText(file: ReportFile): string {
  const lines = ['---', ...file.preface.map((line) => (line === '' ? '' : `# ${line}`))];
  const header = mappingLines(REPORT_KEYS, file.report, '');
  const metricsNotes = file.report.notes?.metrics ?? [];
  const figures = file.figures.flatMap((figure) => mappingLines(FIGURE_KEYS, figure, '    ', true));
  lines.push(
    ...header,
    ...(metricsNotes.length > 0 ? ['', ...metricsNotes.map((note) => `# ${note}`)] : []),
    figures.length > 0 ? 'metrics:' : 'metrics: []',
    ...figures,
    ...performanceLines(file.budget, file.scoreTable),
    ...listLines('commitments', COMMITMENT_KEYS, file.commitments),
    ...listLines('evidence', EVIDENCE_KEYS, file.evidence),
    '---',
    file.body.trimEnd(),
    '',
  );
  return lines.join('\n');
}

/** Catalog entries as content/metrics.yaml holds them, a blank line between entries. */
export function catalogEntriesText(entries: readonly Written<CatalogFields>[]): string {
  return entries.map((entry) => mappingLines(CATALOG_KEYS, entry, '  ', true).join('\n')).join('\n\n');
}
