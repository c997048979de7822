// What the site search does with a reader's query before Pagefind sees it, as pure functions:
// normalising what people type, mapping everyday words and abbreviations to the words the
// reports use, and planning several Pagefind queries so that no result is lost to the way
// Chinese is cut into words.
//
// Why several queries (Pagefind issue #1237): Pagefind's extended build cuts Chinese text into
// words with jieba when it indexes, but since 1.5 it cuts the *query* in the browser with
// Intl.Segmenter (ICU). The two often disagree. Every query word must match the start of an
// indexed word (Pagefind matches prefixes, and all words must match), so:
//   - ICU keeps 退役军人 / 老年人 as one word where jieba indexed 退役 + 军人 / 老年 + 人: no
//     indexed word starts with 退役军人, and the 2018 report is not found (1 result of 22);
//   - ICU cuts 低保 into 低 + 保 where jieba indexed 低保: a page that says 低保 but has no
//     word starting with 保 is not found (7 results of 16);
//   - ICU cuts 三社联动 into 三社 + 联 + 动, jieba into 三 + 社 + 联动: nothing is found;
//   - quoting does not help: "低保" is cut the same way and finds nothing.
// (jieba's cuts can be read in the built index: Pagefind stores each page's text with a
// zero-width space at every word break.)
// So each query runs as it was typed, and also as "pairs" (long ICU words cut in two-character
// pieces, the usual length of a jieba word) and as "lead" queries that only ask for what any
// segmentation must have indexed where the run starts: a word starting with its first two
// characters (or its first one, when ICU splits those), or — in case jieba made the first
// character a word of its own (三 + 社联 + 动 for 三社联动) — a word starting with the first
// character and one starting with the second. Lead queries find every page where the run
// starts a word, and more; their extra pages are kept only if their text really contains what
// was asked (the page text, not the word list, is the judge; search-engine.ts loads it, for at
// most 30 pages a search, and past that keeps only pages whose two-prefix lead words stand side
// by side). Not covered: an occurrence that starts inside a jieba word — "5家居家养老服务中心"
// is cut 5 + 家居 + 家 + 养老…, so that one occurrence of 居家养老 cannot be found by any
// prefix; a page is still found through its other occurrences (checked for the table of test
// queries in tests/e2e/search.test.ts).
// Synonyms change only the queries: the reports' official text is shown as it is.

/** A group of equivalent search terms. */
export interface SynonymGroup {
  /** Terms the reports themselves use. Every one is searched when any member is asked for. */
  readonly terms: readonly string[];
  /** What readers type instead: everyday words, abbreviations, older names. Searched only when typed. */
  readonly aliases?: readonly string[];
}

/**
 * Everyday words and abbreviations, mapped to the words in the reports. The official terms come
 * from the report texts and metric definitions; an alias never appears in results, it only
 * leads to the official terms.
 */
export const SYNONYMS: readonly SynonymGroup[] = [
  { terms: ['低保', '最低生活保障'], aliases: ['低保户', '低保金', '城乡低保'] },
  { terms: ['特困'], aliases: ['五保', '五保户', '特困户'] },
  { terms: ['临时救助'], aliases: ['急难救助', '临时困难救助'] },
  { terms: ['大病救助'], aliases: ['重病救助', '大病医疗救助'] },
  { terms: ['两残补贴', '两项补贴'], aliases: ['两残', '残疾人补贴', '残疾人两项补贴', '残补'] },
  { terms: ['退役军人', '退伍军人', '退役士兵'], aliases: ['退役人员', '复员军人', '转业军人', '老兵'] },
  { terms: ['优抚'], aliases: ['拥军优属', '优待抚恤', '军烈属'] },
  { terms: ['社工', '持证社工'], aliases: ['社会工作者', '社会工作师', '社工师', '社工人才'] },
  { terms: ['老年人', '老人'], aliases: ['长者', '老年群体'] },
  { terms: ['床位'], aliases: ['养老床位', '养老机构床位'] },
  { terms: ['养老机构', '敬老院'], aliases: ['养老院', '老人院', '福利院'] },
  { terms: ['居家养老'], aliases: ['社区养老', '居家养老服务'] },
  { terms: ['老年食堂'], aliases: ['长者食堂', '老年餐桌', '老人食堂', '助餐点'] },
  { terms: ['高龄津贴'], aliases: ['高龄补贴', '长寿补贴', '高龄老人补贴'] },
  { terms: ['老年证'], aliases: ['老人证', '老年优待证'] },
  { terms: ['适老化改造'], aliases: ['无障碍改造', '适老改造'] },
  { terms: ['未成年人保护', '未保'], aliases: ['未成年人保护工作', '儿童保护'] },
  { terms: ['殡葬', '殡仪'], aliases: ['丧葬', '丧事', '治丧'] },
  { terms: ['福利彩票', '中福在线'], aliases: ['福彩', '彩票'] },
  { terms: ['婚姻登记', '结婚登记', '离婚登记'], aliases: ['婚登', '领证'] },
  { terms: ['社会组织', '社会团体', '民办非企业单位'], aliases: ['社团', '民非', 'ngo', '非营利组织'] },
  { terms: ['地名'], aliases: ['路名', '道路命名', '地名区划'] },
  { terms: ['疫情'], aliases: ['新冠', '新冠肺炎', '新冠疫情'] },
  { terms: ['党风廉政'], aliases: ['廉政建设', '反腐'] },
];

