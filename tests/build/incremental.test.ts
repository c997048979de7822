// A rebuild reuses what did not change (Astro's incremental build with each page's cacheKey,
// src/routing/cache-key.ts; the previous release's compressed copies, src/publishing/precompress.ts)
// and still gives exactly the site a build from nothing gives: the changed report's text reaches
// its page, and no file of the site differs, compressed copies and search index included.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject } from '../../scripts/project-copy.ts';
import { writtenPage } from '../../src/publishing/astro-log.ts';
import { buildSite, PROJECT_ROOT, siteFiles } from '../support/site.ts';

const PARAGRAPH = '本段为增量构建测试所加的一句话。';

/** Pages a build's log says Astro rendered, and those it took from the previous build. */
function pagesOf(log: string): { rendered: string[]; reused: string[] } {
  const pages = log.split('\n').flatMap((line) => writtenPage(line) ?? []);
  return { rendered: pages.filter((p) => !p.reused).map((p) => p.file), reused: pages.filter((p) => p.reused).map((p) => p.file) };
}

describe('incremental rebuild', () => {
  let project: string;
  let first: string;
  let rebuilt: string;
  beforeAll(async () => {
    mkdirSync(resolve(PROJECT_ROOT, '.build'), { recursive: true });
    project = mkdtempSync(resolve(PROJECT_ROOT, '.build/incremental-'));
    await copyProject(PROJECT_ROOT, project);
    const dist = join(project, 'dist');
    first = buildSite(dist, '/', project);
    const report = join(project, 'content/reports/2022.mdx');
    writeFileSync(report, `${readFileSync(report, 'utf8')}\n${PARAGRAPH}\n`);
    rebuilt = buildSite(dist, '/', project);
  }, 600_000);
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('renders every page the first time and only what changed the second', () => {
    const before = pagesOf(first);
    const after = pagesOf(rebuilt);
    expect(before.reused).toEqual([]);
    expect(before.rendered.length).toBeGreaterThan(100);
    expect(after.rendered).toContain('reports/2022/index.html');
    // Pages that show nothing of the 2022 report's text are reused.
    expect(after.reused).toContain('reports/2018/index.html');
    expect(after.reused).toContain('citations/2018/index.html');
    expect(after.reused.length).toBeGreaterThan(after.rendered.length);
  });

  it('gives the same site, byte for byte, as a build from nothing', { timeout: 600_000 }, () => {
    const fresh = join(project, 'fresh/dist');
    buildSite(fresh, '/', project);
    const a = siteFiles(join(project, 'dist'));
    const b = siteFiles(fresh);
    expect(a.get('reports/2022/index.html')!.toString()).toContain(PARAGRAPH);
    expect([...a.keys()]).toEqual([...b.keys()]);
    expect([...a.keys()].filter((name) => !a.get(name)!.equals(b.get(name)!)), 'files that differ from a build from nothing').toEqual([]);
  });
});
