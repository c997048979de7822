import { describe, expect, it } from 'vitest';
import { readUnits } from '../support/content.ts';
import { addHeadingLinks, markFigures, type FigureMark } from '../../src/render/mark-figures.ts';

const UNITS = readUnits();

const mark = (over: Partial<FigureMark>): FigureMark => ({
  quote: '', value: 0, unit: '人', anchor: 'fig-x', href: '/metrics/x/', title: 't', ...over,
});

describe('markFigures', () => {
  it('wraps only the figure (number, qualifier, unit) of the quote, with a stable id', () => {
    const html = '<p>全区现有持证社工1106人，位居全市前列。</p>';
    const out = markFigures(html, [mark({ quote: '全区现有持证社工1106人', value: 1106, anchor: 'fig-csw', href: '/metrics/csw/' })], UNITS);
    expect(out).toBe('<p>全区现有持证社工<a class="figure" id="fig-csw" href="/metrics/csw/" title="t">1106人</a>，位居全市前列。</p>');
  });

  it('keeps 余 and 近 inside the mark and handles two figures in one sentence', () => {
    const html = '<p>发放“两残”补贴71993人次，870余万元。完成近万条管控数据核查。</p>';
    const out = markFigures(html, [
      mark({ quote: '发放“两残”补贴71993人次', value: 71993, unit: '人次', anchor: 'fig-a' }),
      mark({ quote: '发放“两残”补贴71993人次，870余万元', value: 870, unit: '万元', anchor: 'fig-b' }),
      mark({ quote: '完成近万条管控数据核查', value: 10000, unit: '条', anchor: 'fig-c' }),
    ], UNITS);
    expect(out).toContain('<a class="figure" id="fig-a" href="/metrics/x/" title="t">71993人次</a>');
    expect(out).toContain('<a class="figure" id="fig-b" href="/metrics/x/" title="t">870余万元</a>');
    expect(out).toContain('完成<a class="figure" id="fig-c" href="/metrics/x/" title="t">近万条</a>管控');
  });

  it('skips editor notes when matching and decodes entities in the text', () => {
    const html = '<p>A&amp;B<span class="editor-note" role="note"><span>编者注</span>12人</span>共12人</p>';
    const out = markFigures(html, [mark({ quote: 'A&B共12人', value: 12, anchor: 'fig-n' })], UNITS);
    expect(out).toContain('共<a class="figure" id="fig-n"');
    expect(out).toContain('<span>编者注</span>12人</span>');
  });

  it('does not match across paragraphs and throws when a figure cannot be found', () => {
    expect(() => markFigures('<p>共计</p><p>12人</p>', [mark({ quote: '共计12人', value: 12 })], UNITS)).toThrow(/无法在正文中标出数字/);
  });

  it('marks a figure written with thousands separators, the text keeping them', () => {
    const out = markFigures('<p>部门收入合计12,345.6万元。</p>', [mark({ quote: '部门收入合计12,345.6万元', value: 12345.6, unit: '万元', anchor: 'fig-i' })], UNITS);
    expect(out).toBe('<p>部门收入合计<a class="figure" id="fig-i" href="/metrics/x/" title="t">12,345.6万元</a>。</p>');
  });

  it('reads a table row as its cells joined by a space, as the official text does, so a quote may span the row', () => {
    // As the Markdown renderer writes a table: line breaks between the tags.
    const html = '<table>\n<thead>\n<tr>\n<th>指标</th>\n<th style="text-align: right">完成</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>低保资金</td>\n<td style="text-align: right">1,260万元</td>\n</tr>\n</tbody>\n</table>';
    const out = markFigures(html, [mark({ quote: '低保资金 1,260万元', value: 1260, unit: '万元', anchor: 'fig-t' })], UNITS);
    expect(out).toContain('<td style="text-align: right"><a class="figure" id="fig-t" href="/metrics/x/" title="t">1,260万元</a></td>');
    expect(() => markFigures(html, [mark({ quote: '完成低保资金', value: 1, unit: '人' })], UNITS)).toThrow(/无法在正文中标出数字/);
  });

  it('escapes attribute values', () => {
    const out = markFigures('<p>共12人</p>', [mark({ quote: '共12人', value: 12, title: 'a"<b' })], UNITS);
    expect(out).toContain('title="a&quot;&lt;b"');
  });
});

describe('addHeadingLinks', () => {
  it('adds a self-link to headings with an id, and leaves others alone', () => {
    const out = addHeadingLinks('<h2 id="一基本民生">（一）基本民生</h2><h3>无 id</h3>');
    expect(out).toBe('<h2 id="一基本民生">（一）基本民生 <a class="heading-link" href="#一基本民生" data-pagefind-ignore="all"><span aria-hidden="true">#</span><span class="visually-hidden">本节链接</span></a></h2><h3>无 id</h3>');
  });
});
