// The scores fixture site (tests/fixtures/scores), built by the real build script: a 2022
// self-evaluation report whose budget line and six-row score table add up, and a 2021 one whose
// rate and total disagree with their parts, acknowledged by the editor. Issue 19.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_SITES } from '../support/site.ts';

const site = FIXTURE_SITES.scores;
const file = (path: string) => readFileSync(join(site.dir, path), 'utf8');
const page = (path: string) => file(join(path, 'index.html'));
const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
/** The section of a page with this id, up to its closing tag. */
const section = (html: string, id: string) => /<section[^>]*id="([^"]+)"[\s\S]*?<\/section>/g.exec(html.slice(html.indexOf(`id="${id}"`) - 200))?.[0] ?? '';

describe('a report’s score table and budget execution', () => {
  const html = page('reports/2022');
  const table = section(html, 'score-table');

  it('draws the score table with its caption, headers, total and grade', () => {
    expect(table).toContain('<caption id="score-table-caption">绩效评价指标得分表（整理自原文）</caption>');
    expect(table.match(/<th scope="col"/g)).toHaveLength(9); // 指标 分值 扣分 得分 目标值 实际完成值 评价等级 偏差原因 原文
    expect(table.match(/<th scope="row"/g)).toHaveLength(6);
    expect(text(table)).toContain('总分 92 分 （满分 100 分）');
    expect(text(table)).toContain('评价等级 优');
  });

  it('gives 得分 of 分值 as text and as a bar, in tree order', () => {
    expect(table.match(/<meter aria-hidden="true" min="0" max="\d+" value="\d+">/g)).toHaveLength(6);
    const scores = [...text(table).matchAll(/(\d+) 分，分值(\d+)分/g)].map((m) => `${m[1]}/${m[2]}`);
    expect(scores).toEqual(['19/20', '28/30', '45/50', '24/25', '13/15', '8/10']);
    expect(text(table)).not.toContain('原文的数字不一致');
  });

  it('links each row to its row of the text’s table, the total and each amount to their sentence, and back', () => {
    for (const id of ['input', 'process', 'outcome', 'output-quantity', 'output-quality', 'satisfaction']) {
      expect(table).toContain(`href="#score-${id}-text"`);
      expect(html).toMatch(new RegExp(`<tr id="score-${id}-text">`));
    }
    expect(html).toMatch(/<a class="figure" id="score-total-text" href="#score-table"[^>]*>92分<\/a>/);
    for (const field of ['budget', 'adjusted', 'spent', 'rate']) {
      expect(section(html, 'budget')).toContain(`href="#budget-project-expenditure-${field}-text"`);
      expect(html).toContain(`id="budget-project-expenditure-${field}-text" href="#budget-project-expenditure"`);
    }
    expect(html).toMatch(/id="budget-project-expenditure-rate-text"[^>]*>95%<\/a>/);
  });

  it('shows the reader both what the text says and what its parts give, with the editor’s note', () => {
    const earlier = text(page('reports/2021'));
    expect(earlier).toContain('原文：总分 90 分；按其组成：一级指标得分合计 88 分。');
    expect(earlier).toContain('〔编者注：原文总分写作90分，表中一级指标得分合计为88分；本站照原文刊出。〕');
    expect(earlier).toContain('原文：执行率 100%；按其组成：执行数 460万元 ÷ 预算数 400万元 = 115%。');
    expect(earlier).toContain('〔编者注：原文执行率写作100%');
  });
});

describe('scores and execution rates across years', () => {
  const html = page('scores/key-project-self-evaluation');

  it('compares a score in 分 and a rate in 百分点, and marks the text’s disagreements', () => {
    const words = text(html);
    expect(words).toContain('2022年 92 分 （满分 100） 优 提高2分');
    expect(words).toContain('100% ※ 按组成计算 115%');
    expect(words).toContain('95% 降低5个百分点');
    expect(words).toContain('※ 表中一级指标合计 88 分');
    expect(html).toContain('href="/reports/2021/#score-table"');
    expect(html).toContain('href="/reports/2022/#budget-project-expenditure"');
  });

  it('is searchable, in the sitemap, and linked from each report', () => {
    expect(html).toContain('data-pagefind-body');
    expect(file('sitemap.xml')).toContain('<loc>https://minzheng.kaifu.example/scores/key-project-self-evaluation/</loc>');
    expect(readdirSync(join(site.dir, 'pagefind'))).toContain('pagefind-entry.json');
    expect(JSON.parse(file('pagefind/pagefind-entry.json')).languages['zh-cn'].page_count).toBe(5); // 2 reports, 1 metric, 1 topic and this page

    expect(html).toContain('data-pagefind-meta="类型:得分与预算执行"');
    expect(page('reports/2022')).toContain('href="/scores/key-project-self-evaluation/"');
  });
});

describe('open data', () => {
  it('lists every score row and total, and every budget amount, with what the parts give', () => {
    const scores = file('data/scores.csv').trim().split('\r\n');
    expect(scores).toHaveLength(1 + 2 * 7);
    expect(scores).toContainEqual(expect.stringMatching(/^2021,shili-minzheng,重点项目绩效自评,绩效评价指标得分表,total,0,,总分,100,,90,,,优,,本项目自评得分为90分,一级指标得分合计 88 分,/));
    const budget = JSON.parse(file('data/budget.json')) as { budget_amounts: { year: number; amount: string; value: number; parts_give: string }[] };
    expect(budget.budget_amounts.filter((a) => a.amount === '执行率').map((a) => [a.year, a.value, a.parts_give])).toEqual([[2021, 100, '115%'], [2022, 95, '']]);
    expect(JSON.parse(file('data/scores.json')).score_rows).toHaveLength(14);
    expect(file('data/budget.csv').split('\r\n')[0]).toBe('\uFEFFyear,department,report_type,line_id,flow,label,amount,value,unit,qualifier,quote,parts_give,editor_note,url');
  });
});
