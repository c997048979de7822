import type { APIRoute } from 'astro';
import { getPortal } from '../data/portal.ts';
import { sitemapXml } from '../render/feeds.ts';
import { absoluteUrl } from '../render/site-map.ts';
import { sitePaths } from '../routing/page-types.ts';

/** /sitemap.xml: every page of the page types in the sitemap (src/routing/page-types.ts), as absolute URLs. */
export const GET: APIRoute = async ({ site }) => {
  const portal = await getPortal();
  const urls = sitePaths(portal).map((path) => absoluteUrl(site, import.meta.env.BASE_URL, path));
  return new Response(sitemapXml(urls), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
