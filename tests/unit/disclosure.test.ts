// 政府信息公开 (issue 20), the pure parts: metadata with what is not stated, GB/T 7714 / RIS /
// CSL-JSON citations, JSON-LD that content cannot break out of, the aggregators' meta names,
// and the comparison of content with the figures the live release published.
import { describe, expect, it } from 'vitest';
import { disclosureRecord, latestFigureCorrections, NOT_STATED, NO_INDEX_NUMBER, numberedCorrections } from '../../src/domain/disclosure/metadata.ts';
import { indexNumberPattern } from '../../src/domain/disclosure/index-number.ts';
import { CITED_DATE_PLACEHOLDER, cslJson, gbt7714, ris } from '../../src/render/disclosure/citation.ts';
import { embedJson, reportJsonLd } from '../../src/render/disclosure/json-ld.ts';
import { aggregatorMeta } from '../../src/render/disclosure/meta-tags.ts';
import { catalogueCsv, catalogueRows } from '../../src/render/disclosure/catalogue.ts';
import { LocatedYaml } from '../../src/reading/located-yaml.ts';
import { unrecordedChanges } from '../../src/checks/disclosure/published.ts';
import { isoDateSchema } from '../../src/schemas/report/disclosure.ts';
import { GBT7714_EB_OL } from '../support/gbt7714.ts';


const department = { name: '长沙市开福区民政局', disclosure: { publisher: '长沙市开福区民政局' } };
const report = { title: '2018年度部门整体支出绩效评价报告', summary: '概述', disclosure: { publishedDate: '2026-11-25' } };

describe('disclosure metadata', () => {
  it('fills what the report states and marks the rest as not stated, never guessing', () => {
    const record = disclosureRecord(report, department);
    expect(record).toMatchObject({
      title: report.title, publisher: '长沙市开福区民政局', publishedDate: '2026-11-25',
      writtenDate: NOT_STATED, documentNumber: NOT_STATED, subjectClass: NOT_STATED, indexNumber: NO_INDEX_NUMBER, updatedDate: undefined,
    });
    // Without a publisher of its own, the department publishes under its name.
    expect(disclosureRecord(report, { name: '示例县福利院' }).publisher).toBe('示例县福利院');
  });

  it('dates the current version by the latest correction and numbers corrections in date order', () => {
    const corrections = [
      { date: '2026-12-03', metric: 'a', from: 2, to: 3, reason: 'r', decidedBy: 'd' },
      { date: '2026-12-01', metric: 'a', from: 1, to: 2, reason: 'r', decidedBy: 'd' },
      { date: '2026-12-02', what: '标题', from: '甲', to: '乙', reason: 'r', decidedBy: 'd' },
    ];
    expect(disclosureRecord({ ...report, corrections }, department).updatedDate).toBe('2026-12-03');
    expect(numberedCorrections(corrections).map((c) => [c.date, c.n])).toEqual([['2026-12-01', 1], ['2026-12-02', 2], ['2026-12-03', 3]]);
    expect(latestFigureCorrections(corrections).get('a')?.n).toBe(3);
  });

  it('accepts only real calendar days as dates', () => {
    expect(isoDateSchema.safeParse('2024-02-29').success).toBe(true);
    expect(isoDateSchema.safeParse('2023-02-29').success).toBe(false);
    expect(isoDateSchema.safeParse('2026-13-01').success).toBe(false);
    expect(isoDateSchema.safeParse('2026-1-5').success).toBe(false);
  });

  it('an 索引号 is the department code, the year and a five-digit serial', () => {
    const pattern = indexNumberPattern('11430105TEST0001X');
    expect(pattern.test('11430105TEST0001X/2026-00001')).toBe(true);
    expect(pattern.test('11430105TEST0001X/2026-1')).toBe(false);
    expect(pattern.test('99999999TEST0001X/2026-00001')).toBe(false);
  });
});

describe('citations', () => {
  const item = { author: '长沙市开福区民政局', title: report.title, publishedDate: '2026-11-25', url: 'https://example.org/reports/2018/' };

  it('cites a report and a figure in GB/T 7714-2015 [EB/OL] form, with 发布日期 and the permalink', () => {
    const whole = gbt7714(item, '2026-12-04');
    expect(whole).toBe('长沙市开福区民政局. 2018年度部门整体支出绩效评价报告[EB/OL]. (2026-11-25)[2026-12-04]. https://example.org/reports/2018/.');
    expect(whole).toMatch(GBT7714_EB_OL);
    const figure = gbt7714({ ...item, part: '结对帮扶退役军人人数', url: 'https://example.org/reports/2018/#fig-veteran-pairing-recipients' });
    expect(figure).toMatch(GBT7714_EB_OL);
    expect(GBT7714_EB_OL.exec(figure)!.groups).toMatchObject({
      title: '2018年度部门整体支出绩效评价报告: 结对帮扶退役军人人数', cited: CITED_DATE_PLACEHOLDER, url: 'https://example.org/reports/2018/#fig-veteran-pairing-recipients',
    });
  });

  it('writes RIS records, one per item, each closed by ER', () => {
    const text = ris([item, { ...item, part: '某数字', url: `${item.url}#fig-x` }]);
    const records = text.split('ER  - ').filter((r) => r.trim() !== '');
    expect(records).toHaveLength(2);
    expect(text).toMatch(/^TY {2}- GOVDOC\r\n/);
    expect(text).toContain('DA  - 2026/11/25\r\n');
    expect(text).toContain('UR  - https://example.org/reports/2018/#fig-x\r\n');
    for (const line of text.split('\r\n').filter((l) => l !== '')) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
  });

  it('writes CSL-JSON a reference manager reads: a report, a dataset for a figure', () => {
    const [whole, figure] = cslJson([{ ...item, id: 'r' }, { ...item, id: 'f', part: '某数字', indexNumber: 'X/2026-00001' }]) as Record<string, unknown>[];
    expect(whole).toMatchObject({ id: 'r', type: 'report', issued: { 'date-parts': [[2026, 11, 25]] }, author: [{ literal: '长沙市开福区民政局' }], URL: item.url });
    expect(figure).toMatchObject({ type: 'dataset', 'container-title': report.title, number: 'X/2026-00001' });
  });
});

