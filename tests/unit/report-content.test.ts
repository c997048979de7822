import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkContent } from '../../src/checks/check-content.ts';
import { splitFrontmatter } from '../../src/reading/frontmatter.ts';
import { officialParagraphs, officialText } from '../../src/domain/official-text.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCES = resolve(ROOT, '../shared/sources');

interface Metric {
  id: string;
  value: number;
  unit: string;
  qualifier?: string | string[];
  asOf?: string;
  topic: string;
  quote: string;
}

function loadReport(year: number) {
  const split = splitFrontmatter(readFileSync(join(ROOT, `content/reports/${year}.mdx`), 'utf8'));
  if (split.yaml === null) throw new Error(`${year}.mdx has no frontmatter`);
  const data = parse(split.yaml) as { year: number; title: string; sourceFile: string; metrics: Metric[] };
  return { data, body: split.body };
}

const reports = { 2018: loadReport(2018), 2022: loadReport(2022) };

/** The one metric with this id in the report (fails if there is none or more than one). */
function metric(year: 2018 | 2022, id: string): Metric {
  const found = reports[year].data.metrics.filter((m) => m.id === id);
  expect(found, `${year} ${id}`).toHaveLength(1);
  return found[0]!;
}

/** The one metric whose quote states this figure (to find an id without hard-coding it). */
function metricByQuote(year: 2018 | 2022, fragment: string): Metric {
  const found = reports[year].data.metrics.filter((m) => m.quote.includes(fragment));
  expect(found.map((m) => m.id), `${year} quote with ${fragment}`).toHaveLength(1);
  return found[0]!;
}

describe('the two reports', () => {
  it('load and validate with no problems', async () => {
    expect(await checkContent(ROOT)).toEqual([]);
  });

  it.each([2018, 2022] as const)('%i.mdx: its year field is %i and it states figures', (year) => {
    expect(reports[year].data.year).toBe(year);
    expect(reports[year].data.metrics.length).toBeGreaterThan(10);
  });
});

describe('specific figures, exactly as the official texts state them', () => {
  it('2022: 全区现有持证社工1106人', () => {
    expect(metric(2022, 'certified-social-workers')).toMatchObject({ value: 1106, unit: '人', topic: '社会工作' });
    expect(metric(2022, 'certified-social-workers').qualifier).toBeUndefined();
  });

  it('2018: 城市低保5100人', () => {
    const m = metricByQuote(2018, '城市低保5100人');
    expect(m.id).toBe('urban-dibao-recipients');
    expect(m).toMatchObject({ value: 5100, unit: '人', topic: '社会救助' });
    expect(m.qualifier).toBeUndefined();
  });

  it('2022: “两残”补贴870余万元, qualifier 余', () => {
    const m = metric(2022, 'disability-subsidy-fund');
    expect(m).toMatchObject({ value: 870, unit: '万元', qualifier: '余' });
    expect(m.quote).toContain('870余万元');
  });

  it('2018: 截至11月初 中福在线销售额3513万元', () => {
    const m = metricByQuote(2018, '3513万元');
    expect(m).toMatchObject({ id: 'fulicai-sales', value: 3513, unit: '万元', qualifier: '截至', asOf: '11月初' });
  });

  it('every quote is in the official text of its report (editor’s notes excluded)', () => {
    for (const year of [2018, 2022] as const) {
      const text = officialText(reports[year].body);
      for (const m of reports[year].data.metrics) expect(text, `${year} ${m.id}`).toContain(m.quote);
    }
  });
});

describe('the bodies reproduce the official source documents', () => {
  const SOURCE_FILES = { 2018: '000_432035cefffa4086.txt', 2022: '004_c721695594134727.txt' } as const;

  /** Non-empty lines of a source document, without the word-processor artefact. */
  function sourceLines(year: 2018 | 2022): string[] {
    return readFileSync(join(SOURCES, SOURCE_FILES[year]), 'utf8')
      .split('\n')
      .map((line) => line.replaceAll('[bookmark: _GoBack]', '').trim())
      .filter((line) => line !== '');
  }

  it('the sources are there (../shared/sources beside the project)', () => {
    for (const file of Object.values(SOURCE_FILES)) expect(existsSync(join(SOURCES, file)), file).toBe(true);
  });

  it.each([2018, 2022] as const)('%i: sourceFile names the source document', (year) => {
    expect(reports[year].data.sourceFile).toBe(SOURCE_FILES[year]);
  });

  it.each([2018, 2022] as const)('%i: the first source line is the title', (year) => {
    expect(reports[year].data.title).toBe(sourceLines(year)[0]);
  });

  it.each([2018, 2022] as const)('%i: every other source line is a paragraph of the body, in order', (year) => {
    const paragraphs = officialParagraphs(reports[year].body);
    let at = 0;
    for (const line of sourceLines(year).slice(1)) {
      const found = paragraphs.indexOf(line, at);
      expect(found, `source line not found (in order) in the body: ${line.slice(0, 60)}…`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
    expect(sourceLines(year).length).toBeGreaterThan(5);
  });

  it.each([2018, 2022] as const)('%i: the body adds no paragraph of its own', (year) => {
    const lines = new Set(sourceLines(year));
    const added = officialParagraphs(reports[year].body).filter((p) => !lines.has(p));
    expect(added).toEqual([]);
  });
});
