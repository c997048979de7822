import { afterEach, describe, expect, it, vi } from 'vitest';
import { findFigures } from '../../src/authoring/import/figures.ts';
import { vocabularyOf } from '../../src/authoring/import/vocabulary.ts';
import { checkQuote } from '../../src/checks/quotes.ts';
import { decodeEntities, referenceAt } from '../../src/domain/html-entities.ts';
import { hasSentenceEnd, sentenceEnd, sentenceSpans, sentenceStart } from '../../src/domain/sentences.ts';
import { QUALIFIER_TABLE } from '../../src/schemas/qualifier-table.ts';
import { readUnits } from '../support/content.ts';

const UNITS = readUnits();
const sentences = (text: string, semicolons = false) => sentenceSpans(text, { semicolons }).map((s) => text.slice(s.start, s.end));

describe('the sentence rule (src/domain/sentences.ts)', () => {
  it('ends a sentence at 。！？ and at a line end, the mark kept, blank lines left out', () => {
    expect(sentences('发放资金100万元。救助200人次！\n\n满意吗？ 满意')).toEqual(['发放资金100万元。', '救助200人次！', '满意吗？', ' 满意']);
  });

  it('ends one at half-width marks, but not at a decimal point, a list number or a dot inside a word', () => {
    expect(sentences('发放4359.88万元.救助200人次!满意?')).toEqual(['发放4359.88万元.', '救助200人次!', '满意?']);
    expect(hasSentenceEnd('1.社会救助')).toBe(false);
    expect(hasSentenceEnd('详见www.kaifu.gov.cn')).toBe(false);
    expect(hasSentenceEnd('加强社会救助.')).toBe(true);
  });

  it('ends one at semicolons only when asked (list items read on their own)', () => {
    expect(sentences('一是发放资金；二是救助困难群众。')).toEqual(['一是发放资金；二是救助困难群众。']);
    expect(sentences('一是发放资金；二是救助困难群众。', true)).toEqual(['一是发放资金；', '二是救助困难群众。']);
    expect(hasSentenceEnd('一是发放资金；二是救助')).toBe(false);
    expect(hasSentenceEnd('一是发放资金；二是救助', { semicolons: true })).toBe(true);
  });

  it('finds the sentence around a place', () => {
    const text = '甲事完成。预计发放资金100万元，惠及200人。乙事\n丙事';
    const at = text.indexOf('惠及');
    expect(text.slice(sentenceStart(text, at), sentenceEnd(text, at))).toBe('预计发放资金100万元，惠及200人。');
    expect(text.slice(sentenceStart(text, text.indexOf('乙')), sentenceEnd(text, text.indexOf('乙')))).toBe('乙事');
    expect(sentenceStart(text, 0)).toBe(0);
    expect(sentenceEnd(text, text.indexOf('丙'))).toBe(text.length);
  });
});

describe('the checker and the importer read 预计 and 截至 in the same sentence', () => {
  const text = '预计发放资金100万元！全年救助200人次。';

  it('the importer qualifies only the figures of the sentence that says 预计', () => {
    const found = findFigures(text, vocabularyOf(UNITS)).figures;
    expect(found.map((f) => `${f.value}${f.unit} ${f.qualifiers.join(',')}`.trim())).toEqual(['100万元 预计', '200人次']);
  });

  it('the checker refuses 预计 on a figure of the next sentence, and accepts it in its own', () => {
    const figure = { id: 'x', value: 200, unit: '人次', qualifier: ['预计' as const], topic: '社会救助' as const, quote: '全年救助200人次' };
    expect(checkQuote(figure, text, UNITS).map((p) => p.message)).toEqual([expect.stringContaining('限定词“预计”在引文所在句中找不到')]);
    expect(checkQuote({ ...figure, value: 100, unit: '万元', quote: '发放资金100万元' }, text, UNITS)).toEqual([]);
  });
});

describe('the importer matches qualifiers before a number as the locator does', () => {
  afterEach(() => {
    vi.doUnmock('../../src/schemas/qualifier-table.ts');
    vi.resetModules();
  });

  it('takes the longest variant written (将近, not 近 alone)', async () => {
    vi.resetModules();
    vi.doMock('../../src/schemas/qualifier-table.ts', () => ({
      QUALIFIER_TABLE: [...QUALIFIER_TABLE, { word: '将近', variants: ['将近'], position: 'before', meaning: 'approximate', example: '“将近百人”', editor: '数字前带“将近”' }],
    }));
    const fresh = await import('../../src/authoring/import/figures.ts');
    const freshVocabulary = (await import('../../src/authoring/import/vocabulary.ts')).vocabularyOf(UNITS);
    const [f] = fresh.findFigures('新招募社工将近300人。', freshVocabulary).figures;
    expect(f!.qualifiers).toEqual(['将近']);
    expect(f!.quote).toBe('新招募社工将近300人');
  });
});

describe('HTML character references (src/domain/html-entities.ts)', () => {
  it('decodes named, decimal and hexadecimal references', () => {
    expect(decodeEntities('&lt;p&gt; A&amp;B &quot;x&quot; &apos;y&#39; &#19968;&#x4E8C;&nbsp;')).toBe('<p> A&B "x" \'y\' 一二\u00a0');
  });

  it('leaves alone what is no reference: unknown names, numbers that are no character, a bare &', () => {
    expect(decodeEntities('&foo; &#99999999; R&D &amp')).toBe('&foo; &#99999999; R&D &amp');
    expect(decodeEntities('&amp;lt;')).toBe('&lt;');
  });

  it('says what a reference at a place stands for and how long it is written', () => {
    expect(referenceAt('a&#x4E00;b', 1)).toEqual({ text: '一', length: 8 });
    expect(referenceAt('a&#x4E00;b', 0)).toBeNull();
    expect(referenceAt('&bogus;', 0)).toBeNull();
  });
});
