// Reads a built site from its files: its pages' start tags, the addresses they point at, and
// whether each address resolves (tests/build/site.test.ts, tests/build/departments.test.ts).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileOf, sitePaths } from '../e2e/quality-support.ts';

export interface Tag {
  name: string;
  attrs: Map<string, string>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
export const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(Number(e[1] === 'x' || e[1] === 'X' ? `0${e.slice(1)}` : e.slice(1))) : (ENTITIES[e] ?? m));

/** The start tags of an HTML document, with their attributes (scripts' and comments' insides skipped). */
export function startTags(html: string): Tag[] {
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
export function references(tags: Tag[]): [string, string][] {
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

/** A built site's pages, parsed, with a resolver that says why an address on a page is broken. */
export function crawl(site: { dir: string; base: string }) {
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

  return { paths, pages, idsOf, siteOrigin, brokenBecause };
}

/** Every broken address on every page of a crawled site, and how many addresses were checked. */
export function brokenLinks({ pages, brokenBecause }: ReturnType<typeof crawl>) {
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
  return { broken, checked, fragments };
}
