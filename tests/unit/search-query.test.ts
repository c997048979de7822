import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compact,
  containsAll,
  hasConsecutive,
  expandQuery,
  icuWords,
  leadQueries,
  normalizeQuery,
  passesCheck,
  rankHits,
  RRF_K,
  searchPlans,
  SYNONYMS,
  type SearchPlan,
  type Segmenter,
} from '../../src/lib/search-query.ts';
import { TOPICS } from '../../src/schemas/topic.ts';

const ROOT = join(import.meta.dirname, '../..');
const texts = (variant: string) => expandQuery(normalizeQuery(variant)).map((v) => v.text);

/** A stand-in for Intl.Segmenter with the cuts that matter here, so plans do not depend on ICU data. */
const STUB_WORDS: Record<string, string[]> = {
  退役军人: ['退役军人'],
  退役: ['退役'],
  退伍军人: ['退伍', '军人'],
  退伍: ['退伍'],
  退役士兵: ['退役', '士兵'],
  低保: ['低', '保'],
  最低生活保障: ['最低', '生活', '保障'],
  最低: ['最低'],
  老年人: ['老年人'],
  老年: ['老年'],
  三社联动: ['三社', '联', '动'],
  三社: ['三社'],
};
const stub: Segmenter = (run) => STUB_WORDS[run] ?? [...run];

describe('normalizeQuery', () => {
  it('turns full-width letters and digits into half-width, and lowers case', () => {
    expect(normalizeQuery('１１０６')).toBe('1106');
    expect(normalizeQuery('ＮＧＯ')).toBe('ngo');
  });

  it('drops thousands separators but keeps a decimal point', () => {
    expect(normalizeQuery('1,106')).toBe('1106');
    expect(normalizeQuery('１，１０６')).toBe('1106');
    expect(normalizeQuery('4359.88万元')).toBe('4359.88 万元');
    expect(normalizeQuery('3,000,000')).toBe('3000000');
  });

  it('makes punctuation a separator and splits Chinese from digits', () => {
    expect(normalizeQuery('“两残”补贴')).toBe('两残 补贴');
    expect(normalizeQuery('持证社工1106人')).toBe('持证社工 1106 人');
    expect(normalizeQuery('  低保，特困。 ')).toBe('低保 特困');
    expect(normalizeQuery('87%')).toBe('87');
  });

  it('leaves nothing for a query of only spaces and punctuation', () => {
    expect(normalizeQuery(' 、。？ ')).toBe('');
    expect(searchPlans('  ')).toEqual([]);
  });
});

describe('containsAll / passesCheck', () => {
  const content = '发放“两残”补贴 71993人次， 870余万元。全区现有持证社工 1106人。2022年 1,106人.';

  it('finds the parts whatever the spaces, quotes and thousands separators in the page text', () => {
    expect(containsAll(content, ['两残补贴'])).toBe(true);
    expect(containsAll(content, ['持证社工1106'])).toBe(true);
    expect(containsAll(content, ['1106', '持证社工'])).toBe(true);
    expect(compact('2022年 1,106人.')).toBe('2022年1106人');
    // Pagefind's stored text marks its word breaks with zero-width spaces.
    expect(containsAll('三\u200b社\u200b联动', ['三社联动'])).toBe(true);
  });

  it('needs every part', () => {
    expect(containsAll(content, ['持证社工', '低保'])).toBe(false);
  });

  it('passes a trusted hit, or a hit that meets one of its alternatives', () => {
    expect(passesCheck(content, null)).toBe(true);
    expect(passesCheck(content, [['低保'], ['两残补贴']])).toBe(true);
    expect(passesCheck(content, [['低保'], ['老年人']])).toBe(false);
  });
});

