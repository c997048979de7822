import { execFile } from 'node:child_process';
import { appendFile, copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkContent } from '../../src/checks/check-content.ts';
import { splitFrontmatter } from '../../src/reading/frontmatter.ts';
import {
  chooseDepartment,
  declaredDepartment,
  declaredYear,
  EXAMPLE_METRIC,
  existingReportRefusal,
  parseNewReportArgs,
  PLACEHOLDER_BODY,
  PLACEHOLDER_QUOTE,
  reportFileFor,
  reportSkeleton,
} from '../../src/authoring/new-report.ts';
import type { Department } from '../../src/schemas/department.ts';
import { reportSchema } from '../../src/schemas/report.ts';

const projectRoot = join(import.meta.dirname, '..', '..');
/** The first report type of content/report-types.yaml: what new-report writes without --type. */
const DEFAULT_REPORT_TYPE = '部门整体支出绩效评价';

/** content/departments.yaml's primary department, and another department added for these tests. */
const BUREAU: Department = { id: 'kaifu-minzheng', name: '长沙市开福区民政局', primary: true };
const VETERANS: Department = { id: 'kaifu-tuiyi', name: '长沙市开福区退役军人事务局' };
const VETERANS_YAML = `- id: ${VETERANS.id}\n  name: ${VETERANS.name}\n`;

function errorOf(argv: string[]): string {
  const result = parseNewReportArgs(argv);
  if (result.kind !== 'error') throw new Error(`expected a refusal for ${JSON.stringify(argv)}, got ${result.kind}`);
  return result.message;
}

describe('parseNewReportArgs', () => {
  it('accepts a year, with or without --type, in either order', () => {
    expect(parseNewReportArgs(['2023'])).toEqual({ kind: 'run', year: 2023 });
    expect(parseNewReportArgs(['2023', '--type', '重点项目绩效自评'])).toEqual({ kind: 'run', year: 2023, type: '重点项目绩效自评' });
    expect(parseNewReportArgs(['--type=部门整体支出绩效评价', '2024'])).toEqual({ kind: 'run', year: 2024, type: '部门整体支出绩效评价' });
  });

  it('accepts full-width digits typed with a Chinese input method', () => {
    expect(parseNewReportArgs(['２０２３'])).toMatchObject({ kind: 'run', year: 2023 });
  });

  it('prints the usage for --help', () => {
    expect(parseNewReportArgs(['--help'])).toMatchObject({ kind: 'help', message: expect.stringContaining('npm run new-report -- <年份>') });
  });

  it('refuses a missing year', () => {
    expect(errorOf([])).toMatch(/^缺少年份：请在 -- 后面写上报告年度，如 npm run new-report -- 2023。/);
    expect(errorOf(['--type', '重点项目绩效自评'])).toMatch(/^缺少年份/);
  });

  it('refuses a year that is not four digits', () => {
    expect(errorOf(['23'])).toMatch(/^年份“23”不是四位数字；请写成如 2023 这样的四位阿拉伯数字（不带“年”字）。/);
    expect(errorOf(['20231'])).toMatch(/^年份“20231”不是四位数字/);
    expect(errorOf(['2023年'])).toMatch(/^年份“2023年”不是四位数字/);
    expect(errorOf(['二〇二三'])).toMatch(/^年份“二〇二三”不是四位数字/);
    expect(errorOf(['-2023'])).toMatch(/^年份“-2023”不是四位数字/);
  });

  it('refuses an implausible year', () => {
    expect(errorOf(['1999'])).toMatch(/^年份 1999 不合理：应在 2000–2100 之间；请检查是否写错。/);
    expect(errorOf(['2101'])).toMatch(/^年份 2101 不合理/);
    expect(parseNewReportArgs(['2000'])).toMatchObject({ kind: 'run', year: 2000 });
    expect(parseNewReportArgs(['2100'])).toMatchObject({ kind: 'run', year: 2100 });
  });

  it('refuses a missing or repeated --type (an unknown one is refused against content/report-types.yaml when run)', () => {
    expect(errorOf(['2023', '--type'])).toMatch(/^--type 后面缺少报告类型；可选的类型见 content\/report-types.yaml。/);
    expect(errorOf(['2023', '--type', '--type', '重点项目绩效自评'])).toMatch(/^--type 后面缺少报告类型/);
    expect(errorOf(['2023', '--type', '重点项目绩效自评', '--type=部门整体支出绩效评价'])).toMatch(/^--type 只能写一次。/);
  });

  it('reads --department in either form, and leaves it out when not given', () => {
    expect(parseNewReportArgs(['2023', '--department', 'kaifu-tuiyi'])).toEqual({
      kind: 'run', year: 2023, department: 'kaifu-tuiyi',
    });
    expect(parseNewReportArgs(['--department=kaifu-tuiyi', '2023', '--type', '重点项目绩效自评'])).toEqual({
      kind: 'run', year: 2023, type: '重点项目绩效自评', department: 'kaifu-tuiyi',
    });
    expect(parseNewReportArgs(['2023'])).toHaveProperty('department', undefined);
  });

  it('refuses a missing or repeated --department', () => {
    const missing = /^--department 后面缺少单位 id；可用的 id 见 content\/departments.yaml。/;
    expect(errorOf(['2023', '--department'])).toMatch(missing);
    expect(errorOf(['2023', '--department='])).toMatch(missing);
    expect(errorOf(['2023', '--department', '--type', '重点项目绩效自评'])).toMatch(missing);
    expect(errorOf(['2023', '--department', 'a', '--department=b'])).toMatch(/^--department 只能写一次。/);
  });

  it('refuses unknown options and extra years', () => {
    expect(errorOf(['2023', '--force'])).toMatch(/^未知的选项“--force”；只有 --type 和 --department 两个选项。/);
    expect(errorOf(['2023', '--departments=x'])).toMatch(/^未知的选项“--departments=x”/);
    expect(errorOf(['2023', '2024'])).toMatch(/^参数太多：“2023”“2024”；一次只能创建一份报告，只写一个年份。/);
  });

  it('ends every refusal with the usage line', () => {
    expect(errorOf(['23'])).toContain('用法 (usage)：npm run new-report -- <年份> [--type <报告类型>] [--department <单位 id>]');
  });
});

