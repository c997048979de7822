import { LineCounter, isMap, isSeq, isPair, isScalar, type Node } from 'yaml';
import { reportNameProblem } from './content-files.ts';
import { readContentYaml } from './content-yaml.ts';
import { catalogEntrySchema } from '../schemas/catalog.ts';
import { departmentSchema } from '../schemas/department.ts';
import { reportSchema } from '../schemas/report.ts';
import { describeIssue } from './describe-issue.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { locateFigure } from '../domain/locate-figure.ts';
import { findNumbers } from '../domain/numerals.ts';
import { officialText } from '../domain/official-text.ts';
import { formatPath, type Problem } from './problems.ts';
import { checkBodySafety } from './safety.ts';
import { canConvert, isUnit, UNITS } from '../domain/units.ts';

export interface SourceFile {
  /** Path relative to the project root, used in messages. */
  file: string;
  text: string;
}

export interface ContentSources {
  reports: SourceFile[];
  catalog: SourceFile;
  departments: SourceFile;
}

/** A YAML document with the means to turn a field path into a file position. */
class LocatedYaml {
  readonly data: unknown;
  readonly syntaxErrors: { line: number; column: number; message: string }[];
  private readonly doc;
  private readonly lines = new LineCounter();
  private readonly firstLine: number;

  constructor(yaml: string, firstLine: number) {
    this.firstLine = firstLine;
    const read = readContentYaml(yaml, this.lines);
    this.doc = read.doc;
    this.syntaxErrors = read.problem ? [{ ...this.position(read.problem.offset), message: read.problem.message }] : [];
    this.data = read.data;
  }

