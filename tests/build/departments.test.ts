// A site with two departments (tests/fixtures/departments: the bureau and 开福区社会福利院, each
// with a 2021 and a 2022 report), built by the real build script in a copy of the project.
// Each department keeps its own addresses, series and comparisons; figures never cross over.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenLinks, crawl } from '../support/links.ts';
import { FIXTURE_SITES } from '../support/site.ts';

const site = FIXTURE_SITES.departments;
const page = (path: string) => readFileSync(join(site.dir, path, 'index.html'), 'utf8');
const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('a site with two departments', () => {
  it('gives the bureau’s reports /reports/<year>/ and the other department’s /reports/<id>/<year>/', () => {
    for (const path of ['reports/2021', 'reports/2022', 'reports/fuliyuan/2021', 'reports/fuliyuan/2022']) {
      expect(existsSync(join(site.dir, path, 'index.html')), path).toBe(true);
    }
    expect(text(page('reports/fuliyuan/2022'))).toContain('全院现有持证社工15人');
    expect(page('reports/fuliyuan/2022')).toMatch(/<title>开福区社会福利院：重点项目绩效自评报告/);
    expect(page('reports/2022')).toMatch(/<title>重点项目绩效自评报告/);
    expect(text(page('reports/2022'))).toContain('全区现有持证社工1106人');
  });

  it('links a report to the previous report of its own department, and compares within it', () => {
    const html = page('reports/fuliyuan/2022');
    expect(html).toContain('rel="prev" href="/reports/fuliyuan/2021/"');
    expect(html).toContain('href="/compare/fuliyuan/2021-2022/"');
    expect(html).not.toContain('href="/reports/2021/"');
  });

  it('compares each department with itself: 12 → 15 人 for the 福利院, 1000 → 1106 人 for the bureau', () => {
    const fuliyuan = text(page('compare/fuliyuan/2021-2022'));
    expect(fuliyuan).toContain('开福区社会福利院');
    expect(fuliyuan).toContain('增加3人');
    expect(fuliyuan).toContain('+25.0%');
    expect(fuliyuan).not.toContain('1,106');
    const bureau = text(page('compare/2021-2022'));
    expect(bureau).toContain('增加106人');
    expect(bureau).not.toContain('增加3人');
    expect(text(page('compare'))).toContain('开福区社会福利院：2021年与2022年');
  });

  it('compares a rate in 百分点 (87% → 90%) on the comparison, metric and topic pages, charts and tables', () => {
    const rate = 'community-elderly-facility-socialised-operation-rate';
    const sentence = '社区养老服务设施社会化运营率由2021年的87%提高至2022年的90%，提高3个百分点。';
    const compare = text(page('compare/2021-2022'));
    expect(compare).toContain('提高3个百分点');
    expect(compare).toContain(sentence);
    for (const wrong of ['增加3%', '+3.4%', '3.4%']) expect(compare).not.toContain(wrong);
    const metric = text(page(`metrics/${rate}`));
    expect(metric).toContain('提高3个百分点');
    expect(metric).toContain(sentence);
    expect(metric).not.toContain('变化幅度');
    expect(text(page('topics/elderly-care'))).toContain(sentence);
    expect(text(page('reports/2022'))).toContain(sentence);
    expect(text(page(''))).toContain('提高3个百分点');
  });

  it('draws the bureau’s commitments on a topic page and counts another department’s, linking to them on its own page', () => {
    const topic = page('topics/elderly-care');
    expect(topic).toContain('href="/commitments/fuliyuan/#elderly-care"');
    // rehab-room (2021) and canteen (2022): counted, not drawn.
    expect(text(topic)).toContain('其他单位的承诺 开福区社会福利院 ：2 项');
    for (const card of ['/commitments/fuliyuan/2021/rehab-room/', '/commitments/fuliyuan/2022/canteen/']) expect(topic).not.toContain(card);
    // The bureau has none: 承诺与落实 says so, rather than counting 0, and lists the 福利院's.
    const index = text(page('commitments'));
    expect(index).toContain('的报告中还没有记录承诺。其他单位共 3 项，见下。');
    expect(index).not.toContain('共 0 项承诺');
    expect(page('commitments')).toContain('href="/commitments/fuliyuan/"');
    const theirs = page('commitments/fuliyuan');
    expect(theirs).toContain('<h2 id="elderly-care">');
    for (const card of ['/commitments/fuliyuan/2021/rehab-room/', '/commitments/fuliyuan/2022/canteen/']) expect(theirs).toContain(card);
  });

  it('draws the bureau’s series on the metric page and gives the other department a row there and a page of its own series', () => {
    const html = page('metrics/certified-social-workers');
    const chartTables = (h: string) => [...h.matchAll(/<metric-chart data-table="([^"]+)"/g)].map((m) => m[1]);
    expect(chartTables(html)).toEqual(['chart-certified-social-workers-data']);
    expect(html).toContain('data-chart-value="1106"');
    expect(html).not.toContain('data-chart-value="15"');
    // One row: the department, its years and its latest figure, linked to its page and to the sentence.
    const [, others] = html.split('<h2 id="other-departments">');
    expect(text(others!)).toContain('开福区社会福利院 2021—2022年，2 份 2022年：15人');
    expect(others).toContain('href="/metrics/certified-social-workers/fuliyuan/"');
    expect(others).toContain('href="/reports/fuliyuan/2022/#fig-certified-social-workers"');

    const theirs = page('metrics/certified-social-workers/fuliyuan');
    expect(chartTables(theirs)).toEqual(['chart-fuliyuan-certified-social-workers-data']);
    expect(theirs).toContain(`<table class="series-table stack-on-phone" id="chart-fuliyuan-certified-social-workers-data">`);
    expect(theirs).toContain('data-chart-value="12"');
    expect(theirs).toContain('data-chart-value="15"');
    expect(text(theirs)).toContain('增加3人');
    expect(text(theirs)).not.toContain('1,106');
    expect(theirs).toContain('href="/metrics/certified-social-workers/"');
    // Found through the metric page and the reports, not as a search result of its own.
    expect(theirs).not.toContain('data-pagefind-body');
    expect(readFileSync(join(site.dir, 'sitemap.xml'), 'utf8')).toContain('/metrics/certified-social-workers/fuliyuan/</loc>');
  });

  it('gives the other department a page of its reports, linked from the reports index, the home page and its reports', () => {
    const departmentPage = page('reports/fuliyuan');
    expect(departmentPage).toMatch(/<h1>开福区社会福利院的报告<\/h1>/);
    expect(departmentPage).toContain('href="/reports/fuliyuan/2022/"');
    expect(departmentPage).toContain('href="/reports/fuliyuan/2021/"');
    expect(departmentPage).not.toContain('href="/reports/2022/"');
    expect(page('reports')).toContain('href="/reports/fuliyuan/">开福区社会福利院的全部 2 份报告 →</a>');
    expect(page('')).toContain('href="/reports/fuliyuan/">开福区社会福利院</a>');
    expect(page('reports/fuliyuan/2022')).toContain('<a href="/reports/fuliyuan/">开福区社会福利院</a> · ');
  });

  it('leads the home page with the bureau and lists the other department', () => {
    const home = text(page(''));
    expect(home).toContain('最新报告： 2022年重点项目绩效自评报告');
    expect(home).toContain('其他单位的报告');
    expect(home).toContain('开福区社会福利院 （2 份，2021—2022年）');
    const reports = page('reports');
    expect(reports).toContain('<h2 id="fuliyuan">开福区社会福利院</h2>');
  });

  it('lets search filter by department, and says so', () => {
    expect(page('reports/fuliyuan/2022')).toContain('<span data-pagefind-filter="单位">开福区社会福利院</span>');
    expect(page('reports/2022')).toContain('<span data-pagefind-filter="单位">长沙市开福区民政局</span>');
    expect(page('search')).toContain('aria-label="筛选：年份、单位、主题、报告类型和落实情况"');
  });

  it('says whose each figure is in the open data', () => {
    const csv = readFileSync(join(site.dir, 'data/metrics.csv'), 'utf8');
    expect(csv).toContain('2022,fuliyuan,certified-social-workers,');
    expect(csv).toContain('/reports/fuliyuan/2022/#fig-certified-social-workers');
    expect(csv).toContain('2022,kaifu-minzheng,certified-social-workers,');
    const json = JSON.parse(readFileSync(join(site.dir, 'data/metrics.json'), 'utf8')) as { departments: { id: string }[] };
    expect(json.departments.map((d) => d.id)).toEqual(['kaifu-minzheng', 'fuliyuan']);
  });

  it('has no broken link or anchor on any page, the sitemap included', () => {
    const links = crawl(site);
    const { broken, checked } = brokenLinks(links);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(200);
    const sitemap = readFileSync(join(site.dir, 'sitemap.xml'), 'utf8');
    for (const path of ['reports/fuliyuan/2021/', 'compare/fuliyuan/2021-2022/']) expect(sitemap).toContain(`/${path}</loc>`);
  });
});
