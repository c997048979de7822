import type { Problem } from '../../reading/problems.ts';

/** A problem at a frontmatter path of the report being checked (report.ts's `at`). */
export type ProblemAt = (path: PropertyKey[], message: string) => Problem;

/** How an editor acknowledges a disagreement the official text really has (`where`: 这一预算行, 这一指标行, 得分表下): the one wording, for every such message. */
export const acknowledgeHint = (where: string) =>
  `原文不改：请核对录入；如原文确实如此，在${where}加 acknowledged: { note: "……" }，写明原文的写法和按其组成计算的结果（见 docs/editing.md“预算执行和绩效评价得分表”一节）`;

/** An acknowledgement where the numbers agree would tell the reader of a disagreement that is not there. */
export const STALE_ACKNOWLEDGEMENT = '这里的数字相互一致，没有需要说明的不一致；请删除 acknowledged';
