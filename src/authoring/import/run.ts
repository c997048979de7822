import { appendFile, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'astro/zod';
import { readContentYaml } from '../../reading/content-yaml.ts';
import { catalogEntrySchema } from '../../schemas/catalog.ts';
import { figureSchema } from '../../schemas/figure.ts';
import { CATALOG_FILE, DEPARTMENTS_FILE } from '../../reading/content-files.ts';
import { PLACEHOLDER } from '../../checks/schema-problems.ts';
import { splitFrontmatter } from '../../reading/frontmatter.ts';
import { placeReport, writeReport } from '../new-report.ts';
import { parseArguments, readReportTypes, type AuthoringArgs, type AuthoringCommand } from '../arguments.ts';
import { draftBody, type DraftBody } from './body.ts';
import { catalogAddition, draftReport, proposeEntries } from './draft.ts';
import { clausesOf, commitmentsWritten, evidenceWritten, openCommitments, proposeCommitments, proposeEvidence } from './commitments.ts';
import { officialLines, officialText } from '../../domain/official-text.ts';
import { findFigures } from './figures.ts';
import { proposeBudget, proposedElsewhere, proposeScoreTable } from './performance.ts';
import { ImportRefusal, readOfficialFile } from './read-file.ts';
import { suggestMetrics, type CatalogMetric } from './suggest.ts';
import { loadVocabulary } from './vocabulary.ts';

/**
 * `npm run import -- <file> --year <YYYY> [--department <id>] [--type <报告类型>]`: reads the
 * official file, drafts the report where new-report would put it (with the same refusals),
 * proposes every figure and the catalog entries missing for them. scripts/import.ts runs it.
 */
export const IMPORT: AuthoringCommand = {
  usage: `用法 (usage)：npm run import -- <原始文件.docx|.txt> --year <年份> [--department <单位 id>] [--type <报告类型>]
例如 (example)：npm run import -- ~/收到的文件/2023年度绩效评价报告.docx --year 2023
不写 --type 时按原文标题判断报告类型；不写 --department 时为主单位（${DEPARTMENTS_FILE} 中 primary: true 的单位）的报告。`,
  positional: 'file',
  refused: '未导入 (nothing imported)',
  run: async (root, args) => (await importReport(root, args)).summary,
};

/** Reads the arguments after `npm run import --`. */
export const parseImportArgs = (argv: readonly string[]) => parseArguments(IMPORT, argv);

async function readYaml(root: string, file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(join(root, file), 'utf8');
  } catch (error) {
    throw new ImportRefusal(`无法读取 ${file}：${(error as Error).message}`);
  }
  const { data, problem } = readContentYaml(text);
  if (problem) throw new ImportRefusal(`无法读取 ${file}：${problem.message}\n请先运行 npm run check:content，按提示修改。`);
  return data;
}

/** The catalog, typed by its schema, with each metric's quotes from the reports already there. */
function catalogMetrics(catalog: unknown, reports: readonly { text: string }[]): CatalogMetric[] {
  const entries = catalogEntrySchema.array().safeParse(catalog);
  if (!entries.success) throw new ImportRefusal(`${CATALOG_FILE} 有误；请先运行 npm run check:content，按提示修改。`);
  const quotes = new Map<string, string[]>();
  for (const report of reports) {
    const { yaml } = splitFrontmatter(report.text);
    // A broken report is the checker's business; it only lends quotes here, figure by figure.
    const metrics = REPORT_METRICS.safeParse(yaml === null ? null : readContentYaml(yaml).data);
    for (const figure of metrics.success ? metrics.data.metrics : []) {
      const read = figureSchema.safeParse(figure);
      if (read.success) quotes.set(read.data.id, [...(quotes.get(read.data.id) ?? []), read.data.quote]);
    }
  }
  return entries.data.map((entry) => ({ ...entry, quotes: quotes.get(entry.id) ?? [] }));
}

/** A report's figures, each read on its own (one broken figure does not hide the others' quotes). */
const REPORT_METRICS = z.object({ metrics: z.array(z.unknown()) });

export interface ImportResult {
  /** The report written, relative to the project root. */
  report: string;
  /** What the command prints. */
  summary: string;
}

const YEAR = /((?:19|20)\d{2})\s*年/;
/** A year opening a sentence, after a list number (一、 （一） 1、): 2022年累计救助… */
const OPENING_YEAR = /^(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)、．.]\s*)?((?:19|20)\d{2})\s*年/;

/**
 * The year the text says it is about: its title's, or the one its first paragraph opens with
 * (a text without a year in its title often starts “2022年累计…”). A year inside the first
 * sentence (依据《…2016年…》) is no statement of the report's own year.
 */
