import type { APIRoute, GetStaticPaths } from 'astro';
import { getPortal } from '../../data/portal.ts';
import { reportCitables } from '../../render/disclosure/citables.ts';
import { cslJson } from '../../render/disclosure/citation.ts';
import { absoluteUrl } from '../../render/site-map.ts';

/** /citations/<report key>.json: CSL-JSON of the report and each of its figures (Zotero, Pandoc). */
export const getStaticPaths = (async () => {
  const { reports } = await getPortal();
  return reports.map((r) => ({ params: { report: r.key } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const report = (await getPortal()).reportByKey.get(params.report!)!;
  const items = cslJson(reportCitables(report, (path) => absoluteUrl(site, import.meta.env.BASE_URL, path)));
  return new Response(`${JSON.stringify(items, null, 2)}\n`, { headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json; charset=utf-8' } });
};
