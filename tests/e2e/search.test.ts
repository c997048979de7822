// Site search in Chromium, on the built test sites served on loopback: real queries readers type
// (official terms, everyday words and abbreviations, numbers, full-width digits), each with the
// report sections or metric pages that must come up on the first page of results; the filters;
// the header's search box with and without JavaScript; the same under a sub-path; and the CSP.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { TOPIC_INFO, type Topic } from '../../src/schemas/topic.ts';
import { launchBrowser } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';
import { PROJECT_ROOT, TEST_SITES } from '../support/site.ts';

/** What must come up: a report section (its heading's id) or a metric page. */
type Target = { year: number; section: string } | { metric: string };

interface SearchCase {
  query: string;
  /** Why this query matters. */
  why: string;
  expect: Target[];
}

/** Results the UI shows at once (pageSize in src/pages/search.astro): "the first results". */
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
};

const SEARCH_CASES: SearchCase[] = [
  { query: '低保', why: 'ICU cuts 低保 into 低 + 保 (issue 1237)', expect: [{ year: 2022, section: R2022.livelihood }, { year: 2018, section: R2018.assistance }] },
  { query: '最低生活保障', why: 'full name of 低保; 2018 only says 低保', expect: [{ year: 2022, section: R2022.livelihood }, { year: 2018, section: R2018.assistance }] },
  { query: '持证社工', why: 'official term', expect: [{ year: 2022, section: R2022.governance }, { year: 2018, section: R2018.community }, { metric: 'certified-social-workers' }] },
  { query: '1106', why: 'a number from the text', expect: [{ year: 2022, section: R2022.governance }, { metric: 'certified-social-workers' }] },
  { query: '社会工作者', why: 'synonym of 社工 / 持证社工', expect: [{ year: 2022, section: R2022.governance }, { year: 2018, section: R2018.community }] },
  { query: '退役军人', why: 'ICU keeps it whole, jieba indexed 退役 + 军人 (issue 1237)', expect: [{ year: 2018, section: R2018.highlights }, { metric: 'veteran-pairing-recipients' }] },
  { query: '退伍军人', why: 'older name; the text uses both', expect: [{ year: 2018, section: R2018.veterans }, { year: 2018, section: R2018.highlights }] },
  { query: '老人', why: 'everyday word', expect: [{ year: 2022, section: R2022.services }, { year: 2018, section: R2018.services }] },
  { query: '老年人', why: 'ICU keeps it whole (issue 1237); synonym of 老人', expect: [{ year: 2022, section: R2022.services }, { year: 2018, section: R2018.services }] },
  { query: '养老床位', why: 'reader’s word; 2018 says 新增720床位', expect: [{ year: 2022, section: R2022.services }, { year: 2018, section: R2018.services }, { metric: 'family-elderly-care-beds' }] },
  { query: '殡葬', why: 'topic word', expect: [{ year: 2022, section: R2022.services }, { year: 2018, section: R2018.services }] },
  { query: '两残补贴', why: 'quoted “两残”补贴 in 2022, “两项补贴” in 2018', expect: [{ year: 2022, section: R2022.livelihood }, { year: 2018, section: R2018.assistance }] },
  { query: '尿毒症', why: 'specific term in both years', expect: [{ year: 2022, section: R2022.livelihood }, { year: 2018, section: R2018.services }] },
  { query: '三社联动', why: 'ICU keeps 三社, jieba does not (issue 1237)', expect: [{ year: 2022, section: R2022.governance }, { year: 2018, section: R2018.community }] },
  { query: '社会组织', why: 'official term', expect: [{ year: 2022, section: R2022.governance }, { year: 2018, section: R2018.community }] },
  { query: '地名', why: 'short term', expect: [{ year: 2022, section: R2022.governance }, { year: 2018, section: R2018.services }] },
  { query: '居家养老服务中心', why: 'long compound', expect: [{ year: 2018, section: R2018.highlights }, { year: 2022, section: R2022.services }] },
  { query: '适老化改造', why: 'metric and text', expect: [{ year: 2022, section: R2022.services }, { metric: 'age-friendly-home-modifications' }] },
  { query: '4359.88', why: 'a decimal number', expect: [{ year: 2022, section: R2022.livelihood }, { metric: 'assistance-fund-total' }] },
  { query: '3707', why: 'a number in a list', expect: [{ year: 2018, section: R2018.services }, { metric: 'marriage-registrations' }] },
  { query: '高龄津贴', why: 'official term, 2018 only', expect: [{ year: 2018, section: R2018.services }] },
  { query: '特困', why: 'abbreviation used by the texts', expect: [{ year: 2018, section: R2018.assistance }, { year: 2022, section: R2022.livelihood }] },
  { query: '福彩', why: 'abbreviation of 福利彩票', expect: [{ year: 2018, section: R2018.services }, { metric: 'fulicai-sales' }] },
  { query: '未保', why: 'abbreviation (区未保办)', expect: [{ year: 2022, section: R2022.services }] },
  { query: '党风廉政', why: 'section title words', expect: [{ year: 2018, section: R2018.integrity }] },
  { query: '养老院', why: 'everyday word for 养老机构 / 敬老院', expect: [{ year: 2018, section: R2018.services }, { year: 2018, section: R2018.assistance }] },
  { query: '疫情防控', why: '2022 only', expect: [{ year: 2022, section: R2022.governance }, { year: 2022, section: R2022.services }] },
  { query: '临时救助', why: 'official term', expect: [{ year: 2018, section: R2018.assistance }, { metric: 'temporary-assistance-cases' }] },
  { query: '１１０６', why: 'full-width digits', expect: [{ year: 2022, section: R2022.governance }] },
  { query: '1,106', why: 'with a thousands separator, as the metric pages write it', expect: [{ year: 2022, section: R2022.governance }, { metric: 'certified-social-workers' }] },
  { query: '2022 低保', why: 'year and term', expect: [{ year: 2022, section: R2022.livelihood }] },
  { query: '老年证', why: 'official term in two sections', expect: [{ year: 2018, section: R2018.services }, { year: 2018, section: R2018.integrity }] },
  { query: '社团', why: 'everyday word for 社会团体 / 社会组织', expect: [{ year: 2018, section: R2018.community }] },
  { query: '优抚', why: 'short official term', expect: [{ year: 2018, section: R2018.veterans }] },
  { query: '结婚登记', why: 'official term', expect: [{ year: 2018, section: R2018.services }, { metric: 'marriage-registrations' }] },
];

