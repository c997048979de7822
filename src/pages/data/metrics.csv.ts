import type { APIRoute } from 'astro';
import { getPortal } from '../../data/portal.ts';
import { figureHref } from '../../render/urls.ts';
import { openDataRows, toCsv } from '../../render/open-data.ts';

export const GET: APIRoute = async ({ site }) => {
  const { figures } = await getPortal();
  const rows = openDataRows(figures, (f) => new URL(figureHref(f), site).href);
  return new Response(toCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
