import type { Topic } from '../schemas/topic.ts';

/**
 * The site's own words: its name, the lines that describe it, the titles of its feeds and data.
 * The bureau is named once, by the primary department of content/departments.yaml: its `name`
 * in full, its `shortName` (the name without the city) where the site speaks of itself.
 */
export function siteStrings(primary: { name: string; shortName?: string | undefined }) {
  const bureau = primary.name;
  const short = primary.shortName ?? primary.name;
  const siteName = `${short}绩效报告公开`;
  return {
    /** The bureau's full name: the header and the open data name it. */
    bureau,
    siteName,
    footer: `本站转载${bureau}绩效评价报告原文，数字取自原文并逐条注明出处；编者注不属于原文。`,
    descriptions: {
      home: `${bureau}历年绩效评价报告的全文、数字、图表和年度比较，每个数字都注明原文出处。`,
      reports: `${bureau}历年绩效评价报告全文。`,
      metrics: `${short}历年报告中的全部数字，按主题分组，注明口径和出处。`,
      topic: (topic: Topic) => `${topic}：${short}历年报告中的相关原文和数字。`,
      data: `下载${short}历年报告中的全部指标数据（CSV、JSON）。`,
      search: `搜索${short}历年绩效报告的原文、指标和主题。`,
      feed: `${bureau}历年绩效评价报告全文、数字和年度比较。`,
    },
    homeLead: `这里公开${bureau}历年绩效评价报告的`,
    openData: {
      title: `${bureau}绩效报告指标数据`,
      licenseNote: `数字取自${bureau}发布的报告原文，每条注明原文引文和所在位置。`,
    },
  };
}

export type SiteStrings = ReturnType<typeof siteStrings>;

/** A title or heading that says whose it is: another department's name first, one separator. */
export const departmentLabel = (department: string | undefined | false, text: string): string => (department ? `${department}：${text}` : text);
