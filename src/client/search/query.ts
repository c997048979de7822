// What the site search does with a reader's query before Pagefind sees it, as pure functions:
// normalising what people type, and leading everyday words and abbreviations to the words the
// reports use. Pagefind 1.6 segments Chinese the same way at index and at query time, so the
// query itself goes to Pagefind as typed; synonyms only add queries, and only when the query
// contains a term or alias from the table. The reports' official text is shown as it is.

/** A group of equivalent search terms. */
export interface SynonymGroup {
  /** Terms the reports themselves use. Every one is searched when any member is asked for. */
  readonly terms: readonly string[];
  /** What readers type instead: everyday words, abbreviations, older names. Searched only when typed. */
  readonly aliases?: readonly string[];
}

/**
 * Everyday words and abbreviations, mapped to the words in the reports. The official terms come
 * from the report texts and metric definitions (tests/unit/search-query.test.ts checks that);
 * an alias only leads to the official terms.
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

/** One way of asking: every part must occur in a passage for it to hold the whole query. */
export interface QueryVariant {
  /** Normalised parts, as typed or with official terms in place of what was typed. */
  parts: string[];
  /** 1 for the query as typed; lower for each substitution. */
  weight: number;
}

const HAN = /\p{Script=Han}/u;

/** Whether the text contains a Chinese character. */
export const hasHan = (text: string) => HAN.test(text);

/** Thousands separators (1,106) and decimal points (4359.88) between digits. */
const THOUSANDS = /(\d),(?=\d{3}(?!\d))/g;
const DECIMAL = /(\d)\.(?=\d)/g;

/**
 * What a reader typed, made comparable with the texts: full-width letters and digits as
 * half-width (NFKC), lower case, thousands separators dropped (1,106 → 1106), punctuation,
 * symbols and invisible format characters as spaces (a decimal point between digits stays),
 * and a space wherever Chinese meets letters or digits (持证社工1106 → 持证社工 1106), so that
 * each part is matched on its own.
 */
export function normalizeQuery(raw: string): string {
  let text = raw.normalize('NFKC').toLowerCase();
  text = text.replace(THOUSANDS, '$1').replace(DECIMAL, '$1\u0001');
  text = text.replace(/[\p{P}\p{S}\p{Z}\p{Cf}\s]+/gu, ' ').replace(/\u0001/g, '.');
  const parts = text.match(/\p{Script=Han}+|[^\p{Script=Han}\s]+/gu) ?? [];
  return parts.join(' ');
}

/**
 * A text reduced for matching a query part, with where each of its characters came from: the
 * same folding as normalizeQuery, and spaces, punctuation and thousands separators left out, so
 * that 两残补贴 matches “两残”补贴 and 1106 matches 1,106. `origin[i]` is the index in `text` of
 * the character that key[i] came from.
 */
export function matchKey(text: string): { key: string; origin: number[] } {
  let key = '';
  const origin: number[] = [];
  for (let at = 0; at < text.length; ) {
    const code = text.codePointAt(at)!;
    const char = String.fromCodePoint(code);
    if (KEPT_AS_IS(code)) {
      // Most of a page (Chinese characters, lower-case letters, digits): folding keeps them, and
      // skipping the general path keeps a page of results quick on a phone.
      key += char;
      origin.push(at);
    } else if (char === '.' && isDigit(text[at - 1]) && isDigit(text[at + 1])) {
      key += '.';
      origin.push(at);
    } else if (!SKIPPED.test(char)) {
      for (const folded of char.normalize('NFKC').toLowerCase()) {
        key += folded;
        origin.push(at);
      }
    }
    at += char.length;
  }
  return { key, origin };
}

/** Left out of a match key: punctuation, symbols, spaces and invisible format characters. */
const SKIPPED = /[\p{P}\p{S}\p{Z}\p{Cf}\s]/u;
const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';
/** Characters NFKC and lower-casing leave as they are: CJK unified ideographs, a–z, 0–9. */
const KEPT_AS_IS = (code: number) => (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);

interface SynonymMatch {
  start: number;
  end: number;
  /** What to search as well as the matched text, the matched text first. */
  options: string[];
}

/** Every synonym key, longest first, so 老人证 is read as 老年证's alias, not as 老人 + 证. */
function synonymKeys(groups: readonly SynonymGroup[]): Array<{ key: string; group: SynonymGroup }> {
  const keys = groups.flatMap((group) => [...group.terms, ...(group.aliases ?? [])].map((key) => ({ key, group })));
  return keys.sort((a, b) => b.key.length - a.key.length);
}

/** Latin keys (ngo) match whole parts only; Chinese keys match anywhere in a part. */
function wholeWordAt(text: string, at: number, key: string): boolean {
  if (hasHan(key)) return true;
  const before = text[at - 1];
  const after = text[at + key.length];
  return (before === undefined || before === ' ') && (after === undefined || after === ' ');
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
    matches.push({ start: i, end: i + found.key.length, options: [found.key, ...found.group.terms.filter((t) => t !== found.key)] });
    i += found.key.length;
  }
  return matches;
}

/**
 * The normalised query and its synonym variants: the query as typed first (weight 1), then each
 * combination of official terms, fewer substitutions first, at most `limit` in all. A query
 * without a term or alias from the table has only itself.
 */
export function expandQuery(normalized: string, groups: readonly SynonymGroup[] = SYNONYMS, limit = 6): QueryVariant[] {
  const matches = findSynonyms(normalized, groups);
  let variants: Array<{ text: string; substitutions: number }> = [{ text: '', substitutions: 0 }];
  let cursor = 0;
  for (const match of matches) {
    const between = normalized.slice(cursor, match.start);
    variants = variants
      .flatMap((variant) => match.options.map((option, index) => ({ text: variant.text + between + option, substitutions: variant.substitutions + (index === 0 ? 0 : 1) })))
      .sort((a, b) => a.substitutions - b.substitutions)
      .slice(0, limit * 4);
    cursor = match.end;
  }
  const tail = normalized.slice(cursor);
  const seen = new Set<string>();
  const out: QueryVariant[] = [];
  for (const variant of variants.sort((a, b) => a.substitutions - b.substitutions)) {
    const text = variant.text + tail;
    if (seen.has(text) || text.trim() === '') continue;
    seen.add(text);
    out.push({ parts: text.split(' '), weight: 0.9 ** variant.substitutions });
    if (out.length >= limit) break;
  }
  return out;
}

/** The reader's query, ready to search: what Pagefind is asked, and what is highlighted. */
export interface SearchTerms {
  /** The normalised query as typed ('' when nothing searchable was typed). */
  query: string;
  variants: QueryVariant[];
  /**
   * The strings to highlight as a whole: every part of every variant (the query's own parts
   * and the official terms an alias led to), longest first.
   */
  marks: string[];
  /** Official terms searched in addition to what was typed, for the status line. */
  added: string[];
}

export function searchTerms(raw: string, groups: readonly SynonymGroup[] = SYNONYMS): SearchTerms {
  const query = normalizeQuery(raw);
  if (query === '') return { query, variants: [], marks: [], added: [] };
  const variants = expandQuery(query, groups);
  const typed = new Set(variants[0]!.parts);
  const marks = [...new Set(variants.flatMap((v) => v.parts))].sort((a, b) => b.length - a.length);
  return { query, variants, marks, added: marks.filter((m) => !typed.has(m)) };
}
