import type { APIRoute, GetStaticPaths } from 'astro';
import { getPortal } from '../../data/portal.ts';
import { reportCitables } from '../../render/disclosure/citables.ts';
import { ris } from '../../render/disclosure/citation.ts';
import { absoluteUrl } from '../../render/site-map.ts';

/** /citations/<report key>.ris: the report and each of its figures, for reference managers. */
export const getStaticPaths = (async () => {
  const { reports } = await getPortal();
  return reports.map((r) => ({ params: { report: r.key } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const report = (await getPortal()).reportByKey.get(params.report!)!;
  const text = ris(reportCitables(report, (path) => absoluteUrl(site, import.meta.env.BASE_URL, path)));
  return new Response(text, { headers: { 'Content-Type': 'application/x-research-info-systems; charset=utf-8' } });
};
