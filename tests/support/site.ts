import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/** The two builds the build and browser tests read: at the root, and under a sub-path. */
export const TEST_SITES = {
  root: { dir: resolve(PROJECT_ROOT, '.build/test-site'), base: '/' },
  subpath: { dir: resolve(PROJECT_ROOT, '.build/test-site-sub'), base: '/kaifu/minzheng/' },
} as const;

/** Builds the real site with the real build script (content check, Astro, Pagefind, verify). */
export function buildSite(dir: string, base: string): void {
  const result = spawnSync('node', ['scripts/build.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORTAL_DIST: dir, PORTAL_BASE: base },
    encoding: 'utf8',
  });
  if (result.status !== 0 || !existsSync(resolve(dir, 'index.html'))) {
    throw new Error(`site build failed:\n${result.stdout}\n${result.stderr}`);
  }
}
