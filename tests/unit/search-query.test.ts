import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandQuery, matchKey, normalizeQuery, searchTerms, SYNONYMS } from '../../src/client/search/query.ts';
import { readTopics } from '../support/content.ts';

const ROOT = join(import.meta.dirname, '../..');
const texts = (query: string) => expandQuery(normalizeQuery(query)).map((v) => v.parts.join(' '));

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
    expect(searchTerms('  ').variants).toEqual([]);
  });
});

describe('matchKey', () => {
  it('folds the page text as queries are folded, and remembers where each character came from', () => {
    const text = '“两残”补贴 1,106人';
    const { key, origin } = matchKey(text);
    expect(key).toBe('两残补贴1106人');
    expect(origin.map((i) => text[i]).join('')).toBe('两残补贴1106人');
  });

  it('keeps a decimal point between digits only', () => {
    expect(matchKey('4359.88万元。').key).toBe('4359.88万元');
    expect(matchKey('Ｎ．Ｇ．Ｏ').key).toBe('ngo');
  });

  it('skips Pagefind’s zero-width word breaks', () => {
    expect(matchKey('三\u200b社\u200b联动').key).toBe('三社联动');
  });

  it('folds every character as the general rule does, Chinese, digits and letters included (its quick path changes nothing)', () => {
    // The rule, character by character: a '.' between digits stays; punctuation, symbols,
    // spaces and format characters go; anything else is NFKC-folded and lower-cased.
    const byRule = (text: string) => {
      const chars = [...text];
      let key = '';
      const origin: number[] = [];
      let at = 0;
      chars.forEach((char, i) => {
        const keep = char === '.' && /\d/.test(chars[i - 1] ?? '') && /\d/.test(chars[i + 1] ?? '');
        const folded = keep ? '.' : /[\p{P}\p{S}\p{Z}\p{Cf}\s]/u.test(char) ? '' : char.normalize('NFKC').toLowerCase();
        for (const c of folded) {
          key += c;
          origin.push(at);
        }
        at += char.length;
      });
      return { key, origin };
    };
    const tricky = fc.constantFrom(...'低保丽廓1,106.5.ＡＢａｂAZaz０９。“”·﹒①Ⅻ㈠ｶﾞİẞǅ\u200b\u00a0\t\uF900', '\u{2F800}', '\u{20000}', '😀');
    const text = fc.array(fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 24 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(matchKey(t)).toEqual(byRule(t));
      }),
      { numRuns: 3000 },
    );
    const report = readFileSync(join(ROOT, 'content/reports', readdirSync(join(ROOT, 'content/reports'))[0]!), 'utf8');
    expect(matchKey(report)).toEqual(byRule(report));
  });
});

describe('synonyms', () => {
  it('keeps the query as typed first, at full weight, and lower weights for substitutions', () => {
    const variants = expandQuery('低保');
    expect(variants[0]).toEqual({ parts: ['低保'], weight: 1 });
    expect(variants.slice(1).every((v) => v.weight < 1)).toBe(true);
  });

  // One test per rule of the table: every member (term or alias) is searched with every official term.
  it.each(SYNONYMS.map((group) => [group.terms.join(' / '), group] as const))('%s: each term and alias leads to every official term', (_name, group) => {
    for (const member of [...group.terms, ...(group.aliases ?? [])]) {
      const searched = texts(member);
      expect(searched[0], member).toBe(normalizeQuery(member));
      for (const term of group.terms) expect(searched, `${member} → ${term}`).toContain(normalizeQuery(term));
      // …and an alias is never searched unless typed.
      for (const alias of group.aliases ?? []) if (alias !== member) expect(searched, `${member} ↛ ${alias}`).not.toContain(alias);
    }
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

  it('matches Latin aliases as whole words only', () => {
    expect(texts('ngo')).toContain('社会组织');
    expect(texts('mongo')).toEqual(['mongo']);
  });

  it('caps the number of variants', () => {
    expect(expandQuery('退伍军人 低保 老人 社工 殡葬').length).toBeLessThanOrEqual(6);
  });

  it('adds nothing to a query without a term or alias from the table', () => {
    expect(expandQuery('1106')).toEqual([{ parts: ['1106'], weight: 1 }]);
    expect(searchTerms('生活无着')).toEqual({ query: '生活无着', variants: [{ parts: ['生活无着'], weight: 1 }], marks: ['生活无着'], added: [] });
  });

  it('highlights the parts of every variant, longest first, and names the official terms added', () => {
    const terms = searchTerms('五保 2022');
    expect(terms.variants.map((v) => v.parts)).toEqual([['五保', '2022'], ['特困', '2022']]);
    expect(terms.marks).toEqual(['2022', '五保', '特困']);
    expect(terms.added).toEqual(['特困']);
  });
});

describe('the synonym table', () => {
  const corpus = matchKey(
    [
      ...readdirSync(join(ROOT, 'content/reports')).map((f) => readFileSync(join(ROOT, 'content/reports', f), 'utf8')),
      readFileSync(join(ROOT, 'content/metrics.yaml'), 'utf8'),
      readTopics().map((t) => t.name).join(' '),
    ].join('\n'),
  ).key;

  it('maps only to terms the reports, metric definitions or topic names actually use', () => {
    const missing = SYNONYMS.flatMap((g) => g.terms).filter((term) => !corpus.includes(matchKey(term).key));
    expect(missing).toEqual([]);
  });

  it('lists each key once', () => {
    const keys = SYNONYMS.flatMap((g) => [...g.terms, ...(g.aliases ?? [])]);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
