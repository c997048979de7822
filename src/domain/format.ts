const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** A number as Chinese readers write it: 1,106 · 4,359.88 · 5.8. */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** 64.1% style; one decimal is what the data can honestly carry. */
export function formatPercent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}

/** "2022-01" → "2022年1月". */
export function formatYearMonth(yearMonth: string): string {
  const [year, month] = yearMonth.split('-');
  return `${year}年${Number(month)}月`;
}
