import type { APIRoute } from 'astro';
import { getPortal } from '../../data/portal.ts';
import { figureHref } from '../../render/urls.ts';
import { openDataRows, toCsv } from '../../render/open-data.ts';
import { figureHistories } from '../../render/disclosure/figure-history.ts';

export const GET: APIRoute = async ({ site }) => {
  const { figures, reports } = await getPortal();
  const rows = openDataRows(figures, (f) => new URL(figureHref(f), site).href, figureHistories(reports));
  return new Response(new Blob(toCsv(rows)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
