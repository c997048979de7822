// 政府信息公开 on the real site (issue 20): each report's metadata block, the aggregators'
// <meta> names and JSON-LD; the catalogue and its CSV; RSS dated by 发布日期; citations in
// GB/T 7714 form, RIS and CSL-JSON, with permalinks that resolve.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GBT7714_EB_OL } from '../support/gbt7714.ts';
import { TEST_SITES } from '../support/site.ts';

const site = TEST_SITES.root;
const read = (path: string) => readFileSync(join(site.dir, path), 'utf8');
const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const meta = (html: string, name: string) => [...html.matchAll(new RegExp(`<meta name="${name}" content="([^"]*)"`, 'g'))].map((m) => decode(m[1]!));
const jsonLd = (html: string) => [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);

// 发布日期 of the two reports: the day each was first committed (git log --diff-filter=A).
const REPORTS = [
  { year: '2018', title: '2018年度部门整体支出绩效评价报告', published: '2026-11-25' },
  { year: '2022', title: '重点项目绩效自评报告', published: '2026-11-25' },
];

describe.each(REPORTS)('report $year', ({ year, title, published }) => {
  const html = read(`reports/${year}/index.html`);
  const url = `${new URL(read('index.html').match(/<link rel="canonical" href="([^"]+)"/)![1]!).origin}/reports/${year}/`;

  it('shows the standard block above the text, what is not stated said so', () => {
    const block = text(html.match(/<section class="disclosure"[\s\S]*?<\/section>/)![0]);
    expect(block).toContain('索引号 未编制（本单位组织机构代码未注明）');
    expect(block).toContain('主题分类 原文未注明');
    expect(block).toContain('发布机构 长沙市开福区民政局');
    expect(block).toContain('成文日期 原文未注明');
    expect(block).toContain(`发布日期 ${published}`);
    expect(block).toContain('文号 原文未注明');
    expect(html.indexOf('class="disclosure"')).toBeLessThan(html.indexOf('class="report__body"'));
  });

  it('has the aggregators\' meta names, once each', () => {
    expect(meta(html, 'ArticleTitle')).toEqual([title]);
    expect(meta(html, 'PubDate')).toEqual([published]);
    expect(meta(html, 'ContentSource')).toEqual(['长沙市开福区民政局']);
    expect(meta(html, 'SiteName')).toEqual(['开福区民政局绩效报告公开']);
    expect(meta(html, 'ColumnName')).toEqual(['报告']);
    expect(meta(html, 'Url')).toEqual([url]);
    expect(meta(html, 'Keywords')[0]).toMatch(/社会救助/);
    expect(meta(html, 'description')).toHaveLength(1); // Description: the page's one description
  });

  it('has schema.org JSON-LD: a Report with datePublished, publisher and identifier', () => {
    const [report] = jsonLd(html);
    expect(report).toMatchObject({
      '@context': 'https://schema.org', '@type': 'Report', name: title, datePublished: published,
      publisher: { '@type': 'GovernmentOrganization', name: '长沙市开福区民政局' }, identifier: url, url, inLanguage: 'zh-CN',
    });
  });

  it('offers its GB/T 7714 citation with the permalink and 发布日期, and RIS and CSL-JSON', () => {
    const citation = decode(html.match(/<p class="cite__text" data-citation>([\s\S]*?)<\/p>/)![1]!.replace(/<[^>]+>/g, ''));
    expect(citation).toMatch(GBT7714_EB_OL);
    expect(GBT7714_EB_OL.exec(citation)!.groups).toMatchObject({ author: '长沙市开福区民政局', title, published, url });
    expect(read(`citations/${year}.ris`)).toContain(`UR  - ${url}\r\n`);
    const csl = JSON.parse(read(`citations/${year}.json`)) as { URL: string; type: string }[];
    expect(csl[0]).toMatchObject({ type: 'report', URL: url });
    // Every figure: a citation on the citations page, at the figure's own anchor, its permalink the figure's.
    const figures = csl.slice(1);
    expect(figures.length).toBeGreaterThan(40);
    const page = read(`citations/${year}/index.html`);
    for (const figure of figures) {
      const anchor = new URL(figure.URL).hash.slice(1);
      expect(html, anchor).toContain(`id="${anchor}"`);
      const entry = page.match(new RegExp(`<li id="${anchor}">[\\s\\S]*?<p class="cite__text" data-citation>([\\s\\S]*?)</p>`))![1]!;
      expect(decode(entry.replace(/<[^>]+>/g, '')), anchor).toMatch(GBT7714_EB_OL);
    }
  });
});

describe('the 政府信息公开目录', () => {
  it('lists every report with its metadata, grouped by year, and links its CSV', () => {
    const html = read('disclosure/index.html');
    for (const { year, title } of REPORTS) {
      expect(html).toContain(`<h2 id="year-${year}">${year}年度</h2>`);
      expect(html).toContain(`<a href="/reports/${year}/">${title}</a>`);
    }
    expect(html).toContain('<th scope="col">索引号</th>');
    expect(html).toContain('href="/disclosure/catalogue.csv"');
    // The filter is an enhancement: hidden until its script runs.
    expect(html).toMatch(/<form class="catalogue-filter" hidden/);
  });

  it('the CSV is UTF-8 with a BOM, one row per report', () => {
    const csv = read('disclosure/catalogue.csv');
    expect(csv.startsWith('\uFEFFindex_number,title,year,department,')).toBe(true);
    const rows = csv.trimEnd().split('\r\n').slice(1);
    expect(rows).toHaveLength(REPORTS.length);
    for (const row of rows) expect(row).toMatch(/,2026-11-25,原文未注明,/);
  });
});

describe('feeds and open data', () => {
  it('dates each RSS item by 发布日期 and each report in the sitemap', () => {
    expect(read('rss.xml').match(/<pubDate>[^<]+<\/pubDate>/g)).toEqual(REPORTS.map(() => '<pubDate>Wed, 25 Nov 2026 00:00:00 +0800</pubDate>'));
    for (const { year, published } of REPORTS) expect(read('sitemap.xml')).toContain(`/reports/${year}/</loc><lastmod>${published}</lastmod>`);
  });

  it('the open data carries each report\'s metadata and each figure\'s 发布日期', () => {
    const json = JSON.parse(read('data/metrics.json')) as { reports: { disclosure: Record<string, unknown> }[]; figures: Record<string, unknown>[] };
    for (const report of json.reports) {
      expect(report.disclosure).toEqual({ publisher: '长沙市开福区民政局', index_number: null, written_date: null, published_date: '2026-11-25', document_number: null, corrections: [] });
    }
    expect(json.figures.every((f) => f.published_date === '2026-11-25' && f.earlier_values === '')).toBe(true);
  });

  it('the data page describes the open data as a schema.org Dataset', () => {
    const [dataset] = jsonLd(read('data/index.html'));
    expect(dataset).toMatchObject({ '@type': 'Dataset', publisher: { name: '长沙市开福区民政局' } });
    expect((dataset!.distribution as { encodingFormat: string }[]).map((d) => d.encodingFormat)).toEqual(['text/csv', 'application/json']);
  });
});
