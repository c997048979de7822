import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listContentFiles, strayFileMessage } from '../../src/reading/content-files.ts';
import { checkContent } from '../../src/checks/check-content.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const MINIMAL = join(ROOT, 'tests/fixtures/minimal');
const MINIMAL_REPORT = readFileSync(join(MINIMAL, 'content/reports/2022.mdx'), 'utf8');
/** The minimal report as the 2023 one: a valid second report. */
const REPORT_2023 = MINIMAL_REPORT.replace('year: 2022', 'year: 2023').replace('"2022-01", to: "2022-12"', '"2023-01", to: "2023-12"');

let root: string;
let outside: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'portal-content-files-'));
  outside = mkdtempSync(join(tmpdir(), 'portal-outside-'));
  cpSync(join(MINIMAL, 'content'), join(root, 'content'), { recursive: true });
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('what is content', () => {
  it('a report is a .mdx file under content/reports/, in a unit folder or not', () => {
    for (const file of ['content/reports/2022.mdx', 'content/reports/fuliyuan/2022.mdx']) {
      expect(strayFileMessage(file), file).toBeNull();
    }
    expect(strayFileMessage('content/metrics.yaml')).toBeNull();
    expect(strayFileMessage('content/departments.yaml')).toBeNull();
    expect(strayFileMessage('content/units.yaml')).toBeNull();
  });

  it.each([
    ['content/reports/2023.md', '请改名为 content/reports/2023.mdx'],
    ['content/reports/fuliyuan/2023.markdown', '请改名为 content/reports/fuliyuan/2023.mdx'],
    ['content/reports/2023.MDX', '请改名为 content/reports/2023.mdx'],
    ['content/2023.mdx', '请移到 content/reports/2023.mdx'],
    ['content/drafts/2023.md', '请移到 content/reports/2023.mdx'],
    ['content/reports/2023年报告.docx', 'Word 文件不会发布'],
    ['content/reports/2023年报告.wps', 'Word 文件不会发布'],
    ['content/reports/2023年报告.pdf', 'PDF 文件不会发布'],
    ['content/reports/~$23年报告.docx', '临时锁定文件'],
    ['content/~$trics.xlsx', '临时锁定文件'],
    ['content/.DS_Store', '操作系统自动生成'],
    ['content/reports/._2022.mdx', '操作系统自动生成'],
    ['content/reports/Thumbs.db', '操作系统自动生成'],
    ['content/reports/desktop.ini', '操作系统自动生成'],
    ['content/reports/2022.mdx~', '备份或临时文件'],
    ['content/reports/2022.mdx.bak', '备份或临时文件'],
    ['content/reports/.2022.mdx.swp', '备份或临时文件'],
    ['content/reports/.2023.mdx', '隐藏文件'],
    ['content/reports/.drafts/2023.mdx', '隐藏文件夹'],
    ['content/metrics.yml', '指标目录是 content/metrics.yaml'],
    ['content/reports/README', '其他文件请移出 content/'],
  ])('%s is an error: %s', (file, message) => {
    expect(strayFileMessage(file)).toContain(message);
  });

  it('lists every report and names every other file', async () => {
    mkdirSync(join(root, 'content/reports/fuliyuan'));
    writeFileSync(join(root, 'content/reports/fuliyuan/2022.mdx'), '');
    writeFileSync(join(root, 'content/reports/2023.md'), REPORT_2023);
    writeFileSync(join(root, 'content/.DS_Store'), '');
    const files = await listContentFiles(root);
    expect(files.reports).toEqual(['content/reports/2022.mdx', 'content/reports/fuliyuan/2022.mdx']);
    expect(files.problems.map((p) => p.file).sort()).toEqual(['content/.DS_Store', 'content/reports/2023.md']);
  });

  it('files saved with a byte-order mark (as Windows Notepad does) are read as Astro reads them', async () => {
    for (const file of ['content/reports/2022.mdx', 'content/metrics.yaml', 'content/departments.yaml']) {
      writeFileSync(join(root, file), `\ufeff${readFileSync(join(root, file), 'utf8')}`);
    }
    expect(await checkContent(root)).toEqual([]);
  });

  it('no content/ folder is one problem, not a crash', async () => {
    rmSync(join(root, 'content'), { recursive: true });
    const problems = await checkContent(root);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'content', line: 1, message: expect.stringContaining('找不到文件夹 content/') }));
  });

  it('content/ without any report is a problem: the site would have nothing to show', async () => {
    rmSync(join(root, 'content/reports'), { recursive: true });
    expect(await checkContent(root)).toContainEqual(expect.objectContaining({ file: 'content/reports', message: expect.stringContaining('没有报告') }));
  });
});

describe('nothing outside the repository is read', () => {
  it('a symlinked report is refused, not followed', async () => {
    // A valid report outside the repository: followed, it would pass and be published.
    writeFileSync(join(outside, '2023.mdx'), REPORT_2023);
    symlinkSync(join(outside, '2023.mdx'), join(root, 'content/reports/2023.mdx'));
    expect(await checkContent(root)).toEqual([
      expect.objectContaining({ file: 'content/reports/2023.mdx', line: 1, field: '', message: expect.stringContaining('符号链接') }),
    ]);
  });

  it('a symlink to /etc/passwd is refused without reading it', async () => {
    symlinkSync('/etc/passwd', join(root, 'content/reports/2030.mdx'));
    const problems = await checkContent(root);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('符号链接');
  });

  it('a symlinked folder is refused, and nothing in it is read', async () => {
    mkdirSync(join(outside, 'fuliyuan'));
    writeFileSync(join(outside, 'fuliyuan/2023.mdx'), REPORT_2023);
    symlinkSync(join(outside, 'fuliyuan'), join(root, 'content/reports/fuliyuan'));
    const problems = await checkContent(root);
    expect(problems.map((p) => p.file)).toEqual(['content/reports/fuliyuan']);
    expect(problems[0]!.message).toContain('符号链接');
  });

  it('a symlinked catalog is refused', async () => {
    cpSync(join(root, 'content/metrics.yaml'), join(outside, 'metrics.yaml'));
    rmSync(join(root, 'content/metrics.yaml'));
    symlinkSync(join(outside, 'metrics.yaml'), join(root, 'content/metrics.yaml'));
    expect(await checkContent(root)).toContainEqual(expect.objectContaining({ file: 'content/metrics.yaml', message: expect.stringContaining('符号链接') }));
  });

  it('content/ itself as a symlink is refused', async () => {
    cpSync(join(root, 'content'), join(outside, 'content'), { recursive: true });
    rmSync(join(root, 'content'), { recursive: true });
    symlinkSync(join(outside, 'content'), join(root, 'content'));
    expect(await checkContent(root)).toContainEqual(expect.objectContaining({ file: 'content', message: expect.stringContaining('符号链接') }));
  });

  it('a FIFO named like a report is refused, never opened (opening it would block for ever)', async () => {
    const made = spawnSync('mkfifo', [join(root, 'content/reports/2023.mdx')]);
    expect(made.status).toBe(0);
    expect(await checkContent(root)).toEqual([
      expect.objectContaining({ file: 'content/reports/2023.mdx', message: expect.stringContaining('不是普通文件') }),
    ]);
  }, 10_000);
});
