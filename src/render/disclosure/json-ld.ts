import type { DisclosureRecord } from '../../domain/disclosure/metadata.ts';

/** JSON safe to put inside <script type="application/ld+json">: `<` is escaped, so content cannot end the element. */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const organisation = (name: string) => ({ '@type': 'GovernmentOrganization', name });

/** schema.org Report for a report page: its permalink, dates, publisher and 索引号. */
export function reportJsonLd(record: DisclosureRecord, report: { url: string; period: { from: string; to: string }; reportType: string; siteName: string }) {
  const { stated } = record;
  return {
    '@context': 'https://schema.org',
    '@type': 'Report',
    name: record.title,
    headline: record.title,
    description: record.summary,
    inLanguage: 'zh-CN',
    url: report.url,
    // The 索引号 when one is assigned; the permalink otherwise (it never changes either).
    identifier: stated.indexNumber ? { '@type': 'PropertyValue', propertyID: '索引号', value: stated.indexNumber } : report.url,
    datePublished: record.publishedDate,
    ...(record.updatedDate ? { dateModified: record.updatedDate } : {}),
    ...(stated.writtenDate ? { dateCreated: stated.writtenDate } : {}),
    ...(stated.documentNumber ? { reportNumber: stated.documentNumber } : {}),
    ...(stated.keywords ? { keywords: stated.keywords.join(',') } : {}),
    genre: stated.genreClass ?? report.reportType,
    temporalCoverage: `${report.period.from}/${report.period.to}`,
    publisher: organisation(record.publisher),
    author: organisation(record.publisher),
    isPartOf: { '@type': 'WebSite', name: report.siteName },
  };
}

/** schema.org Dataset for the open-data page: what it holds, by whom, and its downloads. */
export function datasetJsonLd(dataset: {
  name: string; description: string; url: string; publisher: string; dateModified: string;
  years: readonly number[]; downloads: readonly { url: string; format: string }[];
}) {
  const years = dataset.years.toSorted((a, b) => a - b);
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: dataset.name,
    description: dataset.description,
    inLanguage: 'zh-CN',
    url: dataset.url,
    dateModified: dataset.dateModified,
    ...(years.length > 0 ? { temporalCoverage: `${years[0]}/${years.at(-1)}` } : {}),
    creator: organisation(dataset.publisher),
    publisher: organisation(dataset.publisher),
    distribution: dataset.downloads.map((d) => ({ '@type': 'DataDownload', encodingFormat: d.format, contentUrl: d.url })),
  };
}
