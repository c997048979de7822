import type { Problem } from '../../reading/problems.ts';

/** A problem at a frontmatter path of the report being checked (report.ts's `at`). */
export type ProblemAt = (path: PropertyKey[], message: string) => Problem;

/** How an editor acknowledges a disagreement the official text really has: the one wording, for every such message. */
export const ACKNOWLEDGE_HINT = '原文不改：请核对原文；如原文确实如此，在此处加 acknowledged: { note: "编者注：……" }，说明原文写法和按其组成计算的结果（见 docs/editing.md 第八节）';

/** An acknowledgement where the numbers agree would tell the reader of a disagreement that is not there. */
export const STALE_ACKNOWLEDGEMENT = '这里的数字相互一致，没有需要说明的不一致；请删除 acknowledged';
