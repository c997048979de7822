// Site search in Chromium, on the built test sites served on loopback: real queries readers type
// (official terms, everyday words and abbreviations, numbers, full-width digits, several words,
// words that occur apart on the wrong pages), each with the report sections or metric pages
// that must come up among the first results, the words the first card's excerpt must show, and
// no highlight of a lone character of a longer query; the filters; the header's search box with
// and without JavaScript; the phone's first screen; the same under a sub-path, and with the index
// in parts; and the CSP.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { matchKey } from '../../src/client/search/query.ts';
import { isSearchablePage, openSearchIndex } from '../../src/publishing/search-index.ts';
import { checkSearchIndex } from '../../src/publishing/verify-site.ts';
import { SEARCH_FILTERS } from '../../src/render/search-fields.ts';
import { SEARCH_INDEX } from '../../src/render/urls.ts';
import type { Topic } from '../../src/schemas/topic.ts';
import { readTopics } from '../support/content.ts';
import { launchBrowser } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';
import { FIXTURE_SITES, PROJECT_ROOT, TEST_SITES } from '../support/site.ts';

/** What must come up: a report section (its heading's id) or a metric page. */
type Target = { year: number; section: string } | { metric: string };

interface SearchCase {
  query: string;
  /** Why this query matters. */
  why: string;
  expect: Target[];
  /**
   * What the first card's first excerpt must show, highlighted, as a whole: one of these (the
   * query itself when not given; the official term for an alias).
   */
  shows?: string[];
  /** Other strings that may be highlighted (the official terms the query also searched). */
  marks?: string[];
  /** Pages holding the query's words only apart: if listed at all, after the whole matches and flagged. */
  apart?: string[];
}

/** Result cards the page draws at once (PAGE_SIZE in src/client/search/search-page.ts): "the first results". */
const FIRST_PAGE = 8;

// Section ids of the two reports (the ids of their headings).
const R2022 = {
  livelihood: '一基本民生保障有力有效',
  governance: '二基层社会治理出新出彩',
  services: '三基本社会服务可感可及',
};
const R2018 = {
  highlights: '一狠抓特色亮点工作突出民政工作实绩',
  veterans: '二突出优抚安置政策落实创制有力度',
  assistance: '三提高精准识别民生保障兜底有温度',
  community: '四助力改革发展社区建设创新有亮度',
  services: '五强化便民惠民社会公共服务有广度',
  integrity: '六加强党风廉政建设树立民政为民爱民形象',
  livelihoodWork: '一着力实现民生保障工作新发展',
  communityWork: '二着力实现社区治理创新和基层政权建设新成绩',
  veteransWork: '四着力实现双拥优抚安置工作新突破',
};

const DIBAO = ['低保', '最低生活保障'];
const VETERANS = ['退役军人', '退伍军人', '退役士兵'];
const SOCIAL_WORKERS = ['社工', '持证社工'];
const ELDERLY = ['老年人', '老人'];

