import { describe, expect, it } from 'vitest';
import { embedJson } from '../../src/render/disclosure/json-ld.ts';
import { downloadResponse, toCsv, toJson, openDataRows, OPEN_DATA_COLUMNS } from '../../src/render/open-data.ts';
import { passagesFor } from '../../src/render/passages.ts';
import { comparisonPairs, pairsWith } from '../../src/domain/pairs.ts';
import type { FigureRecord } from '../../src/domain/model.ts';

describe('passagesFor', () => {
  const body = '## （一）标题\n\n开展培训，参训131人。争取110万元经费，评定项目22个。<EditorNote>注</EditorNote>其他。\n\n第二段有5人。\n';
  it('returns each sentence holding a figure once, in text order, without editor notes', () => {
    const passages = passagesFor(body, [
      { metricId: 'b', quote: '评定项目22个' },
      { metricId: 'a', quote: '参训131人' },
      { metricId: 'c', quote: '争取110万元经费' },
      { metricId: 'd', quote: '第二段有5人' },
    ]);
    expect(passages).toEqual([
      { text: '开展培训，参训131人。', metricIds: ['a'] },
      { text: '争取110万元经费，评定项目22个。', metricIds: ['b', 'c'] },
      { text: '第二段有5人。', metricIds: ['d'] },
    ]);
  });
});

describe('open data', () => {
  const figure = {
    year: 2022, department: 'kaifu-minzheng', reportKey: '2022', metricId: 'certified-social-workers', label: '持证社工总数', labelEn: 'Certified, "total"',
    topic: '社会工作', value: 1106, unit: '人', qualifiers: [], precision: 'exact', asOf: undefined,
    quote: '全区现有持证社工1106人', normalisedValue: 1106, normalisedUnit: '人', kind: 'people',
  } satisfies FigureRecord;

  it('writes CSV with a BOM, a header and RFC 4180 quoting', () => {
    const csv = [...toCsv(openDataRows([figure], () => 'https://x/reports/2022/#fig-certified-social-workers', () => ({ publishedDate: '2026-11-25', corrections: [] })))].join('');
    expect(csv.startsWith('\uFEFFyear,department,metric_id,')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(OPEN_DATA_COLUMNS.join(','));
    expect(lines[1]).toBe('2022,kaifu-minzheng,certified-social-workers,持证社工总数,"Certified, ""total""",社会工作,1106,人,1106,人,,,全区现有持证社工1106人,https://x/reports/2022/#fig-certified-social-workers,2026-11-25,,');
  });

  it('writes JSON in parts, exactly as JSON.stringify(…, null, 2) would in one string', async () => {
    const rows = [...openDataRows([figure, { ...figure, year: 2023, value: 7 }], () => 'https://x/', () => ({ publishedDate: '2026-11-25', corrections: [] }))];
    const about = { title: '数据', reuseTerms: '可引用', lastChanged: undefined, source: 'https://x/data/' };
    for (const some of [rows, []]) {
      const parts = [...toJson(about, some, { metric: { id: 'x' } })];
      expect(parts.length).toBe(some.length === 0 ? 1 : some.length + 2);
      const text = parts.join('');
      const data = JSON.parse(text) as Record<string, unknown>;
      expect(text).toBe(`${JSON.stringify(data, null, 2)}\n`);
      expect(Object.keys(data)).toEqual(['title', 'reuse_terms', 'last_changed', 'source', 'columns', 'metric', 'figures']);
      expect(data['figures']).toEqual(some);
      // What the build writes: the same text, encoded a chunk at a time as it is read.
      expect(await downloadResponse(toJson(about, some, { metric: { id: 'x' } }), 'json').text()).toBe(text);
    }
  });

  it('keeps a corrected figure\'s earlier values and the days they were corrected', () => {
    const corrections = [
      { date: '2026-12-01', metric: 'certified-social-workers', from: 1160, to: 1116, reason: '录入错误', decidedBy: '局办公室' },
      { date: '2026-12-03', metric: 'certified-social-workers', from: 1116, to: 1106, reason: '再次核对', decidedBy: '局办公室' },
    ];
    const [row] = openDataRows([figure], () => 'u', () => ({ publishedDate: '2026-11-25', corrections }));
    expect(row).toMatchObject({ value: 1106, published_date: '2026-11-25', earlier_values: '1160|1116', corrected_on: '2026-12-01|2026-12-03' });
  });
});

describe('helpers', () => {
  it('embedJson cannot close the script element it sits in', () => {
    expect(embedJson({ q: '</script><script>alert(1)</script>' })).not.toContain('</script>');
    expect(JSON.parse(embedJson({ q: '</script>' }))).toEqual({ q: '</script>' });
  });
  it('comparisonPairs: each report with the next and with the latest, older year first', () => {
    expect(comparisonPairs([2022, 2018])).toEqual([[2018, 2022]]);
    expect(comparisonPairs([2022, 2018, 2023, 2019])).toEqual([[2018, 2019], [2018, 2023], [2019, 2022], [2019, 2023], [2022, 2023]]);
    // Linear, not quadratic, in the number of reports.
    expect(comparisonPairs(Array.from({ length: 100 }, (_, i) => 2000 + i))).toHaveLength(197);
    expect(pairsWith(comparisonPairs([2018, 2019, 2022]), 2019)).toEqual([[2018, 2019], [2019, 2022]]);
  });
});

describe('downloadResponse', () => {
  it('encodes a download longer than one chunk, byte for byte', async () => {
    // 300,000 characters of three UTF-8 bytes each cross several chunks.
    const parts = Array.from({ length: 30_000 }, (_, i) => `${i % 10}民政局数据，`);
    const response = downloadResponse(parts, 'csv');
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(parts.join(''), 'utf8'))).toBe(true);
  });

  it('makes the parts only as the body is read', async () => {
    let made = 0;
    function* parts() {
      for (let i = 0; i < 100_000; i += 1) {
        made += 1;
        yield `${'行'.repeat(99)}\n`;
      }
    }
    const response = downloadResponse(parts(), 'json');
    const reader = response.body!.getReader();
    await reader.read();
    expect(made).toBeLessThan(100_000);
    await reader.cancel();
  });
});