/** One way of asking: the query with some terms replaced by their official equivalents. */
export interface QueryVariant {
  /** Normalised text, parts separated by single spaces. */
  text: string;
  /** 1 for the query as typed; lower for each substitution. */
  weight: number;
}

/** One Pagefind query the search runs for a reader's query. */
export interface SearchPlan {
  /** The string given to Pagefind's search(). */
  query: string;
  /** How much a hit counts, from 0 to 1. */
  weight: number;
  /**
   * Text a hit must contain (each part, in the page text) to be kept, or null when Pagefind's
   * own match is trusted. Set for the broad "lead" queries.
   */
  verify: string[] | null;
  /**
   * Set on a lead query of two one-character prefixes for a one-run query (三社联动 → 三 社): a hit
   * whose matched words include two consecutive positions has them next to each other, as the
   * query needs. Used to keep hits the page-text check has no budget left for.
   */
  adjacent?: true;
}

/** Splits a Chinese run into words; Pagefind does the same with Intl.Segmenter at query time. */
export type Segmenter = (run: string) => string[];

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /^\p{Script=Han}+$/u;

/** Whether the text contains a Chinese character. */
export const hasHan = (text: string) => HAN.test(text);

let icu: Intl.Segmenter | undefined;

/** The words Intl.Segmenter (ICU, as in the browser) finds in a run of text. */
export function icuWords(run: string): string[] {
  icu ??= new Intl.Segmenter('zh-CN', { granularity: 'word' });
  return [...icu.segment(run)].filter((s) => s.isWordLike).map((s) => s.segment);
}

/**
 * What a reader typed, made comparable with the texts: full-width letters and digits as
 * half-width (NFKC), lower case, thousands separators dropped (1,106 → 1106), punctuation and
 * symbols and invisible format characters (the zero-width spaces Pagefind puts between words
 * in its stored text) as spaces (a decimal point between digits stays), and a space wherever Chinese meets
 * letters or digits (持证社工1106 → 持证社工 1106), so each part can be matched on its own.
 */
export function normalizeQuery(raw: string): string {
  let text = raw.normalize('NFKC').toLowerCase();
  text = text.replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  text = text.replace(/(\d)\.(?=\d)/g, '$1\u0001');
  text = text.replace(/[\p{P}\p{S}\p{Z}\p{Cf}\s]+/gu, ' ');
  text = text.replace(/\u0001/g, '.');
  const parts = text.match(/\p{Script=Han}+|[^\p{Script=Han}\s]+/gu) ?? [];
  return parts.join(' ');
}

/** Text reduced for a containment check: normalised, without spaces. */
export function compact(text: string): string {
  return normalizeQuery(text).replace(/ /g, '');
}

/** Whether `content` contains every part of `parts`, ignoring spaces, punctuation and width. */
export function containsAll(content: string, parts: readonly string[]): boolean {
  const haystack = compact(content);
  return parts.every((part) => haystack.includes(compact(part)));
}

interface SynonymMatch {
  start: number;
  end: number;
  /** What to search instead of (or as well as) the matched text, the matched text first. */
  options: string[];
}

/** Longest synonym keys first, so 老人证 is read as 老年证's alias, not as 老人 + 证. */
function synonymKeys(groups: readonly SynonymGroup[]): Array<{ key: string; group: SynonymGroup }> {
  const keys = groups.flatMap((group) => [...group.terms, ...(group.aliases ?? [])].map((key) => ({ key, group })));
  return keys.sort((a, b) => b.key.length - a.key.length);
}