const SEARCH_CASES: SearchCase[] = [
  { query: '低保', why: 'official abbreviation', expect: [{ year: 2022, section: R2022.livelihood }, { year: 2018, section: R2018.assistance }], marks: DIBAO },
  { query: '最低生活保障', why: 'full name of 低保; 2018 only says 低保', expect: [{ year: 2022, section: R2022.livelihood }, { year: 2018, section: R2018.assistance }], shows: DIBAO, marks: DIBAO },
  { query: '持证社工', why: 'official term; the first card shows it, not the broader 社工', expect: [{ year: 2022, section: R2022.governance }, { year: 2018, section: R2018.community }, { metric: 'certified-social-workers' }], marks: SOCIAL_WORKERS },
  { query: '1106', why: 'a number from the text', expect: [{ year: 2022, section: R2022.governance }, { metric: 'certified-social-workers' }] },
  { query: '社会工作者', why: 'alias of 社工 / 持证社工', expect: [{ year: 2022, section: R2022.governance }, { year: 2018, section: R2018.community }], shows: ['社会工作者', ...SOCIAL_WORKERS], marks: SOCIAL_WORKERS },
  { query: '退役军人', why: 'official term', expect: [{ year: 2018, section: R2018.highlights }, { metric: 'veteran-pairing-recipients' }], marks: VETERANS },
  { query: '退伍军人', why: 'older name; the text uses both', expect: [{ year: 2018, section: R2018.veterans }, { year: 2018, section: R2018.highlights }], marks: VETERANS },
  { query: '老人', why: 'everyday word', expect: [{ year: 2022, section: R2022.services }, { year: 2018, section: R2018.services }], marks: ELDERLY },
  { query: '老年人', why: 'synonym of 老人', expect: [{ year: 2022, section: R2022.services }, { year: 2018, section: R2018.services }], shows: ELDERLY, marks: ELDERLY },
  { query: '养老床位', why: 'reader’s word; 2018 says 新增720床位', expect: [{ year: 2022, section: R2022.services }, { year: 2018, section: R2018.services }, { metric: 'family-elderly-care-beds' }], shows: ['养老床位', '床位'], marks: ['床位'] },
  { query: '殡葬', why: 'topic word', expect: [{ year: 2022, section: R2022.services }, { year: 2018, section: R2018.services }], shows: ['殡葬', '殡仪'], marks: ['殡仪'] },
  { query: '两残补贴', why: 'quoted “两残”补贴 in 2022, “两项补贴” in 2018', expect: [{ year: 2022, section: R2022.livelihood }, { year: 2018, section: R2018.assistance }], shows: ['两残补贴', '两项补贴'], marks: ['两项补贴'] },
  { query: '尿毒症', why: 'specific term in both years', expect: [{ year: 2022, section: R2022.livelihood }, { year: 2018, section: R2018.services }] },
  { query: '三社联动', why: 'a four-character term ICU cuts 三社 + 联 + 动', expect: [{ year: 2022, section: R2022.governance }, { year: 2018, section: R2018.community }] },
  { query: '社会组织', why: 'official term', expect: [{ year: 2022, section: R2022.governance }, { year: 2018, section: R2018.community }], marks: ['社会团体', '民办非企业单位'] },
  { query: '地名', why: 'short term', expect: [{ year: 2022, section: R2022.governance }, { year: 2018, section: R2018.services }] },
  { query: '居家养老服务中心', why: 'long compound', expect: [{ year: 2018, section: R2018.highlights }, { year: 2022, section: R2022.services }], marks: ['居家养老'] },
  { query: '适老化改造', why: 'metric and text', expect: [{ year: 2022, section: R2022.services }, { metric: 'age-friendly-home-modifications' }] },
  { query: '4359.88', why: 'a decimal number', expect: [{ year: 2022, section: R2022.livelihood }, { metric: 'assistance-fund-total' }] },
  { query: '3707', why: 'a number in a list', expect: [{ year: 2018, section: R2018.services }, { metric: 'marriage-registrations' }] },
  { query: '高龄津贴', why: 'official term, 2018 only', expect: [{ year: 2018, section: R2018.services }] },
  { query: '特困', why: 'abbreviation used by the texts', expect: [{ year: 2018, section: R2018.assistance }, { year: 2022, section: R2022.livelihood }] },
  { query: '福彩', why: 'abbreviation of 福利彩票', expect: [{ year: 2018, section: R2018.services }, { metric: 'fulicai-sales' }], shows: ['福利彩票', '中福在线'] },
  { query: '未保', why: 'abbreviation (区未保办)', expect: [{ year: 2022, section: R2022.services }], marks: ['未成年人保护'] },
  { query: '党风廉政', why: 'section title words', expect: [{ year: 2018, section: R2018.integrity }] },
  { query: '养老院', why: 'everyday word for 养老机构 / 敬老院', expect: [{ year: 2018, section: R2018.services }, { year: 2018, section: R2018.assistance }], shows: ['养老机构', '敬老院'] },
  { query: '疫情防控', why: '2022 only', expect: [{ year: 2022, section: R2022.governance }, { year: 2022, section: R2022.services }], marks: ['疫情'] },
  { query: '临时救助', why: 'official term', expect: [{ year: 2018, section: R2018.assistance }, { metric: 'temporary-assistance-cases' }] },
  { query: '１１０６', why: 'full-width digits', expect: [{ year: 2022, section: R2022.governance }], shows: ['1106'] },
  { query: '1,106', why: 'with a thousands separator, as the metric pages write it', expect: [{ year: 2022, section: R2022.governance }, { metric: 'certified-social-workers' }], shows: ['1106'] },
  { query: '2022 低保', why: 'year and term', expect: [{ year: 2022, section: R2022.livelihood }], shows: ['低保', '2022'], marks: DIBAO },
  { query: '老年证', why: 'official term in two sections', expect: [{ year: 2018, section: R2018.services }, { year: 2018, section: R2018.integrity }] },
  { query: '社团', why: 'everyday word for 社会团体 / 社会组织', expect: [{ year: 2018, section: R2018.community }], shows: ['社会组织', '社会团体', '民办非企业单位'] },
  { query: '优抚', why: 'short official term', expect: [{ year: 2018, section: R2018.veterans }] },
  { query: '结婚登记', why: 'official term', expect: [{ year: 2018, section: R2018.services }, { metric: 'marriage-registrations' }], marks: ['婚姻登记', '离婚登记'] },
  // Aliases: the reader's word is not in the reports; the first card shows the official term.
  { query: '五保', why: 'old name of 特困; 五 alone occurs in 五是, 五类', expect: [{ year: 2018, section: R2018.assistance }, { year: 2022, section: R2022.livelihood }], shows: ['特困'] },
  { query: '老兵', why: 'everyday word for 退役军人', expect: [{ year: 2018, section: R2018.highlights }, { year: 2018, section: R2018.veterans }], shows: VETERANS },
  { query: '低保户', why: 'alias of 低保, also in the 2018 text itself', expect: [{ year: 2018, section: R2018.services }, { year: 2022, section: R2022.livelihood }], marks: DIBAO },
  { query: '新冠', why: 'everyday word for 疫情 (2022)', expect: [{ year: 2022, section: R2022.governance }], shows: ['疫情'] },
  { query: '长者食堂', why: 'alias of 老年食堂', expect: [{ year: 2022, section: R2022.services }], shows: ['老年食堂'] },
  { query: '丧葬', why: 'alias of 殡葬 / 殡仪', expect: [{ year: 2018, section: R2018.services }, { metric: 'funeral-campaign-duration' }], shows: ['殡葬', '殡仪'] },
  // Numbers.
  { query: '338', why: 'a number: 338张护理型床位', expect: [{ year: 2022, section: R2022.services }, { metric: 'welfare-centre-nursing-beds' }] },
  { query: '587.53', why: 'a decimal number in a sentence of several', expect: [{ year: 2022, section: R2022.livelihood }] },
  { query: '5100', why: 'written 5,100 on the metric page', expect: [{ year: 2018, section: R2018.assistance }, { metric: 'urban-dibao-recipients' }] },
  // Several words.
  { query: '持证社工 1106', why: 'a term and its figure', expect: [{ year: 2022, section: R2022.governance }, { metric: 'certified-social-workers' }], shows: ['持证社工', '1106'], marks: SOCIAL_WORKERS },
  { query: '居家养老 2022', why: 'a term and a year', expect: [{ year: 2022, section: R2022.services }], shows: ['居家养老', '2022'] },
  { query: '八一 慰问', why: 'two words of one sentence', expect: [{ year: 2018, section: R2018.veterans }], shows: ['八一', '慰问'] },
  // Words that occur apart on the wrong pages.
  { query: '生活无着', why: '2018 has 生活 (生活圈) and 着 (着力) apart', expect: [{ year: 2022, section: R2022.livelihood }, { metric: 'rescue-station-assisted-persons' }], apart: ['reports/2018/'] },
  { query: '放管服', why: '2022 has 放, 管 and 服 apart (发放, 管理, 服务)', expect: [{ year: 2018, section: R2018.integrity }], apart: ['reports/2022/'] },
  { query: '退役士兵', why: 'two words that also occur apart', expect: [{ year: 2018, section: R2018.veterans }, { metric: 'discharged-soldiers-files-received' }], marks: VETERANS },
];

