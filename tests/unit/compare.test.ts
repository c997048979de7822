import { describe, expect, it } from 'vitest';
import {
  comparableSeries, pointsAround, computeChange, describeAbsolute, describeAnnualRate, describeFigure,
  describePercent, summariseChange,
} from '../../src/domain/compare.ts';
import { changesBetween } from '../../src/domain/pairs.ts';
import { figuresOf, type FigureRecord } from '../../src/domain/model.ts';
import type { CatalogEntry } from '../../src/schemas/catalog.ts';
import type { Qualifier } from '../../src/schemas/qualifier-table.ts';
import type { ReportData } from '../../src/schemas/report.ts';
import type { Unit } from '../../src/domain/units.ts';
import { readUnits } from '../support/content.ts';

const catalog = new Map<string, CatalogEntry>([
  ['certified-social-workers', { id: 'certified-social-workers', label: '持证社工总数', labelEn: 'x', unit: '人', topic: '社会工作', definition: 'x' }],
  ['fund', { id: 'fund', label: '救助资金', labelEn: 'x', unit: '万元', topic: '社会救助', definition: 'x' }],
  ['visits', { id: 'visits', label: '服务人次', labelEn: 'x', unit: '人次', topic: '社会工作', definition: 'x' }],
  ['socialised-rate', { id: 'socialised-rate', label: '社区养老服务设施社会化运营率', labelEn: 'x', unit: '%', topic: '养老服务', definition: 'x' }],
  ['evaluation-score', { id: 'evaluation-score', label: '绩效评价得分', labelEn: 'x', unit: '分', topic: '党风廉政与政务服务', definition: 'x' }],
]);

const PRIMARY = 'kaifu-minzheng';
const UNITS = readUnits();

function figure(year: number, id: string, value: number, unit: Unit, qualifier: Qualifier[] = [], asOf?: string, department?: string): FigureRecord {
  const report = {
    year, department, title: 't', reportType: '重点项目绩效自评', issuer: 'i', period: { from: `${year}-01`, to: `${year}-12` },
    sourceFile: 'f', summary: 's',
    metrics: [{ id, value, unit, qualifier, asOf, topic: catalog.get(id)!.topic, quote: 'q' }],
  } satisfies ReportData;
  return figuresOf(report, catalog, UNITS, PRIMARY)[0]!;
}

