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
 * RFC 822 date (as RSS 2.0 wants) of a day, at midnight Beijing time: "2026-11-25" →
 * "Wed, 25 Nov 2026 00:00:00 +0800". The portal's dates are days (发布日期, a correction's date).
 */
export function dayPubDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`日期应为“年-月-日”格式，如 "2026-11-25"，实际是“${date}”`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = new Date(Date.UTC(year, month - 1, day));
  if (at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) throw new Error(`不是真实存在的日期：“${date}”`);
  return `${DAYS[at.getUTCDay()]}, ${match[3]} ${MONTHS[month - 1]} ${year} 00:00:00 +0800`;
}

export interface FeedItem {
  title: string;
  /** Absolute URL; also the item's permanent guid. */
  link: string;
  description: string;
  /** RFC 822, see dayPubDate. */
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

/** A sitemap index (sitemaps.org 0.9): the absolute URLs of the sitemaps it lists. */
export function sitemapIndexXml(sitemaps: readonly string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...sitemaps.map((loc) => `  <sitemap><loc>${escapeXml(loc)}</loc></sitemap>`),
    '</sitemapindex>',
    '',
  ].join('\n');
}

/** A sitemap (sitemaps.org 0.9) of absolute URLs, each with the day it last changed when known. */
export function sitemapXml(urls: readonly (string | { loc: string; lastmod?: string | undefined })[]): string {
  const entry = (url: string | { loc: string; lastmod?: string | undefined }) => {
    const { loc, lastmod } = typeof url === 'string' ? { loc: url, lastmod: undefined } : url;
    return `  <url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${escapeXml(lastmod)}</lastmod>` : ''}</url>`;
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map(entry),
    '</urlset>',
    '',
  ].join('\n');
}
