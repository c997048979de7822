import type { Problem } from './problems.ts';

/**
 * Report bodies are Markdown plus the portal's own components, nothing else: content must
 * never be able to run code in a reader's browser or at build time. MDX would otherwise
 * execute `import`/`export`, `{expressions}` and any JSX, so all of those are refused here,
 * before Astro compiles the file.
 */
export const ALLOWED_COMPONENTS = ['EditorNote'] as const;

const DANGEROUS_TAGS = new Set(['script', 'iframe', 'object', 'embed', 'style', 'link', 'meta', 'base', 'form', 'svg', 'math']);
const URL_SCHEME = /\b(?:javascript|vbscript|data)\s*:/i;

interface Finding {
  index: number;
  message: string;
}

function scanLine(line: string): Finding[] {
  const findings: Finding[] = [];
  if (/^\s*(?:import|export)\b/.test(line)) {
    findings.push({ index: line.search(/\S/), message: '正文中不允许 import/export 语句；可用的组件无需导入' });
    return findings;
  }
  for (const match of line.matchAll(/<\/?\s*([A-Za-z][\w.:-]*)?([^>]*)>?/g)) {
    const name = match[1] ?? '';
    const attributes = match[2] ?? '';
    const closing = match[0].startsWith('</');
    if (DANGEROUS_TAGS.has(name.toLowerCase())) {
      findings.push({ index: match.index, message: `正文中不允许 <${name.toLowerCase()}> 标签（可能运行脚本或改变页面）` });
    } else if (!(ALLOWED_COMPONENTS as readonly string[]).includes(name)) {
      findings.push({
        index: match.index,
        message: `正文中不允许标签 <${name || '…'}>；只能用 Markdown 和组件 ${ALLOWED_COMPONENTS.join('、')}（若要写“<”符号，请写成 \\<）`,
      });
    }
    if (/\bon[a-z]+\s*=/i.test(attributes)) {
      findings.push({ index: match.index, message: '正文中不允许 on… 事件属性（会运行脚本）' });
    } else if (!closing && attributes.trim() !== '' && attributes.trim() !== '/') {
      findings.push({ index: match.index, message: `组件 <${name}> 不接受属性` });
    }
  }
  const scheme = URL_SCHEME.exec(line);
  if (scheme) {
    findings.push({ index: scheme.index, message: `正文中不允许 ${scheme[0].replace(/\s/g, '').toLowerCase()} 链接（可能运行脚本或嵌入未经审核的内容）` });
  }
  for (const match of line.matchAll(/(?<!\\)[{}]/g)) {
    findings.push({ index: match.index, message: '正文中不允许 { } 表达式（会在构建时运行代码）；若要写花括号，请写成 \\{ 和 \\}' });
    break;
  }
  return findings;
}

/** Problems with a report body; `firstLine` is the file line where the body starts. */
export function checkBodySafety(file: string, body: string, firstLine: number): Problem[] {
  const problems: Problem[] = [];
  let inCode = false;
  body.split('\n').forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) inCode = !inCode;
    if (inCode) return;
    for (const finding of scanLine(line)) {
      problems.push({ file, line: firstLine + i, column: finding.index + 1, field: 'body', message: finding.message });
    }
  });
  return problems;
}
