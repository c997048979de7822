import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkContent } from '../checks/check-content.ts';
import { formatProblems } from '../reading/problems.ts';

/**
 * Runs the portal's content checks (catalog, quotes, units, duplicate years, safety) before
 * Astro compiles anything: a build with bad content stops here, naming file and field. In dev
 * the problems are logged, and logged again whenever content changes.
 */
export function contentValidation(): AstroIntegration {
  let root = '';
  const report = async (): Promise<string | null> => {
    const problems = await checkContent(root);
    return problems.length > 0 ? formatProblems(problems) : null;
  };
  return {
    name: 'portal:content-validation',
    hooks: {
      'astro:config:setup': async ({ config, command, logger }) => {
        root = fileURLToPath(config.root);
        // scripts/build.ts checks the content itself, just before it starts Astro: not twice.
        if (command === 'build' && process.env.PORTAL_CONTENT_CHECKED === '1') return;
        const problems = await report();
        if (problems === null) return;
        if (command === 'dev') {
          logger.error(`内容有问题 (content problems):\n${problems}`);
          return;
        }
        throw new Error(`内容检查未通过 (content check failed):\n${problems}`);
      },
      'astro:server:setup': ({ server, logger }) => {
        server.watcher.on('change', async (path) => {
          if (!path.includes('/content/')) return;
          const problems = await report();
          if (problems === null) logger.info('内容检查通过 (content OK)');
          else logger.error(`内容有问题 (content problems):\n${problems}`);
        });
      },
    },
  };
}
