import { describe, expect, it } from 'vitest';
import { findTerms, passagesOf, type FragmentLike } from '../../src/client/search/passages.ts';
import { searchTerms } from '../../src/client/search/query.ts';

/** A fragment as pagefind.js hands it over: words joined by zero-width spaces, anchors at word positions. */
function fragment(title: string, sections: Array<[heading: string, id: string, words: string[]]>, lead: string[] = [title]): FragmentLike {
  const words = [...lead];
  const anchors: FragmentLike['anchors'] = [];
  for (const [heading, id, body] of sections) {
    anchors.push({ element: 'h2', id, text: heading, location: words.length });
    words.push(heading, ...body);
  }
  const raw = words.join('\u200b');
  return { url: '/reports/2022/', raw_content: raw.replace(/</g, '&lt;').replace(/>/g, '&gt;'), content: raw.replace(/\u200b/g, ''), meta: { title }, anchors, locations: [] };
}

const text = (p: { segments: Array<{ text: string }> }) => p.segments.map((s) => s.text).join('');
const marks = (p: { segments: Array<{ text: string; mark: boolean }> }) => p.segments.filter((s) => s.mark).map((s) => s.text);

const page = fragment('重点项目绩效自评报告', [
  ['（一）基本民生保障有力有效', '一', ['生活', '圈', '建设', '，', '着力', '推进', '。', '站内', '救助', '生活', '无', '着', '人员', '387', '人次', '。']],
  ['（二）基层社会治理出新出彩', '二', ['举办', '社工', '职业', '考试', '，', '新增', '持', '证', '社工', '179', '人', '。', '全区', '现有', '持', '证', '社工', ' ', '1,106', '人', '。']],
]);

describe('findTerms', () => {
  it('finds whole strings across word breaks, punctuation and thousands separators, longest first', () => {
    const t = '全区现有“持证社工” 1,106人，社工室';
    const hits = findTerms(t, ['社工', '持证社工', '1106']);
    expect(hits.map((h) => t.slice(h.start, h.end))).toEqual(['持证社工', '1,106', '社工']);
  });
});

describe('passagesOf', () => {
  it('shows the section holding the whole query first, highlighted whole, never its pieces', () => {
    const terms = searchTerms('生活无着');
    const [first] = passagesOf(page, terms.variants, terms.marks);
    expect(first!.title).toBe('（一）基本民生保障有力有效');
    expect(first!.url).toBe(`/reports/2022/#${encodeURIComponent('一')}`);
    expect(marks(first!)).toEqual(['生活无着']);
  });

  it('starts the excerpt after a sentence end or at a word, never at punctuation', () => {
    const terms = searchTerms('387');
    const [first] = passagesOf(page, terms.variants, terms.marks);
    expect(text(first!)).toMatch(/^…站内救助生活无着人员387人次。$/);
  });

  it('prefers the query as typed to the broader official term it also searched', () => {
    const terms = searchTerms('持证社工');
    expect(terms.marks).toContain('社工');
    const [first] = passagesOf(page, terms.variants, terms.marks);
    expect(first!.title).toBe('（二）基层社会治理出新出彩');
    expect(marks(first!)).toContain('持证社工');
    expect(first!.score).toBe(1);
    // The section that only says 社工 comes after: the broader term weighs less.
    const broader = passagesOf(fragment('页', [['甲', 'a', ['新建', '社工', '室']], ['乙', 'b', ['持', '证', '社工']]]), terms.variants, terms.marks);
    expect(broader.map((p) => p.title)).toEqual(['乙', '甲']);
  });

  it('finds a number however the page writes it (1106 in 1,106)', () => {
    const terms = searchTerms('1106');
    const [first] = passagesOf(page, terms.variants, terms.marks);
    expect(marks(first!)).toEqual(['1,106']);
  });

  it('ranks a section holding every word of a multi-word query above one holding some', () => {
    const terms = searchTerms('社工 179');
    const passages = passagesOf(fragment('页', [['甲', 'a', ['社工', '室', '。']], ['乙', 'b', ['新增', '社工', '179', '人']]]), terms.variants, terms.marks);
    expect(passages.map((p) => p.title)).toEqual(['乙', '甲']);
    expect(marks(passages[0]!)).toEqual(['社工', '179']);
    expect(passages[1]!.score).toBeLessThan(passages[0]!.score);
  });

  it('with only pieces of the query on the page, shows Pagefind’s match unmarked', () => {
    const terms = searchTerms('生活圈着力');
    const passages = passagesOf({ ...page, locations: [2, 5] }, terms.variants, terms.marks);
    expect(passages).toHaveLength(1);
    expect(passages[0]!.score).toBe(0);
    expect(marks(passages[0]!)).toEqual([]);
    expect(text(passages[0]!)).toContain('生活圈建设');
    // A match in the page title or a heading is not an excerpt: the first one in a section's text is.
    const [inText] = passagesOf({ ...page, locations: [0, 18, 20] }, terms.variants, terms.marks);
    expect(inText!.title).toBe('（二）基层社会治理出新出彩');
  });

  it('keeps page text as text: markup in the page is shown, not interpreted', () => {
    const odd = fragment('标题', [['小节', 's', ['a<b>低保</b>c']]]);
    const terms = searchTerms('低保');
    const [first] = passagesOf(odd, terms.variants, terms.marks);
    expect(text(first!)).toBe('a<b>低保</b>c');
  });
});