describe('computeChange', () => {
  it('computes 持证社工 674 → 1106 by hand: +432 人, +64.1%, about 13.2% a year over four years', () => {
    const change = computeChange(figure(2018, 'certified-social-workers', 674, '人'), figure(2022, 'certified-social-workers', 1106, '人'));
    expect(change.years).toBe(4);
    expect(change.absolute).toBe(432);
    expect(change.percent).toBeCloseTo(432 / 674, 10);
    // (1106 / 674) ** (1 / 4) - 1 = 0.13181…
    expect(change.annualRate).toBeCloseTo(0.13181, 4);
    expect(change.bound).toBe('exact');
    expect(describeAbsolute(change)).toBe('增加432人');
    expect(describePercent(change)).toBe('+64.1%');
    expect(describeAnnualRate(change)).toBe('约+13.2%/年（4年年均）');
    expect(summariseChange(change)).toBe('持证社工总数由2018年的674人增至2022年的1,106人，增长64.1%，年均增长约13.2%。');
  });

  it('normalises units before arithmetic: 5.8万人次 vs 30000人次', () => {
    const change = computeChange(figure(2018, 'visits', 30_000, '人次'), figure(2022, 'visits', 5.8, '万人次'));
    expect(change.absolute).toBe(28_000);
    expect(describeAbsolute(change)).toBe('增加28,000人次');
  });

  it('words a change from an estimate as approximate', () => {
    const change = computeChange(figure(2018, 'fund', 3516, '万元', ['预计']), figure(2022, 'fund', 4359.88, '万元'));
    expect(change.bound).toBe('approximate');
    expect(describeAbsolute(change)).toBe('约增加843.88万元');
    expect(describePercent(change)).toBe('约+24.0%');
    expect(summariseChange(change)).toContain('由2018年的预计3,516万元增至');
  });

  it('a lower bound at the end gives "at least", at the start "at most", at both ends nothing', () => {
    const exact = figure(2018, 'fund', 800, '万元');
    const more = figure(2022, 'fund', 870, '万元', ['余']);
    expect(describeAbsolute(computeChange(exact, more))).toBe('至少增加70万元');
    const moreFirst = figure(2018, 'fund', 870, '万元', ['余']);
    const exactLater = figure(2022, 'fund', 900, '万元');
    expect(computeChange(moreFirst, exactLater).bound).toBe('at-most');
    const both = computeChange(moreFirst, more);
    expect(both.bound).toBe('unknown');
    expect(describePercent(both)).toBeNull();
    expect(summariseChange(both)).toContain('无法确定增减');
  });

  it('a decrease reads as one', () => {
    const change = computeChange(figure(2018, 'visits', 200, '人次'), figure(2022, 'visits', 150, '人次'));
    expect(change.direction).toBe('down');
    expect(describeAbsolute(change)).toBe('减少50人次');
    expect(describePercent(change)).toBe('−25.0%');
  });

  it('says the date of an as-of value', () => {
    expect(describeFigure(figure(2018, 'fund', 3513, '万元', ['截至'], '11月初'))).toBe('3,513万元（截至11月初）');
  });

  it('refuses to compare different metrics', () => {
    expect(() => computeChange(figure(2018, 'fund', 1, '万元'), figure(2022, 'visits', 1, '人次'))).toThrow(/不能比较不同的指标/);
  });

  it('refuses to compare one metric across two departments', () => {
    const bureau = figure(2018, 'fund', 1, '万元');
    const home = figure(2022, 'fund', 2, '万元', [], undefined, 'fuliyuan');
    expect(() => computeChange(bureau, home)).toThrow(/不能比较不同单位/);
  });
});

describe('figuresOf', () => {
  it('keys a report by its year for the primary department and by department/year for another', () => {
    expect(figure(2022, 'fund', 1, '万元')).toMatchObject({ department: PRIMARY, reportKey: '2022' });
    expect(figure(2022, 'fund', 1, '万元', [], undefined, PRIMARY)).toMatchObject({ department: PRIMARY, reportKey: '2022' });
    expect(figure(2022, 'fund', 1, '万元', [], undefined, 'fuliyuan')).toMatchObject({ department: 'fuliyuan', reportKey: 'fuliyuan/2022' });
  });
});

describe('comparableSeries', () => {
  it('keeps only metrics stated in two or more reports, oldest first', () => {
    const series = comparableSeries([
      figure(2022, 'certified-social-workers', 1106, '人'),
      figure(2018, 'certified-social-workers', 674, '人'),
      figure(2022, 'fund', 1, '万元'),
    ]);
    expect(series.map((s) => s.metricId)).toEqual(['certified-social-workers']);
    expect(series[0]!.points.map((p) => p.year)).toEqual([2018, 2022]);
  });

  it('keeps each department a series of its own: one figure each is nothing to compare', () => {
    const fuliyuan = (year: number, value: number) => figure(year, 'fund', value, '万元', [], undefined, 'fuliyuan');
    const series = comparableSeries([figure(2018, 'fund', 1, '万元'), fuliyuan(2022, 5), fuliyuan(2019, 3)]);
    expect(series.map((s) => [s.department, s.points.map((p) => p.value)])).toEqual([['fuliyuan', [3, 5]]]);
  });
});

