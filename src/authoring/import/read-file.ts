import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import mammoth from 'mammoth';
import { decodeEntities } from '../../domain/html-entities.ts';
import { AuthoringRefusal } from '../arguments.ts';

/**
 * Reading the official file into blocks: paragraphs (one per line of a text file, one per
 * Word paragraph) and tables. Nothing is reworded here; only the container is taken away.
 */
export type Block =
  /**
   * `style` is a Word heading style's level (Heading 1 → 1), when the file has one.
   * `autoNumbered`: an item of a Word numbered list, whose number Word draws and the text lacks.
   */
  | { kind: 'paragraph'; text: string; style?: number; autoNumbered?: true }
  | { kind: 'table'; rows: string[][] };

export interface OfficialFile {
  blocks: Block[];
  /** What the file was, in the words the summary prints: “UTF-8 文本”, “GB18030 文本”, “Word 文档（.docx）”. */
  format: string;
}

/** What stops an import (a file it will not read, content it cannot use), with what the editor should do instead. */
export class ImportRefusal extends AuthoringRefusal {}

const EXPORT_HINT = '请用 Word 或 WPS 打开原始文件，另存为 .docx，或导出为 .txt 纯文本（UTF-8 或 GB18030 编码）后再导入。';

export async function readOfficialFile(path: string): Promise<OfficialFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new ImportRefusal(`无法读取文件 ${path}：${(error as Error).message}`);
  }
  const extension = extname(path).toLowerCase();
  if (extension === '.pdf' || bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    throw new ImportRefusal(`${path} 是 PDF 文件，不能导入：PDF 只记录字在页面上的位置，取出的文字会丢失段落、打乱表格和换行，无法保证与原文一字不差。${EXPORT_HINT}`);
  }
  if (extension === '.docx' || (extension !== '.txt' && bytes.subarray(0, 2).toString('latin1') === 'PK')) {
    return { blocks: await docxBlocks(bytes, path), format: 'Word 文档（.docx）' };
  }
  if (extension === '.doc') {
    throw new ImportRefusal(`${path} 是旧版 Word（.doc）文件，不能直接读取。${EXPORT_HINT}`);
  }
  if (extension !== '.txt') {
    throw new ImportRefusal(`不认识 ${path} 的格式（${extension || '无扩展名'}）；只能导入 .docx 和 .txt。${EXPORT_HINT}`);
  }
  const { text, encoding } = decodeText(bytes, path);
  return { blocks: textBlocks(text), format: `${encoding} 文本` };
}

/**
 * UTF-8 when the bytes are valid UTF-8, else GB18030 (which covers GBK and GB2312); UTF-16
 * only with its byte-order mark (Notepad's “Unicode”). Never a guess that garbles: bytes no
 * encoding reads, or that read as control characters, are refused.
 */
export function decodeText(bytes: Uint8Array, path = '文件'): { text: string; encoding: 'UTF-8' | 'GB18030' | 'UTF-16' } {
  const bom = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  const attempts = bom ? ([[bom, 'UTF-16']] as const) : ([['utf-8', 'UTF-8'], ['gb18030', 'GB18030']] as const);
  for (const [label, encoding] of attempts) {
    try {
      const text = new TextDecoder(label, { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
      if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) continue; // binary, or UTF-16 without its mark
      return { text, encoding };
    } catch {
      // not this encoding; try the next
    }
  }
  throw new ImportRefusal(`${path} 不是 UTF-8 或 GB18030 编码的文本。请在记事本或 WPS 中以 UTF-8 编码另存后再导入。`);
}

/** A line of a text table: cells between | (or full-width ｜) or tabs. */
function tableCells(line: string): string[] | null {
  const separator = /[|｜]/.test(line) ? /[|｜]/ : line.includes('\t') ? /\t/ : null;
  if (!separator) return null;
  const cells = line.trim().replace(/^[|｜]|[|｜]$/g, '').split(separator).map((c) => c.trim());
  return cells.length >= 2 ? cells : null;
}

const isDelimiterRow = (cells: readonly string[]) => cells.every((c) => /^:?-{2,}:?$/.test(c));

/** The blocks of a plain text: one paragraph a line; runs of two or more table lines become a table. */
export function textBlocks(text: string): Block[] {
  const lines = text.split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const rows: string[][] = [];
    let j = i;
    for (let cells = tableCells(lines[j] ?? ''); cells; cells = tableCells(lines[j] ?? '')) {
      if (!isDelimiterRow(cells)) rows.push(cells);
      j += 1;
    }
    if (rows.length >= 2) {
      blocks.push({ kind: 'table', rows });
      i = j - 1;
    } else if (lines[i]!.trim() !== '') {
      blocks.push({ kind: 'paragraph', text: lines[i]! });
    }
  }
  return blocks;
}

