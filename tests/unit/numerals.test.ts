import { describe, expect, it } from 'vitest';
import { findNumbers, parseChineseNumeral } from '../../src/domain/numerals.ts';

describe('parseChineseNumeral', () => {
  it.each([
    ['两', 2],
    ['十二', 12],
    ['三千五百', 3500],
    ['万', 10_000],
    ['一万二千', 12_000],
    ['十', 10],
    ['四', 4],
    ['零', 0],
    ['一百零五', 105],
    ['二十', 20],
    ['十万', 100_000],
    ['一亿二千万', 120_000_000],
  ])('%s → %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it.each(['二三', '三五', '万元', 'abc', '12'])('%s is not one Chinese number (NaN)', (text) => {
    expect(parseChineseNumeral(text)).toBeNaN();
  });
});

describe('findNumbers', () => {
  it('finds digits with decimals, and where they are', () => {
    expect(findNumbers('发放各类救助资金4359.88万元')).toEqual([
      { start: 8, end: 15, text: '4359.88', value: 4359.88 },
      { start: 15, end: 16, text: '万', value: 10_000 },
    ]);
  });

  it('finds Chinese numerals as the texts write them', () => {
    expect(findNumbers('两处历史埋葬点')).toEqual([{ start: 0, end: 1, text: '两', value: 2 }]);
    expect(findNumbers('四个专项行动').map((n) => n.value)).toEqual([4]);
    expect(findNumbers('完成近万条管控数据核查')).toEqual([{ start: 3, end: 4, text: '万', value: 10_000 }]);
  });

  it('returns numbers in order and keeps a digit run apart from a following 万', () => {
    const found = findNumbers('发放“两残”补贴71993人次，870余万元');
    expect(found.map((n) => [n.text, n.value])).toEqual([
      ['两', 2],
      ['71993', 71_993],
      ['870', 870],
      ['万', 10_000],
    ]);
    for (const n of found) expect('发放“两残”补贴71993人次，870余万元'.slice(n.start, n.end)).toBe(n.text);
  });

  it('skips runs that are not a number and finds nothing in plain text', () => {
    expect(findNumbers('二三')).toEqual([]);
    expect(findNumbers('社区居家养老服务中心')).toEqual([]);
  });

  it('reads thousands separators as part of the number, and only in groups of three', () => {
    expect(findNumbers('部门收入合计12,345.6万元')).toEqual([
      { start: 6, end: 14, text: '12,345.6', value: 12_345.6 },
      { start: 14, end: 15, text: '万', value: 10_000 },
    ]);
    expect(findNumbers('保障1,234,567人次').map((n) => n.value)).toEqual([1_234_567]);
    // Half-width commas between clauses are not separators.
    expect(findNumbers('城市3,20户,农村4').map((n) => n.value)).toEqual([3, 20, 4]);
    expect(findNumbers('12,3456').map((n) => n.value)).toEqual([12, 3456]);
  });

  it('reads a space-separated figure as the number alone', () => {
    expect(findNumbers('2017年走兵 212 人').map((n) => n.value)).toEqual([2017, 212]);
  });
});
