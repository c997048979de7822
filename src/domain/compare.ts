import type { FigureRecord } from './model.ts';
import type { UnitKind } from '../schemas/unit.ts';
import { formatNumber, formatPercent } from './format.ts';
import { MEANINGS, withQualifiers } from './qualifiers.ts';

/**
 * What a change computed from two figures can honestly claim:
 * exact from two exact figures; approximate when either is an estimate or approximate;
 * at-least / at-most when one side is a lower bound (余/多); unknown when both are.
 */
export type Bound = 'exact' | 'approximate' | 'at-least' | 'at-most' | 'unknown';

export interface Change {
  from: FigureRecord;
  to: FigureRecord;
  /** Years between the two reports (2018 → 2022 is 4). */
  years: number;
  /** In the normalised unit; for at-least/at-most it is the bound. */
  absolute: number;
  /** Relative to `from`; null when `from` is 0, and for a change in points (a rate, a score). */
  percent: number | null;
  /** Compound average per year over `years`; null when it cannot be computed. */
  annualRate: number | null;
  direction: 'up' | 'down' | 'same';
  bound: Bound;
  /**
   * What `absolute` counts when the metric is a rate or a score: 个百分点 (87% → 90% is 3 个百分点,
   * not +3.4%) or 分. Null for other measures, whose change is an amount and a percentage.
   */
  points: string | null;
}

/** Measures whose change is read in points of their own scale, never as a relative change. */
const POINTS: Partial<Record<UnitKind, string>> = { rate: '个百分点', score: '分' };

/** All values of one metric in one department's reports, one per year, oldest first. */
export interface Series {
  metricId: string;
  department: string;
  points: FigureRecord[];
}

/**
 * Figures grouped into series, in order of first appearance. A series never mixes
 * departments: the same metric in two departments' reports is two series, and only points of one
 * series are compared.
 */
export function seriesOf(figures: readonly FigureRecord[]): Series[] {
  const byKey = new Map<string, Series>();
  for (const figure of figures) {
    const key = `${figure.department}\n${figure.metricId}`;
    const series = byKey.get(key) ?? { metricId: figure.metricId, department: figure.department, points: [] };
    series.points.push(figure);
    byKey.set(key, series);
  }
  for (const series of byKey.values()) series.points.sort((a, b) => a.year - b.year);
  return [...byKey.values()];
}

/** Comparable: the same metric of the same department (one series) in two years or more. */
export const isComparable = (series: Series): boolean => series.points.length >= 2;

/** Series with two or more points: the only ones that may be compared. */
export function comparableSeries(figures: readonly FigureRecord[]): Series[] {
  return seriesOf(figures).filter(isComparable);
}

/**
 * At most `size` points of a series around `year`: the point of that year, the one after it
 * and those before it. A report page charts this window, so its size stays bounded however
 * many years a department has published; the metric page shows the whole series.
 */
export function pointsAround(series: Series, year: number, size: number): Series {
  const at = series.points.findIndex((p) => p.year === year);
  if (at === -1) throw new Error(`${series.metricId}：${year} 年没有数据`);
  const start = Math.max(0, Math.min(at + 2, series.points.length) - size);
  return { ...series, points: series.points.slice(start, start + size) };
}

function boundOf(from: FigureRecord, to: FigureRecord): Bound {
  const lower = (f: FigureRecord) => f.precision === 'lower-bound';
  const fuzzy = (f: FigureRecord) => f.precision === 'approximate' || f.precision === 'estimate';
  if (lower(from) && lower(to)) return 'unknown';
  if (fuzzy(from) || fuzzy(to)) return 'approximate';
  if (lower(to)) return 'at-least';
  if (lower(from)) return 'at-most';
  return 'exact';
}

/** The change from one figure to a later figure of the same metric. */
export function computeChange(from: FigureRecord, to: FigureRecord): Change {
  if (from.metricId !== to.metricId) {
    throw new Error(`不能比较不同的指标：${from.metricId} 与 ${to.metricId}`);
  }
  if (from.department !== to.department) {
    throw new Error(`${from.metricId}：不能比较不同单位的数字（${from.department} 与 ${to.department}）`);
  }
  if (from.normalisedUnit !== to.normalisedUnit) {
    throw new Error(`${from.metricId} 的单位不一致：${from.normalisedUnit} 与 ${to.normalisedUnit}`);
  }
  const years = to.year - from.year;
  const a = from.normalisedValue;
  const b = to.normalisedValue;
  const absolute = Number((b - a).toPrecision(12));
  const points = POINTS[to.kind] ?? null;
  const relative = points === null;
  const percent = relative && a !== 0 ? absolute / a : null;
  const annualRate = relative && a > 0 && b > 0 && years > 0 ? (b / a) ** (1 / years) - 1 : null;
  const direction = absolute > 0 ? 'up' : absolute < 0 ? 'down' : 'same';
  return { from, to, years, absolute, percent, annualRate, direction, bound: boundOf(from, to), points };
}

