/**
 * Units of measure. The units themselves are content (content/units.yaml, validated by
 * src/schemas/unit.ts): code receives them as a UnitTable and never lists one.
 */

import type { UnitKind } from '../schemas/unit.ts';

/** A unit as written in the texts: 万元, 人次, %. */
export type Unit = string;

export interface UnitDefinition {
  /** The unit it converts to; a base unit is its own base, with factor 1. */
  base: Unit;
  /** How many base units one of this unit is: 万元 is 10000 元. */
  factor: number;
  kind: UnitKind;
}

/** content/units.yaml: every unit the reports may use, by name. */
export type UnitTable = ReadonlyMap<Unit, UnitDefinition>;

function definition(units: UnitTable, unit: Unit): UnitDefinition {
  const found = units.get(unit);
  if (!found) throw new Error(`单位“${unit}”不在单位表 content/units.yaml 中`);
  return found;
}

export function canConvert(units: UnitTable, from: Unit, to: Unit): boolean {
  return units.has(from) && units.has(to) && definition(units, from).base === definition(units, to).base;
}

/** The units that convert to `to`, in table order (万元, 亿元 … for 元). */
export function convertibleTo(units: UnitTable, to: Unit): Unit[] {
  return [...units.keys()].filter((unit) => canConvert(units, unit, to));
}

/**
 * Converts a value between units of the same base. Rounds away binary noise
 * (5.8 万人次 is 58000 人次, not 57999.99999999999).
 */
export function convert(units: UnitTable, value: number, from: Unit, to: Unit): number {
  if (!canConvert(units, from, to)) throw new Error(`不能把“${from}”换算为“${to}”`);
  const result = (value * definition(units, from).factor) / definition(units, to).factor;
  return Number(result.toPrecision(12));
}

export const kindOf = (units: UnitTable, unit: Unit): UnitKind => definition(units, unit).kind;
