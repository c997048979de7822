import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UNITS_FILE } from '../../reading/content-files.ts';
import { checkUnits } from '../../checks/units.ts';
import { QUALIFIERS } from '../../schemas/qualifier.ts';
import type { Qualifier } from '../../schemas/qualifier-table.ts';
import { canConvert, type UnitTable } from '../../domain/units.ts';
import { ImportRefusal } from './read-file.ts';

/**
 * The importer's one door to the domain's units (content/units.yaml) and qualifiers (the
 * qualifier table): figures are found with the units the checker knows, their qualifiers where
 * the checker looks for them.
 */
export interface Vocabulary {
  /** Every unit a figure may have, longest first (万人次 before 人次 before 人). */
  units: readonly string[];
  table: UnitTable;
  /** Whether two units measure the same thing (人 and 名; 元 and 万元). */
  sameFamily(a: string, b: string): boolean;
  qualifiers: readonly Qualifier[];
}

export function vocabularyOf(table: UnitTable): Vocabulary {
  return {
    units: [...table.keys()].toSorted((a, b) => b.length - a.length),
    table,
    sameFamily: (a, b) => canConvert(table, a, b),
    qualifiers: QUALIFIERS,
  };
}

/** The vocabulary of the project at `root`; a unit table with problems stops the import. */
export async function loadVocabulary(root: string): Promise<Vocabulary> {
  let text: string;
  try {
    text = await readFile(join(root, UNITS_FILE), 'utf8');
  } catch (error) {
    throw new ImportRefusal(`无法读取 ${UNITS_FILE}：${(error as Error).message}`);
  }
  const { problems, units } = checkUnits({ file: UNITS_FILE, text });
  if (problems.length > 0) throw new ImportRefusal(`${UNITS_FILE} 有误；请先运行 npm run check:content，按提示修改。`);
  return vocabularyOf(units);
}
