// What a page is made of, as one string: Astro's incremental build (experimental.incrementalBuild,
// astro.config.mjs) copies a page from the previous build instead of rendering it again when its
// cacheKey, its code (Astro hashes the page's module graph) and the content entries it renders
// are all unchanged. A page's key is the digest of its props, which route-data.ts computes as
// everything the page shows, plus the site-wide data the layout and pages read beside their
// props (SiteStrings, units, vocabularies). Any change to either gives the page a new key.
import { hash as digest } from 'node:crypto';

/**
 * Digests of the objects already hashed, for the whole build: route types share objects (a report,
 * its entry, a department's series), so each is hashed once however many pages and route types show
 * it. Only digests that are hashes are kept (an object described in INLINE characters or fewer is
 * quicker to describe again than to keep), and weakly: an object's digest goes with it.
 */
const digests = new WeakMap<object, string>();

/** SHA-1 is enough to tell versions of a page apart (nothing here is secret), and quicker than SHA-256. */
const hash = (text: string) => digest('sha1', text, 'base64url');

/** An object whose description is this short is its own digest: hashing it would cost more than it saves. */
const INLINE = 120;

/**
 * A digest of a value that route data hands to a page: primitives, arrays, plain objects, Maps,
 * Sets and Dates, each object hashed once (a Merkle digest), so that the many pages sharing a
 * department or a series cost one hash of it. A function has no data to hash and a cycle has no
 * digest: both are refused, so that a page can never be reused while something it shows changed.
 */
export function digestOf(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol') throw new CacheKeyError('页面数据含有函数或符号');
    // Quoted, so that a string holding the separators cannot pass for two values.
    return typeof value === 'string' ? JSON.stringify(value) : `${typeof value}:${String(value)}`;
  }
  const known = digests.get(value);
  if (known !== undefined) return known;
  if (visiting.has(value)) throw new CacheKeyError('页面数据有循环引用');
  visiting.add(value);
  try {
    const parts: string[] = [];
    if (value instanceof Date) parts.push('date', value.toISOString());
    else if (value instanceof Map) for (const [k, v] of value) parts.push(`${within(k, '键')}=${within(v, String(k))}`);
    else if (value instanceof Set) for (const v of value) parts.push(within(v, '[]'));
    else if (Array.isArray(value)) value.forEach((v, i) => parts.push(within(v, String(i))));
    else for (const [k, v] of Object.entries(value)) parts.push(`${JSON.stringify(k)}:${within(v, k)}`);
    const text = `${value instanceof Map ? 'map' : value instanceof Set ? 'set' : Array.isArray(value) ? 'array' : 'object'}(${parts.join(',')})`;
    if (text.length <= INLINE) return text;
    const result = hash(text);
    digests.set(value, result);
    return result;
  } finally {
    visiting.delete(value);
  }
}

/** Objects being hashed, to refuse a cycle. */
const visiting = new Set<object>();

/** A value that cannot be hashed, with the path to it (built only when one is found). */
class CacheKeyError extends Error {
  readonly #path: string[] = [];
  readonly #reason: string;
  constructor(reason: string) {
    super(reason);
    this.#reason = reason;
  }
  /** Notes that the value is under `key`; the message names the whole path. */
  under(key: string): void {
    this.#path.unshift(key);
    this.message = `${this.#reason}，无法生成增量构建的缓存键（${this.#path.join('.')}）`;
  }
}

function within(value: unknown, key: string): string {
  try {
    return digestOf(value);
  } catch (error) {
    if (error instanceof CacheKeyError) error.under(key);
    throw error;
  }
}

/** Routes with their cacheKey: the digest of their props together with the site-wide data (`site`). */
export function withCacheKeys<Route extends { props: object }>(routes: Route[], site: unknown): (Route & { cacheKey: string })[] {
  const shared = within(site, 'site');
  return routes.map((route) => ({ ...route, cacheKey: hash(`${shared}\n${within(route.props, 'props')}`) }));
}
