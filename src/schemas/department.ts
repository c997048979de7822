import { z } from 'astro/zod';
import { departmentDisclosureSchema } from './report/disclosure.ts';

/**
 * A department id is part of a URL (/reports/<id>/<year>/): lower-case ASCII words joined by
 * hyphens, starting with a letter so that it can never be taken for a year (/reports/2022/).
 */
export const departmentIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, {
    message: '单位 id 只能用小写英文字母、数字和连字符，并以字母开头（例如 kaifu-minzheng）',
  });

/** One entry of content/departments.yaml: a department whose reports the portal publishes. */
export const departmentSchema = z.strictObject({
  id: departmentIdSchema,
  /** The full name, as the department signs its reports. */
  name: z.string().min(1),
  /** A shorter name for running text, without the city; the site's name uses the primary department's. */
  shortName: z.string().min(1).optional(),
  /** The bureau that runs the portal: its reports live at /reports/<year>/ and need no `department:`. */
  primary: z.literal(true).optional(),
  /**
   * The terms on which readers may reuse the portal's data, in the department's own words (the
   * primary department's are shown on the data page and in every download). Absent: not stated.
   */
  reuseTerms: z.string().min(1).optional(),
  /** 政府信息公开 defaults: 发布机构 and the organisation code of 索引号 (src/schemas/report/disclosure.ts); left out, the department publishes under its own name. */
  disclosure: departmentDisclosureSchema.optional(),
});

export type Department = z.infer<typeof departmentSchema>;