/** The word a change carries for its bound, as the qualifier meanings word it. */
const BOUND_PREFIX: Record<Bound, string> = {
  exact: '',
  approximate: MEANINGS.approximate.inChange,
  'at-least': MEANINGS['lower-bound'].inChange,
  'at-most': MEANINGS['lower-bound'].fromEarlier,
  unknown: '',
};

/** A figure as prose: 预计3,516万元 · 870余万元 · 约3,000条 · 3,513万元（截至11月初）. */
export function describeFigure(f: FigureRecord, { normalised = true } = {}): string {
  const value = normalised ? f.normalisedValue : f.value;
  const unit = normalised ? f.normalisedUnit : f.unit;
  return withQualifiers(formatNumber(value), unit, f.qualifiers, f.asOf);
}

/** The size of a change in points: 提高3个百分点, 降低1.5分. */
const inPoints = (change: Change, points: string) =>
  `${change.direction === 'up' ? '提高' : '降低'}${formatNumber(Math.abs(change.absolute))}${points}`;

/** "增加432人" / "约减少10万元" / "提高3个百分点": the change in words, honest about its bound. */
export function describeAbsolute(change: Change): string {
  if (change.bound === 'unknown') return '无法确定（两年数值均为下限）';
  if (change.direction === 'same') return change.bound === 'exact' ? '持平' : '约持平';
  if (change.points !== null) return `${BOUND_PREFIX[change.bound]}${inPoints(change, change.points)}`;
  const verb = change.direction === 'up' ? '增加' : '减少';
  return `${BOUND_PREFIX[change.bound]}${verb}${formatNumber(Math.abs(change.absolute))}${change.from.normalisedUnit}`;
}

export function describePercent(change: Change): string | null {
  if (change.percent === null || change.bound === 'unknown') return null;
  const sign = change.percent > 0 ? '+' : change.percent < 0 ? '−' : '±';
  return `${BOUND_PREFIX[change.bound]}${sign}${formatPercent(Math.abs(change.percent))}`;
}

export function describeAnnualRate(change: Change): string | null {
  if (change.annualRate === null || change.bound === 'unknown' || change.years < 2) return null;
  const sign = change.annualRate >= 0 ? '+' : '−';
  return `约${sign}${formatPercent(Math.abs(change.annualRate))}/年（${change.years}年年均）`;
}

/**
 * One sentence, written at build time, for charts and summaries:
 * 持证社工总数由2018年的674人增至2022年的1,106人，增长64.1%，年均增长约13.2%。
 * A rate: 社会化运营率由2022年的87%提高至2023年的90%，提高3个百分点。
 */
export function summariseChange(change: Change): string {
  const { from, to } = change;
  const label = from.label;
  const start = `${from.year}年的${describeFigure(from)}`;
  const end = `${to.year}年的${describeFigure(to)}`;
  if (change.bound === 'unknown') {
    return `${label}${start}，${end}；两年数值均为下限，无法确定增减。`;
  }
  const prefix = BOUND_PREFIX[change.bound];
  if (change.direction === 'same') return `${label}${start}与${end}${prefix ? '约' : ''}持平。`;
  if (change.points !== null) {
    return `${label}由${start}${change.direction === 'up' ? '提高至' : '降至'}${end}，${prefix}${inPoints(change, change.points)}。`;
  }
  const verb = change.direction === 'up' ? '增至' : '降至';
  const growth = change.direction === 'up' ? '增长' : '下降';
  const parts = [`${label}由${start}${verb}${end}`];
  if (change.percent !== null) parts.push(`${prefix}${growth}${formatPercent(Math.abs(change.percent))}`);
  if (change.annualRate !== null && change.years >= 2) {
    const annual = change.annualRate >= 0 ? '增长' : '下降';
    parts.push(`年均${annual}约${formatPercent(Math.abs(change.annualRate))}`);
  }
  return `${parts.join('，')}。`;
}
