import { parse } from 'yaml';
import { readArguments } from './arguments.ts';
import { editorNote } from '../domain/official-text.ts';
import { QUALIFIERS, quoted, wordsMeaning } from '../domain/qualifiers.ts';
import { departmentSchema, type Department } from '../schemas/department.ts';
import { REPORT_TYPES, type ReportType } from '../schemas/report.ts';
import { DEPARTMENTS_FILE, REPORTS_DIR } from '../reading/content-files.ts';
import { splitFrontmatter } from '../reading/frontmatter.ts';
import { PLACEHOLDER } from '../checks/schema-problems.ts';

/**
 * `npm run new-report -- <year> [--type …] [--department …]`: the pure half. Reads the
 * arguments, picks the department, checks that it has no report for the year yet and writes
 * the skeleton text; scripts/new-report.ts only does the file system work.
 *
 * A `department` parameter left out, or the primary one, means the bureau's own report:
 * content/reports/<year>.mdx without a `department:` line, exactly as before departments existed.
 */

/** Years a new report may plausibly have (the schema itself accepts 1949–2100). */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** Used when --type is not given. */
export const DEFAULT_REPORT_TYPE: ReportType = REPORT_TYPES[0];

export const USAGE = `用法 (usage)：npm run new-report -- <年份> [--type ${REPORT_TYPES.join('|')}] [--department <单位 id>]
例如 (example)：npm run new-report -- 2023 --type ${REPORT_TYPES[1]}
不写 --type 时为“${DEFAULT_REPORT_TYPE}”；不写 --department 时为主单位（${DEPARTMENTS_FILE} 中 primary: true 的单位）的报告。`;

export type NewReportArgs =
  /** `department` is the id as written; chooseDepartment looks it up. */
  | { kind: 'create'; year: number; type: ReportType; department: string | undefined }
  | { kind: 'help'; message: string }
  | { kind: 'error'; message: string };

const TYPES_LIST = REPORT_TYPES.join('、');

/** Full-width digits (２０２３) as typed with a Chinese input method become ASCII digits. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

export function isReportType(text: string): text is ReportType {
  return (REPORT_TYPES as readonly string[]).includes(text);
}

const refuse = (message: string): NewReportArgs => ({ kind: 'error', message: `${message}\n${USAGE}` });

const OPTIONS = ['--type', '--department'] as const;
type Option = (typeof OPTIONS)[number];

const MISSING_VALUE: Record<Option, string> = {
  '--type': `--type 后面缺少报告类型；可选：${TYPES_LIST}。`,
  '--department': `--department 后面缺少单位 id；可用的 id 见 ${DEPARTMENTS_FILE}。`,
};

/** Reads the arguments after `npm run new-report --`. Never throws: errors are messages. */
export function parseNewReportArgs(argv: readonly string[]): NewReportArgs {
  const read = readArguments(argv, OPTIONS, {
    missingValue: (option) => MISSING_VALUE[option],
    unknownOption: (arg) => `未知的选项“${arg}”；只有 --type 和 --department 两个选项。`,
  });
  if (read.kind === 'help') return { kind: 'help', message: USAGE };
  if (read.kind === 'error') return refuse(read.message);
  const { positional, options } = read;
  if (positional.length === 0) return refuse('缺少年份：请在 -- 后面写上报告年度，如 npm run new-report -- 2023。');
  if (positional.length > 1) {
    return refuse(`参数太多：“${positional.join('”“')}”；一次只能创建一份报告，只写一个年份。`);
  }
  const written = positional[0]!;
  const digits = asciiDigits(written);
  if (!/^\d{4}$/.test(digits)) {
    return refuse(`年份“${written}”不是四位数字；请写成如 2023 这样的四位阿拉伯数字（不带“年”字）。`);
  }
  const year = Number(digits);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return refuse(`年份 ${year} 不合理：应在 ${MIN_YEAR}–${MAX_YEAR} 之间；请检查是否写错。`);
  }
  const type = options['--type'];
  if (type !== undefined && !isReportType(type)) {
    return refuse(`未知的报告类型“${type}”；只能是：${TYPES_LIST}（须与原文一致，不带“报告”二字）。`);
  }
  return { kind: 'create', year, type: type ?? DEFAULT_REPORT_TYPE, department: options['--department'] };
}

export type DepartmentChoice = { kind: 'ok'; department: Department } | { kind: 'error'; message: string };

/**
 * The department named by `--department` (`requested`), or the primary one when it is left
 * out. `departments` is content/departments.yaml as parsed.
 */
