import type { FigureRecord } from '../domain/model.ts';
import { QUALIFIERS, quoted, wordsMeaning } from '../schemas/qualifier.ts';
import { figureHref, paths, url } from './urls.ts';
import type { FigureHistory } from './disclosure/figure-history.ts';

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
  /** 发布日期 of the report (issue 20). */
  published_date: string;
  /** Values the figure had before each correction, oldest first, '|'-separated; '' if never corrected. */
  earlier_values: string;
  /** The day of each of those corrections, in the same order. */
  corrected_on: string;
}

export const OPEN_DATA_COLUMNS = [
  'year', 'department', 'metric_id', 'label', 'label_en', 'topic', 'value', 'unit',
  'normalised_value', 'normalised_unit', 'qualifier', 'as_of', 'quote', 'url',
  'published_date', 'earlier_values', 'corrected_on',
] as const satisfies readonly (keyof OpenDataRow)[];

/** What each column holds, for the data page and for each JSON file's `columns`. */
export const OPEN_DATA_COLUMN_NOTES: Record<(typeof OPEN_DATA_COLUMNS)[number], string> = {
  year: '报告年度',
  department: '发布单位 id（metrics.json 的 departments 列出各单位全称）',
  metric_id: '指标 id（与指标页地址 /metrics/<id>/ 一致）',
  label: '指标中文名',
  label_en: '指标英文名',
  topic: '主题',
  value: '原文写的数值',
  unit: '原文写的单位',
  normalised_value: '换算到指标统一单位后的数值',
  normalised_unit: '指标统一单位',
  qualifier: `限定词：${QUALIFIERS.join('、')}（多个以 | 分隔；空为确数）`,
  as_of: `${quoted(wordsMeaning('as-of'))}的日期`,
  quote: '原文引文（逐字）',
  url: '该数字在报告原文中那句话的地址',
  published_date: '报告在本站的发布日期（YYYY-MM-DD）',
  earlier_values: '更正前的数值，按更正先后以 | 分隔；从未更正为空',
  corrected_on: '每次更正的日期，与 earlier_values 一一对应',
};

/** What a JSON download says about itself besides its rows: its title, terms, date and columns. */
export interface OpenDataAbout {
  title: string;
  /** The bureau's reuse terms (content/departments.yaml), or what stands in for terms not stated. */
  reuseTerms: string;
  /** The date the content last changed (YYYY-MM-DD), when known. */
  lastChanged: string | undefined;
  /** Where the whole data set and its description are. */
  source: string;
}

/** What the downloads say when the bureau has not stated reuse terms (content/departments.yaml reuseTerms). */
export const REUSE_TERMS_NOT_STATED = '本站未说明数据再利用条件；数字均摘自公开的报告原文，引用时请注明出处和原文链接。';

/** About a download of `what` (a metric, a topic; undefined for all the data), from the site's strings and the primary department's terms. */
export function openDataAbout(
  portal: { strings: { openData: { title: string } }; primary: { reuseTerms?: string | undefined } },
  what: string | undefined,
  lastChanged: string | undefined,
  site: URL,
): OpenDataAbout {
  return {
    title: what ? `${portal.strings.openData.title}：${what}` : portal.strings.openData.title,
    reuseTerms: portal.primary.reuseTerms ?? REUSE_TERMS_NOT_STATED,
    lastChanged,
    source: new URL(url(paths.data()), site).href,
  };
}

/**
 * A download as the parts of its text, made as they are read (downloadResponse): never one
 * string, since the whole data set of 10,000 reports is longer than V8's longest string, and
 * never all parts at once (at 1,000 reports the build's peak was some 160 MB higher).
 */
export type DownloadParts = Iterable<string>;

/** The media types of the downloads. */
const DOWNLOAD_TYPES = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' } as const;

/** Text gathered before it is encoded and handed on: a few hundred rows. */
const DOWNLOAD_CHUNK = 1 << 18;

/** A download's response: its parts, made and encoded a chunk at a time as the build reads the body. */
export function downloadResponse(parts: DownloadParts, type: keyof typeof DOWNLOAD_TYPES): Response {
  const next = parts[Symbol.iterator]();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      let text = '';
      for (let part = next.next(); !part.done; part = next.next()) {
        text += part.value;
        if (text.length >= DOWNLOAD_CHUNK) {
          controller.enqueue(encoder.encode(text));
          return;
        }
      }
      if (text) controller.enqueue(encoder.encode(text));
      controller.close();
    },
  });
  return new Response(body, { headers: { 'Content-Type': DOWNLOAD_TYPES[type] } });
}

/** A JSON download: about it, its columns described, then its rows; as JSON.stringify(…, null, 2) writes it, a row a part. */
export function* toJson(about: OpenDataAbout, rows: Iterable<OpenDataRow>, extra: Record<string, unknown> = {}): Generator<string> {
  const head = {
    title: about.title,
    reuse_terms: about.reuseTerms,
    last_changed: about.lastChanged ?? null,
    source: about.source,
    columns: OPEN_DATA_COLUMNS.map((name) => ({ name, description: OPEN_DATA_COLUMN_NOTES[name] })),
    ...extra,
    figures: [],
  };
  const text = `${JSON.stringify(head, null, 2)}\n`;
  let first = true;
  for (const row of rows) {
    if (first) yield text.slice(0, text.lastIndexOf('[]') + 1);
    yield `${first ? '' : ','}\n    ${JSON.stringify(row, null, 2).replaceAll('\n', '\n    ')}`;
    first = false;
  }
  yield first ? text : '\n  ]\n}\n';
}

/** Rows follow Chinese collation of the metric names, never the English ids. */
const collator = new Intl.Collator('zh-CN');

/** A figure's address in the open data: its sentence on the site, absolute. */
export const figureAddress = (site: URL | undefined) => (f: FigureRecord) => new URL(figureHref(f), site).href;

/** The rows of a download (route data's metric and topic downloads): its figures, each with its sentence's address and its history. */
export function downloadRows(download: { figures: readonly FigureRecord[]; histories: ReadonlyMap<FigureRecord, FigureHistory> }, site: URL | undefined): Iterable<OpenDataRow> {
  return openDataRows(download.figures, figureAddress(site), (f) => download.histories.get(f)!);
}

/** The figures' rows, in order, each made as it is read (a download of the whole site need not hold them all). */
export function* openDataRows(figures: readonly FigureRecord[], urlOf: (f: FigureRecord) => string, historyOf: (f: FigureRecord) => FigureHistory): Generator<OpenDataRow> {
  const sorted = [...figures].sort((a, b) => a.year - b.year || a.department.localeCompare(b.department) || collator.compare(a.label, b.label) || a.metricId.localeCompare(b.metricId));
  for (const f of sorted) {
    const history = historyOf(f);
    yield {
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
      published_date: history.publishedDate,
      earlier_values: history.corrections.map((c) => String(c.from)).join('|'),
      corrected_on: history.corrections.map((c) => c.date).join('|'),
    };
  }
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a UTF-8 byte-order mark, so that Excel shows the Chinese correctly: `columns` of `rows`, in that order. */
export function* csvTable<Row extends object>(columns: readonly (keyof Row & string)[], rows: Iterable<Row>): Generator<string> {
  yield `\uFEFF${columns.join(',')}\r\n`;
  for (const row of rows) yield `${columns.map((c) => csvField(row[c] as string | number)).join(',')}\r\n`;
}

/** The figures' open data as CSV. */
export const toCsv = (rows: Iterable<OpenDataRow>): DownloadParts => csvTable(OPEN_DATA_COLUMNS, rows);