interface ShownResult {
  /** Path under the site base: reports/2022/ */
  path: string;
  title: string;
  excerptHtml: string;
  /** Shown sub-results: path#decoded-anchor, title, excerpt. */
  subs: Array<{ path: string; anchor: string; title: string; excerptHtml: string }>;
}

interface SearchOutcome {
  message: string;
  input: string;
  results: ShownResult[];
}

/** Waits until the UI has finished searching and has drawn every result it shows. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const message = document.querySelector('.pagefind-ui__message')?.textContent ?? '';
    return message !== '' && !message.includes('正在搜索') && document.querySelectorAll('.pagefind-ui__loading').length === 0;
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
      message: document.querySelector('.pagefind-ui__message')?.textContent ?? '',
      input: document.querySelector<HTMLInputElement>('.pagefind-ui__search-input')?.value ?? '',
      results: [...document.querySelectorAll('.pagefind-ui__result')].map((li) => {
        const link = li.querySelector<HTMLAnchorElement>(':scope > .pagefind-ui__result-inner > .pagefind-ui__result-title a')!;
        return {
          path: strip(link.href).path,
          title: link.textContent?.trim() ?? '',
          excerptHtml: li.querySelector(':scope > .pagefind-ui__result-inner > .pagefind-ui__result-excerpt')?.innerHTML ?? '',
          subs: [...li.querySelectorAll('.pagefind-ui__result-nested')].map((nested) => {
            const a = nested.querySelector<HTMLAnchorElement>('a')!;
            return {
              ...strip(a.href),
              title: a.textContent?.trim() ?? '',
              excerptHtml: nested.querySelector('.pagefind-ui__result-excerpt')?.innerHTML ?? '',
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
  return first.some((r) => r.path === `reports/${target.year}/` && r.subs.some((s) => s.anchor === target.section));
}

const describeTarget = (t: Target) => ('metric' in t ? `metrics/${t.metric}/` : `${t.year} #${t.section}`);

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
    const name = (Object.keys(TOPIC_INFO) as Topic[]).find((t) => TOPIC_INFO[t].slug === topic[1]);
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
  if (topic) return (Object.keys(TOPIC_INFO) as Topic[]).filter((t) => TOPIC_INFO[t].slug === topic[1]);
  throw new Error(`unexpected result page ${path}`);
}

/** Every result of the current search, pressing "显示更多结果" until all are shown. */
async function allResults(page: Page, base: string): Promise<ShownResult[]> {
  for (;;) {
    const more = page.locator('.pagefind-ui__button', { hasText: '显示更多结果' });
    if ((await more.count()) === 0) break;
    await more.click();
    await settled(page);
  }
  return (await shown(page, base)).results;
}

