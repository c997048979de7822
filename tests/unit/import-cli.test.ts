import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseImportArgs } from '../../src/authoring/import/run.ts';
import { makeDocx } from '../fixtures/import/make-docx.ts';
import { IMPORT_FIXTURES, PROJECT_ROOT, runImport } from '../fixtures/import/support.ts';

const work: string[] = [];
afterAll(() => {
  for (const dir of work) rmSync(dir, { recursive: true, force: true });
});

/** A throwaway project with the content of tests/fixtures/<name>. */
function project(name: string): string {
  const root = mkdtempSync(join(tmpdir(), `import-cli-${name}-`));
  work.push(root);
  cpSync(join(PROJECT_ROOT, 'tests/fixtures', name, 'content'), join(root, 'content'), { recursive: true });
  return root;
}

const TEXT = join(IMPORT_FIXTURES, '2023-indicators.txt');

describe('npm run import: arguments', () => {
  it('reads the file, the year and the options', () => {
    expect(parseImportArgs(['a.docx', '--year', '２０２３', '--department=fuliyuan', '--type', '重点项目绩效自评'])).toEqual({
      kind: 'run', file: 'a.docx', year: 2023, department: 'fuliyuan', type: '重点项目绩效自评',
    });
    expect(parseImportArgs(['--help']).kind).toBe('help');
  });

  it.each([
    [[], /缺少要导入的文件/],
    [['a.txt'], /缺少 --year/],
    [['a.txt', '--year', '23'], /不是四位数字/],
    [['a.txt', '--year', '1899'], /不合理/],
    [['a.txt', 'b.txt', '--year', '2023'], /一次只导入一个文件/],
    [['a.txt', '--year', '2023', '--force'], /未知的选项/],
    [['a.txt', '--year', '2023', '--year', '2024'], /只能写一次/],
  ])('refuses %j', (argv, message) => {
    const args = parseImportArgs(argv);
    expect(args.kind).toBe('error');
    expect(args.kind === 'error' && args.message).toMatch(message);
  });
});

describe('npm run import: the same refusals as new-report, nothing written', () => {
  it('refuses a year the department already has, leaving report and catalog as they were', () => {
    const root = project('departments');
    const catalog = readFileSync(join(root, 'content/metrics.yaml'), 'utf8');
    const report = readFileSync(join(root, 'content/reports/2022.mdx'), 'utf8');
    const run = runImport(root, [TEXT, '--year', '2022']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/未导入[\s\S]*2022\.mdx 已存在，不会覆盖它/);
    expect(readFileSync(join(root, 'content/reports/2022.mdx'), 'utf8')).toBe(report);
    expect(readFileSync(join(root, 'content/metrics.yaml'), 'utf8')).toBe(catalog);
  });

  it('refuses an unknown department', () => {
    const run = runImport(project('departments'), [TEXT, '--year', '2023', '--department', 'nowhere']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/单位 id “nowhere”不在 content\/departments\.yaml 中/);
  });

  it('refuses a year the title contradicts, and a PDF', () => {
    const root = project('departments');
    expect(runImport(root, [TEXT, '--year', '2024']).stderr).toMatch(/写的是 2023 年，与 --year 2024 不符/);
    const pdf = runImport(root, [join(IMPORT_FIXTURES, 'scan.pdf'), '--year', '2024']);
    expect(pdf.status).toBe(1);
    expect(pdf.stderr).toMatch(/PDF 文件，不能导入/);
    expect(existsSync(join(root, 'content/reports/2024.mdx'))).toBe(false);
  });

  it('warns about Word auto-numbering, which is not in the text', () => {
    const root = project('departments');
    const file = join(root, 'numbered.docx');
    writeFileSync(file, makeDocx([{ text: '某局2019年度部门整体支出绩效评价报告' }, { text: '全年新增养老床位120张。', numbered: true }, { text: '某局' }]));
    const run = runImport(root, [file, '--year', '2019']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/注意：1 段是 Word 的自动编号列表.*“全年新增养老床位120张…”/);
  });

  it('writes another department’s report into its folder, with its department line', () => {
    const root = project('departments');
    const run = runImport(root, [TEXT, '--year', '2023', '--department', 'fuliyuan']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('content/reports/fuliyuan/2023.mdx（开福区社会福利院，2023 年）');
    const draft = readFileSync(join(root, 'content/reports/fuliyuan/2023.mdx'), 'utf8');
    expect(draft).toMatch(/^year: 2023\ndepartment: fuliyuan\n/m);
    // A second import of the same year is refused like new-report's.
    expect(runImport(root, [TEXT, '--year', '2023', '--department', 'fuliyuan']).stderr).toMatch(/已存在，不会覆盖它/);
  });
});
