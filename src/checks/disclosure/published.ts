import { correctionSchema } from '../../schemas/report/correction.ts';
import { figureSchema } from '../../schemas/figure.ts';
import { valueAt } from '../../reading/located-yaml.ts';
import { formatPath, type Problem } from '../../reading/problems.ts';
import type { DisclosedReport } from './disclosure.ts';

/**
 * A figure as the live release published it: a row of its open data (data/metrics.json), the
 * record of what readers have seen (src/publishing/published-figures.ts reads it).
 */
export interface PublishedFigure {
  year: number;
  department: string;
  metric_id: string;
  value: number;
  unit: string;
}

/**
 * Every figure whose value or unit differs from what the live release published and whose
 * report records no correction from the published value: a published figure never changes
 * silently. Named at the figure's value in the report.
 */
export function unrecordedChanges(reports: readonly DisclosedReport[], published: readonly PublishedFigure[]): Problem[] {
  const live = new Map(published.map((f) => [`${f.department}/${f.year}/${f.metric_id}`, f]));
  const problems: Problem[] = [];
  for (const { file, located, department, year } of reports) {
    if (!department || year === undefined) continue;
    const corrections = valueAt(located.data, ['corrections']);
    const correctedFrom = (Array.isArray(corrections) ? corrections : [])
      .map((raw: unknown) => correctionSchema.safeParse(raw).data)
      .filter((c) => c?.metric !== undefined)
      .map((c) => `${c!.metric}=${String(c!.from)}`);
    const metrics = valueAt(located.data, ['metrics']);
    (Array.isArray(metrics) ? metrics : []).forEach((raw: unknown, i) => {
      const figure = figureSchema.safeParse(raw).data;
      const before = figure && live.get(`${department.id}/${year}/${figure.id}`);
      if (!figure || !before || (before.value === figure.value && before.unit === figure.unit)) return;
      if (correctedFrom.includes(`${figure.id}=${before.value}`)) return;
      const path = ['metrics', i, before.value === figure.value ? 'unit' : 'value'];
      problems.push({
        file, ...located.locate(path), field: formatPath(path),
        message: `已发布的数字“${figure.id}”被改了：线上版本是 ${before.value}${before.unit}，现在是 ${figure.value}${figure.unit}，但没有更正记录。已发布的数字不能悄悄修改：请在本报告的 corrections 中记录这次更正（date、metric: ${figure.id}、from: ${before.value}、to: ${figure.value}、reason、decidedBy），见 docs/editing.md`,
      });
    });
  }
  return problems;
}