describe('expandQuery (synonyms)', () => {
  it('keeps the query as typed first, at full weight', () => {
    const variants = expandQuery('低保');
    expect(variants[0]).toEqual({ text: '低保', weight: 1 });
    expect(variants.slice(1).every((v) => v.weight < 1)).toBe(true);
  });

  it.each([
    ['最低生活保障', '低保'],
    ['低保', '最低生活保障'],
    ['退伍军人', '退役军人'],
    ['退役军人', '退伍军人'],
    ['社工', '持证社工'],
    ['社会工作者', '社工'],
    ['社会工作者', '持证社工'],
    ['老人', '老年人'],
    ['老年人', '老人'],
    ['养老床位', '床位'],
    ['养老院', '养老机构'],
    ['福彩', '福利彩票'],
    ['未保', '未成年人保护'],
    ['五保户', '特困'],
    ['两残', '两残补贴'],
    ['残疾人补贴', '两项补贴'],
  ])('%s is also searched as %s', (query, official) => {
    expect(texts(query)).toContain(official);
  });

  it('expands terms inside a longer query and in each part', () => {
    expect(texts('退伍军人信息采集')).toContain('退役军人信息采集');
    const both = texts('退伍军人 低保');
    expect(both[0]).toBe('退伍军人 低保');
    expect(both).toContain('退役军人 最低生活保障');
  });

  it('reads the longest known term first (老人证 is 老年证, not 老人 + 证)', () => {
    expect(texts('老人证')).toEqual(['老人证', '老年证']);
  });

  it('does not expand 床位 to the narrower 养老床位 (an alias is only searched when typed)', () => {
    expect(texts('床位')).toEqual(['床位']);
  });

  it('matches Latin aliases as whole words only', () => {
    expect(texts('ngo')).toContain('社会组织');
    expect(texts('mongo')).toEqual(['mongo']);
  });

  it('caps the number of variants', () => {
    expect(expandQuery('退伍军人 低保 老人 社工 殡葬').length).toBeLessThanOrEqual(8);
  });

  it('leaves a query without known terms alone', () => {
    expect(expandQuery('1106')).toEqual([{ text: '1106', weight: 1 }]);
  });
});

