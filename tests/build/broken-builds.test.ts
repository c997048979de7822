import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/site.ts';

// Every broken fixture must stop `npm run build` with a message naming file, line and field,
// and leave the previous dist/ exactly as it was.
const FIXTURES = join(PROJECT_ROOT, 'tests/fixtures/broken');
const PREVIOUS_BUILD = '<!doctype html><title>previous good build</title>';

interface Expected { file: string; line: number; field: string; message: string }

let project: string;

function useContent(fixture: string): void {
  rmSync(join(project, 'content'), { recursive: true, force: true });
  cpSync(join(FIXTURES, fixture, 'content'), join(project, 'content'), { recursive: true });
}

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'portal-broken-'));
  for (const entry of ['node_modules', 'src', 'scripts', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    symlinkSync(join(PROJECT_ROOT, entry), join(project, entry));
  }
  mkdirSync(join(project, 'dist'));
  writeFileSync(join(project, 'dist', 'index.html'), PREVIOUS_BUILD);
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('a broken content fixture never yields a build', () => {
  for (const fixture of readdirSync(FIXTURES).sort()) {
    it(fixture, () => {
      const expected = JSON.parse(readFileSync(join(FIXTURES, fixture, 'expected.json'), 'utf8')) as Expected;
      useContent(fixture);
      const result = spawnSync('node', ['scripts/build.ts'], { cwd: project, encoding: 'utf8' });
      expect(result.status).toBe(1);
      const problemLine = result.stderr.split('\n').find((l) => l.startsWith(`${expected.file}:${expected.line}:`) && l.includes(`  ${expected.field || '-'}  `) && l.includes(expected.message));
      expect(problemLine, result.stderr).toBeDefined();
      expect(result.stderr).toContain('dist/ 未改动');
      expect(readFileSync(join(project, 'dist', 'index.html'), 'utf8')).toBe(PREVIOUS_BUILD);
      expect(readdirSync(join(project, 'dist'))).toEqual(['index.html']);
      expect(existsSync(join(project, '.build')) ? readdirSync(join(project, '.build')) : []).toEqual([]);
    });
  }

  it('astro build on its own is stopped by the content-validation integration too', () => {
    useContent('quote-not-in-text');
    const outDir = join(project, 'astro-out');
    const result = spawnSync('astro', ['build'], { cwd: project, encoding: 'utf8', env: { ...process.env, PORTAL_OUT_DIR: outDir } });
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain('content/reports/2022.mdx');
    expect(`${result.stdout}${result.stderr}`).toContain('在正文中找不到');
    expect(existsSync(join(outDir, 'index.html'))).toBe(false);
  }, 60_000);
});
