import { describe, expect, it } from 'vitest';
import { countPlan, pagefindFilters } from '../../src/client/search/engine.ts';

describe('search filters as Pagefind’s compound filters', () => {
  it('asks for any of a group’s values, in every group with a selection', () => {
    expect(pagefindFilters({ 年份: ['2018', '2022'], 主题: [], 报告类型: ['整体'] })).toEqual({ 年份: { any: ['2018', '2022'] }, 报告类型: { any: ['整体'] } });
    expect(pagefindFilters({ 年份: ['2018'], 报告类型: ['整体'] }, '年份')).toEqual({ 报告类型: { any: ['整体'] } });
    expect(pagefindFilters({})).toEqual({});
  });

  const names = ['年份', '主题', '报告类型'];

  it('counts every group with one search when nothing is ticked', () => {
    expect(countPlan(names, {})).toEqual([{ filters: {}, names }]);
  });

  it('counts a group with a selection under the other groups’ selection only (what ticking one more value would give)', () => {
    expect(countPlan(names, { 年份: ['2018'] })).toEqual([
      { filters: {}, names: ['年份'] },
      { filters: { 年份: { any: ['2018'] } }, names: ['主题', '报告类型'] },
    ]);
    expect(countPlan(names, { 年份: ['2018'], 主题: ['养老服务'], 报告类型: [] })).toEqual([
      { filters: { 主题: { any: ['养老服务'] } }, names: ['年份'] },
      { filters: { 年份: { any: ['2018'] } }, names: ['主题'] },
      { filters: { 年份: { any: ['2018'] }, 主题: { any: ['养老服务'] } }, names: ['报告类型'] },
    ]);
  });
});
