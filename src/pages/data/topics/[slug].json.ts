import type { APIRoute } from 'astro';
import { getPortal } from '../../../data/portal.ts';
import { openDataAbout, openDataRows, toJson } from '../../../render/open-data.ts';
import { figureHref } from '../../../render/urls.ts';
import { figureHistories } from '../../../render/disclosure/figure-history.ts';
import { contentLastChanged } from '../../../reading/content-changed.ts';

export async function getStaticPaths() {
  const { topicsInUse } = await getPortal();
  return topicsInUse.map(({ name, slug }) => ({ params: { slug }, props: { topic: name } }));
}

export const GET: APIRoute<{ topic: string }> = async ({ props, site }) => {
  const portal = await getPortal();
  const rows = openDataRows(portal.figures.filter((f) => f.topic === props.topic), (f) => new URL(figureHref(f), site).href, figureHistories((await getPortal()).reports));
  const about = openDataAbout(portal, `主题：${props.topic}`, contentLastChanged(), site!);
  return new Response(toJson(about, rows, { topic: props.topic }), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
