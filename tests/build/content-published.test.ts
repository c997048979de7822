import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/checks/check-content.ts';
import { expectedReportPages } from '../support/published.ts';
import { FIXTURE_SITES, PROJECT_ROOT, TEST_SITES } from '../support/site.ts';

// A file the checker passes is on the site: every report file of the real content and of the
// departments fixture has its page in the build made from it (tests/global-setup.ts).
describe('every report the checker passes is published', () => {
  for (const [name, content, dist] of [
    ['the real content', PROJECT_ROOT, TEST_SITES.root.dir],
    ['the departments fixture', join(FIXTURE_SITES.departments.content, '..'), FIXTURE_SITES.departments.dir],
  ] as const) {
    it(name, async () => {
      expect(await checkContent(content)).toEqual([]);
      const expected = await expectedReportPages(content);
      expect(expected.length).toBeGreaterThan(0);
      for (const { file, title, page } of expected) {
        expect(existsSync(join(dist, page)), `${file} → ${page}`).toBe(true);
        expect(readFileSync(join(dist, page), 'utf8'), file).toContain(title);
      }
    });
  }
});

describe('the build reads nothing outside the repository', () => {
  let project: string;
  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'portal-symlink-'));
    for (const entry of ['node_modules', 'src', 'scripts', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
      symlinkSync(join(PROJECT_ROOT, entry), join(project, entry));
    }
    cpSync(join(PROJECT_ROOT, 'tests/fixtures/minimal/content'), join(project, 'content'), { recursive: true });
    // A report outside the repository that would pass every check, reached through a symlink.
    const outside = join(project, '..', `${project.split('/').at(-1)}-outside.mdx`);
    writeFileSync(outside, readFileSync(join(project, 'content/reports/2022.mdx'), 'utf8').replace('year: 2022', 'year: 2030').replaceAll('"2022-', '"2030-'));
    symlinkSync(outside, join(project, 'content/reports/2030.mdx'));
  });
  afterAll(() => {
    rmSync(`${project}-outside.mdx`, { force: true });
    rmSync(project, { recursive: true, force: true });
  });

  it('npm run build stops at a symlinked report, naming it', () => {
    const result = spawnSync('node', ['scripts/build.ts'], { cwd: project, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^content\/reports\/2030\.mdx:1:1 {2}- {2}.*符号链接/m);
    expect(existsSync(join(project, 'dist'))).toBe(false);
  });

  it('astro build on its own stops there too, before any loader reads it', () => {
    const outDir = join(project, 'astro-out');
    const result = spawnSync('astro', ['build'], { cwd: project, encoding: 'utf8', env: { ...process.env, PORTAL_OUT_DIR: outDir } });
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain('content/reports/2030.mdx');
    expect(`${result.stdout}${result.stderr}`).toContain('符号链接');
    expect(existsSync(join(outDir, 'reports/2030/index.html'))).toBe(false);
  }, 60_000);
});
