import type { Correction } from '../../schemas/correction.ts';
import type { Disclosure } from '../../schemas/disclosure.ts';

/** What the page shows for a field the source does not state: never a guess. */
export const NOT_STATED = '原文未注明';
/** What the page shows for 索引号 while the department's organisation code is not stated. */
export const NO_INDEX_NUMBER = '未编制（本单位组织机构代码未注明）';

/** A report's disclosure metadata, every field filled: a value, or the words for its absence. */
export interface DisclosureRecord {
  /** 索引号 */
  indexNumber: string;
  /** 信息名称 */
  title: string;
  /** 发布机构 */
  publisher: string;
  /** 成文日期 */
  writtenDate: string;
  /** 发布日期 */
  publishedDate: string;
  /** 文号 */
  documentNumber: string;
  /** 主题分类 */
  subjectClass: string;
  /** 体裁分类 */
  genreClass: string;
  /** 关键词 (as stated; else none) */
  keywords: readonly string[];
  /** 内容概述 */
  summary: string;
  /** 时效性 */
  validity: string;
  /** The day of the last correction, if any: the date of the current version. */
  updatedDate: string | undefined;
  /** Whether an 索引号 was assigned (false: `indexNumber` says why not). */
  hasIndexNumber: boolean;
}

/** The standard block above the text, in the order government portals show it. */
export const DISCLOSURE_BLOCK = [
  ['indexNumber', '索引号'],
  ['subjectClass', '主题分类'],
  ['publisher', '发布机构'],
  ['writtenDate', '成文日期'],
  ['publishedDate', '发布日期'],
  ['documentNumber', '文号'],
] as const satisfies readonly (readonly [keyof DisclosureRecord, string])[];

/** A report's metadata: from its frontmatter and its department's defaults, the rest marked not stated. */
export function disclosureRecord(
  report: { title: string; summary: string; disclosure: Disclosure; corrections?: readonly Correction[] | undefined },
  department: { name: string; disclosure?: { publisher?: string | undefined } | undefined },
): DisclosureRecord {
  const d = report.disclosure;
  return {
    indexNumber: d.indexNumber ?? NO_INDEX_NUMBER,
    hasIndexNumber: d.indexNumber !== undefined,
    title: report.title,
    publisher: department.disclosure?.publisher ?? department.name,
    writtenDate: d.writtenDate ?? NOT_STATED,
    publishedDate: d.publishedDate,
    documentNumber: d.documentNumber ?? NOT_STATED,
    subjectClass: d.subjectClass ?? NOT_STATED,
    genreClass: d.genreClass ?? NOT_STATED,
    keywords: d.keywords ?? [],
    summary: report.summary,
    validity: d.validity ?? NOT_STATED,
    updatedDate: lastCorrected(report.corrections),
  };
}

/** The date of the latest correction, or undefined when there is none. */
export function lastCorrected(corrections: readonly Correction[] | undefined): string | undefined {
  return corrections?.map((c) => c.date).sort().at(-1);
}

/** Each corrected figure's corrections, oldest first, by metric id. */
export function figureCorrections(corrections: readonly Correction[] | undefined): Map<string, Correction[]> {
  const byMetric = new Map<string, Correction[]>();
  for (const c of (corrections ?? []).toSorted((a, b) => a.date.localeCompare(b.date))) {
    if (c.metric !== undefined) byMetric.set(c.metric, [...(byMetric.get(c.metric) ?? []), c]);
  }
  return byMetric;
}
