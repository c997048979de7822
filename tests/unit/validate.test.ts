import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/checks/check-content.ts';
import { formatProblems, type Problem } from '../../src/reading/problems.ts';
import { checkBodySafety } from '../../src/checks/safety.ts';
import { validateContent } from '../../src/checks/validate.ts';
import { dataSources } from '../support/content.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = join(ROOT, 'tests/fixtures');
const BROKEN = join(FIXTURES, 'broken');
const MINIMAL = join(FIXTURES, 'minimal');

/** tests/fixtures/broken/<case>/expected.json: one problem the case must produce. */
interface Expected {
  file: string;
  line: number;
  field: string;
  /** A distinctive substring of the Chinese message. */
  message: string;
}

const cases = readdirSync(BROKEN)
  .sort()
  .map((name) => ({
    name,
    root: join(BROKEN, name),
    expected: JSON.parse(readFileSync(join(BROKEN, name, 'expected.json'), 'utf8')) as Expected,
  }));

describe('broken content fixtures', () => {
  it('cover at least the 24 required cases, each a complete content tree', () => {
    expect(cases.length).toBeGreaterThanOrEqual(24);
    for (const { name, root } of cases) {
      expect(existsSync(join(root, 'content/metrics.yaml')), `${name}: content/metrics.yaml`).toBe(true);
      const reports = readdirSync(join(root, 'content/reports')).filter((f) => f.endsWith('.mdx'));
      expect(reports.length, `${name}: content/reports/*.mdx`).toBeGreaterThan(0);
    }
  });

  it.each(cases)('$name is reported where it is', async ({ root, expected }) => {
    expect(Object.keys(expected).sort()).toEqual(['field', 'file', 'line', 'message']);
    const problems = await checkContent(root);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: expected.file,
        line: expected.line,
        field: expected.field,
        message: expect.stringContaining(expected.message),
      }),
    );
  });

  it('every problem has a 1-based position and a Chinese message', async () => {
    for (const { name, root } of cases) {
      for (const problem of await checkContent(root)) {
        expect(problem.line, name).toBeGreaterThanOrEqual(1);
        expect(problem.column, name).toBeGreaterThanOrEqual(1);
        expect(problem.message, name).toMatch(/[\u4e00-\u9fff]/);
        expect(problem.message, `${name}: a message must not show "undefined"`).not.toMatch(/undefined/);
      }
    }
  });
});

describe('valid content', () => {
  it('the minimal fixture has no problems', async () => {
    expect(await checkContent(MINIMAL)).toEqual([]);
  });

  it('the project content has no problems', async () => {
    expect(await checkContent(ROOT)).toEqual([]);
  });

  it('the minimal fixture differs from each broken case (so each case really breaks something)', () => {
    const minimalReport = readFileSync(join(MINIMAL, 'content/reports/2022.mdx'));
    const minimalCatalog = readFileSync(join(MINIMAL, 'content/metrics.yaml'));
    const minimalDepartments = readFileSync(join(MINIMAL, 'content/departments.yaml'));
    const minimalUnits = readFileSync(join(MINIMAL, 'content/units.yaml'));
    for (const { name, root } of cases) {
      const report = join(root, 'content/reports/2022.mdx');
      const departments = join(root, 'content/departments.yaml');
      const units = join(root, 'content/units.yaml');
      const same =
        existsSync(report) &&
        readFileSync(report).equals(minimalReport) &&
        readFileSync(join(root, 'content/metrics.yaml')).equals(minimalCatalog) &&
        existsSync(departments) && readFileSync(departments).equals(minimalDepartments) &&
        existsSync(units) && readFileSync(units).equals(minimalUnits) &&
        readdirSync(join(root, 'content'), { recursive: true }).length === readdirSync(join(MINIMAL, 'content'), { recursive: true }).length;
      expect(same, name).toBe(false);
    }
  });
});

describe('body safety: what stays allowed', () => {
  const problemsOf = (body: string) => checkBodySafety('content/reports/2022.mdx', body, 10);

  it('accepts Markdown, escaped < and braces, and a plain EditorNote', () => {
    expect(problemsOf('## （一）标题\n\n正文，见下文。')).toEqual([]);
    expect(problemsOf('甲 \\< 乙，集合 \\{1\\}')).toEqual([]);
    expect(problemsOf('原文<EditorNote>原文如此，疑为“二是”。</EditorNote>继续。')).toEqual([]);
    expect(problemsOf('[开福区人民政府](https://www.kaifu.gov.cn/)')).toEqual([]);
  });

  it('numbers a problem by file line and column', () => {
    expect(problemsOf('第一行\n第二行<script>')).toEqual([
      expect.objectContaining({ line: 11, column: 4, field: 'body', message: expect.stringContaining('<script>') }),
    ]);
  });
});