describe('the synonym table', () => {
  const corpus = compact(
    [
      ...readdirSync(join(ROOT, 'content/reports')).map((f) => readFileSync(join(ROOT, 'content/reports', f), 'utf8')),
      readFileSync(join(ROOT, 'content/metrics.yaml'), 'utf8'),
      TOPICS.join(' '),
    ].join('\n'),
  );

  it('maps only to terms the reports, metric definitions or topic names actually use', () => {
    const missing = SYNONYMS.flatMap((g) => g.terms).filter((term) => !corpus.includes(compact(term)));
    expect(missing).toEqual([]);
  });

  it('lists each key once', () => {
    const keys = SYNONYMS.flatMap((g) => [...g.terms, ...(g.aliases ?? [])]);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('leadQueries', () => {
  it('asks for the first two characters, or the first alone when ICU splits them', () => {
    expect(leadQueries('退役军人', stub)).toEqual(['退役', '退 役']);
    expect(leadQueries('低保', stub)).toEqual(['低']);
  });

  it('covers jieba making the first character a word of its own (三 + 社联 + 动)', () => {
    expect(leadQueries('三社联动', stub)).toContain('三 社');
  });

  it('leaves a single character as it is', () => {
    expect(leadQueries('养', stub)).toEqual(['养']);
  });

  it('marks the two-prefix lead of a one-run query as checkable by word positions', () => {
    const plans = searchPlans('三社联动', stub);
    expect(plans.find((p) => p.query === '三 社')).toMatchObject({ adjacent: true, verify: ['三社联动'] });
    expect(plans.find((p) => p.query === '三社')!.adjacent).toBeUndefined();
    expect(searchPlans('三社联动 2022', stub).some((p) => p.adjacent)).toBe(false);
  });

  it('hasConsecutive finds two word positions side by side, in any order', () => {
    expect(hasConsecutive([40, 7, 12, 8])).toBe(true);
    expect(hasConsecutive([1, 3, 5])).toBe(false);
    expect(hasConsecutive([])).toBe(false);
  });
});

describe('searchPlans', () => {
  const byQuery = (plans: SearchPlan[]) => new Map(plans.map((p) => [p.query, p]));

  it('runs the query as typed, trusted and at full weight, first', () => {
    const plans = searchPlans('退役军人', stub);
    expect(plans[0]).toEqual({ query: '退役军人', weight: 1, verify: null });
  });

  it('adds two-character pieces when ICU keeps a long word whole (issue 1237: 退役军人 → 退役 军人)', () => {
    const plan = byQuery(searchPlans('退役军人', stub)).get('退役 军人');
    expect(plan?.verify).toBeNull();
  });

  it('adds lead queries whose hits must contain the query (issue 1237: 低保 → 低)', () => {
    const plans = byQuery(searchPlans('低保', stub));
    expect(plans.get('低')).toMatchObject({ verify: ['低保'] });
    expect(plans.get('低')!.weight).toBeLessThan(1);
  });

  it('plans the synonyms too, each with its own check', () => {
    const plans = byQuery(searchPlans('低保', stub));
    expect(plans.get('最低生活保障')).toMatchObject({ verify: null });
    expect(plans.get('最低')).toMatchObject({ verify: ['最低生活保障'] });
  });

  it('runs each distinct Pagefind query once, trusted if any route trusts it', () => {
    const plans = searchPlans('老年人', stub);
    const seen = plans.map((p) => p.query);
    expect(new Set(seen).size).toBe(seen.length);
    // 老人 (a synonym, trusted) — never also as an untrusted lead query for the same string
    expect(plans.filter((p) => p.query === '老人')).toHaveLength(1);
    expect(plans.find((p) => p.query === '老人')!.verify).toBeNull();
  });

  it('keeps numbers as they are (1106 finds 持证社工 1106人)', () => {
    expect(searchPlans('1106', stub)).toEqual([{ query: '1106', weight: 1, verify: null }]);
    expect(searchPlans('１，１０６', stub)[0]!.query).toBe('1106');
  });

  it('leads each Chinese part and keeps the other parts in a mixed query', () => {
    const plans = byQuery(searchPlans('2022 低保', stub));
    expect(plans.get('2022 低')).toMatchObject({ verify: ['2022', '低保'] });
  });

  it('works with the real ICU segmenter (the one Pagefind uses in the browser)', () => {
    expect(icuWords('退役军人工作')).toEqual(expect.arrayContaining(['工作']));
    const plans = searchPlans('三社联动');
    expect(plans.some((p) => p.verify !== null)).toBe(true);
    expect(plans[0]!.query).toBe('三社联动');
  });
});

describe('rankHits', () => {
  const plans: SearchPlan[] = [
    { query: 'a', weight: 1, verify: null },
    { query: 'b', weight: 0.8, verify: ['x'] },
    { query: 'c', weight: 0.9, verify: null },
  ];

  it('fuses ranks: a page found by several queries comes before one found once', () => {
    const ranked = rankHits(plans, [
      [{ id: 'solo', score: 50 }, { id: 'multi', score: 10 }],
      [{ id: 'multi', score: 3 }],
      [{ id: 'multi', score: 1 }],
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['multi', 'solo']);
    expect(ranked[1]!.score).toBeCloseTo(1 / (RRF_K + 1));
  });

  it('orders by rank within a query, not by raw scores across queries', () => {
    const ranked = rankHits(plans.slice(0, 1), [[{ id: 'low', score: 1 }, { id: 'high', score: 9 }]]);
    expect(ranked.map((r) => r.id)).toEqual(['high', 'low']);
  });

  it('trusts a page any trusted query found, and lists the checks of the rest', () => {
    const ranked = rankHits(plans, [[{ id: 'p', score: 1 }], [{ id: 'p', score: 1 }, { id: 'q', score: 1 }], []]);
    expect(ranked.find((r) => r.id === 'p')!.verify).toBeNull();
    expect(ranked.find((r) => r.id === 'q')!.verify).toEqual([['x']]);
  });

  it('lists the queries that found a page by weight, for the best excerpt', () => {
    const ranked = rankHits(plans, [[], [{ id: 'p', score: 1 }], [{ id: 'p', score: 1 }]]);
    expect(ranked[0]!.plans).toEqual([2, 1]);
  });
});
