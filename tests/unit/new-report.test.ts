import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkContent } from '../../src/lib/check-content.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import {
  declaredYear,
  DEFAULT_REPORT_TYPE,
  EXAMPLE_METRIC,
  existingReportRefusal,
  parseNewReportArgs,
  PLACEHOLDER_BODY,
  PLACEHOLDER_QUOTE,
  reportSkeleton,
} from '../../src/lib/new-report.ts';
import { reportSchema } from '../../src/schemas/report.ts';

const projectRoot = join(import.meta.dirname, '..', '..');

function errorOf(argv: string[]): string {
  const result = parseNewReportArgs(argv);
  if (result.kind !== 'error') throw new Error(`expected a refusal for ${JSON.stringify(argv)}, got ${result.kind}`);
  return result.message;
}

describe('parseNewReportArgs', () => {
  it('accepts a year, with or without --type, in either order', () => {
    expect(parseNewReportArgs(['2023'])).toEqual({ kind: 'create', year: 2023, type: DEFAULT_REPORT_TYPE });
    expect(parseNewReportArgs(['2023', '--type', '重点项目绩效自评'])).toEqual({ kind: 'create', year: 2023, type: '重点项目绩效自评' });
    expect(parseNewReportArgs(['--type=部门整体支出绩效评价', '2024'])).toEqual({ kind: 'create', year: 2024, type: '部门整体支出绩效评价' });
  });

  it('accepts full-width digits typed with a Chinese input method', () => {
    expect(parseNewReportArgs(['２０２３'])).toMatchObject({ kind: 'create', year: 2023 });
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
    expect(parseNewReportArgs(['2000'])).toMatchObject({ kind: 'create', year: 2000 });
    expect(parseNewReportArgs(['2100'])).toMatchObject({ kind: 'create', year: 2100 });
  });

  it('refuses an unknown or missing --type', () => {
    expect(errorOf(['2023', '--type', '重点项目绩效自评报告'])).toMatch(
      /^未知的报告类型“重点项目绩效自评报告”；只能是：部门整体支出绩效评价、重点项目绩效自评/,
    );
    expect(errorOf(['2023', '--type'])).toMatch(/^--type 后面缺少报告类型；可选：部门整体支出绩效评价、重点项目绩效自评。/);
    expect(errorOf(['2023', '--type', '--type', '重点项目绩效自评'])).toMatch(/^--type 后面缺少报告类型/);
    expect(errorOf(['2023', '--type', '重点项目绩效自评', '--type=部门整体支出绩效评价'])).toMatch(/^--type 只能写一次。/);
  });

  it('refuses unknown options and extra years', () => {
    expect(errorOf(['2023', '--force'])).toMatch(/^未知的选项“--force”；只有 --type 一个选项。/);
    expect(errorOf(['2023', '2024'])).toMatch(/^参数太多：“2023”“2024”；一次只能创建一份报告，只写一个年份。/);
  });

  it('ends every refusal with the usage line', () => {
    expect(errorOf(['23'])).toContain('用法 (usage)：npm run new-report -- <年份> [--type 部门整体支出绩效评价|重点项目绩效自评]');
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
});

describe('reportSkeleton', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'new-report-'));
    await mkdir(join(root, 'content', 'reports'), { recursive: true });
    await copyFile(join(projectRoot, 'content', 'metrics.yaml'), join(root, 'content', 'metrics.yaml'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const write = (text: string) => writeFile(join(root, 'content', 'reports', '2030.mdx'), text);

  it('has every field, a valid frontmatter, and the type asked for', () => {
    for (const type of ['部门整体支出绩效评价', '重点项目绩效自评'] as const) {
      const { yaml, body } = splitFrontmatter(reportSkeleton(2030, type));
      const data = reportSchema.parse(parse(yaml!));
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
    await write(reportSkeleton(2030));
    const problems = await checkContent(root);
    expect(problems.map((p) => p.field).sort()).toEqual(['metrics[0].quote', 'sourceFile']);
    expect(problems.find((p) => p.field === 'metrics[0].quote')).toMatchObject({
      file: join('content', 'reports', '2030.mdx'),
      message: `引文“${PLACEHOLDER_QUOTE}”在正文中找不到；引文必须逐字摘自正文（不含编者注）`,
    });
    expect(problems.find((p) => p.field === 'sourceFile')!.message).toBe('还没有填写：请把“待填写：原始文件名”换成实际内容');
  });

  it('passes the content check once the body and the quote are filled in', async () => {
    const filled = reportSkeleton(2030)
      .replace(PLACEHOLDER_BODY, '## 一、社会工作\n\n举办社工职业考试考前培训。全区现有持证社工0人。\n')
      .replace(`quote: ${PLACEHOLDER_QUOTE}`, 'quote: 全区现有持证社工0人')
      .replace('sourceFile: 待填写：原始文件名', 'sourceFile: 2030.txt');
    await write(filled);
    expect(await checkContent(root)).toEqual([]);
  });

  it('passes with a real value, a qualifier and several paragraphs', async () => {
    const filled = reportSkeleton(2030, '重点项目绩效自评')
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
      .replace('sourceFile: 待填写：原始文件名', 'sourceFile: 2030.txt');
    await write(filled);
    expect(await checkContent(root)).toEqual([]);
  });

  it('uses a metric id that the real catalog defines with the same unit and topic', async () => {
    const catalog = parse(await readFile(join(projectRoot, 'content', 'metrics.yaml'), 'utf8')) as { id: string }[];
    expect(catalog.find((e) => e.id === EXAMPLE_METRIC.id)).toMatchObject(EXAMPLE_METRIC);
  });
});
