import { describe, expect, it } from 'vitest';
import { escapeXml, dayPubDate, rssXml, sitemapIndexXml, sitemapXml } from '../../src/render/feeds.ts';
import { sitemapParts, SITEMAP_URLS } from '../../src/render/site-map.ts';
import { CATALOGUE_ROWS } from '../../src/render/disclosure/catalogue.ts';
import { absoluteUrl } from '../../src/render/site-map.ts';
import { sitePaths, type PortalLike } from '../../src/routing/page-types.ts';
import { comparisonPairs } from '../../src/domain/pairs.ts';
import { readTopics } from '../support/content.ts';

describe('escapeXml', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;');
  });

  it('escapes an ampersand once, even when it already looks like an entity', () => {
    expect(escapeXml('&amp; &lt;')).toBe('&amp;amp; &amp;lt;');
  });

  it('keeps Chinese text, quotes and whitespace as they are', () => {
    const text = '发放“两残”补贴71993人次，870余万元。\n第二段\t（完）';
    expect(escapeXml(text)).toBe(text);
  });

  it('drops characters XML cannot hold, but keeps characters outside the BMP', () => {
    expect(escapeXml('a\u0000b\u0008c\u000Bd\uFFFEe\uD800f')).toBe('abcdef');
    expect(escapeXml('𠀀 ok')).toBe('𠀀 ok');
  });

  it('makes a CDATA terminator or a script tag harmless', () => {
    expect(escapeXml(']]><script>alert(1)</script>')).toBe(']]&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('dayPubDate', () => {
  it('dates an item by its day (发布日期, a correction), at midnight Beijing time, in RFC 822', () => {
    expect(dayPubDate('2022-12-31')).toBe('Sat, 31 Dec 2022 00:00:00 +0800');
    expect(dayPubDate('2026-11-25')).toBe('Wed, 25 Nov 2026 00:00:00 +0800');
    expect(dayPubDate('2024-02-29')).toBe('Thu, 29 Feb 2024 00:00:00 +0800');
    expect(dayPubDate('2018-01-01')).toBe('Mon, 01 Jan 2018 00:00:00 +0800');
  });

  it('refuses what is not a real day', () => {
    expect(() => dayPubDate('2022-12')).toThrow(/年-月-日/);
    expect(() => dayPubDate('2023-02-29')).toThrow(/不是真实存在的日期/);
  });
});

describe('rssXml', () => {
  const xml = rssXml({
    title: '开福区民政局绩效报告公开',
    link: 'https://example.org/kaifu/',
    description: '历年报告 & 数字',
    self: 'https://example.org/kaifu/rss.xml',
    language: 'zh-CN',
    items: [
      {
        title: '2022年重点项目绩效自评报告',
        link: 'https://example.org/kaifu/reports/2022/',
        description: '<b>摘要</b> & “引号”',
        pubDate: 'Sat, 31 Dec 2022 00:00:00 +0800',
        category: '重点项目绩效自评',
      },
    ],
  });

  it('is an RSS 2.0 document with a self link', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">')).toBe(true);
    expect(xml).toContain('<atom:link href="https://example.org/kaifu/rss.xml" rel="self" type="application/rss+xml" />');
    expect(xml).toContain('<language>zh-CN</language>');
    expect(xml.trimEnd().endsWith('</rss>')).toBe(true);
  });

  it('escapes every piece of text', () => {
    expect(xml).toContain('<description>历年报告 &amp; 数字</description>');
    expect(xml).toContain('<description>&lt;b&gt;摘要&lt;/b&gt; &amp; “引号”</description>');
    expect(xml).not.toContain('<b>');
  });

  it('writes each item with its link as a permanent guid', () => {
    expect(xml).toContain('<link>https://example.org/kaifu/reports/2022/</link>');
    expect(xml).toContain('<guid isPermaLink="true">https://example.org/kaifu/reports/2022/</guid>');
    expect(xml).toContain('<pubDate>Sat, 31 Dec 2022 00:00:00 +0800</pubDate>');
    expect(xml).toContain('<category>重点项目绩效自评</category>');
  });
});

describe('sitemapXml', () => {
  it('lists each URL once, escaped', () => {
    const xml = sitemapXml(['https://example.org/', 'https://example.org/?a=1&b=2']);
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(xml).toContain('<url><loc>https://example.org/</loc></url>');
    expect(xml).toContain('<url><loc>https://example.org/?a=1&amp;b=2</loc></url>');
    expect(xml.match(/<url>/g)).toHaveLength(2);
  });

  it('gives a page the day it last changed, when known', () => {
    const xml = sitemapXml([{ loc: 'https://example.org/reports/2018/', lastmod: '2026-12-01' }, 'https://example.org/']);
    expect(xml).toContain('<url><loc>https://example.org/reports/2018/</loc><lastmod>2026-12-01</lastmod></url>');
    expect(xml).toContain('<url><loc>https://example.org/</loc></url>');
  });
});

