import type { Correction } from '../../schemas/report/correction.ts';
import type { Disclosure } from '../../schemas/report/disclosure.ts';

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
  /** The fields as the report states them, for machine-readable output (no words for absence). */
  stated: Disclosure;
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
    stated: d,
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

/** A correction with its number on the report page: 1 for the earliest (in date order, then as written). */
export type NumberedCorrection = Correction & { n: number };

export function numberedCorrections(corrections: readonly Correction[] | undefined): NumberedCorrection[] {
  return (corrections ?? []).toSorted((a, b) => a.date.localeCompare(b.date)).map((c, i) => ({ ...c, n: i + 1 }));
}

/** Each corrected figure's latest correction, by metric id: where its mark in the text leads. */
export function latestFigureCorrections(corrections: readonly Correction[] | undefined): Map<string, NumberedCorrection> {
  return new Map(numberedCorrections(corrections).filter((c) => c.metric !== undefined).map((c) => [c.metric!, c]));
}
