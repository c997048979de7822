import { describe, expect, it } from 'vitest';
import { wrapFigureSentences } from '../../src/render/report-text/figure-sentences.ts';
import { isSignatureLine, markSignature } from '../../src/render/report-text/signature.ts';

const names = ['长沙市开福区民政局', '开福区民政局'];

describe('signature line', () => {
  it('marks a closing name or date, and nothing else', () => {
    expect(isSignatureLine('长沙市开福区民政局', names)).toBe(true);
    expect(isSignatureLine('2018年12月5日', names)).toBe(true);
    expect(isSignatureLine('二〇一八年十二月', names)).toBe(true);
    expect(isSignatureLine('广泛宣传新修订《长沙市殡葬管理条例》。', names)).toBe(false);
  });

  it('right-aligns the signature and the date under it, never a last paragraph of text', () => {
    const signed = '<p>正文。</p>\n<p>长沙市开福区民政局</p>\n<p>2018年12月5日</p>\n';
    expect(markSignature(signed, names)).toBe('<p>正文。</p>\n<p class="signature">长沙市开福区民政局</p>\n<p class="signature">2018年12月5日</p>\n');
    const unsigned = '<h2>（三）基本社会服务</h2>\n<p>养老服务增量提质。</p>\n';
    expect(markSignature(unsigned, names)).toBe(unsigned);
    // A name in the middle of the text is not a signature.
    const middle = '<p>长沙市开福区民政局</p>\n<p>正文。</p>';
    expect(markSignature(middle, names)).toBe(middle);
  });
});

describe('figure sentences', () => {
  it('wraps the sentence that holds a figure, and only it', () => {
    const html = '<p>开头一句。新增<a class="figure" id="fig-a" href="/m/a/">179人</a>，位居前列。最后一句。</p>';
    expect(wrapFigureSentences(html)).toBe('<p>开头一句。<span class="figure-sentence">新增<a class="figure" id="fig-a" href="/m/a/">179人</a>，位居前列。</span>最后一句。</p>');
  });

  it('leaves a sentence whose tags cross its end unwrapped, and the text unchanged', () => {
    const html = '<p>新增<a class="figure" id="fig-a" href="/m/a/">179人</a><span class="editor-note">注。后</span>续。</p>';
    const out = wrapFigureSentences(html);
    expect(out.replace(/<[^>]*>/g, '')).toBe(html.replace(/<[^>]*>/g, ''));
    expect(out).not.toContain('figure-sentence');
    expect(wrapFigureSentences('<p>没有数字。</p>')).toBe('<p>没有数字。</p>');
  });
});
