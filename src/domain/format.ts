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

/** The years from `first` to `last`: "2021—2022年", or "2022年" for one. */
export function formatYears(first: number, last: number): string {
  return first === last ? `${first}年` : `${first}—${last}年`;
}
