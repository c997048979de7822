import { describe, expect, it } from 'vitest';
import { readUnits } from '../support/content.ts';
import { locateFigure } from '../../src/domain/locate-figure.ts';

const UNITS = readUnits();

/** The figure as it is written in the quote, or null. */
function figureIn(quote: string, value: number, unit: string): string | null {
  const span = locateFigure(quote, value, unit, UNITS);
  return span === null ? null : quote.slice(span.start, span.end);
}

describe('locateFigure on quotes from the reports', () => {
  it('870余万元 (2022): 余 inside the figure, unit 万元', () => {
    expect(locateFigure('发放“两残”补贴71993人次，870余万元', 870, '万元', UNITS)).toEqual({ start: 16, end: 22, number: '870', qualifiers: ['余'] });
    expect(figureIn('发放“两残”补贴71993人次，870余万元', 870, '万元')).toBe('870余万元');
  });

  it('3万多条 (2018): 多 inside the unit 万条', () => {
    expect(figureIn('退伍军人信息采集数量达3万多条', 3, '万条')).toBe('3万多条');
    expect(locateFigure('退伍军人信息采集数量达3万多条', 3, '万条', UNITS)?.number).toBe('3');
  });

  it('近万条 (2022): value 10000, unit 条, 近 included', () => {
    expect(locateFigure('完成近万条管控数据核查', 10_000, '条', UNITS)).toEqual({ start: 2, end: 5, number: '万', qualifiers: ['近'] });
    expect(figureIn('完成近万条管控数据核查', 10_000, '条')).toBe('近万条');
  });

  it('推荐就业15 名 (2018): a space before the unit', () => {
    expect(figureIn('培训共推荐就业15 名', 15, '名')).toBe('15 名');
  });

  it('87% (2022)', () => {
    expect(figureIn('社区养老服务设施社会化运营率达87%', 87, '%')).toBe('87%');
  });

  it('4个市和谐示范社区 (2018): unit 个', () => {
    expect(figureIn('申报福城社区等4个市和谐示范社区', 4, '个')).toBe('4个');
  });

  it('约3000条 (2018): 约 included', () => {
    expect(figureIn('地名录、地名词典、地名志、地名图集条目约3000条', 3000, '条')).toBe('约3000条');
  });

  it('picks the occurrence of the value that has the unit: 130户190人次', () => {
    expect(figureIn('年内认定130户190人次', 190, '人次')).toBe('190人次');
    expect(figureIn('年内认定130户190人次', 130, '户')).toBe('130户');
  });

  it('Chinese numerals: 两处, 四个', () => {
    expect(figureIn('两处历史埋葬点', 2, '处')).toBe('两处');
    expect(figureIn('四个专项行动', 4, '个')).toBe('四个');
  });
});

describe('locateFigure refuses figures the quote does not state', () => {
  it('a wrong unit → null', () => {
    expect(locateFigure('全区现有持证社工1106人', 1106, '万元', UNITS)).toBeNull();
    expect(locateFigure('发放“两残”补贴71993人次，870余万元', 870, '元', UNITS)).toBeNull();
  });

  it('a value not in the quote → null', () => {
    expect(locateFigure('全区现有持证社工1106人', 1107, '人', UNITS)).toBeNull();
    expect(locateFigure('全区现有持证社工', 1106, '人', UNITS)).toBeNull();
  });

  it('a unit that is only the start of the written unit → null (人 is not 人次, 元 is not 元/户)', () => {
    expect(locateFigure('发放“两残”补贴71993人次', 71_993, '人', UNITS)).toBeNull();
    expect(locateFigure('站外劝导300余人次', 300, '人', UNITS)).toBeNull();
    expect(locateFigure('累计救助保障全区困难对象5.8万人次', 5.8, '万人', UNITS)).toBeNull();
    expect(locateFigure('由原来的400元/户', 400, '元', UNITS)).toBeNull();
    expect(figureIn('站外劝导300余人次', 300, '人次')).toBe('300余人次');
  });

  it('a number with nothing after it → null', () => {
    expect(locateFigure('全区现有持证社工1106', 1106, '人', UNITS)).toBeNull();
  });
});