describe('chooseDepartment', () => {
  const departments = [BUREAU, VETERANS];

  it('is the primary department without --department, or with its id', () => {
    expect(chooseDepartment(undefined, departments)).toEqual({ kind: 'ok', department: BUREAU });
    expect(chooseDepartment('kaifu-minzheng', departments)).toEqual({ kind: 'ok', department: BUREAU });
  });

  it('is the department asked for', () => {
    expect(chooseDepartment('kaifu-tuiyi', departments)).toEqual({ kind: 'ok', department: VETERANS });
  });

  it('refuses an id not in content/departments.yaml, listing the known ones', () => {
    expect(chooseDepartment('kaifu-tuiyiju', departments)).toEqual({
      kind: 'error',
      message: '单位 id “kaifu-tuiyiju”不在 content/departments.yaml 中（已有：kaifu-minzheng、kaifu-tuiyi）。新的单位请先在该文件中添加一项，见 docs/editing.md。',
    });
  });

  it('refuses a broken or primary-less department list', () => {
    expect(chooseDepartment('kaifu-tuiyi', { id: 'kaifu-tuiyi' })).toMatchObject({ kind: 'error', message: expect.stringMatching(/^content\/departments.yaml 有误/) });
    expect(chooseDepartment(undefined, [VETERANS])).toMatchObject({ kind: 'error', message: expect.stringContaining('没有主单位') });
  });

  it('accepts the real content/departments.yaml', async () => {
    const real = parse(await readFile(join(projectRoot, 'content', 'departments.yaml'), 'utf8'));
    expect(chooseDepartment(undefined, real)).toEqual({ kind: 'ok', department: { ...BUREAU, shortName: '开福区民政局', disclosure: { publisher: '长沙市开福区民政局' }, reuseTerms: expect.stringContaining('可自由引用') } });
  });
});

describe('reportFileFor', () => {
  it('puts the primary department at the top and other departments in their folder', () => {
    expect(reportFileFor(2023)).toBe('content/reports/2023.mdx');
    expect(reportFileFor(2023, BUREAU)).toBe('content/reports/2023.mdx');
    expect(reportFileFor(2023, VETERANS)).toBe('content/reports/kaifu-tuiyi/2023.mdx');
  });
});

