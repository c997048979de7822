// The Pagefind index of the built test sites, read from its files: one Chinese language; the
// pages it holds (reports, metrics, topics, commitments — nothing else); the 年份 / 主题 / 报告类型 / 落实情况 filters and
// their values, page by page, against the content; the metadata; and no page chrome in the
// indexed text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PLACING_FILTERS, SEARCH_FILTERS, SEARCH_KINDS, SEARCH_META } from '../../src/render/search-fields.ts';
import type { Topic } from '../../src/schemas/topic.ts';
import { readTopics } from '../support/content.ts';
import { PROJECT_ROOT, TEST_SITES } from '../support/site.ts';

// Pagefind's files are gzip + "pagefind_dcd" + CBOR (index, filters, meta) or JSON (fragments).
const SIGNATURE = 'pagefind_dcd';

function unpack(file: string): Uint8Array {
  const bytes = gunzipSync(readFileSync(file));
  expect(Buffer.from(bytes.subarray(0, SIGNATURE.length)).toString()).toBe(SIGNATURE);
  return bytes.subarray(SIGNATURE.length);
}

/** A small CBOR reader: enough for Pagefind's meta and filter files. */
function decodeCbor(bytes: Uint8Array): unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const length = (info: number): number => {
    if (info < 24) return info;
    if (info === 24) return view.getUint8(at++);
    if (info === 25) return (at += 2), view.getUint16(at - 2);
    if (info === 26) return (at += 4), view.getUint32(at - 4);
    if (info === 27) return (at += 8), Number(view.getBigUint64(at - 8));
    throw new Error(`CBOR: unsupported length ${info}`);
  };
  const item = (): unknown => {
    const head = view.getUint8(at++);
    const major = head >> 5;
    const info = head & 31;
    switch (major) {
      case 0:
        return length(info);
      case 1:
        return -1 - length(info);
      case 2: {
        const n = length(info);
        return bytes.subarray((at += n) - n, at);
      }
      case 3: {
        const n = length(info);
        return new TextDecoder().decode(bytes.subarray((at += n) - n, at));
      }
      case 4:
        return Array.from({ length: length(info) }, item);
      case 5:
        return Object.fromEntries(Array.from({ length: length(info) }, () => [item(), item()]));
      case 6:
        length(info);
        return item();
      default:
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22) return null;
        throw new Error(`CBOR: unsupported simple value ${info}`);
    }
  };
  return item();
}

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  anchors: Array<{ id: string; text: string }>;
}

interface PagefindIndex {
  languages: Record<string, { hash: string; page_count: number }>;
  pages: Fragment[];
  /** filter name → value → page URLs, as the filter files hold them. */
  filters: Map<string, Map<string, string[]>>;
}

function readIndex(siteDir: string): PagefindIndex {
  const dir = join(siteDir, 'pagefind');
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: PagefindIndex['languages'] };
  const [language] = Object.values(entry.languages);
  const meta = decodeCbor(unpack(join(dir, `pagefind.${language!.hash}.pf_meta`))) as unknown[];
  // [version, pages: [hash, word count][], index chunks, filter files: [name, hash][], …]
  const pageHashes = (meta[1] as [string, number][]).map(([hash]) => hash);
  const pages = pageHashes.map((hash) => JSON.parse(Buffer.from(unpack(join(dir, 'fragment', `${hash}.pf_fragment`))).toString('utf8')) as Fragment);
  const filters = new Map<string, Map<string, string[]>>();
  for (const [name, hash] of meta[3] as [string, string][]) {
    // [name, [value, page numbers][]]
    const [, values] = decodeCbor(unpack(join(dir, 'filter', `${hash}.pf_filter`))) as [string, [string, number[]][]];
    filters.set(name, new Map(values.map(([value, numbers]) => [value, numbers.map((n) => pages[n]!.url).sort()])));
  }
  return { languages: entry.languages, pages, filters };
}

