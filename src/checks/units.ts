import type { UnitDefinition, UnitTable } from '../domain/units.ts';
import { unitDefinitionSchema } from '../schemas/unit.ts';
import { UNITS_FILE } from '../reading/content-files.ts';
import { readYaml, type SourceFile } from '../reading/located-yaml.ts';
import { formatPath, type Problem } from '../reading/problems.ts';
import { parseLocated } from './schema-problems.ts';

/** What an editor reads when a report or the catalog uses a unit the table lacks. */
export function unknownUnitMessage(unit: string): string {
  return `单位“${unit}”不在单位表 ${UNITS_FILE} 中；原文用了新的单位时，请在该文件中加一行（换算到的基本单位、倍数和类别，见 docs/editing.md 第五节），不要改写原文的单位`;
}

/**
 * content/units.yaml: one `unit: { base, factor, kind }` per line. Each base is itself a unit
 * of the table, its own base with factor 1, and of the same kind as the units that convert to it.
 */
export function checkUnits(source: SourceFile): { problems: Problem[]; units: UnitTable } {
  const units = new Map<string, UnitDefinition>();
  const located = readYaml(source);
  if (Array.isArray(located)) return { problems: located, units };
  const { data } = located;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { problems: [{ file: source.file, line: 1, column: 1, field: '', message: '单位表应是“单位: { base: …, factor: …, kind: … }”的若干行' }], units };
  }
  const problems: Problem[] = [];
  const at = (path: PropertyKey[], message: string): Problem => ({ file: source.file, ...located.locate(path), field: formatPath(path), message });
  for (const [unit, raw] of Object.entries(data)) {
    const entry = parseLocated(source.file, located, unitDefinitionSchema, raw, [unit]);
    problems.push(...entry.problems);
    if (entry.data) units.set(unit, entry.data);
  }
  for (const [unit, { base, factor, kind }] of units) {
    const own = units.get(base);
    if (!own) {
      problems.push(at([unit, 'base'], `基本单位“${base}”不在单位表中；请为它加一行：${base}: { base: ${base}, factor: 1, kind: ${kind} }`));
    } else if (own.base !== base || own.factor !== 1) {
      problems.push(at([unit, 'base'], `“${base}”不是基本单位（它换算为“${own.base}”，倍数 ${own.factor}）；base 须写基本单位`));
    } else if (own.kind !== kind) {
      problems.push(at([unit, 'kind'], `类别“${kind}”与基本单位“${base}”的类别“${own.kind}”不同；可换算的单位须是同一类别`));
    }
    if (base === unit && factor !== 1) problems.push(at([unit, 'factor'], `基本单位“${unit}”的 factor 须为 1`));
  }
  return { problems, units };
}
