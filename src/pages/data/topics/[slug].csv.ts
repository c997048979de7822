import type { APIRoute } from 'astro';
import { getPortal } from '../../../data/portal.ts';
import { openDataRows, toCsv } from '../../../render/open-data.ts';
import { figureHref } from '../../../render/urls.ts';
import { figureHistories } from '../../../render/disclosure/figure-history.ts';

// One topic's figures, every metric, department and year.
export async function getStaticPaths() {
  const { topicsInUse } = await getPortal();
  return topicsInUse.map(({ name, slug }) => ({ params: { slug }, props: { topic: name } }));
}

export const GET: APIRoute<{ topic: string }> = async ({ props, site }) => {
  const { figures } = await getPortal();
  const rows = openDataRows(figures.filter((f) => f.topic === props.topic), (f) => new URL(figureHref(f), site).href, figureHistories((await getPortal()).reports));
  return new Response(toCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