interface ReportFrontmatter {
  year: number;
  reportType: string;
  title: string;
  metrics: Array<{ id: string; topic: Topic }>;
  commitments?: Array<{ id: string; topic: Topic }>;
  evidence?: Array<{ report: number; commitment: string; status: string }>;
}
const REPORTS: ReportFrontmatter[] = readdirSync(join(PROJECT_ROOT, 'content/reports'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => parse(readFileSync(join(PROJECT_ROOT, 'content/reports', f), 'utf8').split(/^---$/m)[1]!) as ReportFrontmatter)
  .sort((a, b) => a.year - b.year);
const TOPICS = readTopics();
const TOPICS_IN_USE = TOPICS.map((t) => t.name).filter((t) => REPORTS.some((r) => r.metrics.some((m) => m.topic === t)));
/** A topic's slug, from content/topics.yaml. */
const slugOf = (topic: Topic) => TOPICS.find((t) => t.name === topic)!.slug;
const METRIC_IDS = [...new Set(REPORTS.flatMap((r) => r.metrics.map((m) => m.id)))];
/** Each commitment with the years that speak of it and its status: the latest evidence's, else 后续报告未提及 / 尚无后续报告. */
const COMMITMENTS = REPORTS.flatMap((r) => (r.commitments ?? []).map((c) => {
  const evidence = REPORTS.flatMap((later) => (later.evidence ?? []).filter((e) => e.report === r.year && e.commitment === c.id).map((e) => ({ year: later.year, status: e.status })));
  const status = evidence.at(-1)?.status ?? (REPORTS.some((later) => later.year > r.year) ? '后续报告未提及' : '尚无后续报告');
  return { ...c, report: r, years: [r.year, ...evidence.map((e) => e.year)], status, path: `commitments/${r.year}/${c.id}/` };
}));

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name));
}

