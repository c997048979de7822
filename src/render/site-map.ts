import { paths, withBase } from './urls.ts';

// The sitemap's pages come from the page-type registry (src/routing/page-types.ts sitePaths).

/** URLs in one sitemap at most (sitemaps.org: 50,000; search engines ignore a longer one). */
export const SITEMAP_URLS = 50_000;

/**
 * How a site's sitemap is split: one sitemap (`parts` empty) while its URLs fit in one; otherwise
 * /sitemap.xml is an index of sitemap parts (/sitemap-1.xml, …), each `limit` URLs at most:
 * 10,000 reports make some 150,000 pages.
 */
export function sitemapParts<T>(urls: readonly T[], limit = SITEMAP_URLS): { path: string; urls: readonly T[] }[] {
  if (urls.length <= limit) return [];
  return Array.from({ length: Math.ceil(urls.length / limit) }, (_, i) => ({ path: paths.sitemapPart(i + 1), urls: urls.slice(i * limit, (i + 1) * limit) }));
}

/**
 * The absolute URL of a site path: the configured `site` (astro.config.mjs) and `base`
 * (import.meta.env.BASE_URL, possibly a sub-path such as /kaifu/).
 */
export function absoluteUrl(site: URL | string | undefined, base: string, path: string): string {
  if (site === undefined) {
    throw new Error('astro.config.mjs 没有设置 site，无法生成订阅和站点地图中的完整网址 (site is not configured)');
  }
  return new URL(withBase(base, path), site).href;
}
