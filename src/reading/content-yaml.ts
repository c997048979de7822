import { parseDocument, visit, type Document, type ErrorCode, LineCounter, type ParseOptions, type SchemaOptions, type YAMLError } from 'yaml';

/**
 * How content YAML is read, by the checker and by the build alike. Content has no use for
 * aliases (`*name`); a handful of them nested can expand to billions of values ("billion
 * laughs"), so their expansion is capped. Report frontmatter is read at build time by js-yaml
 * (Astro's frontmatter parser), which turns an unquoted 2022-10-01 into a date: the checker
 * reads it as a date too, so the schema refuses it in both.
 */
export const YAML_PARSE_OPTIONS: ParseOptions & SchemaOptions = { prettyErrors: false, uniqueKeys: true, customTags: ['timestamp'] };
const YAML_TO_JS_OPTIONS = { maxAliasCount: 10 } as const;

/** A content YAML document, its data, and the one problem that stops reading it (null when none). */
export function readContentYaml(text: string, lineCounter = new LineCounter()): { doc: Document; data: unknown; problem: YamlProblem | null } {
  const doc = parseDocument(text, { ...YAML_PARSE_OPTIONS, lineCounter });
  const problem = firstYamlProblem(text, [...doc.errors, ...doc.warnings]);
  if (problem) return { doc, data: undefined, problem };
  const read = yamlToData(doc);
  return 'message' in read ? { doc, data: undefined, problem: read } : { doc, data: read.data, problem: null };
}

/**
 * The data of a content YAML file, for the build's data-file loaders (src/content.config.ts):
 * read exactly as the checker reads it. Throws on a file the checker refuses.
 */
export function parseContentYaml(text: string): unknown {
  const { data, problem } = readContentYaml(text);
  if (problem) throw new Error(problem.message);
  return data;
}

const ALIASES = '内容文件不需要锚点（&名称）和别名（*名称）：请删除它们，直接写出值';

/** What each of the yaml library's errors means to an editor, and what to do. */
const MESSAGES: Partial<Record<ErrorCode, string>> = {
  TAB_AS_INDENT: '这一行用了 Tab 缩进；YAML 只能用空格缩进：把行首的 Tab 换成空格，与同一层的其他行对齐',
  BAD_INDENT: '缩进没有对齐：同一层的字段须从同一列开始（只用空格缩进）',
  DUPLICATE_KEY: '同一层中这个字段名出现了两次：删除或合并其中一个',
  MISSING_CHAR: '缺少配对的符号（引号、括号或冒号）：检查这一行的引号和括号是否成对',
  BLOCK_AS_IMPLICIT_KEY: '这一行不是“字段: 值”的写法：检查冒号（冒号后须有空格）和缩进；值中有冒号时请给值加引号',
  MULTILINE_IMPLICIT_KEY: '这一行不是“字段: 值”的写法：检查冒号（冒号后须有空格）和缩进；值中有冒号时请给值加引号',
  UNEXPECTED_TOKEN: '这里有 YAML 不认得的内容：检查这一行的冒号、引号、括号和缩进',
  BAD_DQ_ESCAPE: '双引号中的反斜杠 \\ 写法无效：删去反斜杠，或把双引号换成单引号',
  BAD_SCALAR_START: '值不能以这个符号开头（如 @、`、%、|、>）：请给整个值加上引号',
  BLOCK_IN_FLOW: '方括号 [ ] 或花括号 { } 里不能换行写列表或字段：写在一行内，或改成逐行缩进的写法',
  BAD_ALIAS: ALIASES,
  ALIAS_PROPS: ALIASES,
  MULTIPLE_ANCHORS: ALIASES,
  MULTIPLE_TAGS: '内容文件不需要以 ! 开头的类型标记：请删除它',
  TAG_RESOLVE_FAILED: '内容文件不需要以 ! 开头的类型标记：请删除它',
  BAD_PROP_ORDER: '内容文件不需要锚点（&名称）和以 ! 开头的类型标记：请删除它们',
  MULTIPLE_DOCS: '这里又开始了一段 YAML（多余的 --- 行）：删除多余的 ---',
  BAD_DIRECTIVE: '以 % 开头的行是 YAML 指令，内容文件不需要：删除这一行',
  KEY_OVER_1024_CHARS: '字段名太长（或少了换行）：检查这一行的冒号和换行',
  NON_STRING_KEY: '字段名只能是文字：检查这一行冒号前的内容',
  BAD_COLLECTION_TYPE: '这里的列表或字段写法不对：检查缩进和“- ”',
  RESOURCE_EXHAUSTION: `嵌套或别名太多，无法读取：${ALIASES}；列表和字段不要嵌套过深`,
};

/** The message for an error the yaml library may add one day: the original follows it. */
export const YAML_FALLBACK = 'YAML 写法有误：检查这一行的缩进、冒号和引号';

export interface YamlProblem {
  /** Offset in the YAML text. */
  offset: number;
  message: string;
}

const TAB_INDENT = /^[ ]*\t/m;

/**
 * The one problem to report for a YAML document that does not parse: later errors mostly follow
 * from the first (a Tab or a wrong indent makes every following line look wrong), so only the
 * first is reported; a Tab indenting any line up to it is named as the cause.
 */
export function firstYamlProblem(text: string, errors: readonly YAMLError[]): YamlProblem | null {
  const first = errors[0];
  if (!first) return null;
  const tab = TAB_INDENT.exec(text.slice(0, text.indexOf('\n', first.pos[0]) + 1 || text.length));
  if (tab) return { offset: tab.index + tab[0].length - 1, message: MESSAGES.TAB_AS_INDENT! };
  return { offset: first.pos[0], message: MESSAGES[first.code] ?? `${YAML_FALLBACK}（${first.message.split('\n')[0]}）` };
}

/** Where a document's first alias is, for a document whose aliases expand too far. */
function firstAliasOffset(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

/**
 * The document's plain data, or the problem that stops reading it. toJS throws on the limits
 * in YAML_TO_JS_OPTIONS (and, on anything else it cannot represent, a RangeError or TypeError):
 * each becomes a problem at the place it comes from, never a stack trace.
 */
function yamlToData(doc: Document): { data: unknown } | YamlProblem {
  try {
    return { data: doc.toJS(YAML_TO_JS_OPTIONS) };
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      const excessive = /excessive/i.test(error.message);
      return { offset: firstAliasOffset(doc), message: excessive ? `别名（*名称）展开后太大，可能是恶意构造：${ALIASES}` : ALIASES };
    }
    return { offset: 0, message: `YAML 内容无法读取（${(error as Error).message}）：检查锚点、别名和嵌套，或请开发人员查看` };
  }
}
