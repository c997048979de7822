import { disclosureRecord, type DisclosureRecord } from '../../domain/disclosure/metadata.ts';
import type { ReportData } from '../../schemas/report.ts';
import { csvTable } from '../open-data.ts';
import { paths } from '../urls.ts';

/** One row of the 政府信息公开目录: a report and its disclosure metadata. */
export interface CatalogueRow {
  index_number: string;
  title: string;
  year: number;
  department: string;
  department_name: string;
  publisher: string;
  report_type: string;
  subject_class: string;
  genre_class: string;
  written_date: string;
  published_date: string;
  document_number: string;
  keywords: string;
  summary: string;
  validity: string;
  last_corrected: string;
  corrections: number;
  url: string;
}

export const CATALOGUE_COLUMNS = [
  'index_number', 'title', 'year', 'department', 'department_name', 'publisher', 'report_type',
  'subject_class', 'genre_class', 'written_date', 'published_date', 'document_number', 'keywords',
  'summary', 'validity', 'last_corrected', 'corrections', 'url',
] as const satisfies readonly (keyof CatalogueRow)[];

export interface CatalogueEntry {
  record: DisclosureRecord;
  year: number;
  department: { id: string; name: string };
  reportType: string;
  corrections: number;
  /** The report's absolute permalink. */
  url: string;
}

/** What the catalogue needs of a report (src/data/portal.ts PortalReport is one). */
interface CatalogueReport {
  key: string;
  data: ReportData;
  department: { id: string; name: string; disclosure?: { publisher?: string | undefined } | undefined };
}

/** Each report's catalogue entry; `absolute` turns a site path into an absolute URL. */
export function catalogueEntries(reports: readonly CatalogueReport[], absolute: (path: string) => string): CatalogueEntry[] {
  return reports.map(({ key, data, department }) => ({
    record: disclosureRecord(data, department),
    year: data.year,
    department,
    reportType: data.reportType,
    corrections: data.corrections?.length ?? 0,
    url: absolute(paths.report(key)),
  }));
}

/**
 * Reports the catalogue lists on one page at most: past that, /disclosure/ lists the years and each
 * year has a page (1,000 reports made a page of 20.8 KB gzip; 10,000 would make one of some 150 KB).
 */
export const CATALOGUE_ROWS = 1_000;

/** The years the catalogue has a page of (of the reports' `years`), newest first: none while one page holds every report. */
export function catalogueYears(years: readonly number[], limit = CATALOGUE_ROWS): number[] {
  return years.length <= limit ? [] : [...new Set(years)].sort((a, b) => b - a);
}

/** The catalogue, newest 发布日期 first, then by department and year: the order of the page and the CSV. */
export function catalogueRows(entries: readonly CatalogueEntry[]): CatalogueRow[] {
  return entries
    .toSorted((a, b) => b.record.publishedDate.localeCompare(a.record.publishedDate) || b.year - a.year || a.department.id.localeCompare(b.department.id))
    .map(({ record, year, department, reportType, corrections, url }) => ({
      index_number: record.indexNumber,
      title: record.title,
      year,
      department: department.id,
      department_name: department.name,
      publisher: record.publisher,
      report_type: reportType,
      subject_class: record.subjectClass,
      genre_class: record.genreClass,
      written_date: record.writtenDate,
      published_date: record.publishedDate,
      document_number: record.documentNumber,
      keywords: record.keywords.join('|'),
      summary: record.summary,
      validity: record.validity,
      last_corrected: record.updatedDate ?? '',
      corrections,
      url,
    }));
}

export const catalogueCsv = (rows: readonly CatalogueRow[]) => csvTable(CATALOGUE_COLUMNS, rows);