interface ShownPassage {
  /** Path under the site base (reports/2022/) and the decoded anchor. */
  path: string;
  anchor: string;
  title: string;
  excerpt: string;
  marks: string[];
}

interface ShownResult {
  /** Path under the site base: reports/2022/ */
  path: string;
  title: string;
  passages: ShownPassage[];
  partial: boolean;
}

interface SearchOutcome {
  message: string;
  input: string;
  results: ShownResult[];
}

/** Waits until the page has finished searching and has drawn the results. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const message = document.querySelector('[data-search-status]')?.textContent ?? '';
    return /找到 \d+ 条|没有找到/.test(message) && (document.querySelector('.search-result') !== null || message.includes('没有找到'));
  });
}

async function shown(page: Page, base: string): Promise<SearchOutcome> {
  return page.evaluate((base) => {
    const strip = (href: string) => {
      const url = new URL(href, location.href);
      const path = decodeURIComponent(url.pathname);
      return { path: path.startsWith(base) ? path.slice(base.length) : path, anchor: decodeURIComponent(url.hash.slice(1)) };
    };
    return {
      message: document.querySelector('[data-search-status]')?.textContent ?? '',
      input: document.querySelector<HTMLInputElement>('portal-search input[name="q"]')?.value ?? '',
      results: [...document.querySelectorAll('.search-result')].map((li) => {
        const link = li.querySelector<HTMLAnchorElement>('.search-result__title a')!;
        return {
          path: strip(link.href).path,
          title: link.textContent?.trim() ?? '',
          partial: li.querySelector('.search-result__partial') !== null,
          passages: [...li.querySelectorAll('.search-result__passage')].map((p) => {
            const section = p.querySelector<HTMLAnchorElement>('.search-result__section');
            const excerpt = p.querySelector<HTMLElement>('.search-result__excerpt')!;
            return {
              ...strip(section?.href ?? link.href),
              title: section?.textContent?.trim() ?? '',
              excerpt: excerpt.innerText,
              marks: [...excerpt.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
            };
          }),
        };
      }),
    };
  }, base);
}

/** Opens the search page with ?q= (as the header's form does) and reads what it shows. */
async function search(page: Page, site: StaticServer, base: string, query: string): Promise<SearchOutcome> {
  await page.goto(`${site.url}search/?q=${encodeURIComponent(query)}`);
  await settled(page);
  return shown(page, base);
}

function found(outcome: SearchOutcome, target: Target): boolean {
  const first = outcome.results.slice(0, FIRST_PAGE);
  if ('metric' in target) return first.some((r) => r.path === `metrics/${target.metric}/`);
  return first.some((r) => r.path === `reports/${target.year}/` && r.passages.some((s) => s.anchor === target.section));
}

