import type { CatalogEntry } from '../schemas/catalog.ts';
import type { Qualifier } from '../schemas/qualifier-table.ts';
import { precisionOf, type Precision } from './qualifiers.ts';
import type { ReportData } from '../schemas/report.ts';
import type { Topic } from '../schemas/topic.ts';
import type { UnitKind } from '../schemas/unit.ts';
import { convert, kindOf, type Unit, type UnitTable } from './units.ts';

/** One figure of one year's report, joined with its catalog entry and normalised. */
export interface FigureRecord {
  year: number;
  /** Department id (content/departments.yaml) of the report. */
  department: string;
  /** The report's key: its path under /reports/ (reportKey). */
  reportKey: string;
  metricId: string;
  label: string;
  labelEn: string;
  topic: Topic;
  /** As the text states it. */
  value: number;
  unit: Unit;
  qualifiers: Qualifier[];
  precision: Precision;
  asOf: string | undefined;
  quote: string;
  /** In the catalog's unit, the one comparisons and charts use. */
  normalisedValue: number;
  normalisedUnit: Unit;
  /** What the normalised unit measures (content/units.yaml): a rate or a score changes in points. */
  kind: UnitKind;
}

/**
 * Where a department's pages live under /reports/ and /compare/: nowhere special for the
 * primary department (/reports/2022/), its own folder for any other (/reports/<id>/2022/).
 */
export const departmentPrefix = (department: string, primary: string) => (department === primary ? '' : `${department}/`);

/** A report's key, unique across the site: "2022", or "<department>/2022" for another department. */
export const reportKey = (department: string, year: number, primary: string) => `${departmentPrefix(department, primary)}${year}`;

/** The year of a report's key (reportKey): "2022" and "fuliyuan/2022" are 2022. */
export const yearOfReportKey = (key: string) => Number(key.slice(key.lastIndexOf('/') + 1));

/** The report's department: the one it names, else the primary department. */
export const departmentOf = (report: ReportData, primary: string) => report.department ?? primary;

/** Joins a report's figures with the catalog and the units. Validation has already guaranteed every id and unit exists. */
export function figuresOf(report: ReportData, catalog: ReadonlyMap<string, CatalogEntry>, units: UnitTable, primary: string): FigureRecord[] {
  const department = departmentOf(report, primary);
  const key = reportKey(department, report.year, primary);
  return report.metrics.map((figure) => {
    const entry = catalog.get(figure.id);
    if (!entry) throw new Error(`${key}: 指标 ${figure.id} 不在目录中`);
    return {
      year: report.year,
      department,
      reportKey: key,
      metricId: figure.id,
      label: entry.label,
      labelEn: entry.labelEn,
      topic: entry.topic,
      value: figure.value,
      unit: figure.unit,
      qualifiers: figure.qualifier,
      precision: precisionOf(figure.qualifier),
      asOf: figure.asOf,
      quote: figure.quote,
      normalisedValue: convert(units, figure.value, figure.unit, entry.unit),
      normalisedUnit: entry.unit,
      kind: kindOf(units, entry.unit),
    };
  });
}
