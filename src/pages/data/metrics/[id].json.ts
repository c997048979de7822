import type { APIRoute } from 'astro';
import { getPortal } from '../../../data/portal.ts';
import { openDataAbout, openDataRows, toJson } from '../../../render/open-data.ts';
import { figureHref } from '../../../render/urls.ts';
import { figureHistories } from '../../../render/disclosure/figure-history.ts';
import { contentLastChanged } from '../../../reading/content-changed.ts';

export async function getStaticPaths() {
  const { series } = await getPortal();
  return [...series.keys()].map((id) => ({ params: { id } }));
}

export const GET: APIRoute = async ({ params, site }) => {
  const portal = await getPortal();
  const entry = portal.catalog.get(params.id!)!;
  const rows = openDataRows(portal.figures.filter((f) => f.metricId === entry.id), (f) => new URL(figureHref(f), site).href, figureHistories((await getPortal()).reports));
  const about = openDataAbout(portal, `${entry.label}（${entry.unit}）`, contentLastChanged(), site!);
  return new Response(toJson(about, rows, { metric: { id: entry.id, label: entry.label, unit: entry.unit, topic: entry.topic, definition: entry.definition } }), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
