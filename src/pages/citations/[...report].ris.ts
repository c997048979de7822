import type { APIRoute } from 'astro';
import { reportCitables } from '../../render/disclosure/citables.ts';
import { ris } from '../../render/disclosure/citation.ts';
import { absoluteUrl } from '../../render/site-map.ts';
import { citationRoutes } from '../../routing/route-data.ts';

/** /citations/<report key>.ris: the report and each of its figures, for reference managers. */
export const getStaticPaths = citationRoutes;

type Props = Awaited<ReturnType<typeof citationRoutes>>[number]['props'];

export const GET: APIRoute<Props> = async ({ props, site }) => {
  const text = ris(reportCitables(props.report, (path) => absoluteUrl(site, import.meta.env.BASE_URL, path)));
  return new Response(text, { headers: { 'Content-Type': 'application/x-research-info-systems; charset=utf-8' } });
};
