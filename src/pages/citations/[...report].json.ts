import type { APIRoute } from 'astro';
import { reportCitables } from '../../render/disclosure/citables.ts';
import { cslJson } from '../../render/disclosure/citation.ts';
import { absoluteUrl } from '../../render/site-map.ts';
import { citationRoutes } from '../../routing/route-data.ts';

/** /citations/<report key>.json: CSL-JSON of the report and each of its figures (Zotero, Pandoc). */
export const getStaticPaths = citationRoutes;

type Props = Awaited<ReturnType<typeof citationRoutes>>[number]['props'];

export const GET: APIRoute<Props> = async ({ props, site }) => {
  const items = cslJson(reportCitables(props.report, (path) => absoluteUrl(site, import.meta.env.BASE_URL, path)));
  return new Response(`${JSON.stringify(items, null, 2)}\n`, { headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json; charset=utf-8' } });
};
