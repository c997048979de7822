import type { APIRoute } from 'astro';
import { getPortal } from '../../../data/portal.ts';
import { openDataRows, toCsv } from '../../../render/open-data.ts';
import { figureHref } from '../../../render/urls.ts';
import { figureHistories } from '../../../render/disclosure/figure-history.ts';

// One metric's figures, every department and year: "下载本图数据" beside its chart.
export async function getStaticPaths() {
  const { series } = await getPortal();
  return [...series.keys()].map((id) => ({ params: { id } }));
}

export const GET: APIRoute = async ({ params, site }) => {
  const { figures } = await getPortal();
  const rows = openDataRows(figures.filter((f) => f.metricId === params.id), (f) => new URL(figureHref(f), site).href, figureHistories((await getPortal()).reports));
  return new Response(toCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
