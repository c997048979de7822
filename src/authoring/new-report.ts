import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AuthoringRefusal, parseArguments, readReportTypes, type AuthoringArgs, type AuthoringCommand } from './arguments.ts';
import { readReportFiles } from './report-files.ts';
import { readContentYaml } from '../reading/content-yaml.ts';
import { editorNote } from '../domain/official-text.ts';
import { QUALIFIERS, quoted, wordsMeaning } from '../schemas/qualifier.ts';
import { departmentSchema, type Department } from '../schemas/department.ts';
import type { ReportType } from '../schemas/report.ts';
import { DEPARTMENTS_FILE, REPORT_TYPES_FILE, REPORTS_DIR } from '../reading/content-files.ts';
import { splitFrontmatter } from '../reading/frontmatter.ts';
import { PLACEHOLDER } from '../checks/schema-problems.ts';
import { reportFileText } from './content-writer.ts';

/**
 * `npm run new-report -- <year> [--type …] [--department …]`: picks the department, checks that
 * it has no report for the year yet and writes the skeleton (scripts/new-report.ts runs it).
 * Also what import shares with it: the department, the report's file, the refusals, the write.
 *
 * A `department` parameter left out, or the primary one, means the bureau's own report:
 * content/reports/<year>.mdx without a `department:` line, exactly as before departments existed.
 */

export const NEW_REPORT: AuthoringCommand = {
  usage: `用法 (usage)：npm run new-report -- <年份> [--type <报告类型>] [--department <单位 id>]
例如 (example)：npm run new-report -- 2023 --type 重点项目绩效自评
报告类型见 ${REPORT_TYPES_FILE}，不写 --type 时为其中第一项；不写 --department 时为主单位（${DEPARTMENTS_FILE} 中 primary: true 的单位）的报告。`,
  positional: 'year',
  refused: '未创建报告 (no report created)',
  run: createReport,
};

/** Reads the arguments after `npm run new-report --`. */
export const parseNewReportArgs = (argv: readonly string[]) => parseArguments(NEW_REPORT, argv);

async function createReport(root: string, args: AuthoringArgs): Promise<string> {
  const { department, target } = await placeReport(root, args);
  const type = args.type ?? (await readReportTypes(root))[0]!;
  await writeReport(root, target, reportSkeleton(args.year, type, department));
  return `已创建 (created) ${target}（${department.name}，${args.year} 年，${type}）。
下一步 (next)：
  1. 把官方报告正文粘贴到文件的 --- 之后（替换“待粘贴正文”那一行）；标题写成 ## 或 ###。
  2. 填写 frontmatter 中的各项，尤其是 title、sourceFile、summary 和 metrics。
  3. 运行 npm run check:content，按提示修改，直到显示“内容检查通过”。
说明见 docs/editing.md。`;
}

/**
 * The department asked for, the file its report for the year goes to and the reports already
 * there (report-files.ts), or an AuthoringRefusal:
 * an unknown department, or a year it already has a report for.
 */
export async function placeReport(root: string, args: AuthoringArgs): Promise<{ department: Department; target: string; reports: { file: string; text: string }[] }> {
  const file = join(root, DEPARTMENTS_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new AuthoringRefusal(`无法读取 ${DEPARTMENTS_FILE}：${(error as Error).message}\n请先运行 npm run check:content，按提示修改。`);
  }
  const choice = chooseDepartment(args.department, readContentYaml(text).data);
  if (choice.kind === 'error') throw new AuthoringRefusal(choice.message);
  const reports = await readReportFiles(root);
  const refusal = existingReportRefusal(args.year, reports, choice.department);
  if (refusal) throw new AuthoringRefusal(refusal);
  return { department: choice.department, target: reportFileFor(args.year, choice.department), reports };
}