const describeTarget = (t: Target) => ('metric' in t ? `metrics/${t.metric}/` : `${t.year} #${t.section}`);
/** Folded as the search folds text: width, case, spaces, punctuation and thousands separators. */
const fold = (text: string) => matchKey(text).key;

// Which years each page belongs to, from the content (the filters must agree with it).
interface ReportFrontmatter {
  year: number;
  reportType: string;
  metrics: Array<{ id: string; topic: Topic }>;
}
const REPORTS: ReportFrontmatter[] = readdirSync(join(PROJECT_ROOT, 'content/reports'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => parse(readFileSync(join(PROJECT_ROOT, 'content/reports', f), 'utf8').split(/^---$/m)[1]!) as ReportFrontmatter);

function yearsOf(path: string): number[] {
  const report = /^reports\/(\d{4})\/$/.exec(path);
  if (report) return [Number(report[1])];
  const metric = /^metrics\/([^/]+)\/$/.exec(path);
  if (metric) return REPORTS.filter((r) => r.metrics.some((m) => m.id === metric[1])).map((r) => r.year);
  const topic = /^topics\/([^/]+)\/$/.exec(path);
  if (topic) {
    const name = readTopics().find((t) => t.slug === topic[1])?.name;
    return REPORTS.filter((r) => r.metrics.some((m) => m.topic === name)).map((r) => r.year);
  }
  throw new Error(`unexpected result page ${path}`);
}

function topicsOf(path: string): Topic[] {
  const report = /^reports\/(\d{4})\/$/.exec(path);
  if (report) return REPORTS.find((r) => r.year === Number(report[1]))!.metrics.map((m) => m.topic);
  const metric = /^metrics\/([^/]+)\/$/.exec(path);
  if (metric) return REPORTS.flatMap((r) => r.metrics).filter((m) => m.id === metric[1]).map((m) => m.topic);
  const topic = /^topics\/([^/]+)\/$/.exec(path);
  if (topic) return readTopics().filter((t) => t.slug === topic[1]).map((t) => t.name);
  throw new Error(`unexpected result page ${path}`);
}

/** Every result of the current search, pressing "显示更多结果" until all are shown. */
async function allResults(page: Page, base: string): Promise<ShownResult[]> {
  for (;;) {
    const more = page.locator('[data-search-more]:not([hidden])');
    if ((await more.count()) === 0) break;
    const before = await page.locator('.search-result').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('.search-result').length > n, before);
  }
  return (await shown(page, base)).results;
}

function resultCount(message: string): number {
  const m = /找到 (\d+) 条/.exec(message);
  return m ? Number(m[1]) : 0;
}