describe('frontmatter edge cases', () => {
  const data = dataSources(join(MINIMAL, 'content'));
  const minimalReport = readFileSync(join(MINIMAL, 'content/reports/2022.mdx'), 'utf8');

  it('a CRLF copy of the minimal report is valid too', () => {
    const text = minimalReport.replace(/\n/g, '\r\n');
    expect(validateContent({ ...data, reports: [{ file: 'content/reports/2022.mdx', text }] })).toEqual([]);
  });

  // BUG (src/reading/frontmatter.ts, not ours to change): the closing-delimiter pattern
  // `\r?\n?---[ \t]*(?:\r?\n|$)` also matches `---` at the END of a line, so a YAML value
  // ending in --- closes the frontmatter early. Astro itself (a line starting with ---)
  // reads the same file correctly. Remove `.fails` once splitFrontmatter is fixed.
  const dashed = minimalReport.replace(/^summary: .*$/m, 'summary: 测试用的最小报告---');
  it('(the report for the next test is the minimal one with a summary ending in ---)', () => {
    expect(dashed).toContain('\nsummary: 测试用的最小报告---\nmetrics:\n');
    expect(dashed.split('\n').filter((line) => line.startsWith('---'))).toEqual(['---', '---']);
  });
  it('a frontmatter value ending in --- does not end the frontmatter', () => {
    expect(validateContent({ ...data, reports: [{ file: 'content/reports/2022.mdx', text: dashed }] })).toEqual([]);
  });
});

describe('formatProblems', () => {
  const problems: Problem[] = [
    { file: 'content/reports/2022.mdx', line: 14, column: 5, field: 'metrics[0].quote', message: '引文“甲”在正文中找不到' },
    { file: 'content/metrics.yaml', line: 13, column: 3, field: '', message: 'YAML 格式错误：缺冒号' },
    { file: 'content/reports/2022.mdx', line: 2, column: 1, field: 'year', message: '2022 年已有报告' },
  ];

  it('prints `file:line:column  field  message` lines sorted by file and line, then a count', () => {
    expect(formatProblems(problems).split('\n')).toEqual([
      'content/metrics.yaml:13:3  -  YAML 格式错误：缺冒号',
      'content/reports/2022.mdx:2:1  year  2022 年已有报告',
      'content/reports/2022.mdx:14:5  metrics[0].quote  引文“甲”在正文中找不到',
      '共 3 个问题 (3 problems)',
    ]);
  });

  it('says "1 problem" for one problem and does not reorder its input', () => {
    const copy = [...problems];
    expect(formatProblems([problems[0]!])).toBe(
      'content/reports/2022.mdx:14:5  metrics[0].quote  引文“甲”在正文中找不到\n共 1 个问题 (1 problem)',
    );
    formatProblems(problems);
    expect(problems).toEqual(copy);
  });

  it('formats every problem of a broken fixture in that shape', async () => {
    const found = await checkContent(join(BROKEN, 'unknown-field-typo'));
    const lines = formatProblems(found).split('\n');
    expect(lines).toHaveLength(found.length + 1);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^content\/\S+:\d+:\d+ {2}\S+ {2}\S.*$/);
    expect(lines.at(-1)).toBe(`共 ${found.length} 个问题 (${found.length} problem${found.length === 1 ? '' : 's'})`);
  });
});

describe('npm run check:content (scripts/check.ts)', () => {
  const run = (root: string) => {
    try {
      const stdout = execFileSync(process.execPath, [join(ROOT, 'scripts/check.ts'), root], { encoding: 'utf8', stdio: 'pipe' });
      return { status: 0, stdout, stderr: '' };
    } catch (error) {
      const e = error as { status: number; stdout: string; stderr: string };
      return { status: e.status, stdout: e.stdout, stderr: e.stderr };
    }
  };

  it('exits 1 and prints the problems for a broken tree', () => {
    const result = run(join(BROKEN, 'topic-mismatch'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('content/reports/2022.mdx:13:5  metrics[0].topic  主题“社会救助”与目录中该指标的主题“社会工作”不一致');
    expect(result.stderr).toMatch(/共 1 个问题 \(1 problem\)\s*$/);
  });

  it('exits 0 for the minimal tree', () => {
    const result = run(MINIMAL);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('内容检查通过');
  });
});
