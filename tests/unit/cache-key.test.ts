// The incremental build's page keys (src/routing/cache-key.ts): equal data gives equal keys, any
// change anywhere in a page's props gives another key, and shared objects are hashed once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digestOf, withCacheKeys } from '../../src/routing/cache-key.ts';

const long = (n: number) => '开福区民政局'.repeat(n);

describe('digestOf', () => {
  it('gives equal digests to equal data built separately, long or short', () => {
    const make = () => ({ title: long(40), figures: [{ value: 1106, unit: '人' }], when: new Date('2022-01-01'), series: new Map([['x', new Set([1, 2])]]) });
    expect(digestOf(make())).toBe(digestOf(make()));
  });

  it('changes when any value changes, however deep', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const wrap = (v: unknown) => ({ report: { text: long(30), deep: [{ v }] } });
        expect(digestOf(wrap(a)) === digestOf(wrap(b))).toBe(JSON.stringify(a) === JSON.stringify(b));
      }),
    );
  });

  it('tells apart kinds and strings that hold separators', () => {
    expect(digestOf(['a', 'b'])).not.toBe(digestOf(['a,b']));
    expect(digestOf(new Map([['a', 1]]))).not.toBe(digestOf({ a: 1 }));
    expect(digestOf(new Set([1]))).not.toBe(digestOf([1]));
    expect(digestOf('1')).not.toBe(digestOf(1));
  });

  it('refuses a function or a cycle, naming where it is', () => {
    expect(() => digestOf({ page: { render: () => 1 } })).toThrow(/page\.render/);
    const cycle: Record<string, unknown> = { name: 'x' };
    cycle['self'] = { back: cycle };
    expect(() => digestOf({ props: cycle })).toThrow(/循环引用/);
  });
});

describe('withCacheKeys', () => {
  it('keys each route by its props and the site-wide data', () => {
    const routes = [{ props: { year: 2018 } }, { props: { year: 2022 } }];
    const [a, b] = withCacheKeys(routes, { strings: 'x' });
    expect(a!.cacheKey).not.toBe(b!.cacheKey);
    expect(withCacheKeys(routes, { strings: 'y' })[0]!.cacheKey).not.toBe(a!.cacheKey);
    expect(withCacheKeys(routes, { strings: 'x' })[0]!.cacheKey).toBe(a!.cacheKey);
  });

  it('hashes an object that many routes and route types share once', () => {
    let reads = 0;
    const report = {
      get text() {
        reads += 1;
        return long(50);
      },
    };
    const routes = Array.from({ length: 10 }, (_, year) => ({ props: { report, year } }));
    withCacheKeys(routes, {});
    withCacheKeys(routes.map((r) => ({ props: { ...r.props, kind: 'citation' } })), {});
    expect(reads).toBe(1);
  });
});
