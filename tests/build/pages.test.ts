import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { officialParagraphs } from '../../src/domain/official-text.ts';
import { readReports } from '../support/content.ts';
import { TEST_SITES } from '../support/site.ts';

const site = TEST_SITES.root.dir;
const page = (path: string) => readFileSync(join(site, path, 'index.html'), 'utf8');
/** Visible text of some HTML: tags dropped, entities that Astro writes decoded. */
const text = (html: string) =>
  html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const reports = readReports();

describe('report pages', () => {
  for (const report of reports) {
    const html = page(`reports/${report.year}`);

    it(`${report.year}: carries every paragraph of the official text, without editor notes changing it`, () => {
      const withoutNotes = text(html.replace(/<span class="editor-note"[\s\S]*?<\/span><\/span>/g, ''));
      for (const paragraph of officialParagraphs(report.body)) expect(withoutNotes).toContain(paragraph);
    });

    it(`${report.year}: marks every captured figure with its own anchor, linking to the metric`, () => {
      for (const metric of report.metrics) {
        const anchor = new RegExp(`<a class="figure" id="fig-${metric.id}" href="/metrics/${metric.id}/"[^>]*>([^<]*)</a>`);
        const match = anchor.exec(html);
        expect(match, metric.id).not.toBeNull();
        expect(metric.quote).toContain(match![1]!);
      }
      expect(html.match(/<a class="figure" id="fig-/g)).toHaveLength(report.metrics.length);
    });
  }
});

describe('metric pages', () => {
  it('the 持证社工 page shows 674, 1106 and +64.1%, each value linking to its sentence', () => {
    const html = page('metrics/certified-social-workers');
    const visible = text(html);
    expect(visible).toContain('674人');
    expect(visible).toContain('1,106人');
    expect(visible).toContain('+64.1%');
    expect(visible).toContain('持证社工总数由2018年的674人增至2022年的1,106人，增长64.1%，年均增长约13.2%。');
    expect(html).toContain('href="/reports/2018/#fig-certified-social-workers"');
    expect(html).toContain('href="/reports/2022/#fig-certified-social-workers"');
  });

  it('a page per metric id in the reports', () => {
    const ids = new Set(reports.flatMap((r) => r.metrics.map((m) => m.id)));
    for (const id of ids) expect(existsSync(join(site, 'metrics', id, 'index.html')), id).toBe(true);
  });
});

describe('compare pages', () => {
  const ids = (year: number) => new Set(reports.find((r) => r.year === year)!.metrics.map((m) => m.id));
  const both = [...ids(2018)].filter((id) => ids(2022).has(id)).sort();

  for (const path of ['compare', 'compare/2018-2022']) {
    it(`/${path}/ lists exactly the metrics both years state, nothing else`, () => {
      const table = /<table class="compare-table[^"]*">[\s\S]*?<\/table>/.exec(page(path))![0];
      const listed = [...table.matchAll(/<th scope="row"><a href="\/metrics\/([^/]+)\/">/g)].map((m) => m[1]).sort();
      expect(listed).toEqual(both);
      expect(listed.length).toBeGreaterThanOrEqual(4);
    });
  }
});

describe('one department', () => {
  it('shows no department anywhere it would say nothing: no 单位 filter, no other departments', () => {
    for (const path of ['reports/2018', 'reports/2022']) expect(page(path)).not.toContain('data-pagefind-filter="单位"');
    expect(page('search')).toContain('aria-label="筛选：年份、主题、报告类型和落实情况"');
    expect(page('')).not.toContain('其他单位的报告');
  });
});

describe('open data', () => {
  const figures = reports.reduce((n, r) => n + r.metrics.length, 0);

  it('metrics.csv starts with a UTF-8 BOM and has one row per figure', () => {
    const bytes = readFileSync(join(site, 'data/metrics.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(figures + 1);
    expect(lines.some((l) => l.startsWith('2022,kaifu-minzheng,certified-social-workers,持证社工总数,') && l.includes(',1106,人,1106,人,'))).toBe(true);
  });

  it('metrics.json has every figure with a URL to its place in the report', () => {
    const json = JSON.parse(readFileSync(join(site, 'data/metrics.json'), 'utf8')) as { figures: { year: number; metric_id: string; url: string; qualifier: string }[] };
    expect(json.figures).toHaveLength(figures);
    const twoDisability = json.figures.find((f) => f.year === 2022 && f.url.endsWith('#fig-disability-subsidy-fund'));
    expect(twoDisability?.qualifier).toBe('余');
  });
});

describe('JavaScript only where needed', () => {
  const scripts = (path: string) => [...page(path).matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]!);
  it('pages with charts load the chart bundle; pages without do not', () => {
    for (const path of ['metrics/certified-social-workers', 'reports/2018', 'reports/2022', 'topics/social-work']) {
      expect(scripts(path).some((s) => s.includes('MetricChart')), path).toBe(true);
    }
    for (const path of ['', 'metrics/urban-dibao-recipients', 'data', 'compare', 'topics/elderly-care']) {
      expect(scripts(path).filter((s) => s.includes('MetricChart')), path || '/').toEqual([]);
    }
  });
});
