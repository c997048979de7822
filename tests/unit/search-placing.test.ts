import { describe, expect, it } from 'vitest';
import { filedStanding, placeByStanding, settledCount } from '../../src/client/search/standing.ts';

describe('search placing from the filters', () => {
  const filed = { reports: new Set(['r']), featured: new Set(['f']) };

  it('knows a report (1); any other page is left to its metadata', () => {
    expect(filedStanding('r', filed)).toBe(1);
    expect(filedStanding('m', filed)).toBeUndefined();
    expect(filedStanding('f', filed)).toBeUndefined();
  });

  it('counts as settled only the hits standing 0 or 1', () => {
    expect(settledCount([0, 1, undefined, 3, 1, 2])).toBe(3);
    expect(settledCount([])).toBe(0);
  });

  it('the settled hits lead in the same order whatever the open pages turn out to stand (2 or 3)', () => {
    const hits = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, tier: 0 as const }));
    const known = [undefined, 1, 3, 0, undefined];
    const settled = settledCount(known);
    const lead = (open: [number, number]) => {
      const standings = new Map(hits.map((h, i) => [h, known[i] ?? open.shift()!]));
      return placeByStanding(hits, standings).slice(0, settled).map((h) => h.id);
    };
    expect(lead([2, 2])).toEqual(['d', 'b']);
    expect(lead([3, 2])).toEqual(['d', 'b']);
    expect(lead([2, 3])).toEqual(['d', 'b']);
  });
});