  private position(offset: number) {
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

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function schemaProblems(
  file: string,
  located: LocatedYaml,
  schema: typeof reportSchema | typeof catalogEntrySchema | typeof departmentSchema,
  data: unknown,
  basePath: PropertyKey[] = [],
): Problem[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.flatMap((issue) => {
    const paths =
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => [...basePath, ...issue.path, key])
        : [[...basePath, ...issue.path]];
    return paths.map((path) => ({
      file,
      ...located.locate(path),
      field: formatPath(path),
      message: describeIssue(issue, valueAt(located.data, path)),
    }));
  });
}

/** Skeleton placeholders (npm run new-report writes 待填写…) that an editor has not replaced. */
export const PLACEHOLDER = '待填写';

function placeholderPaths(data: unknown, path: PropertyKey[] = []): PropertyKey[][] {
  if (typeof data === 'string') return data.includes(PLACEHOLDER) ? [path] : [];
  if (Array.isArray(data)) return data.flatMap((item, i) => placeholderPaths(item, [...path, i]));
  if (data !== null && typeof data === 'object') {
    return Object.entries(data).flatMap(([key, value]) => placeholderPaths(value, [...path, key]));
  }
  return [];
}

interface CatalogIndex {
  units: Map<string, string>;
  topics: Map<string, string>;
  /** False when the file itself could not be read: its one problem is reported, not one per report using it. */
  readable: boolean;
}

/** A YAML file that must be a list: its located document, or the problems that stop reading it. */
function readList(source: SourceFile, what: string): { located: LocatedYaml; items: unknown[] } | Problem[] {
  const located = new LocatedYaml(source.text, 1);
  if (located.syntaxErrors.length > 0) {
    return located.syntaxErrors.map((e) => ({
      file: source.file, line: e.line, column: e.column, field: '',
      message: `YAML 格式错误：${e.message}`,
    }));
  }
  if (!Array.isArray(located.data)) {
    return [{ file: source.file, line: 1, column: 1, field: '', message: `${what}应是一个列表（每项以“- id:”开头）` }];
  }
  return { located, items: located.data };
}

function checkCatalog(catalog: SourceFile): { problems: Problem[]; index: CatalogIndex } {
  const index: CatalogIndex = { units: new Map(), topics: new Map(), readable: true };
  const list = readList(catalog, '指标目录');
  if (Array.isArray(list)) return { problems: list, index: { ...index, readable: false } };
  const { located, items } = list;
  const problems: Problem[] = [];
  items.forEach((entry: unknown, i) => {
    problems.push(...schemaProblems(catalog.file, located, catalogEntrySchema, entry, [i]));
    const { id, unit, topic } = (entry ?? {}) as Record<string, unknown>;
    if (typeof id !== 'string') return;
    if (index.units.has(id)) {
      problems.push({
        file: catalog.file, ...located.locate([i, 'id']), field: formatPath([i, 'id']),
        message: `指标 id “${id}”在目录中重复出现；每个 id 只能定义一次`,
      });
    }
    index.units.set(id, typeof unit === 'string' ? unit : '');
    index.topics.set(id, typeof topic === 'string' ? topic : '');
  });
  return { problems, index };
}

interface DepartmentIndex {
  /** id → name. */
  names: Map<string, string>;
  primary: string | undefined;
  /** As CatalogIndex.readable. */
  readable: boolean;
}

/** content/departments.yaml: valid entries, unique ids, exactly one primary department. */
function checkDepartments(departments: SourceFile): { problems: Problem[]; index: DepartmentIndex } {
  const index: DepartmentIndex = { names: new Map(), primary: undefined, readable: true };
  const list = readList(departments, '单位列表');
  if (Array.isArray(list)) return { problems: list, index: { ...index, readable: false } };
  const { located, items } = list;
  const problems: Problem[] = [];
  const at = (path: PropertyKey[], message: string): Problem => ({
    file: departments.file, ...located.locate(path), field: formatPath(path), message,
  });
  items.forEach((entry: unknown, i) => {
    problems.push(...schemaProblems(departments.file, located, departmentSchema, entry, [i]));
    const { id, name, primary } = (entry ?? {}) as Record<string, unknown>;
    if (typeof id !== 'string') return;
    if (index.names.has(id)) problems.push(at([i, 'id'], `单位 id “${id}”重复出现；每个 id 只能定义一次`));
    index.names.set(id, typeof name === 'string' ? name : id);
    if (primary === true) {
      if (index.primary) problems.push(at([i, 'primary'], `已有主单位 ${index.primary}；只能有一个单位写 primary: true`));
      else index.primary = id;
    }
  });
  if (!index.primary && problems.length === 0) {
    problems.push({ file: departments.file, line: 1, column: 1, field: '', message: '没有主单位：请给本局那一项加上 primary: true' });
  }
  return { problems, index };
}

/** Counts non-overlapping occurrences of `needle` in `haystack`. */
function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
    found.push(at);
  }
  return found;
}

/** The sentence around position `at`: from the previous 。 or line start to the next. */
function sentenceAround(text: string, at: number, length: number): string {
  const start = Math.max(text.lastIndexOf('。', at), text.lastIndexOf('\n', at)) + 1;
  const ends = ['。', '\n'].map((c) => text.indexOf(c, at + length)).filter((i) => i !== -1);
  return text.slice(start, ends.length > 0 ? Math.min(...ends) : text.length);
}

const QUALIFIER_WORDS = { 预计: ['预计', '预测'], 截至: ['截至'] } as const;

