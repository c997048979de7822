import type { APIRoute } from 'astro';
import { sitemapIndexXml, sitemapXml } from '../render/feeds.ts';
import { absoluteUrl, sitemapParts } from '../render/site-map.ts';
import { sitemapPages } from '../routing/route-data.ts';

/**
 * /sitemap.xml: every page of the page types in the sitemap (src/routing/page-types.ts), as
 * absolute URLs; for a site of more pages than a sitemap may list, the index of its parts
 * (sitemap-[n].xml.ts).
 */
export const GET: APIRoute = async ({ site }) => {
  const pages = await sitemapPages();
  const parts = sitemapParts(pages);
  const loc = (path: string) => absoluteUrl(site, import.meta.env.BASE_URL, path);
  const xml = parts.length === 0 ? sitemapXml(pages.map((p) => ({ loc: loc(p.path), lastmod: p.lastmod }))) : sitemapIndexXml(parts.map((part) => loc(part.path)));
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
