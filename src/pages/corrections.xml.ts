import type { APIRoute } from 'astro';
import { getPortal } from '../data/portal.ts';
import { numberedCorrections } from '../domain/disclosure/metadata.ts';
import { dayPubDate, rssXml } from '../render/feeds.ts';
import { absoluteUrl } from '../render/site-map.ts';
import { correctionAnchor, paths } from '../render/urls.ts';
import { departmentLabel } from '../render/site-strings.ts';

/** /corrections.xml: every correction of every report, newest first (RSS 2.0): nothing changes silently. */
export const GET: APIRoute = async ({ site }) => {
  const { reports, strings } = await getPortal();
  const at = (path: string) => absoluteUrl(site, import.meta.env.BASE_URL, path);
  const items = reports.flatMap(({ key, data, department, figures }) =>
    numberedCorrections(data.corrections).map((c) => {
      const figure = figures.find((f) => f.metricId === c.metric);
      const what = figure ? `数字“${figure.label}”` : c.what!;
      const value = (v: string | number) => (figure ? `${v}${figure.unit}` : `“${v}”`);
      return {
        date: c.date,
        item: {
          title: `更正：${departmentLabel(!department.primary && department.name, `${data.title}（${data.year}年）`)}${what}`,
          link: `${at(paths.report(key))}#${correctionAnchor(c.n)}`,
          description: `由 ${value(c.from)} 改为 ${value(c.to)}。原因：${c.reason}。决定：${c.decidedBy}。`,
          pubDate: dayPubDate(c.date),
          category: '更正',
        },
      };
    }),
  );
  const xml = rssXml({
    title: `${strings.siteName} · 更正记录`,
    link: at(paths.disclosure()),
    description: `${strings.bureau}绩效评价报告发布后的全部更正：改了什么、原因、由谁决定。`,
    self: at(paths.corrections()),
    language: 'zh-CN',
    items: items.toSorted((a, b) => b.date.localeCompare(a.date) || a.item.link.localeCompare(b.item.link)).map((i) => i.item),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