/** Ticks a filter value and waits for the count in the status line to change and the first cards to be drawn. */
async function tick(page: Page, id: string): Promise<void> {
  const before = resultCount(await page.locator('[data-search-status]').innerText());
  await page.locator(`label[for="${id}"]`).click();
  await page.waitForFunction(
    ({ n, size }) => {
      const m = /找到 (\d+) 条/.exec(document.querySelector('[data-search-status]')?.textContent ?? '');
      return m !== null && Number(m[1]) !== n && document.querySelectorAll('.search-result').length === Math.min(Number(m[1]), size);
    },
    { n: before, size: FIRST_PAGE },
  );
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * A build served on loopback and a page in the shared browser, with what goes wrong on it
 * collected in `problems`: console messages matching `notice`, script errors and, when asked,
 * responses with an error status.
 */
async function openWatched(dir: string, base: string, problems: string[], notice: RegExp, { failedResponses = false } = {}): Promise<{ site: StaticServer; page: Page }> {
  const site = await serveStatic(dir, base);
  const page = await browser.newPage();
  page.on('console', (m) => {
    if (notice.test(m.text())) problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  if (failedResponses) {
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
  }
  return { site, page };
}

/** The table's checks of one query: where the results are, what the first card shows and marks. */
function checkCase(outcome: SearchOutcome, c: SearchCase): void {
  const seen = outcome.results.slice(0, FIRST_PAGE).map((r) => `${r.path}${r.partial ? ' (apart)' : ''} [${r.passages.map((s) => s.anchor).join(', ')}]`);
  const context = `${c.query} (${c.why}) — first results:\n${seen.join('\n')}`;
  const missing = c.expect.filter((t) => !found(outcome, t)).map(describeTarget);
  expect(missing, context).toEqual([]);

  // The first card's first excerpt shows the query (or the official term it led to), highlighted whole.
  const first = outcome.results[0]!.passages[0]!;
  const shows = [c.query, ...(c.shows ?? [])].map(fold);
  expect(shows.some((s) => fold(first.excerpt).includes(s)), `${c.query}: first excerpt “${first.excerpt}”`).toBe(true);
  expect(first.marks.some((m) => shows.includes(fold(m))), `${c.query}: marks ${JSON.stringify(first.marks)}`).toBe(true);

  // No highlight anywhere holds a piece of a longer query: each is a whole query part or an official term.
  const parts = c.query.normalize('NFKC').split(/\s+/).map(fold);
  const allowed = new Set([...parts, ...shows, ...(c.marks ?? []).map(fold)]);
  const marks = outcome.results.slice(0, FIRST_PAGE).flatMap((r) => r.passages.flatMap((p) => p.marks));
  expect(marks.filter((m) => !allowed.has(fold(m))), `${c.query}: unexpected highlights`).toEqual([]);
  const longest = Math.max(...parts.map((p) => [...p].length));
  if (longest > 1) expect(marks.filter((m) => [...fold(m)].length === 1), `${c.query}: lone characters highlighted`).toEqual([]);

  // Pages that hold the words only apart come after every whole match, flagged as such.
  for (const path of c.apart ?? []) {
    const at = outcome.results.findIndex((r) => r.path === path);
    if (at === -1) continue;
    expect(outcome.results[at]!.partial, `${c.query}: ${path} is flagged as holding the words apart`).toBe(true);
    expect(outcome.results.slice(at).every((r) => r.partial), `${c.query}: whole matches come first`).toBe(true);
  }
}

describe('search at the site root', () => {
  const { dir, base } = TEST_SITES.root;
  let site: StaticServer;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    ({ site, page } = await openWatched(dir, base, problems, /Content Security Policy|Refused to/i));
  });

  afterAll(async () => {
    await page?.close();
    await site?.close();
  });

  it('has a table of at least 40 real queries', () => {
    expect(SEARCH_CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(SEARCH_CASES.map((c) => [c.query, c] as const))('%s: the expected sections first, the first card showing the query whole', async (_q, c) => {
    const outcome = await search(page, site, base, c.query);
    expect(outcome.input).toBe(c.query);
    checkCase(outcome, c);
  });

  it('shows the section title, a highlighted excerpt and a link to the section', async () => {
    const outcome = await search(page, site, base, '持证社工');
    const report = outcome.results.find((r) => r.path === 'reports/2022/')!;
    const section = report.passages.find((s) => s.anchor === R2022.governance)!;
    expect(section.title).toBe('（二）基层社会治理出新出彩');
    expect(section.marks).toContain('持证社工');
    expect(section.path).toBe('reports/2022/');
    // The section link lands on the heading.
    await page.locator(`.search-result__section[href$="#${encodeURIComponent(R2022.governance)}"]`).first().click();
    await page.waitForURL(/\/reports\/2022\/#/);
    expect(decodeURIComponent(new URL(page.url()).hash.slice(1))).toBe(R2022.governance);
    expect(await page.locator(`[id="${R2022.governance}"]`).count()).toBe(1);
  });

  it('excerpts start at a word and show the reports’ text, not page chrome', async () => {
    const chrome = ['口径（定义）', '出现于', '发布单位', '所涉期间', '数据表', '指标 ·', '工作主题 ·'];
    for (const query of ['低保', '持证社工', '救助', '2022']) {
      const outcome = await search(page, site, base, query);
      for (const passage of outcome.results.flatMap((r) => r.passages)) {
        const text = passage.excerpt.replace(/^…/, '');
        expect(text, `${query}: “${passage.excerpt}”`).toMatch(/^[\p{L}\p{N}“（《]/u);
        expect(chrome.filter((c) => passage.excerpt.includes(c)), `${query}: “${passage.excerpt}”`).toEqual([]);
        // No English labels (the metric pages' English names).
        expect(passage.excerpt, query).not.toMatch(/[A-Za-z]{4,} [A-Za-z]{3,}/);
      }
    }
  });

  it('says so when nothing matches', async () => {
    const outcome = await search(page, site, base, '火星探测器');
    expect(outcome.results).toEqual([]);
    expect(outcome.message).toContain('没有找到');
  });

  it('names the official terms an alias also searched', async () => {
    const outcome = await search(page, site, base, '五保');
    expect(outcome.message).toContain('特困');
  });

  it('shows the four filters with their values and counts (落实情况: the commitment pages in the index)', async () => {
    await search(page, site, base, '低保');
    await page.waitForSelector('.search-filter');
    const groups = await page.locator('.search-filter summary').allTextContents();
    expect(groups.map((g) => g.trim())).toEqual([SEARCH_FILTERS.year, SEARCH_FILTERS.topic, SEARCH_FILTERS.reportType, SEARCH_FILTERS.commitmentStatus]);
    const years = await page.locator(`input[name="${SEARCH_FILTERS.year}"]`).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(years.sort()).toEqual(REPORTS.map((r) => String(r.year)).sort());
    const total = resultCount(await page.locator('[data-search-status]').innerText());
    const counts = await page.locator('.search-filter__count').allTextContents();
    expect(counts.every((c) => /^（\d+）$/.test(c))).toBe(true);
    const yearCounts = (await page.locator(`.search-filter[open] .search-filter__count, .search-filter .search-filter__count`).allTextContents()).slice(0, years.length).map((c) => Number(/\d+/.exec(c)![0]));
    expect(Math.max(...yearCounts)).toBeLessThanOrEqual(total);
    expect(yearCounts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(total);
  });

  it('opens the filters beside the results on a wide screen, and closes them above the results on a phone', async () => {
    await search(page, site, base, '低保');
    await page.waitForSelector('.search-filter');
    expect(await page.locator('.search-filter[open]').count()).toBe(4);
    const phone = await browser.newPage({ viewport: { width: 360, height: 780 } });
    try {
      await search(phone, site, base, '低保');
      await phone.waitForSelector('.search-filter');
      expect(await phone.locator('.search-filter').count()).toBe(4);
      expect(await phone.locator('.search-filter[open]').count()).toBe(0);
    } finally {
      await phone.close();
    }
  });

  it('年份 = 2018 narrows the results to 2018 items, and the count matches the cards', async () => {
    await search(page, site, base, '低保');
    await page.waitForSelector('.search-filter');
    const before = resultCount(await page.locator('[data-search-status]').innerText());
    await tick(page, `${SEARCH_FILTERS.year}-2018`);
    const after = resultCount(await page.locator('[data-search-status]').innerText());
    const results = await allResults(page, base);
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);
    expect(results).toHaveLength(after);
    expect(results.filter((r) => !yearsOf(r.path).includes(2018)).map((r) => r.path)).toEqual([]);
    expect(results.map((r) => r.path)).toContain('reports/2018/');
    expect(results.map((r) => r.path)).not.toContain('reports/2022/');
    // Ticking 2022 as well widens the results again (values of one filter combine with "or").
    await tick(page, `${SEARCH_FILTERS.year}-2022`);
    expect(resultCount(await page.locator('[data-search-status]').innerText())).toBe(before);
  });

  it('报告类型 narrows the results to that report’s items', async () => {
    await search(page, site, base, '社工');
    await page.waitForSelector('.search-filter');
    const type2022 = REPORTS.find((r) => r.year === 2022)!.reportType;
    await tick(page, `${SEARCH_FILTERS.reportType}-${type2022}`);
    const results = await allResults(page, base);
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((r) => !yearsOf(r.path).includes(2022)).map((r) => r.path)).toEqual([]);
    expect(results.map((r) => r.path)).toContain('reports/2022/');
  });

  it('主题 narrows the results to that topic', async () => {
    await search(page, site, base, '老人');
    await page.waitForSelector('.search-filter');
    await tick(page, `${SEARCH_FILTERS.topic}-养老服务`);
    const results = await allResults(page, base);
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((r) => !topicsOf(r.path).includes('养老服务')).map((r) => r.path)).toEqual([]);
  });

  it('"显示更多结果" adds the next cards until every result is shown', async () => {
    const outcome = await search(page, site, base, '社区');
    const total = resultCount(outcome.message);
    expect(total).toBeGreaterThan(FIRST_PAGE);
    expect(outcome.results).toHaveLength(FIRST_PAGE);
    const all = await allResults(page, base);
    expect(all).toHaveLength(total);
    expect(new Set(all.map((r) => r.path)).size).toBe(total);
  });

  it('focusing the header search box starts Pagefind, before anything is typed', async () => {
    await page.goto(site.url);
    const started = page.waitForRequest((r) => new URL(r.url()).pathname === `${base}pagefind/pagefind.js`, { timeout: 5000 });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/pagefind/')))).toBe(false);
    await page.focus('#header-search-q');
    await started;
  });

  it('the header search box takes a query to the search page, which runs it', async () => {
    await page.goto(site.url);
    await page.fill('#header-search-q', '退役军人');
    await page.press('#header-search-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=/);
    const url = new URL(page.url());
    expect(url.pathname).toBe(`${base}search/`);
    expect(url.searchParams.get('q')).toBe('退役军人');
    await settled(page);
    const outcome = await shown(page, base);
    expect(outcome.input).toBe('退役军人');
    expect(found(outcome, { year: 2018, section: R2018.highlights })).toBe(true);
  });

  it('the search page has one search box, and typing in it runs the search and keeps ?q= in step', async () => {
    await page.goto(`${site.url}search/`);
    expect(await page.locator('input[type="search"]').count()).toBe(1);
    await page.fill('portal-search input[name="q"]', '殡葬');
    await settled(page);
    const outcome = await shown(page, base);
    expect(outcome.results.length).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe('殡葬');
    // Enter runs the search in place.
    await page.fill('portal-search input[name="q"]', '地名');
    await page.press('portal-search input[name="q"]', 'Enter');
    await page.waitForFunction(() => (document.querySelector('[data-search-status]')?.textContent ?? '').includes('地名'));
    expect(new URL(page.url()).pathname).toBe(`${base}search/`);
    expect(new URL(page.url()).searchParams.get('q')).toBe('地名');
  });

  it('without JavaScript, the header form and the page’s form reach the search page, which explains and links onward', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const nojs = await context.newPage();
    try {
      await nojs.goto(`${site.url}reports/`);
      await nojs.fill('#header-search-q', '低保');
      await nojs.press('#header-search-q', 'Enter');
      await nojs.waitForURL(/\/search\/\?q=/);
      const url = new URL(nojs.url());
      expect(url.pathname).toBe(`${base}search/`);
      expect(url.searchParams.get('q')).toBe('低保');
      // (Playwright's text locators skip <noscript>, so the box is read by its class.)
      expect(await nojs.locator('.search-nojs').isVisible()).toBe(true);
      expect(await nojs.locator('.search-nojs').innerText()).toContain('搜索需要浏览器启用 JavaScript');
      const links = await nojs.locator('.search-nojs a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links).toEqual(expect.arrayContaining([`${base}reports/`, `${base}metrics/`]));
      await nojs.fill('portal-search input[name="q"]', '特困');
      await nojs.press('portal-search input[name="q"]', 'Enter');
      await nojs.waitForURL(/q=%E7%89%B9%E5%9B%B0/);
      expect(new URL(nojs.url()).pathname).toBe(`${base}search/`);
    } finally {
      await context.close();
    }
  });

  it('with JavaScript the no-JS message stays hidden', async () => {
    await search(page, site, base, '低保');
    expect(await page.locator('.search-nojs').count()).toBe(0);
  });

  it('runs under the strict CSP: no violation, no script error', () => {
    expect(problems).toEqual([]);
  });
});

describe('the first screen of a phone (360 × 780)', () => {
  const { dir, base } = TEST_SITES.root;
  let site: StaticServer;
  let phone: Page;

  beforeAll(async () => {
    site = await serveStatic(dir, base);
    phone = await browser.newPage({ viewport: { width: 360, height: 780 } });
  });

  afterAll(async () => {
    await phone?.close();
    await site?.close();
  });

  const top = (selector: string) => phone.locator(selector).first().evaluate((e) => e.getBoundingClientRect().top + scrollY);

  it('a report’s title starts within the top 200 px, with the text-size control and search button on screen', async () => {
    await phone.goto(`${site.url}reports/2022/`);
    expect(await top('main h1')).toBeLessThan(200);
    for (const control of ['text-size-control button', '[data-search-toggle]']) {
      const box = (await phone.locator(control).first().boundingBox())!;
      expect(box, control).not.toBeNull();
      expect(box.y + box.height, control).toBeLessThan(200);
      expect(box.x + box.width, control).toBeLessThanOrEqual(360);
    }
    // The folded search box opens in place, focused, and still submits to the search page.
    expect(await phone.locator('#header-search-q').isVisible()).toBe(false);
    await phone.click('[data-search-toggle]');
    expect(await phone.locator('#header-search-q').isVisible()).toBe(true);
    expect(await phone.evaluate(() => document.activeElement?.id)).toBe('header-search-q');
    await phone.fill('#header-search-q', '低保');
    await phone.press('#header-search-q', 'Enter');
    await phone.waitForURL(/\/search\/\?q=/);
  });

  it('on /search/?q=… the first result card starts within the top 600 px, under one search box', async () => {
    await search(phone, site, base, '低保');
    expect(await top('.search-result')).toBeLessThan(600);
    const boxes = await phone.locator('input[type="search"]').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length);
    expect(boxes).toBe(1);
  });

  it('without JavaScript the search button is a link to the search page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 780 } });
    const nojs = await context.newPage();
    try {
      await nojs.goto(`${site.url}reports/2022/`);
      await nojs.click('[data-search-toggle]');
      await nojs.waitForURL(/\/search\/$/);
      expect(await nojs.locator('portal-search input[name="q"]').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe('search under a sub-path', () => {
  const { dir, base } = TEST_SITES.subpath;
  let site: StaticServer;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    ({ site, page } = await openWatched(dir, base, problems, /Content Security Policy|Refused to|Failed to load/i, { failedResponses: true }));
  });

  afterAll(async () => {
    await page?.close();
    await site?.close();
  });

  const SUBPATH_CASES = SEARCH_CASES.filter((c) => ['低保', '1106', '五保', '养老床位', '三社联动'].includes(c.query));

  it.each(SUBPATH_CASES.map((c) => [c.query, c] as const))('%s: same results, links under the base', async (_q, c) => {
    const outcome = await search(page, site, base, c.query);
    checkCase(outcome, c);
    const hrefs = await page.locator('.search-result a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.filter((h) => !h.startsWith(base))).toEqual([]);
  });

  it('the header form works with and without JavaScript', async () => {
    await page.goto(site.url);
    await page.fill('#header-search-q', '持证社工');
    await page.press('#header-search-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=/);
    expect(new URL(page.url()).pathname).toBe(`${base}search/`);
    await settled(page);
    expect(found(await shown(page, base), { year: 2022, section: R2022.governance })).toBe(true);

    const context = await browser.newContext({ javaScriptEnabled: false });
    const nojs = await context.newPage();
    try {
      await nojs.goto(site.url);
      await nojs.fill('#header-search-q', '持证社工');
      await nojs.press('#header-search-q', 'Enter');
      await nojs.waitForURL(/\/search\/\?q=/);
      expect(new URL(nojs.url()).pathname).toBe(`${base}search/`);
      const links = await nojs.locator('.search-nojs a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links).toEqual(expect.arrayContaining([`${base}reports/`, `${base}metrics/`]));
    } finally {
      await context.close();
    }
  });

  it('loads everything from under the base, under the CSP', () => {
    expect(problems).toEqual([]);
  });
});

describe('search on a site with two departments', () => {
  const { dir, base } = FIXTURE_SITES.departments;
  let site: StaticServer;
  let page: Page;

  beforeAll(async () => {
    site = await serveStatic(dir, base);
    page = await browser.newPage();
  });

  afterAll(async () => {
    await page?.close();
    await site?.close();
  });

  it('adds the 单位 filter, and ticking a department keeps its reports only', async () => {
    const outcome = await search(page, site, base, '持证社工');
    expect(outcome.results.map((r) => r.path)).toEqual(expect.arrayContaining(['reports/fuliyuan/2022/']));
    await page.waitForSelector('.search-filter');
    const groups = await page.locator('.search-filter summary').allTextContents();
    expect(groups.map((g) => g.trim())).toEqual([SEARCH_FILTERS.year, SEARCH_FILTERS.department, SEARCH_FILTERS.topic, SEARCH_FILTERS.reportType, SEARCH_FILTERS.commitmentStatus]);
    await tick(page, `${SEARCH_FILTERS.department}-开福区社会福利院`);
    const reports = (await allResults(page, base)).map((r) => r.path).filter((p) => p.startsWith('reports/'));
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.filter((p) => !p.startsWith('reports/fuliyuan/'))).toEqual([]);
  });
});

describe('search on a site whose index comes in parts', () => {
  // The root test site, its searchable pages indexed again in parts of about a third of their
  // HTML (src/publishing/search-index.ts: PART_BYTES at scale), in the order of their paths.
  const { dir, base } = TEST_SITES.root;
  const copy = mkdtempSync(join(tmpdir(), 'portal-search-parts-'));
  let parts: string[];
  let single: StaticServer;
  let site: StaticServer;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    cpSync(dir, copy, { recursive: true, dereference: true });
    rmSync(join(copy, SEARCH_INDEX.folder), { recursive: true });
    const pages = readdirSync(copy, { recursive: true, encoding: 'utf8' }).filter(isSearchablePage).sort();
    const bytes = pages.reduce((n, p) => n + statSync(join(copy, p)).size, 0);
    const index = await openSearchIndex(copy, { partBytes: Math.ceil(bytes / 3) });
    for (const p of pages) index.addPage(p);
    expect(await index.write()).toBe(pages.length);
    parts = JSON.parse(readFileSync(join(copy, SEARCH_INDEX.folder, SEARCH_INDEX.parts), 'utf8')) as string[];
    expect(await checkSearchIndex(copy, pages.length)).toEqual([]);
    single = await serveStatic(dir, base);
    ({ site, page } = await openWatched(copy, base, problems, /Content Security Policy|Refused to|Failed to load/i, { failedResponses: true }));
  });

  afterAll(async () => {
    await page?.close();
    await Promise.all([site?.close(), single?.close()]);
    rmSync(copy, { recursive: true, force: true });
  });

  it('is written in several parts, each listed in its parts file', () => {
    expect(parts).toEqual(parts.map((_, i) => SEARCH_INDEX.part(i + 2)));
    expect(parts.length).toBeGreaterThanOrEqual(2);
  });

  // Where a part holds no word that starts with a query's word, Pagefind falls back to the longest
  // word it holds that the query's word starts with (党 for 党风廉政; find_word_extensions in
  // pagefind_web/src/search.rs): so parts may add loose matches, after the whole ones, which a
  // single index only adds when no page at all holds the word. Nothing a single index finds is lost.
  it.each(SEARCH_CASES.map((c) => [c.query, c] as const))('%s: the expected sections first, and every result of the single index', async (_q, c) => {
    await search(page, single, base, c.query);
    const whole = (await allResults(page, base)).map((r) => r.path);
    const outcome = await search(page, site, base, c.query);
    checkCase(outcome, c);
    const inParts = (await allResults(page, base)).map((r) => r.path);
    expect(whole.filter((p) => !inParts.includes(p))).toEqual([]);
  });

  it('counts the filters over every part', async () => {
    // Every part holds 社区 (no fallback): the same results as the single index, and the same counts.
    const counts = async (server: StaticServer) => {
      await search(page, server, base, '社区');
      await page.waitForSelector('.search-filter');
      return { message: await page.locator('[data-search-status]').innerText(), filters: await page.locator('.search-filter label').allTextContents() };
    };
    const whole = await counts(single);
    expect(whole.filters.length).toBeGreaterThan(0);
    expect(await counts(site)).toEqual(whole);
  });

  it('loads every part under the CSP, none missing', () => {
    expect(problems).toEqual([]);
  });
});
