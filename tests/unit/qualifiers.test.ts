import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QUALIFIER_TABLE } from '../../src/schemas/qualifier-table.ts';
import { precisionOf, withQualifiers } from '../../src/domain/qualifiers.ts';
import { QUALIFIERS } from '../../src/schemas/qualifier.ts';
import { dataSources, readUnits } from '../support/content.ts';
import { PROJECT_ROOT } from '../support/site.ts';

const MINIMAL = join(PROJECT_ROOT, 'tests/fixtures/minimal/content');
const UNITS = readUnits();

/** The rows of docs/editing.md section 三's table, in order: the word and when to use it (Markdown stripped). */
function documentedQualifiers(): { word: string; editor: string }[] {
  const guide = readFileSync(join(PROJECT_ROOT, 'docs/editing.md'), 'utf8');
  const section = guide.slice(guide.indexOf('## 三、限定词'), guide.indexOf('## 四、'));
  return [...section.matchAll(/^\| `([^`]+)` \| ([^|]+) \|/gm)].map((m) => ({ word: m[1]!, editor: m[2]!.replace(/\*\*|`/g, '') }));
}

describe('the qualifier table', () => {
  it('is what docs/editing.md lists, row for row, with the same explanation (section 三 and its heading)', () => {
    expect(documentedQualifiers()).toEqual(QUALIFIER_TABLE.map(({ word, editor }) => ({ word, editor })));
    expect(QUALIFIERS).toEqual(QUALIFIER_TABLE.map((r) => r.word));
    const guide = readFileSync(join(PROJECT_ROOT, 'docs/editing.md'), 'utf8');
    expect(guide).toContain(`## 三、限定词：${QUALIFIERS.join('、')}\n`);
  });

  it('gives every qualifier its word as the first variant, and each variant once', () => {
    for (const rule of QUALIFIER_TABLE) expect(rule.variants[0]).toBe(rule.word);
    const variants = QUALIFIER_TABLE.flatMap((r) => r.variants);
    expect(new Set(variants).size).toBe(variants.length);
  });

  it('derives precision from meaning: lower bound over approximate over estimate; 截至 alone is exact', () => {
    expect(precisionOf([])).toBe('exact');
    expect(precisionOf(['截至'])).toBe('exact');
    expect(precisionOf(['预计'])).toBe('estimate');
    expect(precisionOf(['预计', '约'])).toBe('approximate');
    expect(precisionOf(['预计', '多'])).toBe('lower-bound');
  });

  it('writes a figure with its qualifiers where the texts put them', () => {
    expect(withQualifiers('3', '万条', ['预计', '多'], undefined)).toBe('预计3多万条');
    expect(withQualifiers('3,000', '条', ['约'], undefined)).toBe('约3,000条');
    expect(withQualifiers('618', '人', ['截至'], '10月')).toBe('618人（截至10月）');
  });
});

describe('a qualifier added to the table alone (逾, "more than", before the number)', () => {
  afterEach(() => {
    vi.doUnmock('../../src/schemas/qualifier-table.ts');
    vi.resetModules();
  });

  /** The project's modules, loaded afresh over the real table plus one row for 逾. */
  async function withYu() {
    vi.resetModules();
    vi.doMock('../../src/schemas/qualifier-table.ts', () => ({
      QUALIFIER_TABLE: [
        ...QUALIFIER_TABLE,
        { word: '逾', variants: ['逾'], position: 'before', meaning: 'lower-bound', example: '“逾百人”', editor: '数字前带“逾”：实际数超过这个数' },
      ],
    }));
    return {
      validate: await import('../../src/checks/validate.ts'),
      locate: await import('../../src/domain/locate-figure.ts'),
      compare: await import('../../src/domain/compare.ts'),
      model: await import('../../src/domain/model.ts'),
      describeIssue: await import('../../src/checks/describe-issue.ts'),
    };
  }

  /** The minimal fixture with one more figure, "服务逾300人次", written with `qualifier`. */
  function sources(qualifier: string | undefined) {
    const read = (name: string) => ({ file: `content/${name}`, text: readFileSync(join(MINIMAL, name), 'utf8') });
    const report = read('reports/2022.mdx');
    const figure = [
      '  - id: certified-social-workers-served',
      '    value: 300',
      '    unit: 人',
      ...(qualifier ? [`    qualifier: ${qualifier}`] : []),
      '    topic: 社会工作',
      '    quote: 新招募社工逾300人',
    ].join('\n');
    report.text = report.text.replace('\n---\n', `\n${figure}\n---\n`).replace('全区现有持证社工1106人。', '全区现有持证社工1106人。新招募社工逾300人。');
    const catalog = read('metrics.yaml');
    catalog.text += '\n- id: certified-social-workers-served\n  label: 新招募社工\n  labelEn: Social workers recruited\n  unit: 人\n  topic: 社会工作\n  definition: 测试用。\n';
    return { ...dataSources(MINIMAL), reports: [report], catalog };
  }

  it('the checker accepts it where the text has it, and asks for it where the editor left it out', async () => {
    const { validate } = await withYu();
    expect(validate.validateContent(sources('逾'))).toEqual([]);
    const missing = validate.validateContent(sources(undefined));
    expect(missing).toEqual([expect.objectContaining({ field: 'metrics[3].qualifier', message: '原文写作“逾300人”，数字带“逾”：请加 qualifier: 逾' })]);
  });

  it('without the row the same report is refused: the checker really reads the table', async () => {
    vi.resetModules();
    const validate = await import('../../src/checks/validate.ts');
    const problems = validate.validateContent(sources('逾'));
    expect(problems).toContainEqual(expect.objectContaining({ field: 'metrics[3].qualifier', message: expect.stringContaining('“逾”不是允许的限定词') }));
  });

  it('the locator includes it in the figure', async () => {
    const { locate } = await withYu();
    expect(locate.locateFigure('新招募社工逾300人', 300, '人', UNITS)).toEqual({ start: 5, end: 10, number: '300', qualifiers: ['逾'] });
  });

  it('the wording shows it and words a change from it as a bound', async () => {
    const { compare, model, describeIssue } = await withYu();
    const catalog = new Map([['x', { id: 'x', label: '新招募社工', labelEn: 'x', unit: '人' as const, topic: '社会工作' as const, definition: 'x' }]]);
    const figure = (year: number, value: number, qualifier: string[]) => model.figuresOf({
      year, title: 't', reportType: '重点项目绩效自评', issuer: 'i', period: { from: `${year}-01`, to: `${year}-12` }, sourceFile: 'f', summary: 's',
      metrics: [{ id: 'x', value, unit: '人', qualifier: qualifier as never, asOf: undefined, topic: '社会工作', quote: 'q' }],
    }, catalog, UNITS, 'p')[0]!;
    const before = figure(2022, 300, ['逾']);
    expect(before.precision).toBe('lower-bound');
    expect(compare.describeFigure(before)).toBe('逾300人');
    expect(compare.describeAbsolute(compare.computeChange(before, figure(2023, 420, [])))).toBe('至多增加120人');
    const issue = { code: 'invalid_union', path: [], message: '', errors: [] } as never;
    expect(describeIssue.describeIssue(issue, '大约')).toContain('、逾（');
  });
});
