import { describe, expect, it } from 'vitest';
import { placeByStanding, standing } from '../../src/client/search/standing.ts';
import { searchTerms } from '../../src/client/search/query.ts';
import { SEARCH_KINDS, SEARCH_META } from '../../src/render/search-fields.ts';

const metric = (title: string, featured = false) => ({ [SEARCH_META.kind]: SEARCH_KINDS.metric, [SEARCH_META.title]: title, ...(featured ? { [SEARCH_META.featured]: '是' } : {}) });

describe('search standing', () => {
  const terms = searchTerms('低保');
  it('puts a featured metric named by the query first, then reports, then other named metrics, then the rest', () => {
    expect(standing(metric('城乡低保资金发放额（全年预计）', true), terms)).toBe(0);
    expect(standing({ [SEARCH_META.kind]: SEARCH_KINDS.report, [SEARCH_META.title]: '2018年度部门整体支出绩效评价报告' }, terms)).toBe(1);
    expect(standing(metric('城市低保人均补差'), terms)).toBe(2);
    expect(standing(metric('特困供养对象人数', true), terms)).toBe(3);
    expect(standing({ [SEARCH_META.kind]: SEARCH_KINDS.topic, [SEARCH_META.title]: '社会救助' }, terms)).toBe(3);
  });

  it('names a metric through an official term the query led to (最低生活保障 → 低保)', () => {
    expect(standing(metric('城市低保对象人数'), searchTerms('最低生活保障'))).toBe(2);
  });

  it('reorders only the placed whole matches, keeping the order among equals', () => {
    const hits = ['a', 'b', 'c', 'd', 'e'].map((id, i) => ({ id, tier: (i < 4 ? 0 : 2) as 0 | 2 }));
    const [a, b, c, d] = hits;
    const placed = placeByStanding(hits, new Map([[a!, 3], [b!, 1], [c!, 0], [d!, 1]]));
    expect(placed.map((h) => h.id)).toEqual(['c', 'b', 'd', 'a', 'e']);
  });
});
