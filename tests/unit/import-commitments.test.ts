// What npm run import proposes about commitments (src/authoring/import/commitments.ts): forward-looking
// clauses of the new report, and evidence for the department's open commitments by shared key terms.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clausesOf, commitmentsWritten, evidenceWritten, openCommitments, proposeCommitments, proposeEvidence } from '../../src/authoring/import/commitments.ts';
import { reportFileText, type ReportFile } from '../../src/authoring/content-writer.ts';
import { officialLines, officialText } from '../../src/domain/official-text.ts';
import { splitFrontmatter } from '../../src/reading/frontmatter.ts';
import { PROJECT_ROOT } from '../support/site.ts';

/** The frontmatter lines the one writer gives a report with these proposals. */
const draftLines = (proposed: Pick<ReportFile, 'commitments' | 'evidence'>) =>
  reportFileText({ preface: [], report: { fields: { year: 2023, title: 't', reportType: '重点项目绩效自评', issuer: 'i', period: { from: '2023-01', to: '2023-12' }, sourceFile: 's', summary: 's', disclosure: { publishedDate: '2023-12-31' } } }, figures: [], ...proposed, body: '' }).split('\n');

const read = (body: string) => ({ clauses: clausesOf(officialLines(body)), text: officialText(body) });

describe('proposed commitments (text of our own)', () => {
  const body = '## 一、工作情况\n\n全年新建康复室2个，将结果向社会公示。开展“助老计划”活动3场。按照要求将在11月底前完成台账整理。\n\n## 二、下一步工作计划\n\n继续推进助餐服务；力争明年建成示范站。\n\n测试区民政局\n';
  const { clauses, text } = read(body);
  const proposed = proposeCommitments(clauses, text, 2023);

  it('proposes forward-looking clauses and what follows a plan heading, not 将 as a preposition, a name in quotation marks nor the signature', () => {
    expect(proposed.map((c) => c.quote)).toEqual(['按照要求将在11月底前完成台账整理', '继续推进助餐服务', '力争明年建成示范站']);
  });

  it('reads the due year only from the words: 11月底前 this year, 明年 the next, none otherwise', () => {
    expect(proposed.map((c) => c.due)).toEqual([2023, undefined, 2024]);
  });

  it('writes each with a graded review: line and a topic to fill in, so that the draft cannot build unreviewed', () => {
    const lines = draftLines({ commitments: commitmentsWritten(proposed) });
    expect(lines).toContain('commitments:');
    const reviews = lines.filter((l) => l.startsWith('    review: '));
    expect(reviews.map((l) => l.slice('    review: '.length, '    review: '.length + 2))).toEqual(['核对', '存疑', '核对']);
    expect(lines).toContain('    topic: 待填写：主题');
  });
});

describe('proposed evidence', () => {
  it('finds the later clause sharing most key terms, and proposes nothing below the threshold', () => {
    const later = read('示范康复室改造完成并投入使用，服务老人300人次。助餐服务正常运行。\n');
    const open = [
      { year: 2021, id: 'rehab-room', quote: '明年将完成示范康复室改造' },
      { year: 2021, id: 'register', quote: '力争建成志愿者登记平台' },
    ];
    const evidence = proposeEvidence(open, later.clauses, later.text);
    expect(evidence).toEqual([expect.objectContaining({ report: 2021, commitment: 'rehab-room', quote: '示范康复室改造完成并投入使用', status: '已完成' })]);
    expect(draftLines({ evidence: evidenceWritten(evidence) }).join('\n')).toMatch(/\nevidence:\n {2}- report: 2021\n {4}commitment: rehab-room\n {4}status: 已完成\n {4}quote: 示范康复室改造完成并投入使用\n {4}review: 核对：/);
  });

  it('treats a commitment already recorded as 已完成 as closed, and only the department’s own earlier reports', () => {
    const report = (yaml: string) => ({ text: `---\n${yaml}\n---\n正文\n` });
    const reports = [
      report('year: 2021\ncommitments:\n  - { id: a, quote: 甲 }\n  - { id: b, quote: 乙 }'),
      report('year: 2022\nevidence:\n  - { report: 2021, commitment: a, status: 已完成, quote: 甲成 }'),
      report('year: 2021\ndepartment: other\ncommitments:\n  - { id: c, quote: 丙 }'),
      report('year: 2024\ncommitments:\n  - { id: d, quote: 丁 }'),
    ];
    expect(openCommitments(reports, (d) => d === undefined, 2023)).toEqual([{ year: 2021, id: 'b', quote: '乙' }]);
  });

  it('on the real reports: proposes the 2018 plans and, for 进行区社会福利中心建设, the 2022 clause 区社会福利中心建成投用', () => {
    const body = (year: number) => splitFrontmatter(readFileSync(join(PROJECT_ROOT, `content/reports/${year}.mdx`), 'utf8')).body;
    const r2018 = read(body(2018));
    const proposed = proposeCommitments(r2018.clauses, r2018.text, 2018);
    expect(proposed.map((c) => c.quote)).toEqual(expect.arrayContaining([
      '按照省市相关要求将在12月15日前完成信息采集工作', '为项目明年开工建设打下了良好基础', '进行区社会福利中心建设', '确保北辰养老健康产业园项目完成',
    ]));
    expect(proposed.map((c) => c.quote)).not.toContain('长沙市开福区民政局');
    const r2022 = read(body(2022));
    const evidence = proposeEvidence([{ year: 2018, id: 'welfare-centre', quote: '进行区社会福利中心建设' }], r2022.clauses, r2022.text);
    expect(evidence).toEqual([expect.objectContaining({ quote: '区社会福利中心建成投用', status: '已完成' })]);
  });
});
