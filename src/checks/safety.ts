import { EDITOR_NOTE_TAG } from '../domain/official-text.ts';
import type { Problem } from '../reading/problems.ts';

/**
 * Report bodies are Markdown plus the portal's own components, nothing else: content must
 * never be able to run code in a reader's browser or at build time. MDX would otherwise
 * execute `import`/`export`, `{expressions}` and any JSX, so all of those are refused here,
 * before Astro compiles the file.
 */
export const ALLOWED_COMPONENTS = [EDITOR_NOTE_TAG] as const;

const DANGEROUS_TAGS = new Set(['script', 'iframe', 'object', 'embed', 'style', 'link', 'meta', 'base', 'form', 'svg', 'math']);
const URL_SCHEME = /\b(?:javascript|vbscript|data)\s*:/i;
/** Not escaped: preceded by an even number of backslashes (`\\<` is a backslash, then a tag). */
const UNESCAPED = String.raw`(?<=(?:^|[^\\])(?:\\\\)*)`;
const TAG = new RegExp(String.raw`${UNESCAPED}<\/?\s*([A-Za-z][\w.:-]*)?([^>]*)>?`, 'g');
const BRACE = new RegExp(String.raw`${UNESCAPED}[{}]`, 'g');
/** A Markdown image: the build would read (and publish) the file it names, wherever it is. */
const IMAGE = new RegExp(String.raw`${UNESCAPED}!\[`);

/** Markdown decodes character references in link targets: `jav&#x61;script&colon;` is `javascript:`. */
function decodeReferences(line: string): string {
  const char = (code: number) => (code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD');
  return line
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, hex: string) => char(parseInt(hex, 16)))
    .replace(/&#(\d{1,7});/g, (_, dec: string) => char(Number(dec)))
    .replace(/&colon;/g, ':');
}

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
  // MDX ends a paragraph's JSX with the paragraph: an editor's note opens and closes on its line, unnested.
  let openNote: { index: number; name: string } | null = null;
  for (const match of line.matchAll(TAG)) {
    const name = match[1] ?? '';
    const attributes = match[2] ?? '';
    const closing = match[0].startsWith('</');
    const allowed = (ALLOWED_COMPONENTS as readonly string[]).includes(name);
    if (DANGEROUS_TAGS.has(name.toLowerCase())) {
      findings.push({ index: match.index, message: `正文中不允许 <${name.toLowerCase()}> 标签（可能运行脚本或改变页面）` });
    } else if (!allowed) {
      findings.push({
        index: match.index,
        message: `正文中不允许标签 <${name || '…'}>；只能用 Markdown 和组件 ${ALLOWED_COMPONENTS.join('、')}（若要写“<”符号，请写成 \\<）`,
      });
    }
    if (/\bon[a-z]+\s*=/i.test(attributes)) {
      findings.push({ index: match.index, message: '正文中不允许 on… 事件属性（会运行脚本）' });
    } else if (allowed && !closing && attributes.trim() !== '' && attributes.trim() !== '/') {
      findings.push({ index: match.index, message: `组件 <${name}> 不接受属性` });
    } else if (allowed && !match[0].endsWith('>')) {
      // A tag that goes on to the next line would carry attributes this line-by-line scan cannot see.
      findings.push({ index: match.index, message: `组件 <${name}> 的标签须在同一行内写完（组件不接受属性）` });
    } else if (allowed && !match[0].endsWith('/>')) {
      if (closing && openNote === null) {
        findings.push({ index: match.index, message: `多余的 </${name}>：同一行中前面没有与它配对的 <${name}>` });
      } else if (!closing && openNote !== null) {
        findings.push({ index: match.index, message: `<${name}> 不能套在另一个 <${name}> 里：先用 </${name}> 结束前一个` });
      }
      openNote = closing ? null : { index: match.index, name };
    }
  }
  if (openNote !== null) {
    findings.push({ index: openNote.index, message: `<${openNote.name}> 须在同一行内以 </${openNote.name}> 结束` });
  }
  const image = IMAGE.exec(line);
  if (image) {
    findings.push({ index: image.index, message: '正文中不允许图片 ![…](…)：构建时会读取并发布它指向的文件（可能在仓库以外）；报告正文只收原文文字，若要写“![”，请写成 !\\[' });
  }
  const scheme = URL_SCHEME.exec(line) ?? URL_SCHEME.exec(decodeReferences(line));
  if (scheme) {
    findings.push({ index: scheme.index, message: `正文中不允许 ${scheme[0].replace(/\s/g, '').toLowerCase()} 链接（可能运行脚本或嵌入未经审核的内容）` });
  }
  for (const match of line.matchAll(BRACE)) {
    findings.push({ index: match.index, message: '正文中不允许 { } 表达式（会在构建时运行代码）；若要写花括号，请写成 \\{ 和 \\}' });
    break;
  }
  return findings;
}

/** Problems with a report body; `firstLine` is the file line where the body starts. */
export function checkBodySafety(file: string, body: string, firstLine: number): Problem[] {
  const problems: Problem[] = [];
  // Fenced code is scanned too: where a fence really opens and closes depends on Markdown's
  // container rules (``` `x` is no fence; a list's end closes one), and guessing wrong would
  // let a <script> line through. Report bodies have no use for code blocks.
  body.split('\n').forEach((line, i) => {
    for (const finding of scanLine(line)) {
      problems.push({ file, line: firstLine + i, column: finding.index + 1, field: 'body', message: finding.message });
    }
  });
  return problems;
}
