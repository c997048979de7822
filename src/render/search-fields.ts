// The names under which pages file themselves in the Pagefind index (data-pagefind-filter and
// data-pagefind-meta) and which the search page reads back: one owner, so that a page, the
// search page, its script and the tests cannot drift apart. They are shown to readers as the
// filter headings, so they are Chinese.

/** Filters a reader can narrow results by, in the order the search page shows them. */
export const SEARCH_FILTERS = {
  year: '年份',
  /** Only when more than one department publishes (the pages add it only then). */
  department: '单位',
  topic: '主题',
  reportType: '报告类型',
  /** Only on commitment pages: 已完成, 后续报告未提及 … (src/domain/commitments.ts). */
  commitmentStatus: '落实情况',
} as const;

export type SearchFilterKey = keyof typeof SEARCH_FILTERS;
export type SearchFilterName = (typeof SEARCH_FILTERS)[SearchFilterKey];

/** The filter names in display order. */
export const SEARCH_FILTER_ORDER: readonly SearchFilterName[] = [
  SEARCH_FILTERS.year,
  SEARCH_FILTERS.department,
  SEARCH_FILTERS.topic,
  SEARCH_FILTERS.reportType,
  SEARCH_FILTERS.commitmentStatus,
];

/** Metadata a result card shows. `title` is Pagefind's own name for the result title. */
export const SEARCH_META = {
  title: 'title',
  /** What kind of page: 报告, 指标, 主题, 得分与预算执行 or 承诺 (SEARCH_KINDS). */
  kind: '类型',
  /** The year(s) a page draws on, joined with 、 */
  years: '年份',
  reportType: '报告类型',
  /** On a metric the editors feature (content/metrics.yaml `featured`): it leads when its name is searched. */
  featured: '精选',
} as const;

/**
 * Filters the search page does not show but places results by (src/client/search/standing.ts),
 * so that it need not load each page's fragment to learn what it is: reports file themselves
 * under 类型 (other kinds do not), featured metrics under 精选.
 */
export const PLACING_FILTERS = { kind: SEARCH_META.kind, featured: SEARCH_META.featured } as const;

/** The values of SEARCH_META.kind. */
export const SEARCH_KINDS = { report: '报告', metric: '指标', topic: '主题', scores: '得分与预算执行', commitment: '承诺' } as const;

/** `name:value` for a data-pagefind-filter or data-pagefind-meta attribute with a fixed value. */
export const pagefindPair = (name: string, value: string | number): string => `${name}:${value}`;

/** The filters a site offers: 单位 only when more than one department publishes (one would filter nothing). */
export const filtersOffered = (departments: number): SearchFilterKey[] =>
  (Object.keys(SEARCH_FILTERS) as SearchFilterKey[]).filter((key) => key !== 'department' || departments > 1);

/**
 * The data-pagefind-filter attribute of a filter: the element's text is the value, or a fixed
 * `value`; none when `when` is false (a page files itself only under what it holds).
 */
export const searchFilter = (key: SearchFilterKey, value?: string | number, when = true): { 'data-pagefind-filter'?: string } =>
  when ? { 'data-pagefind-filter': value === undefined ? SEARCH_FILTERS[key] : pagefindPair(SEARCH_FILTERS[key], value) } : {};
