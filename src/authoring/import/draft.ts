import { stringify } from 'yaml';
import { PLACEHOLDER } from '../../checks/schema-problems.ts';
import type { Suggestion } from './suggest.ts';

/**
 * The draft's text: frontmatter with every proposed figure, each carrying a `review:` line
 * (the content check refuses a file with one: a draft can never be published by accident),
 * and the catalog entries proposed for figures no metric fits.
 */

/** A YAML scalar on one line, quoted only when YAML needs it. */
const scalar = (value: string | number) => stringify(value, { lineWidth: 0 }).trimEnd();

/** How many alternatives the draft names beside its best guess. */
const ALTERNATIVES = 3;

export interface ProposedEntry {
  id: string;
  label: string;
  unit: string;
  topic: string;
  definition: string;
}

export interface ReportHeader {
  year: number;
  /** Another department's id; undefined for the primary department's report. */
  department?: string | undefined;
  title?: string | undefined;
  reportType?: string | undefined;
  issuer?: string | undefined;
  sourceFile: string;
  format: string;
}

/** The words before and after the number that name what it counts: 今年新增|8家|养老机构 → 今年新增养老机构; a table cell's row and column. */
function labelFor(s: Suggestion): string {
  // A table cell is named by its row and its column: 群众满意度（实际完成）.
  if (s.figure.cell) return `${s.figure.cell.row}（${s.figure.cell.column}）`;
  const { item, before, after, clause } = s.figure.context;
  const words = `${item}${before}${after}`.replace(/[\s\d.,，、（）()“”《》]/g, '');
  return (words || clause.replace(/[\d.,]/g, '')).slice(0, 30) || s.figure.quote;
}

/** Catalog entries for the figures without a metric, with ids that are free. */
export function proposeEntries(suggestions: readonly Suggestion[], year: number, taken: ReadonlySet<string>): Map<Suggestion, ProposedEntry> {
  const entries = new Map<Suggestion, ProposedEntry>();
  let n = 0;
  for (const s of suggestions) {
    if (s.chosen) continue;
    let id: string;
    do {
      n += 1;
      id = `new-${year}-${String(n).padStart(2, '0')}`;
    } while (taken.has(id));
    entries.set(s, {
      id,
      label: labelFor(s),
      unit: s.figure.unit,
      topic: s.topic,
      definition: `${year}年报告原文：“${s.figure.quote}”（口径待写：统计的是什么、存量还是当年流量、范围）。`,
    });
  }
  return entries;
}

const idList = (ids: readonly string[]) => (ids.length > 0 ? ids.join('、') : '无');

function figureLines(s: Suggestion, entry: ProposedEntry | undefined): string[] {
  const f = s.figure;
  const others = s.candidates.filter((c) => c.metric !== s.chosen).slice(0, ALTERNATIVES);
  const id = s.chosen?.id ?? entry!.id;
  const lines = [`  - id: ${id}`];
  if (others.length > 0) {
    lines.push(`    # 其他候选 (alternatives)：${others.map((c) => `${c.metric.id}（${c.metric.label}）`).join('、')}`);
  }
  lines.push(`    value: ${f.value}`, `    unit: ${scalar(f.unit)}`);
  if (f.qualifiers.length === 1) lines.push(`    qualifier: ${f.qualifiers[0]}`);
  if (f.qualifiers.length > 1) lines.push(`    qualifier: [${f.qualifiers.join(', ')}]`);
  if (f.asOf !== undefined) lines.push(`    asOf: ${scalar(f.asOf)}`);
  lines.push(`    topic: ${scalar(s.chosen?.topic ?? entry!.topic)}`, `    quote: ${scalar(f.quote)}`);
  const qualifierNote = f.qualifiers.length > 0 ? `限定词（${f.qualifiers.join('、')}${f.asOf ? `，截至 ${f.asOf}` : ''}）` : '是否确数（原文数字旁无限定词）';
  const review = s.chosen
    ? `请核对指标 id 口径是否相同（候选：${idList(others.map((c) => c.metric.id))}）、数值、单位、${qualifierNote}`
    : `目录中没有相符的指标，已在 content/metrics.yaml 末尾提议新指标 ${id}；请核对它，或改用已有指标（候选：${idList(others.map((c) => c.metric.id))}）；并核对数值、单位、${qualifierNote}`;
  lines.push(`    review: ${scalar(review)}`);
  return lines;
}

/** `more`: further frontmatter lines after the figures (proposed commitments and evidence). */
export function draftReport(header: ReportHeader, suggestions: readonly Suggestion[], entries: ReadonlyMap<Suggestion, ProposedEntry>, body: string, more: readonly string[] = []): string {
  const lines = [
    '---',
    `# 由 npm run import 从 ${header.sourceFile}（${header.format}）生成的草稿 (draft made by npm run import)。`,
    '# 每个 review: 行是一项待核对的事：核对（必要时修改）后删除那一行。还有 review: 行时检查不会通过，网站也不会构建。',
    '# (each review: line is something to check; delete it once checked. While one is left, the check fails and the site does not build.)',
    `year: ${header.year}`,
  ];
  if (header.department) lines.push(`department: ${header.department}`);
  lines.push(
    `title: ${scalar(header.title ?? `${PLACEHOLDER}：报告标题（原文第一行不像标题）`)}`,
    `reportType: ${scalar(header.reportType ?? `${PLACEHOLDER}：报告类型（原文未写明；用 --type 指定）`)}`,
    `issuer: ${scalar(header.issuer ?? `${PLACEHOLDER}：发文单位（原文末尾没有署名）`)}`,
    `period: { from: "${header.year}-01", to: "${header.year}-12" }`,
    `sourceFile: ${scalar(header.sourceFile)}`,
    `summary: ${scalar(`${PLACEHOLDER}：一两句话的摘要（哪一年、谁的报告、分几部分、讲了哪些工作）`)}`,
  );
  if (suggestions.length > 0) {
    lines.push('metrics:');
    for (const s of suggestions) lines.push(...figureLines(s, entries.get(s)));
  } else {
    lines.push('# 原文中没有找到数字；至少要登记一项 (no figures found; at least one is needed)', 'metrics: []');
  }
  lines.push(...more, '---', body.trimEnd(), '');
  return lines.join('\n');
}

/** Text appended to content/metrics.yaml for the proposed entries (empty when there are none). */
export function catalogAddition(entries: ReadonlyMap<Suggestion, ProposedEntry>, reportFile: string): string {
  if (entries.size === 0) return '';
  const blocks = [...entries.values()].map((e) => [
    `- id: ${e.id}`,
    `  label: ${scalar(e.label)}`,
    `  labelEn: ${scalar('To be written (English label)')}`,
    `  unit: ${scalar(e.unit)}`,
    `  topic: ${scalar(e.topic)}`,
    `  definition: ${scalar(e.definition)}`,
    `  review: ${scalar(`npm run import 为 ${reportFile} 提议的新指标：请确认目录中确无口径相同的指标；改好 id（成为网址 /metrics/<id>/，发布后不再改；报告中的 id 一并改）、label、labelEn、definition，核对 topic 和 unit`)}`,
  ].join('\n'));
  return `\n# —— npm run import 为 ${reportFile} 提议的新指标 (proposed by npm run import) ——\n\n${blocks.join('\n\n')}\n`;
}
