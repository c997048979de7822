import type { UnitTable } from '../domain/units.ts';
import { catalogEntrySchema, type CatalogEntry } from '../schemas/catalog.ts';
import { readList, type SourceFile } from '../reading/located-yaml.ts';
import { formatPath, type Problem } from '../reading/problems.ts';
import { parseLocated } from './schema-problems.ts';
import { unknownUnitMessage } from './units.ts';
import { unknownTermMessage, type Vocabulary } from './vocabulary.ts';

/** content/metrics.yaml as the report checks see it. */
export interface Catalog {
  /** The valid entries, by id. */
  entries: Map<string, CatalogEntry>;
  /** Every id the file defines, valid entry or not: a report using one is not also told the id is unknown. */
  ids: Set<string>;
}

/** content/metrics.yaml: a list of valid entries, each id defined once, each unit and topic in its table. */
export function checkCatalog(source: SourceFile, units: UnitTable, topics: Vocabulary): { problems: Problem[]; catalog: Catalog } {
  const catalog: Catalog = { entries: new Map(), ids: new Set() };
  const list = readList(source, '指标目录');
  if (Array.isArray(list)) return { problems: list, catalog };
  const { located, items } = list;
  const problems: Problem[] = [];
  items.forEach((raw: unknown, i) => {
    const entry = parseLocated(source.file, located, catalogEntrySchema, raw, [i]);
    problems.push(...entry.problems);
    const id = entry.data?.id ?? (raw as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return;
    if (catalog.ids.has(id)) {
      problems.push({
        file: source.file, ...located.locate([i, 'id']), field: formatPath([i, 'id']),
        message: `指标 id “${id}”在目录中重复出现；每个 id 只能定义一次`,
      });
    }
    catalog.ids.add(id);
    if (!entry.data) return;
    catalog.entries.set(id, entry.data);
    if (!units.has(entry.data.unit)) {
      problems.push({ file: source.file, ...located.locate([i, 'unit']), field: formatPath([i, 'unit']), message: unknownUnitMessage(entry.data.unit) });
    }
    if (!topics.has(entry.data.topic)) {
      problems.push({ file: source.file, ...located.locate([i, 'topic']), field: formatPath([i, 'topic']), message: unknownTermMessage('topics', entry.data.topic, topics) });
    }
  });
  return { problems, catalog };
}
