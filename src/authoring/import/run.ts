import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parse } from 'yaml';
import { CATALOG_FILE, DEPARTMENTS_FILE } from '../../reading/content-files.ts';
import { PLACEHOLDER } from '../../checks/schema-problems.ts';
import { splitFrontmatter } from '../../reading/frontmatter.ts';
import {
  asciiDigits,
  chooseDepartment,
  existingReportRefusal,
  isReportType,
  MAX_YEAR,
  MIN_YEAR,
  reportFileFor,
} from '../new-report.ts';
import { REPORT_TYPES, type ReportType } from '../../schemas/report.ts';
import { readArguments } from '../arguments.ts';
import { readReportFiles } from '../report-files.ts';
import { draftBody } from './body.ts';
import { catalogAddition, draftReport, proposeEntries } from './draft.ts';
import { clausesOf, commitmentLines, openCommitments, proposeCommitments, proposeEvidence } from './commitments.ts';
import { officialLines, officialText } from '../../domain/official-text.ts';
import { findFigures } from './figures.ts';
import { ImportRefusal, readOfficialFile } from './read-file.ts';
import { suggestMetrics, type CatalogMetric } from './suggest.ts';
import { loadVocabulary } from './vocabulary.ts';

/**
 * `npm run import -- <file> --year <YYYY> [--department <id>] [--type <报告类型>]`: reads the
 * official file, drafts the report where new-report would put it (with the same refusals),
 * proposes every figure and the catalog entries missing for them. scripts/import.ts prints.
 */
export const IMPORT_USAGE = `用法 (usage)：npm run import -- <原始文件.docx|.txt> --year <年份> [--department <单位 id>] [--type ${REPORT_TYPES.join('|')}]
例如 (example)：npm run import -- ~/收到的文件/2023年度绩效评价报告.docx --year 2023
不写 --type 时按原文标题判断报告类型；不写 --department 时为主单位（${DEPARTMENTS_FILE} 中 primary: true 的单位）的报告。`;

export type ImportArgs =
  | { kind: 'import'; file: string; year: number; department: string | undefined; type: ReportType | undefined }
  | { kind: 'help'; message: string }
  | { kind: 'error'; message: string };

const OPTIONS = ['--year', '--department', '--type'] as const;

const refuse = (message: string): ImportArgs => ({ kind: 'error', message: `${message}\n${IMPORT_USAGE}` });

/** Reads the arguments after `npm run import --`. Never throws: errors are messages. */
export function parseImportArgs(argv: readonly string[]): ImportArgs {
  const read = readArguments(argv, OPTIONS, {
    missingValue: (option) => `${option} 后面缺少取值。`,
    unknownOption: (arg) => `未知的选项“${arg}”；只有 --year、--department 和 --type。`,
  });
  if (read.kind === 'help') return { kind: 'help', message: IMPORT_USAGE };
  if (read.kind === 'error') return refuse(read.message);
  const { positional, options } = read;
  if (positional.length === 0) return refuse('缺少要导入的文件：请在 -- 后面写上原始文件的路径。');
  if (positional.length > 1) return refuse(`参数太多：“${positional.join('”“')}”；一次只导入一个文件（路径中有空格时请加引号）。`);
  const written = options['--year'];
  if (written === undefined) return refuse('缺少 --year：请写上报告所属年度，如 --year 2023。');
  const digits = asciiDigits(written);
  if (!/^\d{4}$/.test(digits)) return refuse(`年份“${written}”不是四位数字；请写成如 2023 这样的四位阿拉伯数字。`);
  const year = Number(digits);
  if (year < MIN_YEAR || year > MAX_YEAR) return refuse(`年份 ${year} 不合理：应在 ${MIN_YEAR}–${MAX_YEAR} 之间。`);
  const type = options['--type'];
  if (type !== undefined && !isReportType(type)) {
    return refuse(`未知的报告类型“${type}”；只能是：${REPORT_TYPES.join('、')}（不带“报告”二字）。`);
  }
  return { kind: 'import', file: positional[0]!, year, department: options['--department'], type };
}

async function readYaml(root: string, file: string): Promise<unknown> {
  try {
    return parse(await readFile(join(root, file), 'utf8'));
  } catch (error) {
    throw new ImportRefusal(`无法读取 ${file}：${(error as Error).message.split('\n')[0]}\n请先运行 npm run check:content，按提示修改。`);
  }
}

/** The catalog with each metric's quotes from the reports already there. */
function catalogMetrics(catalog: unknown, reports: readonly { text: string }[]): CatalogMetric[] {
  if (!Array.isArray(catalog)) throw new ImportRefusal(`${CATALOG_FILE} 不是指标列表；请先运行 npm run check:content，按提示修改。`);
  const quotes = new Map<string, string[]>();
  for (const report of reports) {
    const { yaml } = splitFrontmatter(report.text);
    let data: unknown;
    try {
      data = yaml === null ? null : parse(yaml);
    } catch {
      continue; // a broken report is the checker's business; it only lends quotes here
    }
    const metrics = (data as { metrics?: unknown } | null)?.metrics;
    if (!Array.isArray(metrics)) continue;
    for (const m of metrics as Record<string, unknown>[]) {
      if (typeof m?.id === 'string' && typeof m.quote === 'string') quotes.set(m.id, [...(quotes.get(m.id) ?? []), m.quote]);
    }
  }
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return (catalog as Record<string, unknown>[])
    .filter((e) => typeof e?.id === 'string' && typeof e.unit === 'string')
    .map((e) => ({
      id: e.id as string, label: text(e.label), unit: e.unit as string, topic: text(e.topic),
      definition: text(e.definition), quotes: quotes.get(e.id as string) ?? [],
    }));
}

