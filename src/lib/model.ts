import type { CatalogEntry } from '../schemas/catalog.ts';
import { precisionOf, type Precision, type Qualifier } from '../schemas/qualifier.ts';
import type { ReportData } from '../schemas/report.ts';
import type { Topic } from '../schemas/topic.ts';
import { convert, type Unit } from './units.ts';

/** One figure of one year's report, joined with its catalog entry and normalised. */
export interface FigureRecord {
  year: number;
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
  /** id of the figure in its report page (stable: metric ids are unique per report). */
  anchor: string;
}

export const figureAnchor = (metricId: string) => `fig-${metricId}`;

/** Joins a report's figures with the catalog. Validation has already guaranteed every id exists. */
export function figuresOf(report: ReportData, catalog: ReadonlyMap<string, CatalogEntry>): FigureRecord[] {
  return report.metrics.map((figure) => {
    const entry = catalog.get(figure.id);
    if (!entry) throw new Error(`${report.year}: 指标 ${figure.id} 不在目录中`);
    return {
      year: report.year,
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
      normalisedValue: convert(figure.value, figure.unit, entry.unit),
      normalisedUnit: entry.unit,
      anchor: figureAnchor(figure.id),
    };
  });
}
