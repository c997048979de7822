import { PLACEHOLDER } from '../../checks/schema-problems.ts';
import type { ReportType } from '../../schemas/report.ts';
import { catalogEntriesText, DISCLOSURE_NOTES, reportFileText, type CatalogFields, type FigureFields, type ReportFile, type Written } from '../content-writer.ts';
import type { Suggestion } from './suggest.ts';
import type { Difference } from './grade.ts';

/**
 * The draft's text: frontmatter with every proposed figure, each carrying a `review:` line
 * (the content check refuses a file with one: a draft can never be published by accident),
 * and the catalog entries proposed for figures no metric fits.
 */

/** How many alternatives the draft names beside its best guess. */
const ALTERNATIVES = 3;

/** A catalog entry proposed for a figure no metric fits: the catalog schema's input, written by content-writer. */
export type ProposedEntry = CatalogFields;

export interface ReportHeader {
  year: number;
  /** Another department's id; undefined for the primary department's report. */
  department?: string | undefined;
  title?: string | undefined;
  reportType?: ReportType | undefined;
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
      labelEn: 'To be written (English label)',
      unit: s.figure.unit,
      topic: s.topic ?? `${PLACEHOLDER}：主题（目录中没有相近的指标）`,
      definition: `${year}年报告原文：“${s.figure.quote}”（口径待写：统计的是什么、存量还是当年流量、范围）。`,
      review: entryReview(s),
    });
  }
  return entries;
}

const idList = (ids: readonly string[]) => (ids.length > 0 ? ids.join('、') : '无');

function figureOf(s: Suggestion, entry: ProposedEntry | undefined): Written<FigureFields> {
  const f = s.figure;
  const others = s.candidates.filter((c) => c.metric !== s.chosen).slice(0, ALTERNATIVES);
  const id = s.chosen?.id ?? entry!.id;
  const qualifierNote = f.qualifiers.length > 0 ? `限定词（${f.qualifiers.join('、')}${f.asOf ? `，截至 ${f.asOf}` : ''}）` : '是否确数（原文数字旁无限定词）';
  return {
    fields: {
      id,
      value: f.value,
      unit: f.unit,
      qualifier: f.qualifiers.length === 1 ? f.qualifiers[0] : f.qualifiers.length > 1 ? f.qualifiers : undefined,
      asOf: f.asOf,
      topic: s.chosen?.topic ?? entry!.topic,
      quote: f.quote,
      review: `${reviewOf(s, id, idList(others.map((c) => c.metric.id)))}；并核对数值、单位、${qualifierNote}`,
    },
    notes: others.length > 0 ? { id: [`其他候选 (alternatives)：${others.map((c) => named(c.metric)).join('、')}`] } : {},
  };
}

const named = (m: { id: string; label: string }) => `${m.id}（${m.label}）`;

/** What differs between a figure and the near metric it is not proposed as. */
export function differenceText(difference: Difference): string {
  return difference.kind === 'missing'
    ? `原文这句没有它的限定词“${difference.words}”`
    : `原文写的是“${difference.words}”，那是 ${named(difference.other)} 的口径`;
}

/** The review line of a proposal, one wording per grade (see Grade), so the risky ones stand out. */
function reviewOf(s: Suggestion, id: string, alternatives: string): string {
  const grade = s.grade;
  switch (grade.kind) {
    case 'sure':
      return `可靠：原文用词与指标 ${named(s.chosen!)} 相符，目录中没有与它相近的指标`;
    case 'check':
      return `核对：最接近的是指标 ${named(s.chosen!)}，${grade.rival ? `但 ${named(grade.rival)} 也接近` : '但原文用词与它不完全相同'}；请确认口径（统计什么、什么范围）相同，否则改用其他候选（${alternatives}）或新指标`;
    case 'doubtful':
      return `存疑：与目录中的 ${named(grade.near)} 相近，但${differenceText(grade.difference)}，不能与它比较，所以提议为新指标 ${id}（content/metrics.yaml 末尾）；确是同一口径时才改用 ${grade.near.id}，并删去新指标`;
    case 'new':
      return `新指标：目录中没有相近的指标，已在 content/metrics.yaml 末尾提议新指标 ${id}；请写好它的口径，或改用已有指标（候选：${alternatives}）`;
  }
}

/** `proposed`: budget lines and the score table (src/authoring/import/performance.ts), commitments and evidence (commitments.ts), written after the figures. */
export function draftReport(header: ReportHeader, suggestions: readonly Suggestion[], entries: ReadonlyMap<Suggestion, ProposedEntry>, body: string, proposed: Pick<ReportFile, 'budget' | 'scoreTable' | 'commitments' | 'evidence'> = {}): string {
  return reportFileText({
    preface: [
      `由 npm run import 从 ${header.sourceFile}（${header.format}）生成的草稿 (draft made by npm run import)。`,
      '每个 review: 行是一项待核对的事：核对（必要时修改）后删除那一行。还有 review: 行时检查不会通过，网站也不会构建。',
      '(each review: line is something to check; delete it once checked. While one is left, the check fails and the site does not build.)',
    ],
    report: {
      fields: {
        year: header.year,
        department: header.department,
        title: header.title ?? `${PLACEHOLDER}：报告标题（原文第一行不像标题）`,
        reportType: header.reportType ?? `${PLACEHOLDER}：报告类型（原文未写明；用 --type 指定）`,
        issuer: header.issuer ?? `${PLACEHOLDER}：发文单位（原文末尾没有署名）`,
        period: { from: `${header.year}-01`, to: `${header.year}-12` },
        sourceFile: header.sourceFile,
        summary: `${PLACEHOLDER}：一两句话的摘要（哪一年、谁的报告、分几部分、讲了哪些工作）`,
        disclosure: { publishedDate: `${PLACEHOLDER}：发布日期，如 2026-11-25` },
      },
      notes: { disclosure: DISCLOSURE_NOTES, ...(suggestions.length > 0 ? {} : { metrics: ['原文中没有找到数字；至少要登记一项 (no figures found; at least one is needed)'] }) },
    },
    figures: suggestions.map((s) => figureOf(s, entries.get(s))),
    ...proposed,
    body,
  });
}

/** The catalog entry's review line: a doubtful figure's names the near metric it must not become. */
function entryReview(s: Suggestion): string {
  const near = s.grade.kind === 'doubtful' ? `存疑：原文数字与 ${named(s.grade.near)} 相近，但${differenceText(s.grade.difference)}；` : '';
  return `${near}npm run import 提议的新指标：请确认目录中确无口径相同的指标；改好 id（成为网址 /metrics/<id>/，发布后不再改；报告中的 id 一并改）、label、labelEn、definition，核对 topic 和 unit`;
}

/** Text appended to content/metrics.yaml for the proposed entries (empty when there are none). */
export function catalogAddition(entries: ReadonlyMap<Suggestion, ProposedEntry>, reportFile: string): string {
  if (entries.size === 0) return '';
  const text = catalogEntriesText([...entries.values()].map((fields) => ({ fields })));
  return `\n# —— npm run import 为 ${reportFile} 提议的新指标 (proposed by npm run import) ——\n\n${text}\n`;
}
