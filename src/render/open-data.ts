import type { FigureRecord } from '../domain/model.ts';

/** One row of the open data: a figure, what it means, and where exactly it is stated. */
export interface OpenDataRow {
  year: number;
  /** Department id (content/departments.yaml) of the report. */
  department: string;
  metric_id: string;
  label: string;
  label_en: string;
  topic: string;
  value: number;
  unit: string;
  normalised_value: number;
  normalised_unit: string;
  qualifier: string;
  as_of: string;
  quote: string;
  url: string;
}

export const OPEN_DATA_COLUMNS = [
  'year', 'department', 'metric_id', 'label', 'label_en', 'topic', 'value', 'unit',
  'normalised_value', 'normalised_unit', 'qualifier', 'as_of', 'quote', 'url',
] as const satisfies readonly (keyof OpenDataRow)[];

export function openDataRows(figures: readonly FigureRecord[], urlOf: (f: FigureRecord) => string): OpenDataRow[] {
  return [...figures]
    .sort((a, b) => a.year - b.year || a.department.localeCompare(b.department) || a.metricId.localeCompare(b.metricId))
    .map((f) => ({
      year: f.year,
      department: f.department,
      metric_id: f.metricId,
      label: f.label,
      label_en: f.labelEn,
      topic: f.topic,
      value: f.value,
      unit: f.unit,
      normalised_value: f.normalisedValue,
      normalised_unit: f.normalisedUnit,
      qualifier: f.qualifiers.join('|'),
      as_of: f.asOf ?? '',
      quote: f.quote,
      url: urlOf(f),
    }));
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV of `columns` with a UTF-8 byte-order mark, so that Excel shows the Chinese correctly. */
export function csvOf<Column extends string>(columns: readonly Column[], rows: readonly Record<Column, string | number>[]): string {
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export const toCsv = (rows: readonly OpenDataRow[]): string => csvOf(OPEN_DATA_COLUMNS, rows);