export function statedYear(body: DraftBody): { year: number; where: string } | undefined {
  const title = body.title === undefined ? undefined : YEAR.exec(body.title)?.[1];
  if (title !== undefined) return { year: Number(title), where: `原文标题“${body.title}”` };
  const first = body.markdown.split('\n').find((line) => line.trim() !== '' && !/^(?:#|\|)/.test(line)) ?? '';
  const opening = OPENING_YEAR.exec(first.replace(/\\/g, ''))?.[1];
  if (opening === undefined) return undefined;
  return { year: Number(opening), where: `原文第一句“${first.split(/[，。,；;]/)[0]}…”` };
}

/** Drafts the report under `root`. Throws ImportRefusal (nothing written) when it cannot. */
export async function importReport(root: string, args: AuthoringArgs): Promise<ImportResult> {
  if (args.file === undefined) throw new ImportRefusal('缺少要导入的文件。');
  const file = args.file;
  const { department, target, reports } = await placeReport(root, args);

  const official = await readOfficialFile(file);
  const body = draftBody(official.blocks);
  const stated = statedYear(body);
  if (stated && stated.year !== args.year) {
    throw new ImportRefusal(`${stated.where}写的是 ${stated.year} 年，与 --year ${args.year} 不符；请核对年份（是否把别的年度的报告当作 ${args.year} 年导入）。`);
  }
  const vocabulary = await loadVocabulary(root);
  const catalog = catalogMetrics(await readYaml(root, CATALOG_FILE), reports);
  const { figures, unquotable } = findFigures(body.markdown, vocabulary);
  // Issue 19: budget sentences and the score table, typed; their amounts are not proposed as metrics too.
  const budget = proposeBudget(body.markdown, figures, vocabulary.table);
  const proposedTable = proposeScoreTable(body.markdown, figures, vocabulary.table);
  const scoreTable = proposedTable ?? undefined;
  const suggestions = suggestMetrics(figures.filter((f) => !proposedElsewhere(f, budget, proposedTable)), catalog, vocabulary);
  const entries = proposeEntries(suggestions, args.year, new Set(catalog.map((m) => m.id)));
  const clauses = clausesOf(officialLines(body.markdown));
  const plainText = officialText(body.markdown);
  const commitments = proposeCommitments(clauses, plainText, args.year);
  const ownDepartment = (id: unknown) => (id ?? (department.primary ? department.id : undefined)) === department.id;
  const evidence = proposeEvidence(openCommitments(reports, ownDepartment, args.year), clauses, plainText);
  const firstLines = body.markdown.slice(0, 200);
  const reportType = args.type ?? (await readReportTypes(root)).find((t) => (body.title ?? firstLines).includes(t));
  const text = draftReport(
    {
      year: args.year,
      department: department.primary ? undefined : department.id,
      title: body.title,
      reportType,
      issuer: body.issuer,
      sourceFile: basename(file),
      format: official.format,
    },
    suggestions,
    entries,
    body.markdown,
    { budget, ...(scoreTable ? { scoreTable } : {}), commitments: commitmentsWritten(commitments), evidence: evidenceWritten(evidence) },
  );
  await writeReport(root, target, text);
  const addition = catalogAddition(entries, target);
  if (addition !== '') await appendFile(join(root, CATALOG_FILE), addition);

  const matched = suggestions.length - entries.size;
  const { paragraphs, headings, tables } = body.counts;
  const steps = [
    `打开 ${target}，逐项核对 metrics：指标 id（注释中列出其他候选）、数值、单位、限定词和引文；每核对一项，删除它的 review: 行。原文中漏提的数字请照同样格式补上，不是指标的删去。`,
    ...(entries.size > 0 ? [`${CATALOG_FILE} 末尾提议了 ${entries.size} 个新指标：确认目录中确无口径相同的指标，写好 id、label、labelEn、definition，删除 review: 行。`] : []),
    ...(budget.length > 0 || scoreTable ? ['核对 budget（预算行）和 scoreTable（得分表）：数额、级别和上级；原文自身数字不一致时，检查会指出，核对无误后加 acknowledged 说明（见 docs/editing.md“预算执行和绩效评价得分表”一节）。'] : []),
    `填写 summary（“${PLACEHOLDER}”处）${body.issuer ? '' : '和 issuer'}，核对 title、reportType、period。`,
    '对照原文通读正文：标题层级（## / ###）和表格；原文的错漏照录不改，需要说明时加 <EditorNote>原文如此，…</EditorNote>。',
    'npm run check:content，按提示修改，直到显示“内容检查通过”；npm run dev 预览。说明见 docs/editing.md。',
  ];
  const summary = [
    `已导入 (imported) ${file}（${official.format}）→ ${target}（${department.name}，${args.year} 年）`,
    `  正文 (body)：${paragraphs} 段，${headings} 个标题，${tables} 个表格`,
    `  数字 (figures)：提议 ${suggestions.length} 项，其中 ${matched} 项对应目录中已有的指标，${entries.size} 项提议为新指标`,
    `  预算执行与得分表 (budget, scores)：提议 ${budget.length} 个预算行，${scoreTable ? `得分表 ${scoreTable.rows.length} 行（总分 ${scoreTable.total.value} 分）` : '原文中没有找到得分表（或没有写总分的句子）'}`,
    `  承诺与落实 (commitments)：提议本报告的承诺 ${commitments.length} 项、此前承诺的落实情况 ${evidence.length} 项（各有 review: 行，见 docs/editing.md 第九节）`,
    ...(body.autoNumbered.length > 0 ? [`  注意：${body.autoNumbered.length} 段是 Word 的自动编号列表，编号（如“1.”“（一）”）由 Word 生成、不在文字中，没有导入；请对照原文在这些段前补上编号：${body.autoNumbered.map((t) => `“${t.slice(0, 12)}…”`).join('、')}`] : []),
    ...(unquotable.length > 0 ? [`  另有 ${unquotable.length} 个数字无法用只含它的引文指明，未提议（需要时手工登记，引文要能把它与前面相同的数字分开）：${unquotable.join('；')}`] : []),
    `  标题 ${body.title ? `“${body.title}”` : '未找到'}；报告类型 ${reportType ?? '未写明'}；发文单位 ${body.issuer ?? '原文未署名'}`,
    '下一步 (next steps)：',
    ...steps.map((step, i) => `  ${i + 1}. ${step}`),
  ].join('\n');
  return { report: target, summary };
}