describe('sitePaths', () => {
  const portal: PortalLike = {
    reports: [{ key: '2018' }, { key: '2020' }, { key: '2022' }, { key: 'fuliyuan/2019' }, { key: 'fuliyuan/2021' }],
    departments: [
      { id: 'kaifu-minzheng', prefix: '', pairs: comparisonPairs([2018, 2020, 2022]) },
      { id: 'fuliyuan', prefix: 'fuliyuan/', pairs: comparisonPairs([2019, 2021]) },
    ],
    catalog: new Map([
      ['certified-social-workers', {}],
      ['unused-metric', {}],
      ['new-social-organisations', {}],
    ]),
    series: new Map([
      ['new-social-organisations', [{ department: 'kaifu-minzheng' }]],
      ['certified-social-workers', [{ department: 'kaifu-minzheng' }, { department: 'fuliyuan' }]],
    ]),
    topicsInUse: readTopics().filter((t) => ['社会组织', '社会工作'].includes(t.name)),
    commitments: [{ reportKey: '2018', id: 'welfare-centre' }, { reportKey: 'fuliyuan/2019', id: 'rehab-room' }],
  };

  it('lists every page, in reading order', () => {
    expect(sitePaths(portal)).toEqual([
      '/',
      '/reports/',
      '/reports/fuliyuan/',
      '/reports/2018/',
      '/reports/2020/',
      '/reports/2022/',
      '/reports/fuliyuan/2019/',
      '/reports/fuliyuan/2021/',
      '/disclosure/',
      '/citations/2018/',
      '/citations/2020/',
      '/citations/2022/',
      '/citations/fuliyuan/2019/',
      '/citations/fuliyuan/2021/',
      '/metrics/',
      '/metrics/certified-social-workers/',
      '/metrics/new-social-organisations/',
      '/metrics/certified-social-workers/fuliyuan/',
      '/topics/',
      '/topics/social-organisations/',
      '/topics/social-work/',
      '/compare/',
      '/compare/2018-2020/',
      '/compare/2018-2022/',
      '/compare/2020-2022/',
      '/compare/fuliyuan/2019-2021/',
      '/commitments/',
      '/commitments/fuliyuan/',
      '/commitments/2018/welfare-centre/',
      '/commitments/fuliyuan/2019/rehab-room/',
      '/search/',
      '/data/',
      '/about/',
    ]);
  });

  it('leaves out catalog metrics no report states', () => {
    expect(sitePaths(portal)).not.toContain('/metrics/unused-metric/');
  });

  it('has no compare pairs with a single report, and no duplicates', () => {
    const paths = sitePaths({ ...portal, reports: [{ key: '2018' }], departments: [{ id: 'kaifu-minzheng', prefix: '', pairs: comparisonPairs([2018]) }] });
    expect(paths.filter((p) => p.startsWith('/compare/'))).toEqual(['/compare/']);
    expect(new Set(sitePaths(portal)).size).toBe(sitePaths(portal).length);
  });

  it('gives the 政府信息公开目录 a page per year once it lists more reports than one page holds (CATALOGUE_ROWS)', () => {
    const reportsOf = (departments: number) => Array.from({ length: departments }, (_, d) => Array.from({ length: 50 }, (_, y) => ({ key: `${d === 0 ? '' : `unit-${d}/`}${1976 + y}` }))).flat();
    const years = (reports: { key: string }[]) => sitePaths({ ...portal, reports }).filter((p) => p.startsWith('/disclosure/') && p !== '/disclosure/');
    expect(reportsOf(20).length).toBe(CATALOGUE_ROWS);
    expect(years(reportsOf(20))).toEqual([]);
    expect(years(reportsOf(21))).toEqual(Array.from({ length: 50 }, (_, i) => `/disclosure/${2025 - i}/`));
  });
});

describe('absoluteUrl', () => {
  it('joins site, base and path, at the root or under a sub-path', () => {
    expect(absoluteUrl(new URL('https://minzheng.kaifu.example'), '/', '/')).toBe('https://minzheng.kaifu.example/');
    expect(absoluteUrl('https://minzheng.kaifu.example/', '/', '/reports/2022/')).toBe('https://minzheng.kaifu.example/reports/2022/');
    expect(absoluteUrl('https://example.org', '/kaifu/', '/reports/2022/')).toBe('https://example.org/kaifu/reports/2022/');
    expect(absoluteUrl('https://example.org', '/kaifu', '/')).toBe('https://example.org/kaifu/');
    expect(absoluteUrl('https://example.org', '/kaifu/', '/rss.xml')).toBe('https://example.org/kaifu/rss.xml');
  });

  it('refuses to guess when no site is configured', () => {
    expect(() => absoluteUrl(undefined, '/', '/')).toThrow(/site/);
  });
});

describe('sitemapParts and sitemapIndexXml', () => {
  it('keeps one sitemap while the URLs fit, and splits a longer list into parts of the limit, in order', () => {
    const urls = Array.from({ length: 7 }, (_, i) => `u${i}`);
    expect(sitemapParts(urls, 7)).toEqual([]);
    expect(sitemapParts(urls, 3)).toEqual([
      { path: '/sitemap-1.xml', urls: ['u0', 'u1', 'u2'] },
      { path: '/sitemap-2.xml', urls: ['u3', 'u4', 'u5'] },
      { path: '/sitemap-3.xml', urls: ['u6'] },
    ]);
    expect(SITEMAP_URLS).toBe(50_000);
  });

  it('writes a sitemap index of the parts, escaped', () => {
    const xml = sitemapIndexXml(['https://example.org/sitemap-1.xml', 'https://example.org/a&b.xml']);
    expect(xml).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(xml).toContain('<sitemap><loc>https://example.org/sitemap-1.xml</loc></sitemap>');
    expect(xml).toContain('<loc>https://example.org/a&amp;b.xml</loc>');
  });
});
