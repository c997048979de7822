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
  return describe(value, 0);
}

/**
 * Nesting deeper than route data ever goes: a value this deep is taken for a cycle. Counting the
 * depth is free; a set of the objects being described cost 6 % of the digests' time (profile of
 * 1,000 reports' build).
 */
const DEEPEST = 256;

/**
 * A value as text that only equal values share: a string with its length before it (no escaping
 * to scan for, and separators inside it cannot pass for two values), another primitive with its
 * type, an object as its kind and its members' descriptions, or the hash of that when it is long.
 */
function describe(value: unknown, depth: number): string {
  if (typeof value === 'string') return `${value.length}"${value}`;
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol') throw new CacheKeyError('页面数据含有函数或符号');
    return `${typeof value}:${String(value)}`;
  }
  const known = digests.get(value);
  if (known !== undefined) return known;
  if (depth > DEEPEST) throw new CacheKeyError('页面数据有循环引用');
  const deeper = depth + 1;
  let text: string;
  if (value instanceof Date) text = `date(${value.toISOString()})`;
  else if (value instanceof Map) {
    text = 'map(';
    for (const [k, v] of value) text += `${within(k, '键', deeper)}=${within(v, String(k), deeper)},`;
    text += ')';
  } else if (value instanceof Set) {
    text = 'set(';
    for (const v of value) text += `${within(v, '[]', deeper)},`;
    text += ')';
  } else if (Array.isArray(value)) {
    text = 'array(';
    for (let i = 0; i < value.length; i++) text += `${within(value[i], String(i), deeper)},`;
    text += ')';
  } else {
    text = 'object(';
    for (const k of Object.keys(value)) text += `${k.length}"${k}:${within((value as Record<string, unknown>)[k], k, deeper)},`;
    text += ')';
  }
  if (text.length <= INLINE) return text;
  const result = hash(text);
  digests.set(value, result);
  return result;
}

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

function within(value: unknown, key: string, depth: number): string {
  try {
    return describe(value, depth);
  } catch (error) {
    if (error instanceof CacheKeyError) error.under(key);
    throw error;
  }
}

/** Routes with their cacheKey: the digest of their props together with the site-wide data (`site`). */
export function withCacheKeys<Route extends { props: object }>(routes: Route[], site: unknown): (Route & { cacheKey: string })[] {
  const shared = within(site, 'site', 0);
  return routes.map((route) => ({ ...route, cacheKey: hash(`${shared}\n${within(route.props, 'props', 0)}`) }));
}
