import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { copyProject } from '../../scripts/project-copy.ts';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/** The two builds the build and browser tests read: at the root, and under a sub-path. */
export const TEST_SITES = {
  root: { dir: resolve(PROJECT_ROOT, '.build/test-site'), base: '/' },
  subpath: { dir: resolve(PROJECT_ROOT, '.build/test-site-sub'), base: '/kaifu/minzheng/' },
} as const;

/** Sites built from fixture content (tests/fixtures/<name>/content) in a copy of the project. */
export const FIXTURE_SITES = {
  /** Two departments, each with a 2021 and a 2022 report. */
  departments: { dir: resolve(PROJECT_ROOT, '.build/test-site-departments'), base: '/', content: resolve(PROJECT_ROOT, 'tests/fixtures/departments/content') },
  /** A self-evaluation report with budget lines and a score table that add up (2022), and one whose disagreements are acknowledged (2021). */
  scores: { dir: resolve(PROJECT_ROOT, '.build/test-site-scores'), base: '/', content: resolve(PROJECT_ROOT, 'tests/fixtures/scores/content') },
} as const;

/** Builds a fixture site: the project's code over the fixture's content, in a throwaway copy. */
export async function buildFixtureSite(site: (typeof FIXTURE_SITES)[keyof typeof FIXTURE_SITES]): Promise<void> {
  // Inside .build/, beside the test sites: one folder to clean.
  mkdirSync(resolve(PROJECT_ROOT, '.build'), { recursive: true });
  const copy = mkdtempSync(resolve(PROJECT_ROOT, '.build/fixture-project-'));
  try {
    await copyProject(PROJECT_ROOT, copy, site.content);
    buildSite(site.dir, site.base, copy);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/** Builds the site (the real one, or a copy's) with the real build script (content check, Astro, Pagefind, verify); returns its log. */
export function buildSite(dir: string, base: string, project = PROJECT_ROOT): string {
  const result = spawnSync('node', ['scripts/build.ts'], {
    cwd: project,
    env: { ...process.env, PORTAL_DIST: dir, PORTAL_BASE: base },
    encoding: 'utf8',
  });
  if (result.status !== 0 || !existsSync(resolve(dir, 'index.html'))) {
    throw new Error(`site build failed:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/** Every file of a built site (followed through the dist link), by its path in the site, in path order. */
export function siteFiles(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .map((file) => [relative(dir, file).split(sep).join('/'), readFileSync(file)] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1)));
}
