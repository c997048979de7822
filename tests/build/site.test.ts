// The built site, read from its files (both test builds: at the root and under a sub-path; the
// HTML checks also cover the fixture sites, whose links tests/build/departments.test.ts checks):
// - no broken internal link or anchor: every href/src/action of every page, the canonical and
//   og:url addresses and the sitemap resolve to a built file, under the configured base, and
//   every #fragment (figure anchors #fig-…, section anchors, #main) names an id on the target;
// - every page is valid HTML (html-validate, .htmlvalidate.json);
// - every page has exactly one <h1>, comes to it before any other heading, and never skips a
//   heading level going down (h2 → h4).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { brokenLinks, crawl, decode, references, startTags } from '../support/links.ts';
import { FIXTURE_SITES, PROJECT_ROOT, TEST_SITES } from '../support/site.ts';
import { fileOf, sitePaths } from '../e2e/quality-support.ts';

for (const [label, site] of Object.entries(TEST_SITES)) {
  describe(`links and anchors (${label} build, base ${site.base})`, () => {
    const links = crawl(site);
    const { paths, pages, idsOf, siteOrigin, brokenBecause } = links;

    it(`has ${paths.length} pages, all linking correctly`, () => {
      expect(paths.length).toBeGreaterThan(100);
      const { broken, checked, fragments } = brokenLinks(links);
      expect(broken).toEqual([]);
      // Sanity: the crawl saw the figure anchors and the report's section links.
      expect(checked).toBeGreaterThan(5_000);
      expect(fragments).toBeGreaterThan(300);
    });

    it('every figure anchor (#fig-…) that is linked exists, and each report links every one of its figures', () => {
      const linked = new Set<string>();
      for (const [path, tags] of pages) {
        for (const [, ref] of references(tags)) {
          const url = new URL(ref, `${siteOrigin}${site.base}${path}`);
          if (url.hash.startsWith('#fig-')) linked.add(`${url.pathname}${url.hash}`);
        }
      }
      expect(linked.size).toBeGreaterThan(100);
      for (const year of ['2018', '2022']) {
        const anchors = [...idsOf(fileOf(site.dir, `reports/${year}/`))].filter((id) => id.startsWith('fig-'));
        expect(anchors.length).toBeGreaterThan(10);
        for (const anchor of anchors) expect(linked.has(`${site.base}reports/${year}/#${anchor}`), `${year} #${anchor}`).toBe(true);
      }
    });

    it('links to other sites (cannot be checked offline) use https', () => {
      const insecure: string[] = [];
      for (const [path, tags] of pages) {
        for (const [what, ref] of references(tags)) {
          const url = new URL(ref, `${siteOrigin}${site.base}${path}`);
          if (url.protocol === 'http:' && url.origin !== siteOrigin) insecure.push(`/${path} ${what}="${ref}"`);
        }
      }
      expect(insecure).toEqual([]);
    });

    it('the sitemap lists only built pages, and every page but 404', () => {
      const xml = readFileSync(join(site.dir, 'sitemap.xml'), 'utf8');
      const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => decode(m[1]!));
      expect(locs.length).toBeGreaterThan(100);
      const broken = locs.map((loc) => [loc, brokenBecause('', loc)]).filter(([, why]) => why !== null);
      expect(broken).toEqual([]);
      const listed = new Set(locs.map((loc) => new URL(loc).pathname.slice(site.base.length)));
      expect(paths.filter((p) => p !== '404.html' && !listed.has(p))).toEqual([]);
    });
  });
}

describe('HTML', () => {
  const sites = Object.entries({ ...TEST_SITES, ...FIXTURE_SITES });
  const config = JSON.parse(readFileSync(join(PROJECT_ROOT, '.htmlvalidate.json'), 'utf8'));
  const validator = new HtmlValidate(config);

  it.each(sites)('every page of the %s build is valid (html-validate, .htmlvalidate.json)', { timeout: 120_000 }, async (_label, build) => {
    const problems: string[] = [];
    for (const path of sitePaths(build.dir)) {
      const file = fileOf(build.dir, path);
      const report = await validator.validateString(readFileSync(file, 'utf8'), file);
      for (const result of report.results) {
        for (const m of result.messages) problems.push(`/${path}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the validator is on (it rejects a broken page)', async () => {
    const report = await validator.validateString('<!DOCTYPE html><html lang="zh-CN"><head><title>x</title></head><body><div><p>x</div></body></html>');
    expect(report.valid).toBe(false);
  });

  it.each(sites)('every page of the %s build: exactly one <h1>, first; heading levels never skip going down', (_label, site) => {
    const problems: string[] = [];
    for (const path of sitePaths(site.dir)) {
      const levels = startTags(readFileSync(fileOf(site.dir, path), 'utf8'))
        .filter((t) => /^h[1-6]$/.test(t.name))
        .map((t) => Number(t.name[1]));
      const h1s = levels.filter((l) => l === 1).length;
      if (h1s !== 1) problems.push(`/${path}: ${h1s} <h1>`);
      if (levels[0] !== 1) problems.push(`/${path}: first heading is h${levels[0]}`);
      for (let i = 1; i < levels.length; i += 1) {
        if (levels[i]! > levels[i - 1]! + 1) problems.push(`/${path}: h${levels[i - 1]} → h${levels[i]}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
