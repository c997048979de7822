import { describe, expect, it } from 'vitest';
import { accessibleTables } from '../../src/render/report-tables.ts';

// A Markdown table as the renderer writes it: alignment as inline styles, which the CSP forbids.
const rendered = '<p>前文</p>\n<table>\n<thead>\n<tr>\n<th>指标</th>\n<th style="text-align: right">目标</th>\n<th style="text-align: right">完成</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>群众“满意”度</td>\n<td style="text-align: right">90%</td>\n<td style="text-align: right"><a class="figure" id="fig-s" href="/m/">95.3%</a></td>\n</tr>\n</tbody>\n</table>\n';

describe('report tables', () => {
  const out = accessibleTables(rendered);

  it('marks column headers and row labels as headers with scope', () => {
    expect(out).toContain('<th scope="col">指标</th>');
    expect(out).toContain('<th scope="col" class="num">目标</th>');
    expect(out).toContain('<th scope="row">群众“满意”度</th>');
  });

  it('right-aligns numeric columns by class, never by an inline style, and labels each value for phones', () => {
    expect(out).not.toMatch(/style=/);
    expect(out).toContain('<td class="num" data-label="目标">90%</td>');
    expect(out).toContain('<td class="num" data-label="完成"><a class="figure" id="fig-s" href="/m/">95.3%</a></td>');
  });

  it('puts the table in a focusable, labelled scrolling region and leaves the rest alone', () => {
    expect(out).toMatch(/^<p>前文<\/p>\n<section class="table-scroll" aria-label="表格" tabindex="0"><table class="report-table stack-on-phone">/);
    expect(out.endsWith('</table></section>\n')).toBe(true);
  });

  it('keeps a numeric first column as data, and quotes in labels safely', () => {
    const numeric = accessibleTables('<table><thead><tr><th>年份"</th><th>数</th></tr></thead><tbody><tr><td style="text-align: right">1</td><td>x</td></tr></tbody></table>');
    expect(numeric).toContain('<td class="num" data-label="年份&quot;">1</td><td data-label="数">x</td>');
  });
});