function findSynonyms(text: string, groups: readonly SynonymGroup[]): SynonymMatch[] {
  const keys = synonymKeys(groups);
  const matches: SynonymMatch[] = [];
  let i = 0;
  while (i < text.length) {
    const found = keys.find(({ key }) => text.startsWith(key, i) && wholeWordAt(text, i, key));
    if (!found) {
      i += 1;
      continue;
    }
    const options = [found.key, ...found.group.terms.filter((t) => t !== found.key)];
    matches.push({ start: i, end: i + found.key.length, options });
    i += found.key.length;
  }
  return matches;
}

/** Latin keys (ngo) match whole parts only; Chinese keys match anywhere in a run. */
function wholeWordAt(text: string, at: number, key: string): boolean {
  if (hasHan(key)) return true;
  const before = text[at - 1];
  const after = text[at + key.length];
  return (before === undefined || before === ' ') && (after === undefined || after === ' ');
}

/**
 * The normalised query and its synonym variants: the query as typed first (weight 1), then
 * each combination of official terms, fewer substitutions first, at most `limit` in all.
 */
export function expandQuery(normalized: string, groups: readonly SynonymGroup[] = SYNONYMS, limit = 8): QueryVariant[] {
  const matches = findSynonyms(normalized, groups);
  let variants: Array<{ text: string; substitutions: number }> = [{ text: '', substitutions: 0 }];
  let cursor = 0;
  for (const match of matches) {
    const between = normalized.slice(cursor, match.start);
    const next: typeof variants = [];
    for (const variant of variants) {
      match.options.forEach((option, index) => {
        next.push({ text: variant.text + between + option, substitutions: variant.substitutions + (index === 0 ? 0 : 1) });
      });
    }
    variants = next.sort((a, b) => a.substitutions - b.substitutions).slice(0, limit * 4);
    cursor = match.end;
  }
  const tail = normalized.slice(cursor);
  const seen = new Set<string>();
  const out: QueryVariant[] = [];
  for (const variant of variants.sort((a, b) => a.substitutions - b.substitutions)) {
    const text = variant.text + tail;
    if (seen.has(text) || text.trim() === '') continue;
    seen.add(text);
    out.push({ text, weight: variant.substitutions === 0 ? 1 : 0.9 ** variant.substitutions * 0.95 });
    if (out.length >= limit) break;
  }
  return out;
}

/** Two-character pieces of a long word (老年人 → 老年 人), the usual size of a jieba word. */
function pairs(word: string): string[] {
  const chars = [...word];
  if (chars.length < 3) return [word];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += 2) out.push(chars.slice(i, i + 2).join(''));
  return out;
}

/**
 * The prefixes any segmentation of a Chinese run must have indexed where the run starts, as
 * Pagefind queries that ICU will not change. If jieba's first word there has two characters or
 * more, it starts with the run's first two characters: ask for that prefix (or for the first
 * character alone when ICU would split the two: 低保 → 低). If jieba's first word is the first
 * character alone, the next word starts at the second: ask for both characters as prefixes
 * (三社联动 → 三 社). 退役军人 → [退役, 退 役]; 低保 → [低]; 养 → [养].
 */
export function leadQueries(run: string, segment: Segmenter = icuWords): string[] {
  const chars = [...run];
  if (chars.length < 2) return [run];
  const head = chars.slice(0, 2).join('');
  const first = segment(head)[0] ?? head;
  if (first !== head) return [chars[0]!];
  return [head, `${chars[0]} ${chars[1]}`];
}

/** The query Pagefind will actually run for a string: its ICU words, space-separated. */
function asPagefindSees(text: string, segment: Segmenter): string {
  return text
    .split(' ')
    .flatMap((part) => (HAN_RUN.test(part) ? segment(part) : [part]))
    .join(' ');
}

/** Plan weights: the query as typed, its two-character pieces, and the verified lead query. */
export const PLAN_WEIGHTS = { exact: 1, pairs: 0.95, lead: 0.8 } as const;

/**
 * The Pagefind queries to run for what a reader typed: for each synonym variant, the variant
 * itself, its two-character pieces when ICU would keep a long word whole, and lead queries whose
 * hits must contain the variant's parts. Each distinct Pagefind query once. Empty for a query
 * with nothing searchable in it.
 */