export function chooseDepartment(requested: string | undefined, departments: unknown): DepartmentChoice {
  const list = departmentSchema.array().safeParse(departments);
  if (!list.success) {
    return { kind: 'error', message: `${DEPARTMENTS_FILE} 有误；请先运行 npm run check:content，按提示修改。` };
  }
  const department = list.data.find((d) => (requested === undefined ? d.primary : d.id === requested));
  if (department) return { kind: 'ok', department };
  if (requested === undefined) {
    return { kind: 'error', message: `${DEPARTMENTS_FILE} 中没有主单位；请给本局那一项加上 primary: true。` };
  }
  const known = list.data.map((d) => d.id).join('、');
  return {
    kind: 'error',
    message: `单位 id “${requested}”不在 ${DEPARTMENTS_FILE} 中（已有：${known}）。新的单位请先在该文件中添加一项，见 docs/editing.md。`,
  };
}

/** `department` unless it is the primary one, whose reports need no folder and no `department:`. */
const otherDepartment = (department: Department | undefined) => (department?.primary ? undefined : department);

/** The file a department's report for a year lives in, relative to the project root. */
export function reportFileFor(year: number, department?: Department): string {
  const other = otherDepartment(department);
  return other ? `${REPORTS_DIR}/${other.id}/${year}.mdx` : `${REPORTS_DIR}/${year}.mdx`;
}

/** A top-level frontmatter value: parsed when the YAML is valid, else read from its own line. */
function frontmatterValue(text: string, key: string): unknown {
  const { yaml } = splitFrontmatter(text);
  if (yaml === null) return undefined;
  try {
    const data: unknown = parse(yaml);
    return data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[key] : undefined;
  } catch {
    // A broken frontmatter is check:content's business; fall back to the plain line.
    return new RegExp(`^${key}:\\s*["']?([^"'#\\s]+)["']?\\s*(?:#.*)?$`, 'm').exec(yaml)?.[1];
  }
}

/** The `year:` a report file declares, or undefined when it cannot be read. */
export function declaredYear(text: string): number | undefined {
  const year = frontmatterValue(text, 'year');
  if (typeof year === 'number') return year;
  if (typeof year === 'string' && /^\d{4}$/.test(year.trim())) return Number(year);
  return undefined;
}

/** The `department:` a report file declares; undefined means the primary department's. */
export function declaredDepartment(text: string): string | undefined {
  const department = frontmatterValue(text, 'department');
  return typeof department === 'string' ? department.trim() : undefined;
}

/** Whether a report file's frontmatter puts it in `department` (left out: the primary one). */
function isReportOf(text: string, department: Department | undefined): boolean {
  const declared = declaredDepartment(text);
  const other = otherDepartment(department);
  // Like check:content: a report without `department:` is the primary department's.
  return other ? declared === other.id : declared === undefined || declared === department?.id;
}

/**
 * Why `department`'s report for `year` cannot be created among the existing `files` (paths
 * relative to the project root), or null when it can. Other departments' reports of the same
 * year are no obstacle.
 */
export function existingReportRefusal(
  year: number,
  files: readonly { file: string; text: string }[],
  department?: Department,
): string | null {
  const target = reportFileFor(year, department);
  if (files.some((f) => f.file === target)) {
    return `${target} 已存在，不会覆盖它。要修改 ${year} 年的报告，请直接编辑这个文件。`;
  }
  const existing = files.find((f) => declaredYear(f.text) === year && isReportOf(f.text, department));
  if (!existing) return null;
  const other = otherDepartment(department);
  if (!other) {
    return `${year} 年已有报告 ${existing.file}（其中写着 year: ${year}）；每年只能有一份报告。请编辑那个文件，或核对它的年份。`;
  }
  return `${other.name} ${year} 年已有报告 ${existing.file}（其中写着 year: ${year}、department: ${other.id}）；每个单位每年只能有一份报告。请编辑那个文件，或核对它的年份和单位。`;
}

/** The catalog metric the skeleton shows as its example (content/metrics.yaml). */
export const EXAMPLE_METRIC = { id: 'certified-social-workers', unit: '人', topic: '社会工作' } as const;

/** The quote the editor must replace: check:content reports it as not found in the body. */
export const PLACEHOLDER_QUOTE = '请把这里换成正文中含有该数字的原句';

/** Where the editor pastes the official text; an editor's note, so never part of the text. */
export const PLACEHOLDER_BODY =
  editorNote('待粘贴正文：请删除这一行，把官方报告正文粘贴在这里。每段一行，段与段之间空一行；原文的标题写成 ## 或 ###。(Delete this line and paste the official text here: one paragraph per line, a blank line between paragraphs, headings as ## or ###.)');

function titleFor(year: number, type: ReportType): string {
  return `${year}年度${type}报告`;
}

