// Third-party reports (tests/fixtures/import: a fictional bureau, texts written for the tests)
// imported with the real command into a copy of the project: an indicator table with
// thousands separators, 亿元, 分 and percentages; half-width punctuation; GB18030; a Word file
// with heading styles and a table. With review: lines the site does not build; once reviewed
// (review lines deleted, summary written) the content passes the check and the site builds,
// tables accessible and searchable, every figure marked.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyProject } from '../../scripts/project-copy.ts';
import { checkContent } from '../../src/checks/check-content.ts';
import { splitFrontmatter } from '../../src/reading/frontmatter.ts';
import { makeDocx } from '../fixtures/import/make-docx.ts';
import { IMPORT_FIXTURES, PROJECT_ROOT, reviewed, runImport } from '../fixtures/import/support.ts';
import { buildSite } from '../support/site.ts';

const FILES = [
  { file: '2023-indicators.txt', year: '2023', format: 'UTF-8 文本' },
  { file: '2022-half-width.txt', year: '2022', format: 'UTF-8 文本' },
  { file: '2021-gb18030.txt', year: '2021', format: 'GB18030 文本' },
  { file: '2020-word.docx', year: '2020', format: 'Word 文档（.docx）' },
] as const;

mkdirSync(resolve(PROJECT_ROOT, '.build'), { recursive: true });
const project = mkdtempSync(resolve(PROJECT_ROOT, '.build/import-project-'));
const dist = resolve(PROJECT_ROOT, '.build/test-site-import');
const runs: Record<string, ReturnType<typeof runImport>> = {};
let unreviewedBuild = '';

beforeAll(async () => {
  // A release left by an earlier run would count as published: its figures could not change without a correction.
  for (const left of [dist, `${dist}.releases`, `${dist}.cache`]) rmSync(left, { recursive: true, force: true });
  await copyProject(PROJECT_ROOT, project, join(IMPORT_FIXTURES, 'content'));
  writeFileSync(join(project, '2020-word.docx'), makeDocx());
  for (const { file, year } of FILES) {
    const path = file.endsWith('.docx') ? join(project, file) : join(IMPORT_FIXTURES, file);
    runs[file] = runImport(project, [path, '--year', year]);
  }
  try {
    buildSite(dist, '/', project);
  } catch (error) {
    unreviewedBuild = (error as Error).message;
  }
  for (const name of readdirSync(join(project, 'content/reports'))) {
    const path = join(project, 'content/reports', name);
    writeFileSync(path, reviewed(readFileSync(path, 'utf8'), { summary: '示例县民政局的报告（测试用）。', issuer: '示例县民政局', publishedDate: '"2026-12-04"' }));
  }
  const catalog = join(project, 'content/metrics.yaml');
  writeFileSync(catalog, reviewed(readFileSync(catalog, 'utf8')));
}, 300_000);

afterAll(() => rmSync(project, { recursive: true, force: true }));

const page = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const metricsOf = (year: string) =>
  (parse(splitFrontmatter(readFileSync(join(project, 'content/reports', `${year}.mdx`), 'utf8')).yaml!) as { metrics: { value: number; unit: string; quote: string }[] }).metrics;