describe('existingReportRefusal', () => {
  const report = (year: number) => `---\nyear: ${year}\ntitle: x\n---\n正文\n`;

  it('refuses an existing file for the year', () => {
    const files = [{ file: 'content/reports/2023.mdx', text: report(2023) }];
    expect(existingReportRefusal(2023, files)).toBe(
      'content/reports/2023.mdx 已存在，不会覆盖它。要修改 2023 年的报告，请直接编辑这个文件。',
    );
  });

  it('refuses a year already declared by a report in another file', () => {
    const files = [
      { file: 'content/reports/2022.mdx', text: report(2022) },
      { file: 'content/reports/2023-draft.mdx', text: report(2023) },
    ];
    expect(existingReportRefusal(2023, files)).toBe(
      '2023 年已有报告 content/reports/2023-draft.mdx（其中写着 year: 2023）；每年只能有一份报告。请编辑那个文件，或核对它的年份。',
    );
  });

  it('finds the year even when the rest of the frontmatter is broken', () => {
    expect(declaredYear('---\nyear: 2023\ntitle: [unclosed\n---\n')).toBe(2023);
    expect(declaredYear('---\nyear: "2023"\n---\n')).toBe(2023);
    expect(declaredYear('no frontmatter')).toBeUndefined();
  });

  it('allows a year no report has', () => {
    const files = [{ file: 'content/reports/2022.mdx', text: report(2022) }];
    expect(existingReportRefusal(2023, files)).toBeNull();
  });

  const veteransReport = (year: number) => report(year).replace('title:', `department: ${VETERANS.id}\ntitle:`);

  it('refuses an existing file in the same department\'s folder', () => {
    const files = [{ file: 'content/reports/kaifu-tuiyi/2023.mdx', text: veteransReport(2023) }];
    expect(existingReportRefusal(2023, files, VETERANS)).toBe(
      'content/reports/kaifu-tuiyi/2023.mdx 已存在，不会覆盖它。要修改 2023 年的报告，请直接编辑这个文件。',
    );
  });

  it('refuses a year the same department declares in another file', () => {
    const files = [{ file: 'content/reports/kaifu-tuiyi/2023-draft.mdx', text: veteransReport(2023) }];
    expect(existingReportRefusal(2023, files, VETERANS)).toBe(
      '长沙市开福区退役军人事务局 2023 年已有报告 content/reports/kaifu-tuiyi/2023-draft.mdx（其中写着 year: 2023、department: kaifu-tuiyi）；每个单位每年只能有一份报告。请编辑那个文件，或核对它的年份和单位。',
    );
    const broken = veteransReport(2023).replace('title: x', 'title: [unclosed');
    expect(declaredDepartment(broken)).toBe(VETERANS.id);
    expect(existingReportRefusal(2023, [{ file: 'content/reports/x.mdx', text: broken }], VETERANS)).toMatch(/^长沙市开福区退役军人事务局 2023 年已有报告 content\/reports\/x.mdx/);
  });

  it('refuses the primary department\'s year also when a report names it explicitly', () => {
    const text = report(2023).replace('title:', `department: ${BUREAU.id}\ntitle:`);
    expect(existingReportRefusal(2023, [{ file: 'content/reports/2023-draft.mdx', text }], BUREAU)).toMatch(/^2023 年已有报告 content\/reports\/2023-draft.mdx/);
  });

  it('allows a year that only another department has a report for', () => {
    const primary2023 = [{ file: 'content/reports/2023.mdx', text: report(2023) }];
    expect(existingReportRefusal(2023, primary2023, VETERANS)).toBeNull();
    const veterans2023 = [{ file: 'content/reports/kaifu-tuiyi/2023.mdx', text: veteransReport(2023) }];
    expect(existingReportRefusal(2023, veterans2023)).toBeNull();
    expect(existingReportRefusal(2023, veterans2023, BUREAU)).toBeNull();
  });
});

/** A throwaway project root: an empty content/reports/ and these files copied from content/. */
async function contentRoot(prefix: string, files: string[]): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  await mkdir(join(root, 'content', 'reports'), { recursive: true });
  for (const file of files) await copyFile(join(projectRoot, 'content', file), join(root, 'content', file));
  return root;
}

