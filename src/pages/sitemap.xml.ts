import type { APIRoute } from 'astro';
import { getPortal } from '../data/portal.ts';
import { sitemapXml } from '../render/feeds.ts';
import { absoluteUrl } from '../render/site-map.ts';
import { sitePaths } from '../routing/page-types.ts';
import { lastCorrected } from '../domain/disclosure/metadata.ts';
import { paths } from '../render/urls.ts';

/** /sitemap.xml: every page of the page types in the sitemap (src/routing/page-types.ts), as absolute URLs. */
export const GET: APIRoute = async ({ site }) => {
  const portal = await getPortal();
  // A report's page last changed on its latest correction, else on its 发布日期.
  const lastmod = new Map(portal.reports.map((r) => [paths.report(r.key), lastCorrected(r.data.corrections) ?? r.data.disclosure.publishedDate]));
  const urls = sitePaths(portal).map((path) => ({ loc: absoluteUrl(site, import.meta.env.BASE_URL, path), lastmod: lastmod.get(path) }));
  return new Response(sitemapXml(urls), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
