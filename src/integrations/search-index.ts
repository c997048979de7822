import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { SEARCHABLE_PAGES } from '../routing/page-types.ts';

/**
 * Logged when Astro has written every page and Pagefind starts: from then on the pages are final,
 * so scripts/build.ts compresses them while Pagefind indexes them (two processes, two cores).
 */
export const PAGES_WRITTEN = '页面已全部写出，开始建立搜索索引 (pages written)';

const FAILED = '搜索索引失败 (Pagefind failed)';

/** What Pagefind 1.6's lib/service.js rejects a call with once its process has gone. */
const PAGEFIND_CLOSED = 'Pagefind backend closed';
/** Logged, and the build fails, when Pagefind's indexing process ends mid-index (silently, or rejecting a call). */
export const PAGEFIND_DIED = `${FAILED}: Pagefind 的索引进程中途结束，没有写出索引（常见原因：内存不足，被系统终止；见 dmesg）`;

/**
 * Indexes the built site with Pagefind's Node API when Astro has written it (as Starlight's
 * integration does), so that `astro build` alone publishes a searchable site. Only the
 * searchable page types (src/routing/page-types.ts) are read; the index goes to pagefind/
 * inside the build's output folder (PORTAL_OUT_DIR when scripts/build.ts stages a release).
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'portal:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        logger.info(PAGES_WRITTEN);
        const started = performance.now();
        // Pagefind 1.6's Node API never settles a call when its indexing process dies (its
        // lib/service.js listens for 'error', not 'exit'): at 10,000 reports the kernel killed it
        // for lack of memory and Astro exited 0 with no index. Node then runs out of work, so
        // 'beforeExit' is where that shows; the build fails, saying why. Goes when the service
        // handles its process's exit.
        const died = () => {
          logger.error(PAGEFIND_DIED);
          process.exitCode = 1;
        };
        process.once('beforeExit', died);
        try {
          const { index, errors: created } = await pagefind.createIndex({});
          if (!index) throw new Error(created.join('\n'));
          const { page_count, errors: added } = await index.addDirectory({ path: site, glob: SEARCHABLE_PAGES });
          if (added.length > 0) throw new Error(added.join('\n'));
          const { errors: written } = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          if (written.length > 0) throw new Error(written.join('\n'));
          // "Finished in … seconds", as the Pagefind CLI says it: scripts/bench.ts reads it.
          logger.info(`搜索索引 (Pagefind): ${page_count} 个页面，Finished in ${((performance.now() - started) / 1000).toFixed(3)} seconds`);
        } catch (error) {
          const message = (error as Error).message;
          // Killed while a call is being sent, the service does answer: it rejects the call.
          throw new Error(message.includes(PAGEFIND_CLOSED) ? PAGEFIND_DIED : `${FAILED}: ${message}`);
        } finally {
          process.off('beforeExit', died);
          await pagefind.close();
        }
      },
    },
  };
}
