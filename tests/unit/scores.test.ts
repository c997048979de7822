// Budget execution and score tables (issue 19): the arithmetic at the text's precision, and the
// checker over the scores fixture (tests/fixtures/scores), where 2021's disagreements are acknowledged.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/checks/check-content.ts';
import { validateContent } from '../../src/checks/validate.ts';
import { checkRate, computedRateText, writtenDecimals } from '../../src/domain/scores/budget.ts';
import { atPrecision, exactSum } from '../../src/domain/scores/decimals.ts';
import { performanceHistory } from '../../src/domain/scores/history.ts';
import { scoreDisagreements } from '../../src/domain/scores/score-table.ts';
import type { UnitTable } from '../../src/domain/units.ts';
import { budgetLineSchema } from '../../src/schemas/report/budget.ts';
import { scoreTableSchema, type ScoreTable } from '../../src/schemas/report/score-table.ts';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/scores');
const units: UnitTable = new Map([
  ['元', { base: '元', factor: 1, kind: 'money' }],
  ['万元', { base: '元', factor: 10000, kind: 'money' }],
  ['%', { base: '%', factor: 1, kind: 'rate' }],
]);
const amount = (value: number, unit: string, quote: string) => ({ value, unit, quote });

describe('arithmetic at the precision a text writes', () => {
  it('adds decimals exactly', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(exactSum([0.1, 0.2])).toBe(0.3);
    expect(exactSum([30.35, 28, 32])).toBe(90.35);
  });

  it('rounds half up and cuts, without binary noise', () => {
    expect(atPrecision(186.8, 1)).toEqual({ rounded: 186.8, cut: 186.8 });
    expect(atPrecision(98.765, 2)).toEqual({ rounded: 98.77, cut: 98.76 });
    expect(atPrecision(99.5, 0)).toEqual({ rounded: 100, cut: 99 });
  });

  it('reads the decimals a rate is written with', () => {
    expect(writtenDecimals('执行率为100%', 100)).toBe(0);
    expect(writtenDecimals('执行率为98.50%', 98.5)).toBe(2);
    expect(writtenDecimals('执行率为1,000.5%', 1000.5)).toBe(1);
  });
});

describe('a budget line’s execution rate against its parts', () => {
  const line = (rate: number, rateText: string, extra = {}) =>
    budgetLineSchema.parse({
      id: 'total', flow: '支出', label: '部门整体支出',
      budget: amount(11605.29, '万元', '预算数11,605.29万元'),
      spent: amount(21680.25, '万元', '执行数21,680.25万元'),
      rate: amount(rate, '%', `执行率${rateText}%`),
      ...extra,
    });

  it('finds the rate that its parts contradict (21,680.25 ÷ 11,605.29 is 186.8%, not 100%)', () => {
    const check = checkRate(line(100, '100'), units)!;
    expect(check.agrees).toBe(false);
    expect(check.computed).toBe(187);
    expect(computedRateText(check)).toBe('186.8%');
  });

  it('accepts the rate its parts give at the text’s precision, rounded or cut', () => {
    expect(checkRate(line(186.8, '186.8'), units)!.agrees).toBe(true);
    expect(checkRate(line(187, '187'), units)!.agrees).toBe(true);
    expect(checkRate(line(186.81, '186.81'), units)!.agrees).toBe(true);
    expect(checkRate(line(186.814, '186.814'), units)!.agrees).toBe(true); // 186.8135… rounded
    expect(checkRate(line(186.813, '186.813'), units)!.agrees).toBe(true); // … or cut
    expect(checkRate(line(186.82, '186.82'), units)!.agrees).toBe(false);
    expect(checkRate(line(186.9, '186.9'), units)!.agrees).toBe(false);
  });

  it('computes on the adjusted budget when the text states one, across units (94.99998% is 95%)', () => {
    const check = checkRate(line(95, '95', { adjusted: amount(228213200, '元', '调整后预算228213200元') }), units)!;
    expect(check.base).toBe('adjusted');
    expect(check.agrees).toBe(true);
  });

  it('has nothing to check without a rate or without a base', () => {
    expect(checkRate(budgetLineSchema.parse({ id: 'a', flow: '收入', label: '收入', spent: amount(5, '万元', '5万元') }), units)).toBeNull();
    expect(checkRate(budgetLineSchema.parse({ id: 'a', flow: '支出', label: '支出', spent: amount(5, '万元', '5万元'), rate: amount(100, '%', '100%') }), units)).toBeNull();
  });
});

