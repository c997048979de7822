import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { firstYamlProblem, YAML_PARSE_OPTIONS } from '../../src/reading/content-yaml.ts';
import { checkContent } from '../../src/checks/check-content.ts';
import { validateContent } from '../../src/checks/validate.ts';
import { dataSources } from '../support/content.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const MINIMAL = join(ROOT, 'tests/fixtures/minimal/content');
const read = (file: string) => readFileSync(join(MINIMAL, file), 'utf8');
const data = dataSources(MINIMAL);
const catalog = data.catalog;
const report = read('reports/2022.mdx');
const checkReport = (text: string) => validateContent({ ...data, reports: [{ file: 'content/reports/2022.mdx', text }] });

describe('a YAML slip is one message at its line', () => {
  it('a Tab indenting a frontmatter line: one problem, at that line, naming the Tab', async () => {
    const problems = await checkContent(join(ROOT, 'tests/fixtures/broken/frontmatter-tab-indent'));
    expect(problems).toEqual([
      { file: 'content/reports/2022.mdx', line: 16, column: 1, field: '', message: expect.stringContaining('Tab 缩进') },
    ]);
  });

  it('a Tab after spaces, or in the middle of the indent, is named as well', () => {
    for (const indent of ['  \t', ' \t  ', '\t\t']) {
      const problems = checkReport(report.replace('\n    unit: 万元', `\n${indent}unit: 万元`));
      expect(problems, JSON.stringify(indent)).toEqual([expect.objectContaining({ line: 17, message: expect.stringContaining('Tab 缩进') })]);
    }
  });

  it('a Tab in the catalog: one problem for the catalog', () => {
    const broken = { ...catalog, text: catalog.text.replace('\n  unit: 万元', '\n\tunit: 万元') };
    const problems = validateContent({ ...data, catalog: broken, reports: [] }).filter((p) => p.file === catalog.file);
    expect(problems).toEqual([expect.objectContaining({ message: expect.stringContaining('Tab 缩进') })]);
  });

  it('a Tab inside a value (not indenting) is no problem', () => {
    expect(checkReport(report.replace('summary: 测试', 'summary:\t测试'))).toEqual([]);
  });

  it('a catalog that cannot be read is one problem in all, not one more per metric of each report', async () => {
    for (const fixture of ['catalog-yaml-malformed', 'catalog-yaml-alias-bomb']) {
      const problems = await checkContent(join(ROOT, 'tests/fixtures/broken', fixture));
      expect(problems.map((p) => p.file), fixture).toEqual(['content/metrics.yaml']);
    }
  });

  it('every malformed-YAML fixture yields one problem in the malformed file', async () => {
    for (const [fixture, file] of [
      ['frontmatter-yaml-malformed', 'content/reports/2022.mdx'],
      ['frontmatter-duplicate-key', 'content/reports/2022.mdx'],
      ['frontmatter-tab-indent', 'content/reports/2022.mdx'],
      ['frontmatter-yaml-alias-bomb', 'content/reports/2022.mdx'],
      ['catalog-yaml-malformed', 'content/metrics.yaml'],
      ['catalog-yaml-alias-bomb', 'content/metrics.yaml'],
    ]) {
      const problems = (await checkContent(join(ROOT, 'tests/fixtures/broken', fixture!))).filter((p) => p.file === file);
      expect(problems, fixture).toHaveLength(1);
    }
  });
});

describe('YAML limits are messages, not stack traces', () => {
  it('the "billion laughs" alias bomb is one problem at its first alias', async () => {
    const problems = await checkContent(join(ROOT, 'tests/fixtures/broken/frontmatter-yaml-alias-bomb'));
    expect(problems).toEqual([
      { file: 'content/reports/2022.mdx', line: 9, column: 12, field: '', message: expect.stringContaining('别名') },
    ]);
  });

  it('deep nesting is one problem', () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const problems = checkReport(report.replace('summary: 测试用的最小报告：三个指标，正文一段。', `summary: ${deep}`));
    expect(problems).toEqual([expect.objectContaining({ line: 8, message: expect.stringContaining('嵌套') })]);
  });

  it('an alias to no anchor is one problem, at the alias', () => {
    const problems = checkReport(report.replace('summary: 测试用的最小报告：三个指标，正文一段。', 'summary: *nowhere'));
    expect(problems).toEqual([expect.objectContaining({ line: 8, column: 10, message: expect.stringContaining('别名') })]);
    expect(problems[0]!.message).not.toContain('太大');
  });

  it('an unquoted date is a date, as the build reads it (js-yaml), not text', () => {
    const problems = checkReport(report.replace('asOf: 10月', 'asOf: 2022-10-31'));
    expect(problems).toEqual([expect.objectContaining({ line: 25, field: 'metrics[2].asOf', message: expect.stringContaining('日期') })]);
  });

  it('a few plain aliases stay allowed (they are ordinary YAML)', () => {
    const text = report.replace('issuer: 开福区民政局', 'issuer: &who 开福区民政局').replace(/^summary: .*$/m, 'summary: *who');
    expect(text).toContain('summary: *who');
    expect(checkReport(text)).toEqual([]);
  });
});

describe('each of the yaml library\'s errors has Chinese words for what to do', () => {
  it.each([
    ['TAB_AS_INDENT', 'a:\n\tb: 1'],
    ['BAD_INDENT', 'a:\n    b: 1\n  c: 2'],
    ['DUPLICATE_KEY', 'a: 1\na: 2'],
    ['MISSING_CHAR', 'a: "x'],
    ['MULTILINE_IMPLICIT_KEY', 'a:\n  b\n  c: 1'],
    ['BAD_DQ_ESCAPE', 'a: "\\q"'],
    ['BAD_SCALAR_START', 'a: @x'],
    ['ALIAS_PROPS', '&a *b'],
    ['MULTIPLE_ANCHORS', 'a: &x &y 1'],
    ['TAG_RESOLVE_FAILED', 'a: !foo 1'],
    ['MULTIPLE_DOCS', 'a: 1\n---\nb: 2'],
    ['UNEXPECTED_TOKEN', 'a: [1, 2]]'],
  ])('%s', (code, yaml) => {
    const doc = parseDocument(yaml, YAML_PARSE_OPTIONS);
    const errors = [...doc.errors, ...doc.warnings];
    expect(errors.map((e) => e.code), yaml).toContain(code);
    const problem = firstYamlProblem(yaml, errors);
    expect(problem?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(problem?.message, 'a known error is worded, not passed through').not.toMatch(/[A-Za-z]{4,} [a-z]{3,}/);
  });
});