/** The skeleton lines that name the department; only another department's report has a `department:`. */
function departmentLines(department: Department) {
  const issuerExamples = [department.name, department.shortName].filter((name) => name !== undefined).map((name) => `“${name}”`).join('或');
  if (department.primary) return { field: '', issuer: department.name, issuerExamples };
  return {
    field: `
# 所属单位，${DEPARTMENTS_FILE} 中的 id，与文件夹名一致（department id from ${DEPARTMENTS_FILE}; matches the folder name）
department: ${department.id}
`,
    issuer: department.name,
    issuerExamples,
  };
}

/** The text of a new report file (see reportFileFor): every field, with guidance. */
export function reportSkeleton(year: number, type: ReportType, department: Department): string {
  const { id, unit, topic } = EXAMPLE_METRIC;
  const lines = departmentLines(department);
  return `---
# ${year} 年报告（report for ${year}）。填写说明见 docs/editing.md（editors' guide）。
# 以 # 开头的行是填写说明，不会发布，可以保留也可以删除（lines starting with # are comments, never published）。
# 填好后运行 npm run check:content，按提示逐条修改，直到显示“内容检查通过”（run the check until it passes）。

# 报告所属年度，四位数字，与文件名一致（report year; matches the file name）
year: ${year}
${lines.field}
# 报告标题，照原文封面抄写（title, exactly as on the official report）
title: ${titleFor(year, type)}

# 报告类型，只能是：${TYPES_LIST}（report type: one of these two）
reportType: ${type}

# 发文单位，照原文抄写，如${lines.issuerExamples}（issuing body, as printed）
issuer: ${lines.issuer}

# 报告涵盖的时间段，“年-月”格式，须加英文引号；报告只写到某月时把 to 改为那个月
# （period covered, "YYYY-MM" in quotes; if the report stops earlier, set "to" to that month）
period: { from: "${year}-01", to: "${year}-12" }

# 收到的官方原始文件的文件名，如 004_c721695594134727.txt（file name of the official source document）
sourceFile: ${PLACEHOLDER}：原始文件名

# 一两句话的摘要：哪一年、谁的报告、分几部分、讲了哪些工作；显示在报告页和 RSS 订阅中
# （one or two sentences: shown on the report page and in the RSS feed）
summary: >-
  ${lines.issuer}${year}年度${type}报告。

# 政府信息公开（disclosure）：发布日期必填；其余几项只在原文写明时填写，不写明的不填，页面显示“原文未注明”
# （disclosure metadata: publishedDate is required; the others only where the source states them）
disclosure:
  # 发布日期：本站首次发布这份报告的日期，“年-月-日”，加英文双引号；发布后不再改变（date first published here）
  publishedDate: "${PLACEHOLDER}：发布日期，如 2026-11-25"
  # 成文日期，原文写明时填写，不能晚于发布日期（date written, if stated）：
  # writtenDate: "2023-03-15"
  # 文号，原文写明时照抄（document number, if stated）：
  # documentNumber: 开民发〔2023〕3号
  # 索引号：本单位在 content/departments.yaml 填写了组织机构代码时才编，“代码/年份-五位流水号”，全站唯一
  # indexNumber: 114301050000000000/2023-00001

# 正文中的数字，每个一项，至少一项（every figure the text states, one entry each; at least one）
metrics:
  # id：content/metrics.yaml 中已有的指标 id；口径（定义）相同才能沿用，否则先在目录中新增
  # （a metric id from content/metrics.yaml; reuse an id only for the same definition, else add one）
  - id: ${id}
    # 数值：照原文的数字写，不加引号、不加千位分隔符；“5.8万人次”写 5.8、单位写 万人次
    # （the number as written: no quotes, no thousands separators）
    value: 0
    # 单位：照原文数字后面的单位写，须能换算为目录中该指标的单位（unit exactly as written after the number）
    unit: ${unit}
    # 限定词（可选）：${QUALIFIERS.join('、')}；确数不写。用时去掉行首的 #（qualifier, optional; omit for an exact figure）
    # qualifier: 余
    # 截至的日期，只在限定词含${quoted(wordsMeaning('as-of'))}时填写，如 10月（as-of date, only with ${wordsMeaning('as-of').join('/')}）
    # asOf: 10月
    # 主题：须与目录中该指标的主题相同（topic: the same as in the catalog）
    topic: ${topic}
    # 引文：从正文逐字复制的一小段，含这个数字和单位，且在正文中只出现一次
    # （quote: words copied exactly from the body, containing the number and its unit, occurring once）
    quote: ${PLACEHOLDER_QUOTE}
---
${PLACEHOLDER_BODY}
`;
}
