import { accessibleTables } from '../src/render/report-tables.ts';
import { markFigures } from '../src/render/mark-figures.ts';
const html = "<p>段落</p>\n<table>\n<thead>\n<tr>\n<th>指标名称</th>\n<th style=\"text-align: right\">年度目标</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>低保 | 资金</td>\n<td style=\"text-align: right\">1.2亿元</td>\n</tr>\n</tbody>\n</table>\n";
const m = markFigures(html, [{ quote: '低保 | 资金 1.2亿元', value: 1.2, unit: '亿元', anchor: 'fig-a', href: '/x/', title: 't' }]);
console.log(accessibleTables(m));
