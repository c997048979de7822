// Topics and report types are content (content/topics.yaml, content/report-types.yaml): the
// checker refuses a term the vocabulary lacks, naming the file, line and vocabulary to extend,
// and adding a term is one line in one content file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/checks/validate.ts';
import { checkVocabulary } from '../../src/checks/vocabulary.ts';
import { dataSources } from '../support/content.ts';
import { PROJECT_ROOT } from '../support/site.ts';

const MINIMAL = join(PROJECT_ROOT, 'tests/fixtures/minimal/content');
const report = () => ({ file: 'content/reports/2022.mdx', text: readFileSync(join(MINIMAL, 'reports/2022.mdx'), 'utf8') });

/** The minimal fixture with a budget metric under 预算与财务, stated in a report of type 部门整体支出绩效自评. */
function withNewTerms(topicLine: string, reportTypeLine: string) {
  const data = dataSources(MINIMAL);
  const r = report();
  const figure = '  - id: budget-total\n    value: 120\n    unit: 万元\n    topic: 预算与财务\n    quote: 年初预算120万元';
  r.text = r.text
    .replace(/^reportType: .*$/m, 'reportType: 部门整体支出绩效自评')
    .replace('\n---\n', `\n${figure}\n---\n`)
    .replace('全区现有持证社工1106人。', '全区现有持证社工1106人。年初预算120万元。');
  data.catalog.text += '\n- id: budget-total\n  label: 年初预算\n  labelEn: Initial budget\n  unit: 万元\n  topic: 预算与财务\n  definition: 测试用。\n';
  data.topics.text += topicLine;
  data.reportTypes.text += reportTypeLine;
  return { ...data, reports: [r] };
}
const TOPIC = '预算与财务: { slug: budget-and-finance, en: Budget and finance, order: 13, definition: 部门预算的编制、执行和决算。 }\n';
const TYPE = '部门整体支出绩效自评: { slug: department-wide-self-evaluation, en: Department-wide self-evaluation, order: 3, definition: 部门对全年全部支出的自我评价。 }\n';

describe('vocabularies as content', () => {
  it('the real vocabularies are valid and ordered by their order field', () => {
    const topics = checkVocabulary(dataSources(join(PROJECT_ROOT, 'content')).topics, 'topics');
    expect(topics.problems).toEqual([]);
    const orders = [...topics.terms.values()].map((t) => t.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(topics.terms.get('社会救助')).toMatchObject({ slug: 'social-assistance', en: 'Social assistance' });
  });

  it('a new topic and a new report type: refused, naming the file, line and vocabulary, until each file has its line', () => {
    const problems = validateContent(withNewTerms('', ''));
    expect(problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ file: 'content/metrics.yaml', field: expect.stringMatching(/\.topic$/), message: expect.stringContaining('主题“预算与财务”不在主题表 content/topics.yaml 中') }),
      expect.objectContaining({ file: 'content/reports/2022.mdx', field: 'metrics[3].topic', message: expect.stringContaining('content/topics.yaml') }),
      expect.objectContaining({ file: 'content/reports/2022.mdx', line: 4, field: 'reportType', message: expect.stringContaining('报告类型“部门整体支出绩效自评”不在报告类型表 content/report-types.yaml 中') }),
    ]));
    expect(problems).toHaveLength(3);
    expect(validateContent(withNewTerms(TOPIC, TYPE))).toEqual([]);
  });

  it('refuses a slug or an order used twice, and a malformed term, at its line', () => {
    const text = '甲: { slug: same, en: A, order: 1, definition: 一。 }\n乙: { slug: same, en: B, order: 1, definition: 二。 }\n丙: { slug: Not_A_Slug, en: C, order: 3, definition: 三。 }\n';
    const { problems } = checkVocabulary({ file: 'content/topics.yaml', text }, 'topics');
    expect(problems.map((p) => [p.line, p.field])).toEqual([[2, '乙.slug'], [2, '乙.order'], [3, '丙.slug']]);
    expect(problems[0]!.message).toContain('“甲”');
  });
});
