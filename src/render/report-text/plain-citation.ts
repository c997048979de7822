/**
 * A short plain-language citation of a report, or of one sentence in it: who issued it, its
 * title and year, and the address. (Issue 20's GB/T 7714 citations replace it where they land.)
 */
export function plainCitation(report: { issuer: string; title: string; year: number }, address: string, quote?: string): string {
  const where = quote ? `，原文：“${quote}”` : '';
  return `${report.issuer}：《${report.title}》（${report.year}年）${where}，${address}`;
}
