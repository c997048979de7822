import { disclosureRecord } from '../../domain/disclosure/metadata.ts';
import type { ReportData } from '../../schemas/report.ts';
import { paths } from '../urls.ts';
import type { Citable } from './citation.ts';

/** What a report's citations need of it (src/data/portal.ts PortalReport is one). */
interface CitableReport {
  key: string;
  data: ReportData;
  department: { id: string; name: string; disclosure?: { publisher?: string | undefined } | undefined };
  figures: readonly { metricId: string; label: string }[];
}

/**
 * A report's citations: the report first, then each figure, with its permalink (the report's
 * address and #fig-<metric id>, src/render/urls.ts). `absolute` turns a site path into a URL.
 */
export function reportCitables(report: CitableReport, absolute: (path: string) => string): (Citable & { id: string })[] {
  const record = disclosureRecord(report.data, report.department);
  const base = {
    author: record.publisher,
    title: report.data.title,
    publishedDate: record.publishedDate,
    indexNumber: report.data.disclosure.indexNumber,
    genre: report.data.reportType,
  };
  const id = `${report.department.id}-${report.data.year}`;
  return [
    { ...base, id, url: absolute(paths.report(report.key)) },
    ...report.figures.map((f) => ({ ...base, id: `${id}-${f.metricId}`, part: f.label, url: absolute(paths.figure(report.key, f.metricId)) })),
  ];
}