export function searchPlans(raw: string, segment: Segmenter = icuWords, groups: readonly SynonymGroup[] = SYNONYMS): SearchPlan[] {
  const normalized = normalizeQuery(raw);
  if (normalized === '') return [];
  const plans = new Map<string, SearchPlan>();
  const add = (plan: SearchPlan) => {
    const key = asPagefindSees(plan.query, segment);
    const known = plans.get(key);
    if (!known) {
      plans.set(key, plan);
      return;
    }
    // The same Pagefind query from two routes: keep the higher weight, and trust it if either does.
    known.weight = Math.max(known.weight, plan.weight);
    if (known.verify && !plan.verify) known.verify = null;
  };
  for (const variant of expandQuery(normalized, groups)) {
    const parts = variant.text.split(' ');
    add({ query: variant.text, weight: variant.weight * PLAN_WEIGHTS.exact, verify: null });
    const pieces = parts.map((part) => (HAN_RUN.test(part) ? segment(part).flatMap(pairs).join(' ') : part)).join(' ');
    add({ query: pieces, weight: variant.weight * PLAN_WEIGHTS.pairs, verify: null });
    if (parts.some((part) => HAN_RUN.test(part))) {
      // Every combination of the runs' lead queries (most queries have one run), at most 8.
      let leads: string[] = [''];
      for (const part of parts) {
        const options = HAN_RUN.test(part) ? leadQueries(part, segment) : [part];
        leads = leads.flatMap((lead) => options.map((option) => (lead ? `${lead} ${option}` : option))).slice(0, 8);
      }
      for (const lead of leads) {
        const plan: SearchPlan = { query: lead, weight: variant.weight * PLAN_WEIGHTS.lead, verify: parts };
        if (parts.length === 1 && lead.includes(' ')) plan.adjacent = true;
        add(plan);
      }
    }
  }
  return [...plans.values()];
}

/** One result of one planned query, as Pagefind scored it. */
export interface PlanHit {
  id: string;
  score: number;
}

/** A page found by one or more planned queries. */
export interface RankedHit {
  id: string;
  /** Fused score: the sum over the queries that found the page of weight / (RRF_K + rank). */
  score: number;
  /**
   * The queries that found the page, best first (highest weight, then best rank): the first one's
   * excerpt highlights the words the reader asked for.
   */
  plans: number[];
  /**
   * Null when a trusted query found the page. Otherwise the alternatives to check: the page is
   * kept if its text contains every part of at least one of them.
   */
  verify: string[][] | null;
}

/** Rank offset of reciprocal rank fusion: how much a query's top hits count above its tail. */
export const RRF_K = 10;

/**
 * Merges the hits of the planned queries by reciprocal rank fusion: each page once, scored by
 * the sum of weight / (RRF_K + rank) over the queries that found it. Pagefind's raw scores are
 * not comparable between queries; ranks are, and a page that the query, its pieces and its
 * synonyms all find comes before a page only one of them finds. Ties keep first-found order.
 */
export function rankHits(plans: readonly SearchPlan[], hits: readonly (readonly PlanHit[])[]): RankedHit[] {
  const merged = new Map<string, RankedHit & { order: number; found: Array<{ plan: number; rank: number }> }>();
  let order = 0;
  plans.forEach((plan, p) => {
    const list = [...(hits[p] ?? [])].sort((a, b) => b.score - a.score);
    list.forEach((hit, index) => {
      const rank = index + 1;
      let known = merged.get(hit.id);
      if (!known) {
        known = { id: hit.id, score: 0, plans: [], verify: plan.verify ? [] : null, order: order++, found: [] };
        merged.set(hit.id, known);
      }
      known.score += plan.weight / (RRF_K + rank);
      known.found.push({ plan: p, rank });
      if (!plan.verify) known.verify = null;
      else if (known.verify) known.verify.push(plan.verify);
    });
  });
  return [...merged.values()]
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ order: _order, found, ...hit }) => ({
      ...hit,
      plans: found
        .sort((a, b) => plans[b.plan]!.weight - plans[a.plan]!.weight || a.rank - b.rank)
        .map((f) => f.plan),
    }));
}

/** Whether a list of word positions has two that follow each other. */
export function hasConsecutive(positions: readonly number[]): boolean {
  const sorted = [...positions].sort((a, b) => a - b);
  return sorted.some((p, i) => i > 0 && sorted[i - 1] === p - 1);
}

/** Whether a page's text passes a ranked hit's check (always, for trusted hits). */
export function passesCheck(content: string, verify: string[][] | null): boolean {
  return verify === null || verify.some((parts) => containsAll(content, parts));
}
