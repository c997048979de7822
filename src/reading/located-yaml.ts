import { LineCounter, isMap, isSeq, isPair, isScalar, type Document, type Node } from 'yaml';
import { readContentYaml } from './content-yaml.ts';
import { splitFrontmatter, type SplitSource } from './frontmatter.ts';
import type { Problem } from './problems.ts';

/** A content file as read from disk (src/checks/check-content.ts). */
export interface SourceFile {
  /** Path relative to the project root, used in messages. */
  file: string;
  text: string;
}

/** A YAML document with the means to turn a field path into a file position. */
export class LocatedYaml {
  readonly data: unknown;
  readonly syntaxErrors: { line: number; column: number; message: string }[];
  /** The parsed document, for checks that walk its keys (src/checks/review.ts). */
  readonly doc: Document;
  private readonly lines = new LineCounter();
  private readonly firstLine: number;

  constructor(yaml: string, firstLine: number) {
    this.firstLine = firstLine;
    const read = readContentYaml(yaml, this.lines);
    this.doc = read.doc;
    this.syntaxErrors = read.problem ? [{ ...this.position(read.problem.offset), message: read.problem.message }] : [];
    this.data = read.data;
  }

  /** The file position of an offset into the YAML text. */
  position(offset: number): { line: number; column: number } {
    const { line, col } = this.lines.linePos(offset);
    return { line: line + this.firstLine - 1, column: col };
  }

  /** Position of the deepest key or item along `path` that exists. */
  locate(path: readonly PropertyKey[]): { line: number; column: number } {
    let node: unknown = this.doc.contents;
    let offset = (node as Node | null)?.range?.[0] ?? 0;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
        if (!pair) break;
        offset = (pair.key as Node).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
        node = node.items[key];
        offset = (node as Node).range?.[0] ?? offset;
      } else {
        break;
      }
    }
    return this.position(offset);
  }
}

export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** A whole YAML file: its located document, or the syntax problems that stop reading it. */
export function readYaml(source: SourceFile): LocatedYaml | Problem[] {
  const located = new LocatedYaml(source.text, 1);
  if (located.syntaxErrors.length === 0) return located;
  return located.syntaxErrors.map((e) => ({
    file: source.file, line: e.line, column: e.column, field: '',
    message: `YAML 格式错误：${e.message}`,
  }));
}

/** A YAML file that must be a list: its located document, or the problems that stop reading it. */
export function readList(source: SourceFile, what: string): { located: LocatedYaml; items: unknown[] } | Problem[] {
  const located = readYaml(source);
  if (Array.isArray(located)) return located;
  if (!Array.isArray(located.data)) {
    return [{ file: source.file, line: 1, column: 1, field: '', message: `${what}应是一个列表（每项以“- id:”开头）` }];
  }
  return { located, items: located.data };
}

/** A report file split into frontmatter and body, with its frontmatter located (null when it has none, or only blanks). */
export interface ReadFrontmatter {
  split: SplitSource;
  located: LocatedYaml | null;
}

const frontmatters = new WeakMap<SourceFile, ReadFrontmatter>();

/**
 * A report's frontmatter, read once per file however many checks ask for it: parsing the YAML is
 * most of a content check's time (three times over, before, at 1,000 reports).
 */
export function frontmatterOf(source: SourceFile): ReadFrontmatter {
  let read = frontmatters.get(source);
  if (!read) {
    const split = splitFrontmatter(source.text);
    read = { split, located: split.yaml === null || split.yaml.trim() === '' ? null : new LocatedYaml(split.yaml, split.yamlLine) };
    frontmatters.set(source, read);
  }
  return read;
}