describe('a score table’s arithmetic', () => {
  const table = (rows: object[], total: number, fullScore?: number): ScoreTable =>
    scoreTableSchema.parse({ caption: '得分明细表', fullScore, total: amount(total, '分', `考评得分${total}分`), rows });
  const rows = [
    { id: 'a', level: 1, label: '投入', weight: 8, deduction: 2, score: 6 },
    { id: 'b', level: 1, label: '产出', weight: 92, score: 84.35 },
    { id: 'b1', level: 2, parent: 'b', label: '数量', weight: 50, score: 46.35 },
    { id: 'b2', level: 2, parent: 'b', label: '质量', weight: 42, score: 38 },
  ];

  it('finds nothing in a table that adds up (6 + 84.35 = 90.35 of 100)', () => {
    expect(scoreDisagreements(table(rows, 90.35, 100))).toEqual([]);
  });

  it('names each disagreement with what the text says and what its parts give', () => {
    const broken = structuredClone(rows);
    broken[0]!.score = 7; // 8 − 2 is 6
    broken[3]!.weight = 43; // 50 + 43 is not 92
    broken[2]!.score = 51; // above its weight 50
    expect(scoreDisagreements(table(broken, 90.35, 100))).toEqual([
      { kind: 'deduction', row: 'a', stated: 7, computed: 6 },
      { kind: 'children-weight', row: 'b', stated: 92, computed: 93 },
      { kind: 'children-score', row: 'b', stated: 84.35, computed: 89 },
      { kind: 'over-weight', row: 'b1', stated: 51, computed: 50 },
      { kind: 'total', stated: 90.35, computed: 91.35 },
    ]);
  });

  it('checks the weights against the full score only when the table claims one', () => {
    const short = rows.map((r) => (r.id === 'a' ? { ...r, weight: 7, deduction: 1 } : r));
    expect(scoreDisagreements(table(short, 90.35))).toEqual([]);
    expect(scoreDisagreements(table(short, 90.35, 100))).toEqual([{ kind: 'full-score', stated: 100, computed: 99 }]);
  });
});

describe('the checker over the scores fixture', () => {
  const file = (name: string) => ({ file: `content/${name}`, text: readFileSync(join(FIXTURE, 'content', name), 'utf8') });
  const sources = (report2021: string) => ({
    units: file('units.yaml'), catalog: file('metrics.yaml'), departments: file('departments.yaml'), topics: file('topics.yaml'), reportTypes: file('report-types.yaml'),
    reports: [file('reports/2022.mdx'), { file: 'content/reports/2021.mdx', text: report2021 }],
  });
  const acknowledged = file('reports/2021.mdx').text;

  it('passes: 2022 adds up, 2021’s disagreements are acknowledged', async () => {
    expect(await checkContent(FIXTURE)).toEqual([]);
  });

  it('refuses each of 2021’s disagreements once its acknowledgement is removed', () => {
    const bare = acknowledged.replace(/\n {4}acknowledged:\n {6}note: .*/, '').replace(/\n {2}acknowledged:\n {4}note: .*/, '');
    expect(bare).not.toContain('acknowledged');
    const problems = validateContent(sources(bare));
    expect(problems.map((p) => [p.field, p.line])).toEqual([['budget[0].rate.value', 21], ['scoreTable.total.value', 25]]);
    expect(problems[0]!.message).toContain('执行数 460万元 ÷ 预算数 400万元 = 115%');
    expect(problems[1]!.message).toContain('原文总分 90 分，一级指标得分合计 88 分');
  });
});

describe('scores and execution rates across years', () => {
  const units: UnitTable = new Map([
    ['万元', { base: '万元', factor: 1, kind: 'money' }],
    ['%', { base: '%', factor: 1, kind: 'rate' }],
    ['分', { base: '分', factor: 1, kind: 'score' }],
  ]);
  const report = (year: number, reportType: string, total: number, rate: number, spent: number) => ({
    year, reportKey: String(year), department: 'd', reportType,
    budget: [budgetLineSchema.parse({ id: 'p', flow: '支出', label: `项目支出${year}`, budget: amount(400, '万元', 'x'), spent: amount(spent, '万元', 'x'), rate: amount(rate, '%', `${rate}%`) })],
    scoreTable: scoreTableSchema.parse({ caption: '表', total: amount(total, '分', 'x'), rows: [{ id: 'a', level: 1, label: 'a', weight: 100, score: 88 }] }),
  });

  it('words a score’s change in 分 and a rate’s in 个百分点, within one report type', () => {
    const history = performanceHistory([report(2022, '甲', 92, 95, 380), report(2021, '甲', 88, 100, 460), report(2021, '乙', 70, 90, 360)], units);
    expect(history.map((h) => h.reportType)).toEqual(['甲', '乙']);
    const [first, second] = history;
    expect(first!.scores.map((s) => [s.year, s.stated, s.rowsGive, s.change])).toEqual([[2021, 88, null, null], [2022, 92, 88, '提高4分']]);
    expect(first!.budget[0]!.label).toBe('项目支出2022');
    expect(first!.budget[0]!.years.map((y) => [y.year, y.stated, y.partsGive, y.change])).toEqual([[2021, 100, '115%', null], [2022, 95, null, '降低5个百分点']]);
    expect(second!.scores.map((s) => s.change)).toEqual([null]);
  });
});
