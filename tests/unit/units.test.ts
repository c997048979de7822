import { describe, expect, it } from 'vitest';
import { canConvert, convert } from '../../src/domain/units.ts';

describe('units', () => {
  it('converts 万元 to 元 and back without binary noise', () => {
    expect(convert(4359.88, '万元', '元')).toBe(43_598_800);
    expect(convert(5.8, '万人次', '人次')).toBe(58_000);
    expect(convert(66_270, '元', '万元')).toBe(6.627);
  });
  it('treats 名 as 人 and 床位 as 张', () => {
    expect(convert(386, '名', '人')).toBe(386);
    expect(canConvert('床位', '张')).toBe(true);
  });
  it('refuses units of different kinds', () => {
    expect(canConvert('人', '人次')).toBe(false);
    expect(() => convert(1, '人', '人次')).toThrow(/不能把“人”换算为“人次”/);
  });
});
