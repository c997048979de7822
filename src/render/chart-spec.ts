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

/** Everything a chart and its table need, computed at build time; the page carries it as the chart's table. */
export interface ChartSpec {
  id: string;
  /** The metric drawn: its figures are offered for download beside the chart (paths.metricData). */
  metricId: string;
  /** Names the metric and its unit: 持证社工总数（人）. */
  title: string;
  /** One sentence that says what the chart shows, for everyone and for screen readers. */
  summary: string;
  points: ChartPoint[];
}

/**
 * How a chart's table carries its drawing, named once: SeriesTable writes these attributes on
 * the table of a chart (chartRowAttributes), src/client/draw-chart.ts reads them back, so the
 * page holds each series once, as the table the reader sees. A row's <th> is its bar's label.
 */
export const CHART_DATA = {
  /** On each row: the value the bar stands for, in the chart's unit (the title's). */
  value: 'data-chart-value',
  /** On each row: exact, estimate, lower-bound or approximate, which gives the bar's fill. */
  precision: 'data-chart-precision',
  /** On the cell that says the value as prose (预计3,516万元): the bar's tooltip. */
  display: 'data-chart-display',
  /** On the link to the figure's sentence: where a click on the bar goes. */
  source: 'data-chart-source',
} as const;

/** The attributes of one row of a chart's table: what the bar needs besides its cells. */
export const chartRowAttributes = (p: ChartPoint) => ({ [CHART_DATA.value]: String(p.value), [CHART_DATA.precision]: p.precision });

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
    metricId: series.metricId,
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
