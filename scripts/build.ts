// npm run build: the whole site, atomically. Content is checked, Astro builds into a fresh
// folder, Pagefind indexes it, the output is verified, and only then does the folder replace
// dist/. Any failure leaves the previous dist/ exactly as it was.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkContent } from '../src/checks/check-content.ts';
import { formatProblems } from '../src/checks/problems.ts';
import { SEARCHABLE_PAGES, verifyBuiltSite } from '../src/cli/verify-site.ts';

const root = process.cwd();
const finalDir = resolve(root, process.env.PORTAL_DIST ?? 'dist');
const stagingDir = resolve(root, '.build', `dist-${process.pid}`);
const started = performance.now();

function run(command: string, args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} 失败（退出码 ${result.status ?? result.signal}）`);
  }
}

try {
  // Content first: it is the quickest check and the one editors need to read.
  const problems = await checkContent(root);
  if (problems.length > 0) throw new Error(`内容检查未通过 (content check failed):\n${formatProblems(problems)}`);
  await rm(stagingDir, { recursive: true, force: true });
  run('astro', ['build'], { PORTAL_OUT_DIR: stagingDir, PORTAL_CONTENT_CHECKED: '1' });
  run('pagefind', ['--site', stagingDir, '--glob', SEARCHABLE_PAGES]);
  const outputProblems = await verifyBuiltSite(stagingDir);
  if (outputProblems.length > 0) throw new Error(`构建产物检查未通过：\n${outputProblems.join('\n')}`);
  const oldDir = `${finalDir}.old-${process.pid}`;
  if (existsSync(finalDir)) await rename(finalDir, oldDir);
  await rename(stagingDir, finalDir);
  await rm(oldDir, { recursive: true, force: true });
  console.log(`\n构建完成 (build complete): ${finalDir}，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);
} catch (error) {
  await rm(stagingDir, { recursive: true, force: true });
  console.error(`\n构建失败，dist/ 未改动 (build failed, dist/ left unchanged)\n${(error as Error).message}`);
  process.exit(1);
}
