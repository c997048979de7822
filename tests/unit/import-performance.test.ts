// The importer's proposals of budget lines and score tables (issue 19), from our own fixture
// text (tests/fixtures/scores): what it proposes is what the editor typed, and passes the checker.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { draftBody } from '../../src/authoring/import/body.ts';
import { findFigures } from '../../src/authoring/import/figures.ts';
import { htmlBlocks, textBlocks } from '../../src/authoring/import/read-file.ts';
import { proposeBudget, proposeScoreTable } from '../../src/authoring/import/performance.ts';
import { vocabularyOf } from '../../src/authoring/import/vocabulary.ts';
import { checkContent } from '../../src/checks/check-content.ts';
import { checkUnits } from '../../src/checks/units.ts';
import { reviewed as reviewedText, runImport } from '../fixtures/import/support.ts';
import { validateContent } from '../../src/checks/validate.ts';
import { splitFrontmatter } from '../../src/reading/frontmatter.ts';

const CONTENT = resolve(import.meta.dirname, '../fixtures/scores/content');
const read = (name: string) => ({ file: `content/${name}`, text: readFileSync(join(CONTENT, name), 'utf8') });
const units = checkUnits(read('units.yaml')).units;
const vocabulary = vocabularyOf(units);

function proposalsFor(year: number) {
  const { yaml, body } = splitFrontmatter(read(`reports/${year}.mdx`).text);
  const { figures } = findFigures(body, vocabulary);
  return { typed: parse(yaml!) as Record<string, unknown>, body, budget: proposeBudget(body, figures, units), scoreTable: proposeScoreTable(body, figures, units) };
}

/** The report with its typed budget and score table replaced by the proposals, review lines removed (the editor's check). */
function reviewed(year: number) {
  const { typed, body, budget, scoreTable } = proposalsFor(year);
  const strip = <T extends { review?: string | undefined }>(x: T) => { const { review: _, ...rest } = x; return rest; };
  return reportText({ ...typed, budget: budget.map(strip), scoreTable: strip(scoreTable!) }, body);
}

/** A report file of `data` and `body`; dates stay quoted, as the checker asks of editors (YAML may read an unquoted one as a timestamp). */
const reportText = (data: Record<string, unknown>, body: string) => `---\n${stringify(data).replace(/(Date: )(\d{4}-\d{2}-\d{2})$/gm, '$1"$2"')}---\n${body}`;

describe('budget lines proposed from budget sentences', () => {
  it('finds the 2022 line’s four amounts with their quotes, and says the rate agrees', () => {
    const [line, ...more] = proposalsFor(2022).budget;
    expect(more).toEqual([]);
    expect([line!.budget?.value, line!.adjusted?.value, line!.spent?.value, line!.rate?.value]).toEqual([500, 480, 456, 95]);
    expect(line!.flow).toBe('支出');
    expect(line!.review).toMatch(/^核对：.*执行率与其组成一致（95%）/);
  });

  it('says when the text’s rate disagrees with its parts (2021: 100% of 460 ÷ 400)', () => {
    const [line] = proposalsFor(2021).budget;
    expect(line!.review).toMatch(/^存疑：.*原文执行率 100% 与其组成计算的 115% 不符/);
  });
});

describe('score tables proposed from the text’s table', () => {
  it('reads levels, parents, 分值, 扣分, 得分 and the optional columns of each row, and the total and grade', () => {
    const table = proposalsFor(2022).scoreTable!;
    expect(table.caption).toBe('绩效评价指标得分表');
    expect(table.total).toMatchObject({ value: 92, unit: '分' });
    expect(table.grade).toEqual({ value: '优', quote: expect.stringContaining('评价等级为优') });
    expect(table.rows.map((r) => [r.level, r.parent ?? null, r.label, r.weight, r.deduction, r.score])).toEqual([
      [1, null, '投入', 20, 1, 19], [1, null, '过程', 30, 2, 28], [1, null, '产出与效益', 50, 5, 45],
      [2, 'row-3', '产出数量', 25, 1, 24], [2, 'row-3', '产出质量', 15, 2, 13], [2, 'row-3', '服务对象满意度', 10, 2, 8],
    ]);
    expect(table.rows[4]).toMatchObject({ target: '投诉办结率100%', actual: '投诉办结率96%', deviation: '个别投诉跨年办结' });
    expect(table.review).toContain('6 行');
  });

  it('proposes nothing for a text without a score table', () => {
    const body = '## 一、情况\n\n全年执行数为456万元。\n';
    expect(proposeScoreTable(body, findFigures(body, vocabulary).figures, units)).toBeNull();
  });
});

describe('the proposals, once reviewed, pass the checker', () => {
  const sources = (report: string) => ({ units: read('units.yaml'), catalog: read('metrics.yaml'), departments: read('departments.yaml'), topics: read('topics.yaml'), reportTypes: read('report-types.yaml'), reports: [{ file: 'content/reports/2022.mdx', text: report }] });

  it('2022 (everything adds up) has no problem', () => {
    expect(validateContent(sources(reviewed(2022)))).toEqual([]);
  });

  it('the draft itself is refused until its review lines are deleted', () => {
    const { typed, body, budget, scoreTable } = proposalsFor(2022);
    const draft = reportText({ ...typed, budget, scoreTable }, body);
    expect(validateContent(sources(draft)).map((p) => p.field)).toEqual(['budget[0].review', 'scoreTable.review']);
  });
});

