import { withBase } from './urls.ts';

// The sitemap's pages come from the page-type registry (src/routing/page-types.ts sitePaths).

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
