import { z } from 'astro/zod';

/** True for a date that exists in the calendar: 2023-02-29 does not. */
function isCalendarDate(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A day as YYYY-MM-DD that exists in the calendar (成文日期, 发布日期, a correction's date). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期应写成“年-月-日”，如 2026-11-25（四位年份，月和日各两位）', abort: true })
  .refine(isCalendarDate, { message: '不是真实存在的日期；请核对年、月、日' });

/**
 * The metadata of a disclosed document (国办秘书局《政府信息公开目录系统实施指引（试行）》) that
 * only the report itself can give; its 信息名称 is the title, its 内容概述 the summary, its
 * 发布机构 the department's (content/departments.yaml). A field the source does not state is
 * left out, and the site shows it as not stated: nothing here is ever guessed.
 */
export const disclosureSchema = z.strictObject({
  /** 发布日期: the day this portal first published the report. Never changes, even after a correction. */
  publishedDate: isoDateSchema,
  /** 成文日期, as the source states it. */
  writtenDate: isoDateSchema.optional(),
  /** 索引号: <organisation code>/<year>-<five-digit serial>, only where the department's code is stated. */
  indexNumber: z.string().min(1).optional(),
  /** 文号, as the source states it (e.g. 开民发〔2019〕3号). */
  documentNumber: z.string().min(1).optional(),
  /** 主题分类, 体裁分类, 关键词 and 时效性, where the bureau has assigned them. */
  subjectClass: z.string().min(1).optional(),
  genreClass: z.string().min(1).optional(),
  keywords: z.array(z.string().min(1)).min(1).optional(),
  validity: z.string().min(1).optional(),
});

export type Disclosure = z.infer<typeof disclosureSchema>;

/**
 * The disclosure defaults of a department (content/departments.yaml): its 发布机构, and the
 * organisation code its 索引号 are built from, when it is known. Without a code no 索引号 is
 * assigned (the portal does not make one up).
 */
export const departmentDisclosureSchema = z.strictObject({
  /** 发布机构: the body that publishes the department's reports; left out, the department's own name. */
  publisher: z.string().min(1).optional(),
  /** The organisation code (统一社会信用代码 or 组织机构代码) that begins each 索引号. */
  organisationCode: z.string().regex(/^[0-9A-Z]{9,18}$/, { message: '组织机构代码应为 9–18 位数字或大写字母（统一社会信用代码为 18 位）' }).optional(),
});