function resultCount(message: string): number {
  const m = /找到 (\d+) 条/.exec(message);
  return m ? Number(m[1]) : 0;
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

  it(`has a table of at least 20 real queries`, () => {
    expect(SEARCH_CASES.length).toBeGreaterThanOrEqual(20);
  });

  it.each(SEARCH_CASES.map((c) => [c.query, c] as const))('%s: the expected sections and metrics are among the first results', async (_q, c) => {
    const outcome = await search(page, site, base, c.query);
    expect(outcome.input).toBe(c.query);
    const missing = c.expect.filter((t) => !found(outcome, t)).map(describeTarget);
    const seen = outcome.results.slice(0, FIRST_PAGE).map((r) => `${r.path} [${r.subs.map((s) => s.anchor).join(', ')}]`);
    expect(missing, `${c.query} (${c.why}) — first results:\n${seen.join('\n')}`).toEqual([]);
  });

  it('shows the section title, a highlighted excerpt and a link to the section', async () => {
    const outcome = await search(page, site, base, '持证社工');
    const report = outcome.results.find((r) => r.path === 'reports/2022/')!;
    const section = report.subs.find((s) => s.anchor === R2022.governance)!;
    expect(section.title).toBe('（二）基层社会治理出新出彩');
    expect(section.excerptHtml).toMatch(/<mark>[^<]*社工[^<]*<\/mark>/);
    expect(section.path).toBe('reports/2022/');
    // The section link lands on the heading.
    await page.locator(`.pagefind-ui__result-nested a[href$="#${encodeURIComponent(R2022.governance)}"]`).first().click();
    await page.waitForURL(/\/reports\/2022\/#/);
    expect(decodeURIComponent(new URL(page.url()).hash.slice(1))).toBe(R2022.governance);
    expect(await page.locator(`[id="${R2022.governance}"]`).count()).toBe(1);
  });

  it('says so when nothing matches', async () => {
    const outcome = await search(page, site, base, '火星探测器');
    expect(outcome.results).toEqual([]);
    expect(outcome.message).toContain('没有找到');
  });

  it('shows the three filters with their values', async () => {
    await search(page, site, base, '低保');
    const groups = await page.locator('.pagefind-ui__filter-name').allTextContents();
    expect(groups.map((g) => g.trim()).sort()).toEqual(['主题', '年份', '报告类型'].sort());
    const years = await page.locator('input.pagefind-ui__filter-checkbox[name="年份"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(years.sort()).toEqual(REPORTS.map((r) => String(r.year)).sort());
  });

  it('opens the filters beside the results on a wide screen, and closes them above the results on a phone', async () => {
    const openFilters = () => page.locator('.pagefind-ui__filter-panel details[open]').count();
    await search(page, site, base, '低保');
    expect(await openFilters()).toBe(3);
    const phone = await browser.newPage({ viewport: { width: 360, height: 800 } });
    try {
      await search(phone, site, base, '低保');
      expect(await phone.locator('.pagefind-ui__filter-panel details').count()).toBe(3);
      expect(await phone.locator('.pagefind-ui__filter-panel details[open]').count()).toBe(0);
      // The first result starts within the second screenful, not after every filter value.
      const top = await phone.locator('.pagefind-ui__result').first().evaluate((e) => e.getBoundingClientRect().top + scrollY);
      expect(top).toBeLessThan(1200);
    } finally {
      await phone.close();
    }
  });

  it('年份 = 2018 narrows the results to 2018 items', async () => {
    await search(page, site, base, '低保');
    const before = resultCount(await page.locator('.pagefind-ui__message').innerText());
    await page.locator('label[for="年份-2018"]').click();
    await page.waitForFunction((n) => {
      const m = /找到 (\d+) 条/.exec(document.querySelector('.pagefind-ui__message')?.textContent ?? '');
      return m !== null && Number(m[1]) !== n;
    }, before);
    await settled(page);
    const after = resultCount(await page.locator('.pagefind-ui__message').innerText());
    const results = await allResults(page, base);
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);
    expect(results).toHaveLength(after);
    const not2018 = results.filter((r) => !yearsOf(r.path).includes(2018)).map((r) => r.path);
    expect(not2018).toEqual([]);
    expect(results.map((r) => r.path)).toContain('reports/2018/');
    expect(results.map((r) => r.path)).not.toContain('reports/2022/');
  });

  it('报告类型 narrows the results to that report’s items', async () => {
    await search(page, site, base, '社工');
    const type2022 = REPORTS.find((r) => r.year === 2022)!.reportType;
    await page.locator(`label[for="报告类型-${type2022}"]`).click();
    await page.waitForFunction(() => !document.querySelector('.pagefind-ui__result a[href*="/reports/2018/"]'));
    await settled(page);
    const results = await allResults(page, base);
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((r) => !yearsOf(r.path).includes(2022)).map((r) => r.path)).toEqual([]);
    expect(results.map((r) => r.path)).toContain('reports/2022/');
  });

  it('主题 narrows the results to that topic', async () => {
    await search(page, site, base, '老人');
    const before = resultCount(await page.locator('.pagefind-ui__message').innerText());
    await page.locator('label[for="主题-养老服务"]').click();
    await page.waitForFunction((n) => {
      const m = /找到 (\d+) 条/.exec(document.querySelector('.pagefind-ui__message')?.textContent ?? '');
      return m !== null && Number(m[1]) !== n;
    }, before);
    await settled(page);
    const results = await allResults(page, base);
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((r) => !topicsOf(r.path).includes('养老服务')).map((r) => r.path)).toEqual([]);
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
    expect(await page.inputValue('#header-search-q')).toBe('退役军人');
    expect(found(outcome, { year: 2018, section: R2018.highlights })).toBe(true);
  });

  it('typing in the search page runs the search and keeps ?q= in step', async () => {
    await page.goto(`${site.url}search/`);
    await page.fill('.pagefind-ui__search-input', '殡葬');
    await settled(page);
    const outcome = await shown(page, base);
    expect(outcome.results.length).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe('殡葬');
    // Enter in the box stays on the page (the UI's form has a javascript: action the CSP forbids).
    await page.press('.pagefind-ui__search-input', 'Enter');
    await page.waitForTimeout(200);
    expect(new URL(page.url()).pathname).toBe(`${base}search/`);
  });

  it('without JavaScript, the header form still reaches the search page, which explains and links onward', async () => {
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

  const SUBPATH_CASES = SEARCH_CASES.filter((c) => ['低保', '1106', '退役军人', '养老床位', '三社联动'].includes(c.query));

  it.each(SUBPATH_CASES.map((c) => [c.query, c] as const))('%s: same results, links under the base', async (_q, c) => {
    const outcome = await search(page, site, base, c.query);
    expect(c.expect.filter((t) => !found(outcome, t)).map(describeTarget)).toEqual([]);
    const hrefs = await page.locator('.pagefind-ui__result a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
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
