/**
 * Every unit the reports may use, with the base unit it converts to and the factor.
 * Two units can be compared only when they share a base. One table, used by the schema,
 * the validator and the comparison engine.
 */
export const UNITS = {
  元: { base: '元', factor: 1 },
  万元: { base: '元', factor: 10_000 },
  人: { base: '人', factor: 1 },
  名: { base: '人', factor: 1 },
  万人: { base: '人', factor: 10_000 },
  人次: { base: '人次', factor: 1 },
  万人次: { base: '人次', factor: 10_000 },
  户: { base: '户', factor: 1 },
  张: { base: '张', factor: 1 },
  床位: { base: '张', factor: 1 },
  家: { base: '家', factor: 1 },
  个: { base: '个', factor: 1 },
  '%': { base: '%', factor: 1 },
  '元/月': { base: '元/月', factor: 1 },
  '元/户': { base: '元/户', factor: 1 },
  条: { base: '条', factor: 1 },
  万条: { base: '条', factor: 10_000 },
  对: { base: '对', factor: 1 },
  本: { base: '本', factor: 1 },
  次: { base: '次', factor: 1 },
  起: { base: '起', factor: 1 },
  项: { base: '项', factor: 1 },
  场次: { base: '场次', factor: 1 },
  车次: { base: '车次', factor: 1 },
  份: { base: '份', factor: 1 },
  批: { base: '批', factor: 1 },
  类: { base: '类', factor: 1 },
  个月: { base: '个月', factor: 1 },
  处: { base: '处', factor: 1 },
} as const satisfies Record<string, { base: string; factor: number }>;

export type Unit = keyof typeof UNITS;

export function isUnit(unit: string): unit is Unit {
  return Object.hasOwn(UNITS, unit);
}

export function canConvert(from: Unit, to: Unit): boolean {
  return UNITS[from].base === UNITS[to].base;
}

/**
 * Converts a value between units of the same base. Rounds away binary noise
 * (5.8 万人次 is 58000 人次, not 57999.99999999999).
 */
export function convert(value: number, from: Unit, to: Unit): number {
  if (!canConvert(from, to)) throw new Error(`不能把“${from}”换算为“${to}”`);
  const result = (value * UNITS[from].factor) / UNITS[to].factor;
  return Number(result.toPrecision(12));
}
