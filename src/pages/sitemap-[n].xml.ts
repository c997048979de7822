import type { APIRoute } from 'astro';
import { sitemapXml } from '../render/feeds.ts';
import { absoluteUrl } from '../render/site-map.ts';
import { sitemapPartRoutes } from '../routing/route-data.ts';

/** /sitemap-<n>.xml: a part of the sitemap, when the site has more pages than one sitemap may list (none otherwise). */
export const getStaticPaths = sitemapPartRoutes;

type Props = Awaited<ReturnType<typeof sitemapPartRoutes>>[number]['props'];

export const GET: APIRoute<Props> = ({ props, site }) =>
  new Response(sitemapXml(props.pages.map((p) => ({ loc: absoluteUrl(site, import.meta.env.BASE_URL, p.path), lastmod: p.lastmod }))), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
