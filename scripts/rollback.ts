// npm run rollback: points dist back at the previous release (see src/publishing/releases.ts).
import { resolve } from 'node:path';
import { forgetSettings } from '../src/publishing/precompress.ts';
import { releaseFolders, rollback, withReleaseLock } from '../src/publishing/releases.ts';

const folders = releaseFolders(resolve(process.cwd(), process.env.PORTAL_DIST ?? 'dist'));
try {
  const { from, to } = await withReleaseLock(folders, async () => {
    // The release rolled back to may have been compressed otherwise: the next build starts afresh.
    await forgetSettings(folders.releases);
    return rollback(folders);
  });
  console.log(`已回滚 (rolled back): ${folders.dist} → ${to}（原为 ${from}）`);
} catch (error) {
  console.error(`回滚失败，dist 未改动 (rollback failed, dist unchanged)\n${(error as Error).message}`);
  process.exitCode = 1;
}
