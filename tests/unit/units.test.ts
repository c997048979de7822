import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkUnits } from '../../src/checks/units.ts';
import { validateContent } from '../../src/checks/validate.ts';
import { locateFigure } from '../../src/domain/locate-figure.ts';
import { canConvert, convert, convertibleTo, kindOf } from '../../src/domain/units.ts';
import { dataSources, readUnits } from '../support/content.ts';
import { PROJECT_ROOT } from '../support/site.ts';

const UNITS = readUnits();
const MINIMAL = join(PROJECT_ROOT, 'tests/fixtures/minimal/content');

describe('units (content/units.yaml)', () => {
  it('converts 万元 and 亿元 to 元 and back without binary noise', () => {
    expect(convert(UNITS, 4359.88, '万元', '元')).toBe(43_598_800);
    expect(convert(UNITS, 1.2, '亿元', '万元')).toBe(12_000);
    expect(convert(UNITS, 5.8, '万人次', '人次')).toBe(58_000);
    expect(convert(UNITS, 66_270, '元', '万元')).toBe(6.627);
    expect(convert(UNITS, 3.5, '万平方米', '平方米')).toBe(35_000);
  });
  it('treats 名 as 人 and 床位 as 张', () => {
    expect(convert(UNITS, 386, '名', '人')).toBe(386);
    expect(canConvert(UNITS, '床位', '张')).toBe(true);
  });
  it('refuses units of different bases, and units it does not know', () => {
    expect(canConvert(UNITS, '人', '人次')).toBe(false);
    expect(canConvert(UNITS, '元', '元/人')).toBe(false);
    expect(() => convert(UNITS, 1, '人', '人次')).toThrow(/不能把“人”换算为“人次”/);
    expect(canConvert(UNITS, '斤', '斤')).toBe(false);
  });
  it('ships the units of Chinese performance reports beyond the two reports', () => {
    for (const unit of ['亿元', '分', '平方米', '万平方米', '公里', '岁', '辆', '台', '座', '所', '间', '元/人', '元/月/人']) {
      expect(UNITS.has(unit), unit).toBe(true);
    }
    expect(kindOf(UNITS, '%')).toBe('rate');
    expect(kindOf(UNITS, '分')).toBe('score');
    expect(convertibleTo(UNITS, '元')).toEqual(['元', '万元', '亿元']);
  });
});

describe('the unit table checker', () => {
  const check = (text: string) => checkUnits({ file: 'content/units.yaml', text });

  it('reads one unit a line, keyed by the unit', () => {
    const { problems, units } = check('元: { base: 元, factor: 1, kind: money }\n万元: { base: 元, factor: 10000, kind: money }\n');
    expect(problems).toEqual([]);
    expect(convert(units, 2, '万元', '元')).toBe(20_000);
  });
  it('refuses a base that is not in the table, or not a base, or of another kind', () => {
    const missing = check('万元: { base: 元, factor: 10000, kind: money }\n');
    expect(missing.problems).toEqual([expect.objectContaining({ line: 1, field: '万元.base', message: expect.stringContaining('基本单位“元”不在单位表中') })]);
    const notBase = check('元: { base: 元, factor: 1, kind: money }\n万元: { base: 元, factor: 10000, kind: money }\n亿元: { base: 万元, factor: 10000, kind: money }\n');
    expect(notBase.problems).toEqual([expect.objectContaining({ line: 3, field: '亿元.base', message: expect.stringContaining('“万元”不是基本单位') })]);
    const otherKind = check('人: { base: 人, factor: 1, kind: people }\n名: { base: 人, factor: 1, kind: count }\n');
    expect(otherKind.problems).toEqual([expect.objectContaining({ line: 2, field: '名.kind' })]);
  });
  it('names the field of a bad line: unknown kind, zero factor, a typo', () => {
    const { problems } = check('元: { base: 元, factor: 0, kind: cash }\n人: { base: 人, factor: 1, kind: people, note: x }\n');
    expect(problems.map((p) => p.field).sort()).toEqual(['人.note', '元.factor', '元.kind']);
    expect(problems.find((p) => p.field === '元.factor')?.message).toBe('须大于 0');
  });
  it('refuses a list: the table is keyed by unit', () => {
    expect(check('- 元\n- 万元\n').problems).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining('单位表应是') })]);
  });
});

describe('a unit added to content/units.yaml alone (千米, converting to 公里)', () => {
  const read = (name: string) => ({ file: `content/${name}`, text: readFileSync(join(MINIMAL, name), 'utf8') });
  /** The minimal fixture with a path-length metric in 公里 and a report stating it in 千米. */
  function sources(unitsText: string) {
    const report = read('reports/2022.mdx');
    const figure = '  - id: walkway-length\n    value: 3.2\n    unit: 千米\n    topic: 社区治理\n    quote: 新建步道3.2千米';
    report.text = report.text.replace('\n---\n', `\n${figure}\n---\n`).replace('全区现有持证社工1106人。', '全区现有持证社工1106人。新建步道3.2千米。');
    const catalog = read('metrics.yaml');
    catalog.text += '\n- id: walkway-length\n  label: 新建步道长度\n  labelEn: New walkways\n  unit: 公里\n  topic: 社区治理\n  definition: 测试用。\n';
    return { ...dataSources(MINIMAL), reports: [report], catalog, units: { file: 'content/units.yaml', text: unitsText } };
  }
  const base = `${read('units.yaml').text}公里: { base: 公里, factor: 1, kind: length }\n`;

  it('without the line, the checker names the unit and content/units.yaml', () => {
    expect(validateContent(sources(base))).toEqual([
      expect.objectContaining({ file: 'content/reports/2022.mdx', field: 'metrics[3].unit', message: expect.stringContaining('单位“千米”不在单位表 content/units.yaml 中') }),
    ]);
  });

  it('with the line, the report passes, the figure is located in its text and converts to the catalog unit', () => {
    const withLine = sources(`${base}千米: { base: 公里, factor: 1, kind: length }\n`);
    expect(validateContent(withLine)).toEqual([]);
    const { units } = checkUnits(withLine.units);
    expect(locateFigure('新建步道3.2千米', 3.2, '千米', units)).toMatchObject({ start: 4, end: 9 });
    expect(convert(units, 3.2, '千米', '公里')).toBe(3.2);
  });
});
