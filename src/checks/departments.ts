import { departmentSchema, type Department } from '../schemas/department.ts';
import { readList, type SourceFile } from '../reading/located-yaml.ts';
import { formatPath, type Problem } from '../reading/problems.ts';
import { parseLocated } from './schema-problems.ts';

/** content/departments.yaml as the report checks see it. */
export interface DepartmentIndex {
  /** id → name, for every id the file defines (valid entry or not). */
  names: Map<string, string>;
  primary: Department | undefined;
  /** id → entry, for every valid entry. */
  entries: Map<string, Department>;
}

/** content/departments.yaml: valid entries, unique ids, exactly one primary department. */
export function checkDepartments(source: SourceFile): { problems: Problem[]; index: DepartmentIndex } {
  const index: DepartmentIndex = { names: new Map(), primary: undefined, entries: new Map() };
  const list = readList(source, '单位列表');
  if (Array.isArray(list)) return { problems: list, index };
  const { located, items } = list;
  const problems: Problem[] = [];
  const at = (path: PropertyKey[], message: string): Problem => ({
    file: source.file, ...located.locate(path), field: formatPath(path), message,
  });
  items.forEach((raw: unknown, i) => {
    const entry = parseLocated(source.file, located, departmentSchema, raw, [i]);
    problems.push(...entry.problems);
    const id = entry.data?.id ?? (raw as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return;
    if (index.names.has(id)) problems.push(at([i, 'id'], `单位 id “${id}”重复出现；每个 id 只能定义一次`));
    index.names.set(id, entry.data?.name ?? id);
    if (entry.data && !index.entries.has(id)) index.entries.set(id, entry.data);
    if (entry.data?.primary) {
      if (index.primary) problems.push(at([i, 'primary'], `已有主单位 ${index.primary.id}；只能有一个单位写 primary: true`));
      else index.primary = entry.data;
    }
  });
  if (!index.primary && problems.length === 0) {
    problems.push({ file: source.file, line: 1, column: 1, field: '', message: '没有主单位：请给本局那一项加上 primary: true' });
  }
  return { problems, index };
}
