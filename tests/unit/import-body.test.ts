import { describe, expect, it } from 'vitest';
import { draftBody } from '../../src/authoring/import/body.ts';
import { textBlocks } from '../../src/authoring/import/read-file.ts';
import { checkBodySafety } from '../../src/checks/safety.ts';
import { officialText } from '../../src/domain/official-text.ts';

const draft = (text: string) => draftBody(textBlocks(text));

describe('the drafted body', () => {
  it('takes the title off the top, keeps the signature, and marks headings by the numbering used first', () => {
    const body = draft('某局2023年度部门整体支出绩效评价报告\n\n一、基本情况\n（一）救助\n本年救助100人。\n1、专项工作进展顺利，成效明显。\n二、问题\n某局\n2024年1月5日');
    expect(body.title).toBe('某局2023年度部门整体支出绩效评价报告');
    expect(body.issuer).toBe('某局');
    expect(body.markdown).toBe('## 一、基本情况\n\n### （一）救助\n\n本年救助100人。\n\n1、专项工作进展顺利，成效明显。\n\n## 二、问题\n\n某局\n\n2024年1月5日\n');
    expect(body.counts).toEqual({ paragraphs: 4, headings: 3, tables: 0 });
  });

  it('makes （一） the top level when the text starts there, and an unnumbered short line a section title', () => {
    expect(draft('（一）甲\n文字。\n（二）乙\n文字。').markdown).toBe('## （一）甲\n\n文字。\n\n## （二）乙\n\n文字。\n');
    expect(draft('工作完成情况\n（一）甲\n文字。').markdown).toBe('## 工作完成情况\n\n### （一）甲\n\n文字。\n');
  });

  it('reads half-width numbering and punctuation: (一) and 1. headings, but a line with a sentence is a paragraph', () => {
    const body = draft('(一)项目情况\n1.数量指标:全年救助约1,200人,发放资金300余万元.\n2.质量指标:发放率100%.\n(二)问题\n个别台账更新不及时.');
    expect(body.markdown).toBe('## (一)项目情况\n\n1.数量指标:全年救助约1,200人,发放资金300余万元.\n\n2.质量指标:发放率100%.\n\n## (二)问题\n\n个别台账更新不及时.\n');
  });

  it('removes word-processor artefacts and nothing else', () => {
    const body = draft('标题行报告\n[bookmark: _GoBack]加强社会保障体系建设，二人是不断完善。');
    expect(body.markdown).toBe('加强社会保障体系建设，二人是不断完善。\n');
  });

  it('escapes what Markdown or MDX would read as markup, so the body passes the safety checks', () => {
    const body = draft('1. 第一点{x}<b>粗</b>*星号*，说明。\n> 引用的一句话。\n- 列表中的一项。');
    expect(checkBodySafety('x.mdx', body.markdown, 1)).toEqual([]);
    expect(body.markdown).toContain('1\\. 第一点\\{x\\}\\<b>粗\\</b>\\*星号\\*');
    expect(body.markdown).toContain('\\> 引用');
    expect(body.markdown).toContain('\\- 列表');
  });

  it('turns a table into a Markdown table with numeric columns right-aligned, read back as the cells', () => {
    const body = draft('| 指标 | 目标 | 完成 | 备注 |\n| 低保资金 | 1.2亿元 | 1.26亿元 | 按月 |\n| 满意度 | 90% | 95.3% | — |');
    expect(body.markdown).toBe('| 指标 | 目标 | 完成 | 备注 |\n| --- | ---: | ---: | --- |\n| 低保资金 | 1.2亿元 | 1.26亿元 | 按月 |\n| 满意度 | 90% | 95.3% | — |\n');
    expect(officialText(body.markdown)).toBe('指标 目标 完成 备注\n低保资金 1.2亿元 1.26亿元 按月\n满意度 90% 95.3% —');
  });

  it('keeps a pipe inside a cell as text', () => {
    const body = draftBody([{ kind: 'table', rows: [['项目', '金额'], ['甲|乙', '5万元']] }]);
    expect(body.markdown).toContain('| 甲\\|乙 | 5万元 |');
    expect(officialText(body.markdown)).toBe('项目 金额\n甲|乙 5万元');
  });
});
