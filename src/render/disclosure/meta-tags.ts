import type { DisclosureRecord } from '../../domain/disclosure/metadata.ts';

/**
 * The <meta> names the platforms that aggregate government sites read (《政府网站网页设计规范》:
 * SiteName, ColumnName, ArticleTitle, PubDate, ContentSource, Keywords, Url). Description is
 * the page's own <meta name="description"> (meta names ignore case, and a page may have only one).
 * PubDate is the date alone: the portal does not know, and does not make up, a time of day.
 */
export function aggregatorMeta(record: DisclosureRecord, page: { siteName: string; columnName: string; url: string; keywords: readonly string[] }): [string, string][] {
  const keywords = record.keywords.length > 0 ? record.keywords : page.keywords;
  return [
    ['SiteName', page.siteName],
    ['ColumnName', page.columnName],
    ['ArticleTitle', record.title],
    ['PubDate', record.publishedDate],
    ['ContentSource', record.publisher],
    ...(keywords.length > 0 ? [['Keywords', keywords.join(',')] as [string, string]] : []),
    ['Url', page.url],
  ];
}
