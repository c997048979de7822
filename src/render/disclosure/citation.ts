/**
 * Citations of a report and of each figure: GB/T 7714-2015 for an electronic resource
 * ([EB/OL]), RIS and CSL-JSON for reference managers. The address is the permalink
 * (src/render/urls.ts), which a correction never changes; the date is 发布日期.
 */

/** What a citation names; `part` is a figure's name within the report. */
export interface Citable {
  /** 主要责任者: the 发布机构. */
  author: string;
  /** The report's title (题名). */
  title: string;
  /** A figure's name, cited as 其他题名信息 of the report. */
  part?: string | undefined;
  /** 发布日期, YYYY-MM-DD. */
  publishedDate: string;
  /** The permalink, absolute. */
  url: string;
  /** 索引号, when assigned. */
  indexNumber?: string | undefined;
  /** The kind of report (体裁), for reference managers. */
  genre?: string | undefined;
}

/** What stands for 引用日期 until the reader's day is known (src/client/citation/ fills it in). */
export const CITED_DATE_PLACEHOLDER = '引用日期';

/**
 * GB/T 7714-2015 (8.1, 电子资源): 主要责任者. 题名: 其他题名信息[EB/OL]. (发布日期)[引用日期]. 获取和访问路径.
 * `citedDate` is the day the reader cites it; unknown at build time, it is the placeholder.
 */
export function gbt7714(item: Citable, citedDate = CITED_DATE_PLACEHOLDER): string {
  const title = item.part ? `${item.title}: ${item.part}` : item.title;
  return `${item.author}. ${title}[EB/OL]. (${item.publishedDate})[${citedDate}]. ${item.url}.`;
}

const risDate = (date: string) => date.replaceAll('-', '/');

/** One RIS record (tagged lines, CRLF, ER to close). */
function risRecord(item: Citable): string[] {
  return [
    `TY  - ${item.part ? 'DATA' : 'GOVDOC'}`,
    `AU  - ${item.author}`,
    `TI  - ${item.part ? `${item.title}: ${item.part}` : item.title}`,
    ...(item.part ? [`T2  - ${item.title}`] : []),
    `PY  - ${item.publishedDate.slice(0, 4)}`,
    `DA  - ${risDate(item.publishedDate)}`,
    `PB  - ${item.author}`,
    ...(item.genre ? [`M3  - ${item.genre}`] : []),
    ...(item.indexNumber ? [`SN  - ${item.indexNumber}`] : []),
    `UR  - ${item.url}`,
    'LA  - zh-CN',
    'ER  - ',
  ];
}

/** A RIS file of several records. */
export function ris(items: readonly Citable[]): string {
  return `${items.flatMap((item) => [...risRecord(item), '']).join('\r\n')}`;
}

/** CSL-JSON items (citeproc's input, as Zotero and Pandoc read it). */
export function cslJson(items: readonly (Citable & { id: string })[]): object[] {
  return items.map((item) => {
    const [year, month, day] = item.publishedDate.split('-').map(Number);
    return {
      id: item.id,
      type: item.part ? 'dataset' : 'report',
      title: item.part ? `${item.title}: ${item.part}` : item.title,
      ...(item.part ? { 'container-title': item.title } : {}),
      author: [{ literal: item.author }],
      publisher: item.author,
      issued: { 'date-parts': [[year, month, day]] },
      ...(item.genre ? { genre: item.genre } : {}),
      ...(item.indexNumber ? { number: item.indexNumber } : {}),
      URL: item.url,
      language: 'zh-CN',
    };
  });
}