/** Word files: mammoth turns styles into HTML elements (Heading 1 → h1, tables → table). */
async function docxBlocks(bytes: Buffer, path: string): Promise<Block[]> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes }, {
      // Word's own title style, and Chinese Word's names for the heading styles.
      styleMap: [
        "p[style-name='Title'] => h1:fresh",
        "p[style-name='标题'] => h1:fresh",
        ...[1, 2, 3, 4, 5, 6].map((n) => `p[style-name='标题 ${n}'] => h${n}:fresh`),
      ],
    })).value;
  } catch (error) {
    throw new ImportRefusal(`无法读取 Word 文件 ${path}：${(error as Error).message}。${EXPORT_HINT}`);
  }
  return htmlBlocks(html);
}

interface Element {
  name: string;
  children: (Element | string)[];
}

const VOID = new Set(['br', 'img', 'hr']);

/** mammoth's HTML is regular (well-formed, no attributes that matter): a small tree reader is enough. */
function parseHtml(html: string): Element {
  const root: Element = { name: '#root', children: [] };
  const stack = [root];
  for (const match of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*?(\/?)>|([^<]+)/gi)) {
    const top = stack.at(-1)!;
    if (match[4] !== undefined) {
      top.children.push(decodeEntities(match[4]));
      continue;
    }
    const name = match[2]!.toLowerCase();
    if (match[1]) {
      const at = stack.findLastIndex((e) => e.name === name);
      if (at > 0) stack.length = at;
    } else {
      const element: Element = { name, children: [] };
      top.children.push(element);
      if (!VOID.has(name) && !match[3]) stack.push(element);
    }
  }
  return root;
}

/** The text of an element; a line break becomes \n. */
function textOf(node: Element | string): string {
  if (typeof node === 'string') return node;
  if (node.name === 'br') return '\n';
  return node.children.map(textOf).join('');
}

/** Paragraphs of a cell joined without a break: a cell is one line of the Markdown table. */
const cellText = (cell: Element) => textOf(cell).replace(/\s*\n\s*/g, ' ').trim();

function collectBlocks(node: Element, blocks: Block[]): void {
  for (const child of node.children) {
    if (typeof child === 'string') {
      if (child.trim() !== '') blocks.push({ kind: 'paragraph', text: child });
      continue;
    }
    const heading = /^h([1-6])$/.exec(child.name);
    if (heading || child.name === 'p' || child.name === 'li') {
      // A line break inside a Word paragraph starts a new line of the text.
      for (const line of textOf(child).split('\n')) {
        if (line.trim() === '') continue;
        if (heading) blocks.push({ kind: 'paragraph', text: line, style: Number(heading[1]) });
        else if (child.name === 'li' && node.name === 'ol') blocks.push({ kind: 'paragraph', text: line, autoNumbered: true });
        else blocks.push({ kind: 'paragraph', text: line });
      }
    } else if (child.name === 'table') {
      const rows: string[][] = [];
      const walkRows = (e: Element) => {
        for (const c of e.children) {
          if (typeof c === 'string') continue;
          if (c.name === 'tr') rows.push(c.children.filter((x): x is Element => typeof x !== 'string' && (x.name === 'td' || x.name === 'th')).map(cellText));
          else if (c.name !== 'table') walkRows(c);
        }
      };
      walkRows(child);
      if (rows.length > 0) blocks.push({ kind: 'table', rows });
    } else {
      collectBlocks(child, blocks);
    }
  }
}

export function htmlBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  collectBlocks(parseHtml(html), blocks);
  return blocks;
}