/** Checks that a quote is in the text once, and holds the figure with its unit and qualifiers. */
function checkQuote(figure: Record<string, unknown>, text: string): { field: string; message: string }[] {
  const { quote, value, unit } = figure;
  if (typeof quote !== 'string' || quote === '') return [];
  const found = occurrences(text, quote);
  if (found.length === 0) {
    return [{ field: 'quote', message: `引文“${quote}”在正文中找不到；引文必须逐字摘自正文（不含编者注）` }];
  }
  if (found.length > 1) {
    return [{ field: 'quote', message: `引文“${quote}”在正文中出现 ${found.length} 次；请加长引文，使它只指向一处` }];
  }
  if (typeof value !== 'number' || typeof unit !== 'string') return [];
  const qualifiers = Array.isArray(figure.qualifier) ? figure.qualifier : figure.qualifier ? [figure.qualifier] : [];
  const numbers = findNumbers(quote).filter((n) => n.value === value);
  if (numbers.length === 0) {
    return [{ field: 'quote', message: `引文“${quote}”中没有数值 ${value}（须与原文写法一致，阿拉伯数字或原文所用的汉字数字）` }];
  }
  const span = locateFigure(quote, value, unit);
  if (!span) {
    const n = numbers[0]!;
    const following = quote.slice(n.end, n.end + 4) || '（无）';
    return [{ field: 'unit', message: `引文中 ${n.text} 后面是“${following}”，不是单位“${unit}”；单位须照原文写` }];
  }
  const problems: { field: string; message: string }[] = [];
  const figureText = quote.slice(span.start, span.end);
  const adjacent: Record<string, boolean> = {
    余: figureText.includes('余'), 多: figureText.includes('多'),
    近: figureText.startsWith('近'), 约: figureText.startsWith('约'),
  };
  for (const [word, present] of Object.entries(adjacent)) {
    if (present && !qualifiers.includes(word)) {
      problems.push({ field: 'qualifier', message: `原文写作“${figureText}”，数字带“${word}”：请加 qualifier: ${word}` });
    }
    if (!present && qualifiers.includes(word)) {
      problems.push({ field: 'qualifier', message: `限定词“${word}”不在引文的数字旁边（原文写作“${figureText}”）；请核对原文` });
    }
  }
  const sentence = sentenceAround(text, found[0]!, quote.length);
  for (const [qualifier, words] of Object.entries(QUALIFIER_WORDS)) {
    if (qualifiers.includes(qualifier) && !words.some((w) => sentence.includes(w))) {
      problems.push({ field: 'qualifier', message: `限定词“${qualifier}”在引文所在句中找不到（${words.join('/')}）；请核对原文` });
    }
  }
  return problems;
}

interface CheckedReport {
  problems: Problem[];
  /** Present when year and department are readable: what must be unique across reports. */
  identity?: { year: number; department: string | undefined; at: { line: number; column: number } };
}

function checkReport(report: SourceFile, catalog: CatalogIndex, departments: DepartmentIndex): CheckedReport {
  const { file } = report;
  if (report.text.trim() === '') {
    return { problems: [{ file, line: 1, column: 1, field: '', message: '文件是空的；请用 npm run new-report 生成骨架' }] };
  }
  const split = splitFrontmatter(report.text);
  if (split.yaml === null) {
    return { problems: [{ file, line: 1, column: 1, field: '', message: '文件开头缺少以 --- 包围的 frontmatter（报告信息和指标）' }] };
  }
  if (split.yaml.trim() === '') {
    // The frontmatter ends at the first line starting with --- (as Astro reads it): a doubled --- line empties it.
    return { problems: [{ file, line: split.yamlLine, column: 1, field: '', message: 'frontmatter 是空的：两行 --- 之间没有报告信息和指标（是否多了一行 ---？）' }] };
  }
  const located = new LocatedYaml(split.yaml, split.yamlLine);
  if (located.syntaxErrors.length > 0) {
    return {
      problems: located.syntaxErrors.map((e) => ({
        file, line: e.line, column: e.column, field: '', message: `frontmatter 的 YAML 格式错误：${e.message}`,
      })),
    };
  }
  const data = located.data;
  const problems = schemaProblems(file, located, reportSchema, data);
  for (const path of placeholderPaths(data)) {
    problems.push({ file, ...located.locate(path), field: formatPath(path), message: `还没有填写：请把“${String(valueAt(data, path))}”换成实际内容` });
  }
  problems.push(...checkBodySafety(file, split.body, split.bodyLine));
  const at = (path: PropertyKey[], message: string): Problem => ({
    file, ...located.locate(path), field: formatPath(path), message,
  });

  const text = officialText(split.body);
  const metrics = valueAt(data, ['metrics']);
  const seen = new Set<string>();
  if (Array.isArray(metrics)) {
    metrics.forEach((raw: unknown, i) => {
      if (raw === null || typeof raw !== 'object') return;
      const figure = raw as Record<string, unknown>;
      const { id, unit, topic } = figure;
      if (typeof id === 'string') {
        if (seen.has(id)) problems.push(at(['metrics', i, 'id'], `指标 id “${id}”在本报告中重复；同一指标每年只能有一个数值`));
        seen.add(id);
        const catalogUnit = catalog.units.get(id);
        if (catalogUnit === undefined) {
          if (catalog.readable) problems.push(at(['metrics', i, 'id'], `指标 id “${id}”不在指标目录 content/metrics.yaml 中；请改用目录中已有的 id，或先在目录中新增`));
        } else {
          if (typeof unit === 'string' && isUnit(unit) && isUnit(catalogUnit) && !canConvert(unit, catalogUnit)) {
            problems.push(at(['metrics', i, 'unit'], `单位“${unit}”不能换算为目录中该指标的单位“${catalogUnit}”（可换算：${Object.keys(UNITS).filter((u) => isUnit(u) && canConvert(u, catalogUnit)).join('、')}）`));
          }
          const catalogTopic = catalog.topics.get(id);
          if (typeof topic === 'string' && catalogTopic && topic !== catalogTopic) {
            problems.push(at(['metrics', i, 'topic'], `主题“${topic}”与目录中该指标的主题“${catalogTopic}”不一致`));
          }
        }
      }
      for (const problem of checkQuote(figure, text)) {
        problems.push(at(['metrics', i, problem.field], problem.message));
      }
    });
  }
  const department = valueAt(data, ['department']);
  if (typeof department === 'string' && departments.readable && !departments.names.has(department)) {
    problems.push(at(['department'], `单位 id “${department}”不在 content/departments.yaml 中（已有：${[...departments.names.keys()].join('、')}）`));
  }
  const year = valueAt(data, ['year']);
  return typeof year === 'number'
    ? { problems, identity: { year, department: typeof department === 'string' ? department : departments.primary, at: located.locate(['year']) } }
    : { problems };
}

