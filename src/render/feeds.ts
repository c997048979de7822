/**
 * The RSS feed and the sitemap, written by hand: a few elements, every piece of text escaped.
 * Pure functions; src/pages/rss.xml.ts and src/pages/sitemap.xml.ts give them the portal.
 */

/** Characters XML 1.0 cannot hold at all, even escaped (C0 controls except tab, LF, CR; FFFE/FFFF; lone surrogates). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe inside an XML element or a quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * RFC 822 date (as RSS 2.0 wants) of the last day of a "YYYY-MM" period end, at midnight
 * Beijing time: "2022-12" → "Sat, 31 Dec 2022 00:00:00 +0800".
 */
export function periodEndPubDate(yearMonth: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  if (!match) throw new Error(`时间段应为“年-月”格式，如 "2022-12"，实际是“${yearMonth}”`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) throw new Error(`月份应为 01–12，实际是“${yearMonth}”`);
  const last = new Date(Date.UTC(year, month, 0)); // day 0 of the next month
  const day = String(last.getUTCDate()).padStart(2, '0');
  return `${DAYS[last.getUTCDay()]}, ${day} ${MONTHS[month - 1]} ${year} 00:00:00 +0800`;
}

export interface FeedItem {
  title: string;
  /** Absolute URL; also the item's permanent guid. */
  link: string;
  description: string;
  /** RFC 822, see periodEndPubDate. */
  pubDate: string;
  category?: string;
}

export interface Feed {
  title: string;
  /** Absolute URL of the site's home page. */
  link: string;
  description: string;
  /** Absolute URL of the feed itself. */
  self: string;
  language: string;
  items: readonly FeedItem[];
}

const element = (name: string, text: string, indent: string) => `${indent}<${name}>${escapeXml(text)}</${name}>`;

/** An RSS 2.0 document. Items are written in the order given (newest first, by convention). */
export function rssXml(feed: Feed): string {
  const items = feed.items.map((item) =>
    [
      '    <item>',
      element('title', item.title, '      '),
      element('link', item.link, '      '),
      element('description', item.description, '      '),
      element('pubDate', item.pubDate, '      '),
      `      <guid isPermaLink="true">${escapeXml(item.link)}</guid>`,
      ...(item.category ? [element('category', item.category, '      ')] : []),
      '    </item>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    element('title', feed.title, '    '),
    element('link', feed.link, '    '),
    element('description', feed.description, '    '),
    element('language', feed.language, '    '),
    `    <atom:link href="${escapeXml(feed.self)}" rel="self" type="application/rss+xml" />`,
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}

/** A sitemap (sitemaps.org 0.9) of absolute URLs. */
export function sitemapXml(urls: readonly string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((loc) => `  <url><loc>${escapeXml(loc)}</loc></url>`),
    '</urlset>',
    '',
  ].join('\n');
}