describe('third-party reports imported', () => {
  it.each(FILES)('$file imports and says what it read', ({ file, format }) => {
    expect(runs[file]!.status, runs[file]!.stderr).toBe(0);
    expect(runs[file]!.stdout).toContain(`（${format}）`);
  });

  it('a draft with review: lines does not build', () => {
    expect(unreviewedBuild).toMatch(/内容检查未通过/);
    expect(unreviewedBuild).toMatch(/content\/reports\/2023\.mdx:\d+:\d+ {2}metrics\[0\]\.review {2}待核对/);
  });

  it('proposes figures written with thousands separators, 亿元, 分 and percentages, from text and table alike', () => {
    const figures = metricsOf('2023').map((f) => `${f.value}${f.unit}`);
    expect(figures).toEqual(expect.arrayContaining(['12345.6万元', '11987.25万元', '1.26亿元', '45210人次', '3600平方米', '78.5%', '1.2亿元', '95.3%', '93.5分']));
    expect(metricsOf('2023').find((f) => f.value === 12345.6)!.quote).toContain('12,345.6万元');
    expect(metricsOf('2023').some((f) => f.quote === '群众满意度 90% 95.3%')).toBe(true);
    // 2022's budget sentence (年初预算资金, 实际支出, 预算执行率) is proposed as a typed budget line instead (issue 19).
    expect(metricsOf('2022').map((f) => `${f.value}${f.unit}`)).toEqual(['1200人', '300万元', '6500户', '100%']);
    const budget = (parse(splitFrontmatter(readFileSync(join(project, 'content/reports/2022.mdx'), 'utf8')).yaml!) as { budget: Record<string, { value: number }>[] }).budget;
    expect(budget.map((l) => [l.budget?.value, l.spent?.value, l.rate?.value])).toEqual([[2850, 2796.4, 98.1]]);
    expect(metricsOf('2021').map((f) => `${f.value}${f.unit}`)).toEqual(['3215人', '8760人', '1105人', '45.6％', '1036.8万元', '2046对']);
    expect(metricsOf('2020').map((f) => `${f.value}${f.unit}`)).toEqual(['5个', '8452.3万元', '120张', '65%', '2468.5万元', '36个', '96.8%']);
  });

  it('names a proposed catalog entry for a table cell by its row and column', () => {
    expect(readFileSync(join(project, 'content/metrics.yaml'), 'utf8')).toContain('label: 群众满意度（实际完成）');
  });

  it('once reviewed, passes the content check', async () => {
    expect(await checkContent(project)).toEqual([]);
  });
});

describe('the reviewed third-party site', () => {
  beforeAll(() => buildSite(dist, '/', project), 300_000);

  it('renders tables as accessible tables: header scopes, numeric columns by class, no inline style', () => {
    const html = page('reports/2023');
    const body = html.slice(html.indexOf('class="report-text"'));
    expect(body).toContain('<table class="report-table stack-on-phone">');
    expect(body).toContain('<th scope="col">指标名称</th>');
    expect(body).toContain('<th scope="col" class="num">实际完成</th>');
    expect(body).toContain('<th scope="row">群众满意度</th>');
    expect(body).toContain('<section class="table-scroll" aria-label="表格" tabindex="0">');
    expect(body).toMatch(/<td class="num" data-label="实际完成"><a class="figure" id="fig-[a-z0-9-]+" href="[^"]+" title="[^"]+">95\.3%<\/a><\/td>/);
    expect(body).not.toMatch(/\sstyle=/);
    expect(page('reports/2020')).toContain('<th scope="row">困难群众救助资金</th>');
  });

  it('report pages with tables are valid HTML (html-validate, .htmlvalidate.json)', async () => {
    const validator = new HtmlValidate(JSON.parse(readFileSync(join(PROJECT_ROOT, '.htmlvalidate.json'), 'utf8')));
    for (const year of ['2020', '2021', '2022', '2023']) {
      const report = await validator.validateString(page(`reports/${year}`), `reports/${year}`);
      expect(report.results.flatMap((r) => r.messages.map((m) => `${year}:${m.line} ${m.ruleId}: ${m.message}`))).toEqual([]);
    }
  });

  it('marks every figure, separators kept in the text', () => {
    for (const year of ['2020', '2021', '2022', '2023']) {
      const marks = page(`reports/${year}`).match(/<a class="figure" id="fig-/g) ?? [];
      expect(marks.length, year).toBe(metricsOf(year).length);
    }
    expect(page('reports/2023')).toMatch(/<a class="figure" id="fig-[a-z0-9-]+" href="[^"]+" title="[^"]+">12,345\.6万元<\/a>/);
  });

  it('puts table text in the search index', () => {
    const dir = join(dist, 'pagefind/fragment');
    const fragments = readdirSync(dir).map((f) => JSON.parse(gunzipSync(readFileSync(join(dir, f))).subarray('pagefind_dcd'.length).toString()) as { url: string; content: string });
    // The stored text marks Pagefind's word breaks with U+200B.
    const content = fragments.find((f) => f.url === '/reports/2023/')?.content.replaceAll('\u200b', '');
    expect(content).toContain('群众满意度 90% 95.3%');
    expect(content).toContain('指标名称 年度目标 实际完成');
  });
});