describe('pointsAround', () => {
  const series = comparableSeries([2010, 2011, 2012, 2013, 2014, 2015, 2016].map((y) => figure(y, 'fund', y - 2000, '万元')))[0]!;
  const years = (s: { points: FigureRecord[] }) => s.points.map((p) => p.year);

  it('keeps the year, the one after it and those before it, up to the size', () => {
    expect(years(pointsAround(series, 2013, 3))).toEqual([2012, 2013, 2014]);
    expect(years(pointsAround(series, 2016, 3))).toEqual([2014, 2015, 2016]);
    expect(years(pointsAround(series, 2010, 3))).toEqual([2010, 2011, 2012]);
  });

  it('keeps a short series whole and refuses a year it does not have', () => {
    expect(years(pointsAround(series, 2012, 10))).toEqual([2010, 2011, 2012, 2013, 2014, 2015, 2016]);
    expect(() => pointsAround(series, 2020, 3)).toThrow(/2020 年没有数据/);
  });
});

describe('a rate compares in 百分点, a score in 分: never as a relative change', () => {
  it('87% → 90% is 提高3个百分点, not 增加3% or +3.4%', () => {
    const change = computeChange(figure(2022, 'socialised-rate', 87, '%'), figure(2023, 'socialised-rate', 90, '%'));
    expect(change.absolute).toBe(3);
    expect(change.points).toBe('个百分点');
    expect(describeAbsolute(change)).toBe('提高3个百分点');
    expect(describePercent(change)).toBeNull();
    expect(describeAnnualRate(change)).toBeNull();
    expect(summariseChange(change)).toBe('社区养老服务设施社会化运营率由2022年的87%提高至2023年的90%，提高3个百分点。');
  });

  it('a fall, without binary noise, over several years: 90% → 87.3% is 降低2.7个百分点 with no annual rate', () => {
    const change = computeChange(figure(2018, 'socialised-rate', 90, '%'), figure(2022, 'socialised-rate', 87.3, '%'));
    expect(describeAbsolute(change)).toBe('降低2.7个百分点');
    expect(change.annualRate).toBeNull();
    expect(summariseChange(change)).toBe('社区养老服务设施社会化运营率由2018年的90%降至2022年的87.3%，降低2.7个百分点。');
  });

  it('keeps the bound: an estimated rate changes by about so many points; the same rate is 持平', () => {
    const estimate = computeChange(figure(2022, 'socialised-rate', 87, '%', ['预计']), figure(2023, 'socialised-rate', 90, '%'));
    expect(describeAbsolute(estimate)).toBe('约提高3个百分点');
    const same = computeChange(figure(2022, 'socialised-rate', 87, '%'), figure(2023, 'socialised-rate', 87, '%'));
    expect(describeAbsolute(same)).toBe('持平');
  });

  it('a score: 85分 → 88.5分 is 提高3.5分', () => {
    const change = computeChange(figure(2022, 'evaluation-score', 85, '分'), figure(2023, 'evaluation-score', 88.5, '分'));
    expect(describeAbsolute(change)).toBe('提高3.5分');
    expect(describePercent(change)).toBeNull();
    expect(summariseChange(change)).toBe('绩效评价得分由2022年的85分提高至2023年的88.5分，提高3.5分。');
  });

  it('other measures keep the amount and the relative change', () => {
    const change = computeChange(figure(2022, 'visits', 100, '人次'), figure(2023, 'visits', 103, '人次'));
    expect(change.points).toBeNull();
    expect(describeAbsolute(change)).toBe('增加3人次');
    expect(describePercent(change)).toBe('+3.0%');
  });
});

describe('changesBetween ranks a change in points beside relative changes', () => {
  it('3 个百分点 ranks like a 3% change: +50% first, then the rate, then +2%', () => {
    const series = (id: string, unit: Unit, a: number, b: number) => ({ metricId: id, department: PRIMARY, points: [figure(2022, id, a, unit), figure(2023, id, b, unit)] });
    const changes = changesBetween([series('fund', '万元', 100, 102), series('socialised-rate', '%', 50, 53), series('visits', '人次', 100, 150)], 2022, 2023);
    expect(changes.map((c) => c.from.metricId)).toEqual(['visits', 'socialised-rate', 'fund']);
  });
});
