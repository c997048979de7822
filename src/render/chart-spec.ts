import type { Precision } from '../domain/qualifiers.ts';
import { describeFigure, summariseChange, computeChange, isComparable, type Series } from '../domain/compare.ts';
import { departmentLabel } from './site-strings.ts';
import type { FigureRecord } from '../domain/model.ts';

/** One bar of a chart: a year's value, how sure it is, and where it comes from. */
export interface ChartPoint {
  label: string;
  value: number;
  /** The value as prose, with its qualifier: 预计3,516万元, 870余万元. */
  display: string;
  precision: Precision;
  /** The figure in its report: one click from the chart to the sentence. */
  href: string;
  quote: string;
}

/** Everything a chart and its table need, computed at build time and embedded in the page. */
export interface ChartSpec {
  id: string;
  /** Names the metric and its unit: 持证社工总数（人）. */
  title: string;
  /** One sentence that says what the chart shows, for everyone and for screen readers. */
  summary: string;
  points: ChartPoint[];
}

/** What the browser needs to draw a chart (src/client/draw-chart.ts); the table beside it carries the rest. */
export interface ChartDrawing {
  title: string;
  points: Omit<ChartPoint, 'quote'>[];
}

export const drawingOf = (spec: ChartSpec): ChartDrawing => ({
  title: spec.title,
  points: spec.points.map((p) => ({ label: p.label, value: p.value, display: p.display, precision: p.precision, href: p.href })),
});

const PRECISION_NOTES: Record<Precision, string> = {
  exact: '',
  estimate: '预计数',
  'lower-bound': '下限（实际不少于此数）',
  approximate: '约数',
};

export const precisionNote = (p: Precision) => PRECISION_NOTES[p];

/**
 * A chart of one metric across the years; `hrefOf` gives each figure's place in its report.
 * `department` names the department when it is not the portal's own (its title says whose figures).
 */
export function seriesChart(series: Series, hrefOf: (f: FigureRecord) => string, department?: string): ChartSpec {
  const first = series.points[0];
  if (!first) throw new Error(`${series.metricId}: 没有数据，不能画图`);
  const last = series.points.at(-1)!;
  const summary = isComparable(series)
    ? summariseChange(computeChange(first, last))
    : `${first.label}：${first.year}年${describeFigure(first)}（仅此一年有数据）。`;
  return {
    // Several departments' charts of one metric share a page (the metric page): `department` tells them apart.
    id: `chart-${department ? `${series.department}-` : ''}${series.metricId}`,
    title: departmentLabel(department, `${first.label}（${first.normalisedUnit}）`),
    summary,
    points: series.points.map((f) => ({
      label: `${f.year}年`,
      value: f.normalisedValue,
      display: describeFigure(f),
      precision: f.precision,
      href: hrefOf(f),
      quote: f.quote,
    })),
  };
}

/** JSON safe to put inside <script type="application/json">. */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
