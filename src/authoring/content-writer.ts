import type { z } from 'astro/zod';
import { stringify } from 'yaml';
import type { PLACEHOLDER } from '../checks/schema-problems.ts';
import { catalogEntrySchema } from '../schemas/catalog.ts';
import { commitmentSchema, evidenceSchema } from '../schemas/commitment.ts';
import { figureSchema } from '../schemas/figure.ts';
import { reportSchema } from '../schemas/report.ts';

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

export interface ReportFile {
  /** Comment lines at the top of the frontmatter. */
  preface: readonly string[];
  report: Written<ReportFields, keyof ReportInput>;
  figures: readonly Written<FigureFields>[];
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
