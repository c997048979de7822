// The built site, read from its files (both test builds: at the root and under a sub-path):
// - no broken internal link or anchor: every href/src/action of every page, the canonical and
//   og:url addresses and the sitemap resolve to a built file, under the configured base, and
//   every #fragment (figure anchors #fig-…, section anchors, #main) names an id on the target;
// - every page is valid HTML (html-validate, .htmlvalidate.json);
// - every page has exactly one <h1>, comes to it before any other heading, and never skips a
//   heading level going down (h2 → h4).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, TEST_SITES } from '../support/site.ts';
import { fileOf, sitePaths } from '../e2e/quality-support.ts';

interface Tag {
  name: string;
  attrs: Map<string, string>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(Number(e[1] === 'x' || e[1] === 'X' ? `0${e.slice(1)}` : e.slice(1))) : (ENTITIES[e] ?? m));

/** The start tags of an HTML document, with their attributes (scripts' and comments' insides skipped). */
function startTags(html: string): Tag[] {
  const body = html.replace(/<!--[\s\S]*?-->/g, '').replace(/(<(script|style)\b[^>]*>)[\s\S]*?<\/\2>/gi, '$1');
  const tags: Tag[] = [];
  for (const m of body.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g)) {
    const attrs = new Map<string, string>();
    for (const a of m[2]!.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      attrs.set(a[1]!.toLowerCase(), decode(a[2] ?? a[3] ?? a[4] ?? ''));
    }
    tags.push({ name: m[1]!.toLowerCase(), attrs });
  }
  return tags;
}

/** Every address a page points at: [what, address]. */
function references(tags: Tag[]): [string, string][] {
  const refs: [string, string][] = [];
  for (const { name, attrs } of tags) {
    const add = (attr: string) => {
      const value = attrs.get(attr);
      if (value !== undefined) refs.push([`<${name} ${attr}>`, value]);
    };
    if (name === 'a' || name === 'area' || name === 'link') add('href');
    if (['script', 'img', 'iframe', 'source', 'audio', 'video', 'track', 'embed'].includes(name)) add('src');
    if (name === 'form') add('action');
    if (name === 'object') add('data');
    if ((name === 'img' || name === 'source') && attrs.has('srcset')) {
      for (const part of attrs.get('srcset')!.split(',')) refs.push([`<${name} srcset>`, part.trim().split(/\s+/)[0]!]);
    }
    if (name === 'meta' && attrs.get('property') === 'og:url') add('content');
  }
  return refs;
}

for (const [label, site] of Object.entries(TEST_SITES)) {
  describe(`links and anchors (${label} build, base ${site.base})`, () => {
    const paths = sitePaths(site.dir);
    const pages = new Map(paths.map((path) => [path, startTags(readFileSync(fileOf(site.dir, path), 'utf8'))]));
    const idsCache = new Map<string, Set<string>>();
    const idsOf = (file: string) => {
      let ids = idsCache.get(file);
      if (!ids) {
        const tags = file.endsWith('.html') ? startTags(readFileSync(file, 'utf8')) : [];
        ids = new Set(tags.flatMap((t) => [t.attrs.get('id'), t.name === 'a' ? t.attrs.get('name') : undefined]).filter((v): v is string => !!v));
        idsCache.set(file, ids);
      }
      return ids;
    };
    // The site's own address, as the build wrote it (PORTAL_SITE): absolute links to it are internal.
    const canonical = pages.get('')!.find((t) => t.name === 'link' && t.attrs.get('rel') === 'canonical')!.attrs.get('href')!;
    const siteOrigin = new URL(canonical).origin;

    /** Why `ref`, found on page `path`, is broken; null when it is fine. */
    function brokenBecause(path: string, ref: string): string | null {
      if (ref.trim() === '') return 'empty address';
      if (ref === '#') return 'bare "#"';
      const url = new URL(ref, `${siteOrigin}${site.base}${path}`);
      if (url.protocol === 'mailto:' || url.protocol === 'tel:') return null;
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return `scheme ${url.protocol}`;
      if (url.origin !== siteOrigin) return null; // another site: not reachable from here
      const pathname = decodeURIComponent(url.pathname);
      if (!pathname.startsWith(site.base)) return `outside the base ${site.base}`;
      const rest = pathname.slice(site.base.length);
      const file = fileOf(site.dir, rest);
      if (!existsSync(file) || statSync(file).isDirectory()) {
        return existsSync(join(site.dir, rest, 'index.html')) ? 'no trailing slash (the host would redirect)' : 'no such file';
      }
      if (url.hash) {
        const id = decodeURIComponent(url.hash.slice(1));
        if (!idsOf(file).has(id)) return `no element with id "${id}" on ${rest || '/'}`;
      }
      return null;
    }

    it(`has ${paths.length} pages, all linking correctly`, () => {
      expect(paths.length).toBeGreaterThan(100);
      const broken: string[] = [];
      let checked = 0;
      let fragments = 0;
      for (const [path, tags] of pages) {
        for (const [what, ref] of references(tags)) {
          checked += 1;
          if (ref.includes('#')) fragments += 1;
          const why = brokenBecause(path, ref);
          if (why) broken.push(`/${path} ${what}="${ref}": ${why}`);
        }
      }
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
  const site = TEST_SITES.root;
  const paths = sitePaths(site.dir);
  const config = JSON.parse(readFileSync(join(PROJECT_ROOT, '.htmlvalidate.json'), 'utf8'));
  const validator = new HtmlValidate(config);

  it.each(Object.entries(TEST_SITES))('every page of the %s build is valid (html-validate, .htmlvalidate.json)', { timeout: 120_000 }, async (_label, build) => {
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

  it('every page: exactly one <h1>, first; heading levels never skip going down', () => {
    const problems: string[] = [];
    for (const path of paths) {
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