describe('reportSkeleton', () => {
  let root: string;

  beforeEach(async () => {
    root = await contentRoot('new-report-', ['metrics.yaml', 'departments.yaml', 'units.yaml', 'topics.yaml', 'report-types.yaml']);
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const write = (text: string) => writeFile(join(root, 'content', 'reports', '2030.mdx'), text);

  it('has every field, a valid frontmatter, and the type asked for', () => {
    for (const type of ['部门整体支出绩效评价', '重点项目绩效自评'] as const) {
      const { yaml, body } = splitFrontmatter(reportSkeleton(2030, type, BUREAU));
      // Valid once its one placeholder the schema cannot accept, the date, is filled in.
      const data = reportSchema.parse(parse(yaml!.replace(/publishedDate: "待填写[^"]*"/, 'publishedDate: "2030-12-01"')));
      expect(data).toMatchObject({
        year: 2030,
        title: `2030年度${type}报告`,
        reportType: type,
        period: { from: '2030-01', to: '2030-12' },
        metrics: [{ id: EXAMPLE_METRIC.id, unit: EXAMPLE_METRIC.unit, topic: EXAMPLE_METRIC.topic, quote: PLACEHOLDER_QUOTE }],
      });
      for (const field of ['issuer', 'sourceFile', 'summary', 'qualifier', 'asOf']) expect(yaml).toContain(`${field}:`);
      expect(body.trim()).toBe(PLACEHOLDER_BODY);
    }
  });

  it('unfilled, fails the content check with a message telling the editor what to fill', async () => {
    await write(reportSkeleton(2030, DEFAULT_REPORT_TYPE, BUREAU));
    const problems = await checkContent(root);
    expect(problems.map((p) => p.field).sort()).toEqual(['disclosure.publishedDate', 'metrics[0].quote', 'sourceFile']);
    expect(problems.find((p) => p.field === 'metrics[0].quote')).toMatchObject({
      file: join('content', 'reports', '2030.mdx'),
      message: `引文“${PLACEHOLDER_QUOTE}”在正文中找不到；引文必须逐字摘自正文（不含编者注）`,
    });
    expect(problems.find((p) => p.field === 'sourceFile')!.message).toBe('还没有填写：请把“待填写：原始文件名”换成实际内容');
    expect(problems.find((p) => p.field === 'disclosure.publishedDate' && p.message.startsWith('还没有填写'))).toBeDefined();
  });

  /** The smallest filling that satisfies the checker: a body holding the example figure. */
  const fill = (skeleton: string) => skeleton
    .replace(PLACEHOLDER_BODY, '## 一、社会工作\n\n举办社工职业考试考前培训。全区现有持证社工0人。\n')
    .replace(`quote: ${PLACEHOLDER_QUOTE}`, 'quote: 全区现有持证社工0人')
    .replace('sourceFile: 待填写：原始文件名', 'sourceFile: 2030.txt')
    .replace('publishedDate: "待填写：发布日期，如 2026-11-25"', 'publishedDate: "2030-12-01"');

  it('passes the content check once the body and the quote are filled in', async () => {
    await write(fill(reportSkeleton(2030, DEFAULT_REPORT_TYPE, BUREAU)));
    expect(await checkContent(root)).toEqual([]);
  });

  it('passes with a real value, a qualifier and several paragraphs', async () => {
    const filled = reportSkeleton(2030, '重点项目绩效自评', BUREAU)
      .replace(PLACEHOLDER_BODY, [
        '## （一）社会工作加快发展',
        '',
        '新建社工室12个，服务5000余人次。',
        '',
        '全区现有持证社工1300余人，位居全市前列。',
        '',
      ].join('\n'))
      .replace('value: 0', 'value: 1300')
      .replace('# qualifier: 余', 'qualifier: 余')
      .replace(`quote: ${PLACEHOLDER_QUOTE}`, 'quote: 全区现有持证社工1300余人')
      .replace('sourceFile: 待填写：原始文件名', 'sourceFile: 2030.txt')
      .replace('publishedDate: "待填写：发布日期，如 2026-11-25"', 'publishedDate: "2030-12-01"');
    await write(filled);
    expect(await checkContent(root)).toEqual([]);
  });

  it('for another department, names it, and passes the content check once filled in', async () => {
    await appendFile(join(root, 'content', 'departments.yaml'), VETERANS_YAML);
    const skeleton = reportSkeleton(2030, '重点项目绩效自评', VETERANS);
    const data = reportSchema.parse(parse(splitFrontmatter(fill(skeleton)).yaml!));
    expect(data).toMatchObject({ department: VETERANS.id, issuer: VETERANS.name, summary: `${VETERANS.name}2030年度重点项目绩效自评报告。` });
    expect(skeleton).toContain('# 所属单位，content/departments.yaml 中的 id，与文件夹名一致（department id from content/departments.yaml; matches the folder name）\ndepartment: kaifu-tuiyi\n');
    expect(skeleton).not.toContain('开福区民政局');

    // The bureau's own 2030 report is no obstacle: uniqueness is per department.
    await write(fill(reportSkeleton(2030, DEFAULT_REPORT_TYPE, BUREAU)));
    await mkdir(join(root, 'content', 'reports', VETERANS.id));
    await writeFile(join(root, 'content', 'reports', VETERANS.id, '2030.mdx'), fill(skeleton));
    expect(await checkContent(root)).toEqual([]);
  });

  it('for the primary department, has no department line and names the bureau as content/departments.yaml does', () => {
    const skeleton = reportSkeleton(2030, DEFAULT_REPORT_TYPE, { ...BUREAU, shortName: '开福区民政局' });
    expect(skeleton).not.toContain('department:');
    expect(skeleton).toContain(`issuer: ${BUREAU.name}\n`);
    expect(skeleton).toContain('如“长沙市开福区民政局”或“开福区民政局”');
  });

  it('uses a metric id that the real catalog defines with the same unit and topic', async () => {
    const catalog = parse(await readFile(join(projectRoot, 'content', 'metrics.yaml'), 'utf8')) as { id: string }[];
    expect(catalog.find((e) => e.id === EXAMPLE_METRIC.id)).toMatchObject(EXAMPLE_METRIC);
  });
});

describe('npm run new-report (scripts/new-report.ts)', () => {
  let root: string;

  beforeEach(async () => {
    root = await contentRoot('new-report-script-', ['departments.yaml', 'report-types.yaml']);
    await appendFile(join(root, 'content', 'departments.yaml'), VETERANS_YAML);
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  /** Runs the script in `root` as `npm run new-report -- …args` would; exit code and output. */
  async function run(...args: string[]): Promise<{ code: number; output: string }> {
    const script = join(projectRoot, 'scripts', 'new-report.ts');
    try {
      const { stdout } = await promisify(execFile)(process.execPath, [script, ...args], { cwd: root });
      return { code: 0, output: stdout };
    } catch (error) {
      const { code, stderr } = error as { code: number; stderr: string };
      return { code, output: stderr };
    }
  }

  it('writes another department\'s report into its folder, beside the bureau\'s report of that year', async () => {
    expect(await run('2030')).toMatchObject({ code: 0 });
    expect(await run('2030', '--department', VETERANS.id)).toMatchObject({
      code: 0, output: expect.stringContaining('已创建 (created) content/reports/kaifu-tuiyi/2030.mdx'),
    });
    const written = await readFile(join(root, 'content', 'reports', VETERANS.id, '2030.mdx'), 'utf8');
    expect(written).toBe(reportSkeleton(2030, DEFAULT_REPORT_TYPE, VETERANS));
  });

  it('refuses, from a sub-folder file, a year that department already has', async () => {
    await mkdir(join(root, 'content', 'reports', VETERANS.id));
    const draft = reportSkeleton(2030, DEFAULT_REPORT_TYPE, VETERANS);
    await writeFile(join(root, 'content', 'reports', VETERANS.id, 'draft.mdx'), draft);
    expect(await run('--department=kaifu-tuiyi', '2030')).toMatchObject({
      code: 1, output: expect.stringContaining('2030 年已有报告 content/reports/kaifu-tuiyi/draft.mdx'),
    });
    expect(await run('2030')).toMatchObject({ code: 0 });
  });

  it('refuses a report type content/report-types.yaml lacks, listing those it has; a line there makes it known', async () => {
    expect(await run('2030', '--type', '重点项目绩效自评报告')).toMatchObject({
      code: 1, output: expect.stringContaining('未知的报告类型“重点项目绩效自评报告”；只能是：部门整体支出绩效评价、重点项目绩效自评'),
    });
    expect(await readdir(join(root, 'content', 'reports'))).toEqual([]);
    await appendFile(join(root, 'content', 'report-types.yaml'), '项目支出绩效评价: { slug: project-evaluation, en: Project expenditure evaluation, order: 3, definition: 对一个项目支出的评价。 }\n');
    expect(await run('2030', '--type', '项目支出绩效评价')).toMatchObject({ code: 0, output: expect.stringContaining('项目支出绩效评价') });
  });

  it('refuses an unknown department without writing anything', async () => {
    expect(await run('2030', '--department', 'nope')).toMatchObject({
      code: 1, output: expect.stringContaining('单位 id “nope”不在 content/departments.yaml 中（已有：kaifu-minzheng、kaifu-tuiyi）'),
    });
    expect(await readdir(join(root, 'content', 'reports'))).toEqual([]);
  });
});
