import type { APIRoute } from 'astro';
import { getPortal } from '../../data/portal.ts';
import { csvTable, downloadResponse, openDataAbout } from '../../render/open-data.ts';
import { contentLastChanged } from '../../reading/content-changed.ts';
import { performanceReport, type PerformanceReport } from '../../domain/scores/history.ts';
import { BUDGET_COLUMNS, budgetRows, SCORE_COLUMNS, scoreRows } from '../../render/scores/open-data.ts';
import { paths, performanceAnchors as anchors, url } from '../../render/urls.ts';

// /data/scores.csv, scores.json, budget.csv, budget.json: score tables and budget lines (issue 19).
export function getStaticPaths() {
  return ['scores.csv', 'scores.json', 'budget.csv', 'budget.json'].map((performance) => ({ params: { performance } }));
}

export const GET: APIRoute = async ({ params, site }) => {
  const portal = await getPortal();
  const { reports, units } = portal;
  const sources = reports.map((r) => performanceReport(r.key, r.department.id, r.data));
  const urlOf = (r: PerformanceReport, anchor: string) => new URL(`${url(paths.report(r.reportKey))}#${anchor}`, site).href;
  const [name, format] = String(params.performance).split('.');
  const scores = name === 'scores' ? scoreRows(sources, urlOf, { table: anchors.scoreTable(), row: anchors.scoreRow }) : null;
  const budget = scores === null ? budgetRows(sources, units, urlOf, anchors.budgetLine) : null;
  if (format === 'csv') {
    const csv = scores ? csvTable(SCORE_COLUMNS, scores) : csvTable(BUDGET_COLUMNS, budget!);
    return downloadResponse(csv, 'csv');
  }
  const about = openDataAbout(portal, scores ? '绩效评价得分表' : '预算执行', contentLastChanged(), site!);
  const body = { title: about.title, reuse_terms: about.reuseTerms, last_changed: about.lastChanged ?? null, source: about.source, ...(scores ? { score_rows: scores } : { budget_amounts: budget }) };
  return downloadResponse([`${JSON.stringify(body, null, 2)}\n`], 'json');
};