describe('from the official file: a text table and a Word table alike', () => {
  const full = checkUnits({ file: 'content/units.yaml', text: readFileSync(resolve(import.meta.dirname, '../../content/units.yaml'), 'utf8') }).units;
  const propose = (markdown: string) => {
    const { figures } = findFigures(markdown, vocabularyOf(full));
    return { budget: proposeBudget(markdown, figures, full), table: proposeScoreTable(markdown, figures, full) };
  };
  const rowsOf = (table: ReturnType<typeof proposeScoreTable>) => table!.rows.map((r) => [r.level, r.parent ?? null, r.label, r.weight, r.deduction ?? null, r.score]);
  const expected = [[1, null, '投入', 20, 0, 20], [1, null, '产出', 80, 11.5, 68.5], [2, 'row-2', '数量指标', 40, 5, 35], [2, 'row-2', '质量指标', 40, 6.5, 33.5]];
  const intro = '一、预算执行情况\n项目年初预算数为200万元，决算数为190万元，预算执行率为95%。\n二、自评结论\n本项目自评得分为88.5分，评价等级为良。\n绩效评价指标得分明细表\n';

  it('a pipe-separated table in a .txt', () => {
    const text = `示例县民政局2023年度项目支出绩效自评报告\n${intro}| 一级指标 | 二级指标 | 分值 | 扣分 | 得分 |\n| --- | --- | --- | --- | --- |\n| 投入 |  | 20 | 0 | 20 |\n| 产出 |  | 80 | 11.5 | 68.5 |\n|  | 数量指标 | 40 | 5 | 35 |\n|  | 质量指标 | 40 | 6.5 | 33.5 |\n`;
    const { budget, table } = propose(draftBody(textBlocks(text)).markdown);
    expect(rowsOf(table)).toEqual(expected);
    expect(table).toMatchObject({ caption: '绩效评价指标得分明细表', total: { value: 88.5 }, grade: { value: '良' } });
    expect(budget.map((l) => [l.budget?.value, l.spent?.value, l.spentTerm, l.rate?.value])).toEqual([[200, 190, '决算数', 95]]);
  });

  it('a Word table', () => {
    const cells = (row: (string | number)[]) => `<tr>${row.map((c) => `<td><p>${c}</p></td>`).join('')}</tr>`;
    const html = `<h1>示例县民政局2023年度项目支出绩效自评报告</h1>${intro.split('\n').filter(Boolean).map((p) => `<p>${p}</p>`).join('')}<table>${[['一级指标', '二级指标', '分值', '扣分', '得分'], ['投入', '', 20, 0, 20], ['产出', '', 80, 11.5, 68.5], ['', '数量指标', 40, 5, 35], ['', '质量指标', 40, 6.5, 33.5]].map(cells).join('')}</table>`;
    const { table } = propose(draftBody(htmlBlocks(html)).markdown);
    expect(rowsOf(table)).toEqual(expected);
  });
});

describe('npm run import writes them into the draft', () => {
  it('a self-evaluation with a budget sentence and a score table: proposed, refused while unreviewed, valid once reviewed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'import-performance-'));
    try {
      cpSync(CONTENT, join(root, 'content'), { recursive: true, filter: (path) => !path.includes('/reports/') || path.endsWith('/reports') });
      const source = join(root, 'report.txt');
      writeFileSync(source, `示例区民政局2023年度居家养老服务项目绩效自评报告\n一、预算执行情况\n全年为老年人送餐3000人次。\n项目年初预算数为200万元，执行数为190万元，预算执行率为95%。\n二、自评结论\n本项目自评得分为88.5分，评价等级为良。\n绩效评价指标得分明细表\n| 一级指标 | 二级指标 | 分值 | 扣分 | 得分 |\n| --- | --- | --- | --- | --- |\n| 投入 |  | 20 | 0 | 20 |\n| 产出 |  | 80 | 11.5 | 68.5 |\n|  | 数量指标 | 40 | 5 | 35 |\n|  | 质量指标 | 40 | 6.5 | 33.5 |\n`);
      const run = runImport(root, [source, '--year', '2023', '--type', '重点项目绩效自评']);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('提议 1 个预算行，得分表 4 行（总分 88.5 分）');
      const draftFile = join(root, 'content/reports/2023.mdx');
      const draft = readFileSync(draftFile, 'utf8');
      const data = parse(splitFrontmatter(draft).yaml!) as { metrics: { value: number }[]; budget: { rate: unknown; review: string }[]; scoreTable: { rows: unknown[]; review: string } };
      // Typed as budget and total, the amounts are not proposed as metrics as well.
      expect(data.metrics.map((f) => f.value)).toEqual([3000]);
      expect(data.budget[0]!.rate).toEqual({ value: 95, unit: '%', quote: expect.stringContaining('执行率为95%') });
      expect(data.scoreTable.rows).toHaveLength(4);
      expect((await checkContent(root)).filter((p) => p.field === 'budget[0].review' || p.field === 'scoreTable.review')).toHaveLength(2);
      writeFileSync(draftFile, reviewedText(draft, { summary: '测试用：导入的自评报告。', issuer: '示例区民政局', publishedDate: '"2026-12-04"' }));
      const catalog = join(root, 'content/metrics.yaml');
      writeFileSync(catalog, reviewedText(readFileSync(catalog, 'utf8')));
      expect(await checkContent(root)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