export interface ImportResult {
  /** The report written, relative to the project root. */
  report: string;
  /** What the command prints. */
  summary: string;
}

/** Drafts the report under `root`. Throws ImportRefusal (nothing written) when it cannot. */
export async function importReport(root: string, args: Extract<ImportArgs, { kind: 'import' }>): Promise<ImportResult> {
  const choice = chooseDepartment(args.department, await readYaml(root, DEPARTMENTS_FILE));
  if (choice.kind === 'error') throw new ImportRefusal(choice.message);
  const { department } = choice;
  const reports = await readReportFiles(root);
  const refusal = existingReportRefusal(args.year, reports, department);
  if (refusal) throw new ImportRefusal(refusal);

  const official = await readOfficialFile(args.file);
  const body = draftBody(official.blocks);
  const titleYear = /((?:19|20)\d{2})\s*年/.exec(body.title ?? '')?.[1];
  if (titleYear !== undefined && Number(titleYear) !== args.year) {
    throw new ImportRefusal(`原文标题“${body.title}”写的是 ${titleYear} 年，与 --year ${args.year} 不符；请核对年份。`);
  }
  const vocabulary = await loadVocabulary(root);
  const catalog = catalogMetrics(await readYaml(root, CATALOG_FILE), reports);
  const { figures, unquotable } = findFigures(body.markdown, vocabulary);
  const suggestions = suggestMetrics(figures, catalog, vocabulary);
  const target = reportFileFor(args.year, department);
  const entries = proposeEntries(suggestions, args.year, new Set(catalog.map((m) => m.id)));
  const clauses = clausesOf(officialLines(body.markdown));
  const plainText = officialText(body.markdown);
  const commitments = proposeCommitments(clauses, plainText, args.year);
  const ownDepartment = (id: unknown) => (id ?? (department.primary ? department.id : undefined)) === department.id;
  const evidence = proposeEvidence(openCommitments(reports, ownDepartment, args.year), clauses, plainText);
  const firstLines = body.markdown.slice(0, 200);
  const reportType = args.type ?? REPORT_TYPES.find((t) => (body.title ?? firstLines).includes(t));
  const text = draftReport(
    {
      year: args.year,
      department: department.primary ? undefined : department.id,
      title: body.title,
      reportType,
      issuer: body.issuer,
      sourceFile: basename(args.file),
      format: official.format,
    },
    suggestions,
    entries,
    body.markdown,
    commitmentLines(commitments, evidence),
  );
  try {
    await mkdir(dirname(join(root, target)), { recursive: true });
    // 'wx': never overwrite, even if the file appeared since the folder was read.
    await writeFile(join(root, target), text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ImportRefusal(`${target} 已存在，不会覆盖它。`);
    throw new ImportRefusal(`无法写入 ${target}：${(error as Error).message}`);
  }
  const addition = catalogAddition(entries, target);
  if (addition !== '') await appendFile(join(root, CATALOG_FILE), addition);

  const matched = suggestions.length - entries.size;
  const { paragraphs, headings, tables } = body.counts;
  const steps = [
    `打开 ${target}，逐项核对 metrics：指标 id（注释中列出其他候选）、数值、单位、限定词和引文；每核对一项，删除它的 review: 行。原文中漏提的数字请照同样格式补上，不是指标的删去。`,
    ...(entries.size > 0 ? [`${CATALOG_FILE} 末尾提议了 ${entries.size} 个新指标：确认目录中确无口径相同的指标，写好 id、label、labelEn、definition，删除 review: 行。`] : []),
    `填写 summary（“${PLACEHOLDER}”处）${body.issuer ? '' : '和 issuer'}，核对 title、reportType、period。`,
    '对照原文通读正文：标题层级（## / ###）和表格；原文的错漏照录不改，需要说明时加 <EditorNote>原文如此，…</EditorNote>。',
    'npm run check:content，按提示修改，直到显示“内容检查通过”；npm run dev 预览。说明见 docs/editing.md。',
  ];
  const summary = [
    `已导入 (imported) ${args.file}（${official.format}）→ ${target}（${department.name}，${args.year} 年）`,
    `  正文 (body)：${paragraphs} 段，${headings} 个标题，${tables} 个表格`,
    `  数字 (figures)：提议 ${suggestions.length} 项，其中 ${matched} 项对应目录中已有的指标，${entries.size} 项提议为新指标`,
    `  承诺与落实 (commitments)：提议本报告的承诺 ${commitments.length} 项、此前承诺的落实情况 ${evidence.length} 项（各有 review: 行，见 docs/editing.md 第九节）`,
    ...(body.autoNumbered.length > 0 ? [`  注意：${body.autoNumbered.length} 段是 Word 的自动编号列表，编号（如“1.”“（一）”）由 Word 生成、不在文字中，没有导入；请对照原文在这些段前补上编号：${body.autoNumbered.map((t) => `“${t.slice(0, 12)}…”`).join('、')}`] : []),
    ...(unquotable.length > 0 ? [`  另有 ${unquotable.length} 个数字无法用只含它的引文指明，未提议（需要时手工登记，引文要能把它与前面相同的数字分开）：${unquotable.join('；')}`] : []),
    `  标题 ${body.title ? `“${body.title}”` : '未找到'}；报告类型 ${reportType ?? '未写明'}；发文单位 ${body.issuer ?? '原文未署名'}`,
    '下一步 (next steps)：',
    ...steps.map((step, i) => `  ${i + 1}. ${step}`),
  ].join('\n');
  return { report: target, summary };
}
