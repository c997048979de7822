import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { openSearchIndex } from '../publishing/search-index.ts';

/**
 * Logged when Astro has written every page: from then on the pages are final, so scripts/build.ts
 * compresses and checks them.
 */
export const PAGES_WRITTEN = '页面已全部写出 (pages written)';

/**
 * Indexes the built site with Pagefind when Astro has written it (as Starlight's integration
 * does), so that `astro build` alone publishes a searchable site: the searchable page types'
 * pages (src/publishing/search-index.ts), into pagefind/ inside the build's output folder.
 * scripts/build.ts indexes the pages itself while Astro writes them (PORTAL_INDEXED_BY_BUILD=1).
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'portal:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        logger.info(PAGES_WRITTEN);
        if (process.env['PORTAL_INDEXED_BY_BUILD'] === '1') return;
        const started = performance.now();
        const index = await openSearchIndex(fileURLToPath(dir));
        index.addSite();
        const pages = await index.write();
        logger.info(`搜索索引 (Pagefind): ${pages} 个页面，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);
      },
    },
  };
}