describe('machine-readable metadata', () => {
  it('JSON-LD of a report names its publisher and dates, and content cannot end the script element', () => {
    const hostile = disclosureRecord({ ...report, title: '</script><script>alert(1)</script>' }, department);
    const json = embedJson(reportJsonLd(hostile, { url: 'https://example.org/reports/2018/', period: { from: '2018-01', to: '2018-12' }, reportType: '部门整体支出绩效评价', siteName: 's' }));
    expect(json).not.toMatch(/<\/?script/i);
    const data = JSON.parse(json) as Record<string, unknown>;
    expect(data).toMatchObject({ '@type': 'Report', name: '</script><script>alert(1)</script>', datePublished: '2026-11-25', publisher: { name: '长沙市开福区民政局' }, identifier: 'https://example.org/reports/2018/' });
    expect(data).not.toHaveProperty('dateCreated'); // not stated: left out, never guessed
  });

  it('gives the aggregators\' meta names, keywords from the report or else its topics', () => {
    const meta = new Map(aggregatorMeta(disclosureRecord(report, department), { siteName: '站', columnName: '报告', url: 'https://example.org/reports/2018/', keywords: ['社会救助'] }));
    expect([...meta.keys()]).toEqual(['SiteName', 'ColumnName', 'ArticleTitle', 'PubDate', 'ContentSource', 'Keywords', 'Url']);
    expect(meta.get('PubDate')).toBe('2026-11-25');
    expect(meta.get('Keywords')).toBe('社会救助');
  });

  it('the catalogue CSV has a BOM, the newest 发布日期 first, and says what is not stated', () => {
    const entry = (year: number, publishedDate: string) => ({
      record: disclosureRecord({ ...report, disclosure: { publishedDate } }, department), year,
      department: { id: 'kaifu-minzheng', name: '长沙市开福区民政局' }, reportType: '部门整体支出绩效评价', corrections: 0, url: `https://example.org/reports/${year}/`,
    });
    const csv = [...catalogueCsv(catalogueRows([entry(2018, '2026-11-25'), entry(2022, '2026-12-01')]))].join('');
    expect(csv.startsWith('\uFEFFindex_number,title,year,')).toBe(true);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[1]).toContain(',2022,');
    expect(lines[1]).toContain(NO_INDEX_NUMBER);
    expect(lines[1]).toContain(NOT_STATED);
  });
});

describe('the live release: no published figure changes silently', () => {
  const frontmatter = (value: number, corrections = '') => new LocatedYaml(
    `year: 2022\nmetrics:\n  - id: certified-social-workers\n    value: ${value}\n    unit: 人\n    topic: 社会工作\n    quote: 全区现有持证社工${value}人\n${corrections}`, 2);
  const published = [{ year: 2022, department: 'kaifu-minzheng', metric_id: 'certified-social-workers', value: 1106, unit: '人' }];
  const reportOf = (located: LocatedYaml) => [{ file: 'content/reports/2022.mdx', located, department: { id: 'kaifu-minzheng', name: '长沙市开福区民政局' }, year: 2022 }];

  it('refuses a changed value without a correction, at the value\'s line', () => {
    const problems = unrecordedChanges(reportOf(frontmatter(1160)), published);
    expect(problems).toEqual([expect.objectContaining({ file: 'content/reports/2022.mdx', line: 5, field: 'metrics[0].value', message: expect.stringContaining('线上版本是 1106人，现在是 1160人') })]);
  });

  it('accepts it with a correction from the published value, and an unchanged figure without one', () => {
    const corrected = frontmatter(1160, 'corrections:\n  - { date: "2026-12-01", metric: certified-social-workers, from: 1106, to: 1160, reason: 录入错误, decidedBy: 局办公室 }\n');
    expect(unrecordedChanges(reportOf(corrected), published)).toEqual([]);
    expect(unrecordedChanges(reportOf(frontmatter(1106)), published)).toEqual([]);
    // Nothing published yet: nothing to compare.
    expect(unrecordedChanges(reportOf(frontmatter(1160)), [])).toEqual([]);
  });
});