describe.each(Object.entries(TEST_SITES))('search index of the %s build', (_name, { dir, base }) => {
  const index = readIndex(dir);
  const url = (path: string) => `${'/'}${path}`; // Pagefind stores URLs from the site root; the base is added at search time.
  const byUrl = new Map(index.pages.map((p) => [p.url, p]));
  const sorted = (urls: string[]) => [...urls].sort();

  it('every built page, the search page and 404 included, is <html lang="zh-CN">', () => {
    const files = htmlFiles(dir);
    expect(files.map((f) => f.slice(dir.length))).toEqual(expect.arrayContaining(['/search/index.html', '/404.html']));
    const wrong = files.filter((f) => !/<html lang="zh-CN"[\s>]/.test(readFileSync(f, 'utf8')));
    expect(wrong).toEqual([]);
  });

  it('has exactly one language, Chinese', () => {
    const languages = Object.keys(index.languages);
    expect(languages).toHaveLength(1);
    expect(languages[0]).toMatch(/^zh/);
  });

  it('holds the reports, the metric pages and the topic pages, and nothing else', () => {
    const expected = [
      ...REPORTS.map((r) => url(`reports/${r.year}/`)),
      ...METRIC_IDS.map((id) => url(`metrics/${id}/`)),
      ...TOPICS_IN_USE.map((t) => url(`topics/${slugOf(t)}/`)),
      ...COMMITMENTS.map((c) => url(c.path)),
    ];
    expect(COMMITMENTS.length).toBeGreaterThan(0);
    expect(sorted(index.pages.map((p) => p.url))).toEqual(sorted(expected));
    expect(base.endsWith('/')).toBe(true);
  });

  const { year: YEAR, topic: TOPIC, reportType: REPORT_TYPE, commitmentStatus: STATUS } = SEARCH_FILTERS;

  it('has the filters 年份, 主题, 报告类型 and 落实情况 with the values of the content', () => {
    expect([...index.filters.keys()].sort()).toEqual([TOPIC, YEAR, REPORT_TYPE, STATUS, ...Object.values(PLACING_FILTERS)].sort());
    expect([...index.filters.get(STATUS)!.keys()].sort()).toEqual([...new Set(COMMITMENTS.map((c) => c.status))].sort());
    for (const status of index.filters.get(STATUS)!.keys()) {
      expect(index.filters.get(STATUS)!.get(status), status).toEqual(sorted(COMMITMENTS.filter((c) => c.status === status).map((c) => url(c.path))));
    }
    expect([...index.filters.get(YEAR)!.keys()].sort()).toEqual(REPORTS.map((r) => String(r.year)));
    expect([...index.filters.get(REPORT_TYPE)!.keys()].sort()).toEqual([...new Set(REPORTS.map((r) => r.reportType))].sort());
    expect([...index.filters.get(TOPIC)!.keys()].sort()).toEqual([...TOPICS_IN_USE].sort());
  });

  it('files the reports, and no other page, under the placing filter 类型', () => {
    const kinds = index.filters.get(PLACING_FILTERS.kind)!;
    expect([...kinds.keys()]).toEqual([SEARCH_KINDS.report]);
    expect(kinds.get(SEARCH_KINDS.report)).toEqual(sorted(REPORTS.map((r) => url(`reports/${r.year}/`))));
    expect(index.filters.get(PLACING_FILTERS.featured)!.get('是')!.every((path) => path.includes('/metrics/'))).toBe(true);
  });

  it('files each page under the years and report types of the reports it draws on', () => {
    for (const report of REPORTS) {
      const topics = new Set(report.metrics.map((m) => m.topic));
      const pages = [
        url(`reports/${report.year}/`),
        ...[...new Set(report.metrics.map((m) => m.id))].map((id) => url(`metrics/${id}/`)),
        ...[...topics].map((t) => url(`topics/${slugOf(t)}/`)),
        ...COMMITMENTS.filter((c) => c.years.includes(report.year)).map((c) => url(c.path)),
      ];
      expect(index.filters.get(YEAR)!.get(String(report.year)), `年份 ${report.year}`).toEqual(sorted(pages));
    }
    for (const type of new Set(REPORTS.map((r) => r.reportType))) {
      const ofType = REPORTS.filter((r) => r.reportType === type);
      const pages = new Set(
        ofType.flatMap((r) => [
          url(`reports/${r.year}/`),
          ...r.metrics.map((m) => url(`metrics/${m.id}/`)),
          ...r.metrics.map((m) => url(`topics/${slugOf(m.topic)}/`)),
          ...COMMITMENTS.filter((c) => c.report === r).map((c) => url(c.path)),
        ]),
      );
      expect(index.filters.get(REPORT_TYPE)!.get(type), `报告类型 ${type}`).toEqual(sorted([...pages]));
    }
  });

  it('files each page under its topics', () => {
    for (const topic of TOPICS_IN_USE) {
      const pages = new Set([
        url(`topics/${slugOf(topic)}/`),
        ...REPORTS.filter((r) => r.metrics.some((m) => m.topic === topic)).map((r) => url(`reports/${r.year}/`)),
        ...REPORTS.flatMap((r) => r.metrics).filter((m) => m.topic === topic).map((m) => url(`metrics/${m.id}/`)),
        ...COMMITMENTS.filter((c) => c.topic === topic).map((c) => url(c.path)),
      ]);
      expect(index.filters.get(TOPIC)!.get(topic), `主题 ${topic}`).toEqual(sorted([...pages]));
    }
  });

  it('gives each result its title, kind and year(s) as metadata', () => {
    for (const report of REPORTS) {
      const page = byUrl.get(url(`reports/${report.year}/`))!;
      expect(page.meta).toMatchObject({ [SEARCH_META.title]: report.title, [SEARCH_META.years]: String(report.year), [SEARCH_META.kind]: SEARCH_KINDS.report, [SEARCH_META.reportType]: report.reportType });
    }
    for (const id of METRIC_IDS) {
      const years = REPORTS.filter((r) => r.metrics.some((m) => m.id === id)).map((r) => r.year);
      expect(byUrl.get(url(`metrics/${id}/`))!.meta, id).toMatchObject({ [SEARCH_META.kind]: SEARCH_KINDS.metric, [SEARCH_META.years]: years.join('、') });
    }
    for (const topic of TOPICS_IN_USE) {
      expect(byUrl.get(url(`topics/${slugOf(topic)}/`))!.meta).toMatchObject({ [SEARCH_META.title]: topic, [SEARCH_META.kind]: SEARCH_KINDS.topic });
    }
    for (const c of COMMITMENTS) {
      expect(byUrl.get(url(c.path))!.meta, c.id).toMatchObject({ [SEARCH_META.kind]: SEARCH_KINDS.commitment, [SEARCH_META.years]: c.years.join('、') });
    }
  });

  it('makes each numbered report section its own result, by its heading id', () => {
    for (const report of REPORTS) {
      const page = byUrl.get(url(`reports/${report.year}/`))!;
      const source = readFileSync(join(PROJECT_ROOT, 'content/reports', `${report.year}.mdx`), 'utf8');
      const headings = [...source.matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]!.trim());
      const anchorTitles = page.anchors.map((a) => a.text.trim());
      expect(anchorTitles, `${report.year}`).toEqual(expect.arrayContaining(headings));
      // Only the report's own headings: no contents list, key figures or charts, no "#本节链接".
      expect(page.anchors.map((a) => a.id).filter((id) => /title$/.test(id))).toEqual([]);
      expect(anchorTitles.filter((t) => t.includes('本节链接'))).toEqual([]);
    }
  });

  it('indexes no page chrome: navigation, footer, contents, key figures, editor’s notes, labels, facts, English names', () => {
    const chrome = ['跳到正文', '主导航', '年度比较', '开放数据', '目录', '本报告的数字', '本节链接', '编者注', '下载与引用', '点击“原文”',
      '口径（定义）', '出现于', '发布单位', '所涉期间', '原始文件', '数据表', '原文出处', '指标 ·', '工作主题 ·', '本主题全部指标'];
    for (const page of index.pages) {
      const text = page.content.replace(/\u200b/g, '');
      expect(chrome.filter((c) => text.includes(c)), page.url).toEqual([]);
      // The metric pages' and topics' English names are labels, not text to search or quote.
      expect(text, page.url).not.toMatch(/[A-Za-z]{3,} [A-Za-z]{3,}/);
    }
  });
});
