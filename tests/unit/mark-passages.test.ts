// Commitments' and evidence sentences marked in rendered report text (src/render/commitments/mark-passages.ts).
import { describe, expect, it } from 'vitest';
import { markPassages, type PassageMark } from '../../src/render/commitments/mark-passages.ts';

const passage = (quote: string, extra: Partial<PassageMark> = {}): PassageMark => ({
  quote, kind: 'promise', anchor: 'promise-a', href: '/commitments/2021/a/', label: '承诺 · 已完成', ...extra,
});

describe('markPassages', () => {
  it('wraps the sentence, puts the anchor on it and a link after it', () => {
    expect(markPassages('<p>甲。明年将建成康复室。乙。</p>', [passage('明年将建成康复室')])).toBe(
      '<p>甲。<span class="passage passage--promise" id="promise-a">明年将建成康复室</span><a class="passage-link" href="/commitments/2021/a/" aria-label="承诺 · 已完成" data-label="承诺 · 已完成" data-pagefind-ignore></a>。乙。</p>',
    );
  });

  it('marks a sentence a figure link cuts in pieces, leaving the figure’s link as it is, never nesting links', () => {
    const html = '<p>康复室建成，可提供<a class="figure" id="fig-beds" href="/metrics/beds/">30张</a>床位。</p>';
    const marked = markPassages(html, [passage('可提供30张', { kind: 'outcome', anchor: 'outcome-2021-a' })]);
    expect(marked).toBe(
      '<p>康复室建成，<span class="passage passage--outcome" id="outcome-2021-a">可提供</span><a class="figure" id="fig-beds" href="/metrics/beds/">30张</a><a class="passage-link" href="/commitments/2021/a/" aria-label="承诺 · 已完成" data-label="承诺 · 已完成" data-pagefind-ignore></a>床位。</p>',
    );
    expect(marked.match(/ id="outcome-2021-a"/g)).toHaveLength(1);
  });

  it('puts the link after a figure the quote ends inside', () => {
    const html = '<p>可提供<a class="figure" href="/m/">30张</a>床位</p>';
    expect(markPassages(html, [passage('可提供30')])).toBe(
      '<p><span class="passage passage--promise" id="promise-a">可提供</span><a class="figure" href="/m/">30张</a><a class="passage-link" href="/commitments/2021/a/" aria-label="承诺 · 已完成" data-label="承诺 · 已完成" data-pagefind-ignore></a>床位</p>',
    );
  });

  it('leaves the text alone without passages, and throws for a sentence not in it', () => {
    expect(markPassages('<p>甲</p>', [])).toBe('<p>甲</p>');
    expect(() => markPassages('<p>甲</p>', [passage('乙')])).toThrow(/promise-a/);
    expect(() => markPassages('<p>甲<a class="figure" href="/m/">30张</a></p>', [passage('30张')])).toThrow(/只有链接中的文字/);
  });
});
