import fc from 'fast-check';
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
    ['三万亿', 3_000_000_000_000],
    ['五百万亿', 500_000_000_000_000],
    ['一千二百三十万亿零五百万', 1_230_000_005_000_000],
    ['五万三千亿', 5_300_000_000_000],
    ['五万亿三千亿', 5_300_000_000_000],
  ])('%s → %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it.each(['二三', '三五', '万元', 'abc', '12'])('%s is not one Chinese number (NaN)', (text) => {
    expect(parseChineseNumeral(text)).toBeNaN();
  });
});

/**
 * The reference: a number written out in Chinese numerals, from its digits (the other way
 * round from the parser). `wanYi` writes the part above 10¹² as so many 万亿 and the rest
 * after it (五万亿三千亿); otherwise the part above 亿 is one number of 亿 (五万三千亿,
 * 一千二百三十万亿). `liang` writes 两 for 2 before a unit; `shortTen` drops the 一 of a leading 一十.
 */
interface Style { wanYi: boolean; liang: boolean; shortTen: boolean }
const CHINESE_DIGITS = '零一二三四五六七八九';

/** 0 < n < 10⁴, its 零 inside (一千零五) but not before it. */
function writeBelowWan(n: number): string {
  const digits = String(n).padStart(4, '0');
  let out = '';
  let zero = false;
  for (const [i, unit] of ['千', '百', '十', ''].entries()) {
    const d = Number(digits[i]);
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    out += `${zero ? '零' : ''}${CHINESE_DIGITS[d]}${unit}`;
    zero = false;
  }
  return out;
}

/** 0 < n < 10¹⁶. */
function writeNumber(n: number, wanYi: boolean): string {
  const [unit, size] = wanYi && n >= 1e12 ? ['万亿', 1e12] : n >= 1e8 ? ['亿', 1e8] : n >= 1e4 ? ['万', 1e4] : ['', 1];
  if (size === 1) return writeBelowWan(n);
  const [high, low] = [Math.floor(n / size), n % size];
  if (low === 0) return writeNumber(high, wanYi) + unit;
  // 零 when the rest starts with a zero digit: 一万零五, 三亿零五百万.
  return `${writeNumber(high, wanYi)}${unit}${low < size / 10 ? '零' : ''}${writeNumber(low, wanYi)}`;
}

function writeChinese(n: number, style: Style): string {
  let text = n === 0 ? '零' : writeNumber(n, style.wanYi);
  if (style.liang) text = text.replace(/二(?=[千百万亿])/g, '两');
  if (style.shortTen) text = text.replace(/^一十/, '十');
  return text;
}

describe('parseChineseNumeral against numbers written out', () => {
  const group = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 9999 }), fc.constantFrom(1, 10, 500, 1000, 1230));
  const style = fc.record({ wanYi: fc.boolean(), liang: fc.boolean(), shortTen: fc.boolean() });
  // Four groups of four digits (万亿, 亿, 万, the rest), so that zeros, 万 and 亿 meet in every
  // combination; the top group is kept below 9007, the safe-integer limit.
  const number = fc
    .tuple(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 9006 })), group, group, group)
    .map(([wanYi, yi, wan, rest]) => wanYi * 1e12 + yi * 1e8 + wan * 1e4 + rest);

  it('the reference writes the figures of the texts as they are written', () => {
    const plain = { wanYi: false, liang: false, shortTen: false };
    expect(writeChinese(3e12, plain)).toBe('三万亿');
    expect(writeChinese(5e14, plain)).toBe('五百万亿');
    expect(writeChinese(1_230_000_005_000_000, plain)).toBe('一千二百三十万亿零五百万');
    expect(writeChinese(5_300_000_000_000, { ...plain, wanYi: true })).toBe('五万亿三千亿');
    expect(writeChinese(120_000_000, plain)).toBe('一亿二千万');
    expect(writeChinese(12_000, { ...plain, liang: true })).toBe('一万两千');
    expect(writeChinese(105, plain)).toBe('一百零五');
    expect(writeChinese(100_000, { ...plain, shortTen: true })).toBe('十万');
  });

  it('reads back every number the reference writes', () => {
    fc.assert(
      fc.property(number, style, (n, s) => {
        expect(parseChineseNumeral(writeChinese(n, s)), writeChinese(n, s)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads any safe integer back', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), style, (n, s) => {
        expect(parseChineseNumeral(writeChinese(n, s)), writeChinese(n, s)).toBe(n);
      }),
    );
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