/** Writes a new report file; never overwrites one ('wx'), even one that appeared since the folder was read. */
export async function writeReport(root: string, target: string, text: string): Promise<void> {
  try {
    await mkdir(dirname(join(root, target)), { recursive: true });
    await writeFile(join(root, target), text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new AuthoringRefusal(`${target} 已存在，不会覆盖它。`);
    throw new AuthoringRefusal(`无法写入 ${target}：${(error as Error).message}`);
  }
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

/** A top-level frontmatter value: read when the YAML is valid, else from its own line. */
function frontmatterValue(text: string, key: string): unknown {
  const { yaml } = splitFrontmatter(text);
  if (yaml === null) return undefined;
  const { data, problem } = readContentYaml(yaml);
  // A broken frontmatter is check:content's business; fall back to the plain line.
  if (problem) return new RegExp(`^${key}:\\s*["']?([^"'#\\s]+)["']?\\s*(?:#.*)?$`, 'm').exec(yaml)?.[1];
  return data !== null && typeof data === 'object' ? Object.entries(data).find(([k]) => k === key)?.[1] : undefined;
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

/** The text of a new report file (see reportFileFor): every field, with guidance. */
export function reportSkeleton(year: number, type: ReportType, department: Department): string {
  const { id, unit, topic } = EXAMPLE_METRIC;
  const issuerExamples = [department.name, department.shortName].filter((name) => name !== undefined).map((name) => `“${name}”`).join('或');
  const asOf = wordsMeaning('as-of');
  return reportFileText({
    preface: [
      `${year} 年报告（report for ${year}）。填写说明见 docs/editing.md（editors' guide）。`,
      '以 # 开头的行是填写说明，不会发布，可以保留也可以删除（lines starting with # are comments, never published）。',
      '填好后运行 npm run check:content，按提示逐条修改，直到显示“内容检查通过”（run the check until it passes）。',
    ],
    report: {
      fields: {
        year,
        // Only another department's report names its department.
        department: department.primary ? undefined : department.id,
        title: titleFor(year, type),
        reportType: type,
        issuer: department.name,
        period: { from: `${year}-01`, to: `${year}-12` },
        sourceFile: `${PLACEHOLDER}：原始文件名`,
        summary: `${department.name}${year}年度${type}报告。`,
      },
      notes: {
        year: ['报告所属年度，四位数字，与文件名一致（report year; matches the file name）'],
        department: [`所属单位，${DEPARTMENTS_FILE} 中的 id，与文件夹名一致（department id from ${DEPARTMENTS_FILE}; matches the folder name）`],
        title: ['报告标题，照原文封面抄写（title, exactly as on the official report）'],
        reportType: [`报告类型，须是 ${REPORT_TYPES_FILE} 中的一项（report type, from ${REPORT_TYPES_FILE}）`],
        issuer: [`发文单位，照原文抄写，如${issuerExamples}（issuing body, as printed）`],
        period: [
          '报告涵盖的时间段，“年-月”格式，须加英文引号；报告只写到某月时把 to 改为那个月',
          '（period covered, "YYYY-MM" in quotes; if the report stops earlier, set "to" to that month）',
        ],
        sourceFile: ['收到的官方原始文件的文件名，如 004_c721695594134727.txt（file name of the official source document）'],
        summary: ['一两句话的摘要：哪一年、谁的报告、分几部分、讲了哪些工作；显示在报告页和 RSS 订阅中', '（one or two sentences: shown on the report page and in the RSS feed）'],
        metrics: ['正文中的数字，每个一项，至少一项（every figure the text states, one entry each; at least one）'],
      },
    },
    figures: [{
      fields: { id, value: 0, unit, topic, quote: PLACEHOLDER_QUOTE },
      examples: { qualifier: '余', asOf: '10月' },
      notes: {
        id: ['id：content/metrics.yaml 中已有的指标 id；口径（定义）相同才能沿用，否则先在目录中新增', '（a metric id from content/metrics.yaml; reuse an id only for the same definition, else add one）'],
        value: ['数值：照原文的数字写，不加引号、不加千位分隔符；“5.8万人次”写 5.8、单位写 万人次', '（the number as written: no quotes, no thousands separators）'],
        unit: ['单位：照原文数字后面的单位写，须能换算为目录中该指标的单位（unit exactly as written after the number）'],
        qualifier: [`限定词（可选）：${QUALIFIERS.join('、')}；确数不写。用时去掉行首的 #（qualifier, optional; omit for an exact figure）`],
        asOf: [`截至的日期，只在限定词含${quoted(asOf)}时填写，如 10月（as-of date, only with ${asOf.join('/')}）`],
        topic: ['主题：须与目录中该指标的主题相同（topic: the same as in the catalog）'],
        quote: ['引文：从正文逐字复制的一小段，含这个数字和单位，且在正文中只出现一次', '（quote: words copied exactly from the body, containing the number and its unit, occurring once）'],
      },
    }],
    body: PLACEHOLDER_BODY,
  });
}
