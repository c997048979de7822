import type { APIRoute } from 'astro';
import { getPortal } from '../data/portal.ts';
import { periodEndPubDate, rssXml } from '../render/feeds.ts';
import { absoluteUrl } from '../render/site-map.ts';
import { paths } from '../render/urls.ts';
import { departmentLabel } from '../render/site-strings.ts';

/** /rss.xml: one item per report, newest first, dated by the end of the period it covers. */
const FEED_ITEMS = 50;

export const GET: APIRoute = async ({ site }) => {
  const { reports, strings } = await getPortal();
  const at = (path: string) => absoluteUrl(site, import.meta.env.BASE_URL, path);
  const xml = rssXml({
    title: strings.siteName,
    link: at(paths.home()),
    description: strings.descriptions.feed,
    self: at(paths.rss()),
    language: 'zh-CN',
    // Newest period first, whatever the department; a feed reader needs only the recent ones.
    items: reports.toSorted((a, b) => b.data.period.to.localeCompare(a.data.period.to) || a.key.localeCompare(b.key)).slice(0, FEED_ITEMS).map(({ key, data, department }) => ({
      title: departmentLabel(!department.primary && department.name, data.title.includes(String(data.year)) ? data.title : `${data.year}年${data.title}`),
      link: at(paths.report(key)),
      description: data.summary,
      pubDate: periodEndPubDate(data.period.to),
      category: data.reportType,
    })),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
