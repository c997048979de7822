import { markdownToHtml } from 'satteri';
const r = await markdownToHtml('段落\n\n| 指标名称 | 年度目标 |\n| --- | ---: |\n| 低保 \\| 资金 | 1.2亿元 |\n', { gfm: true });
console.log(typeof r === 'string' ? r : JSON.stringify(r));
const r2 = await markdownToHtml('| a | b |\n| --- | ---: |\n| x | 1 |\n');
console.log(typeof r2 === 'string' ? r2 : JSON.stringify(r2));