/**
 * The folder a report sits in must agree with its department, so that its address is what the
 * editor expects: content/reports/<year>.mdx for the primary department, content/reports/<id>/…
 * for another. (A file moved into a folder but missing `department:` would otherwise silently
 * become the primary department's.)
 */
function folderProblem(file: string, department: string | undefined, primary: string | undefined): string | null {
  const match = /^content\/reports\/(?:(.+)\/)?[^/]+$/.exec(file);
  if (!match || department === undefined) return null;
  const folder = match[1];
  if (department === primary) {
    return folder === undefined ? null : `本局（${primary}）的报告应直接放在 content/reports/ 下；在 ${folder}/ 文件夹中的报告须写 department: ${folder}`;
  }
  return folder === department ? null : `单位 ${department} 的报告应放在 content/reports/${department}/ 文件夹中（现在在 content/reports/${folder ? `${folder}/` : ''}）`;
}

/** Validates all content together: each file alone, then what only the whole can tell. */
export function validateContent(sources: ContentSources): Problem[] {
  const { problems, index } = checkCatalog(sources.catalog);
  const departments = checkDepartments(sources.departments);
  problems.push(...departments.problems);
  const seen = new Map<string, string>();
  for (const report of sources.reports) {
    const checked = checkReport(report, index, departments.index);
    problems.push(...checked.problems);
    if (!checked.identity) continue;
    const { year, department, at } = checked.identity;
    const misplaced = folderProblem(report.file, department, departments.index.primary);
    if (misplaced) problems.push({ file: report.file, ...at, field: 'department', message: misplaced });
    const key = `${department ?? ''}/${year}`;
    const other = seen.get(key);
    // A second report for a year: that is the problem to name, not its file name.
    const misnamed = other ? null : reportNameProblem(report.file, year);
    if (misnamed) problems.push({ file: report.file, ...at, field: 'year', message: misnamed });
    if (other) {
      const name = department ? `（${departments.index.names.get(department) ?? department}）` : '';
      problems.push({
        file: report.file, ...at, field: 'year',
        message: `${year} 年已有报告 ${other}${name}；每个单位每年只能有一份报告`,
      });
    } else {
      seen.set(key, report.file);
    }
  }
  return problems;
}
