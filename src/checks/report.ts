import { officialText } from '../domain/official-text.ts';
import { canConvert, convertibleTo, type UnitTable } from '../domain/units.ts';
import { figureSchema } from '../schemas/figure.ts';
import { reportSchema } from '../schemas/report.ts';
import type { Catalog } from './catalog.ts';
import type { DepartmentIndex } from './departments.ts';
import { frontmatterOf, type LocatedYaml, valueAt, type SourceFile } from '../reading/located-yaml.ts';
import { formatPath, type Problem } from '../reading/problems.ts';
import { checkQuote } from './quotes.ts';
import { checkBudget } from './scores/budget.ts';
import { checkScoreTable } from './scores/score-table.ts';
import { recordedTwice } from './scores/overlap.ts';
import { checkBodySafety } from './safety.ts';
import { parseLocated, placeholderPaths } from './schema-problems.ts';
import { unknownUnitMessage } from './units.ts';
import { unknownTermMessage, type Vocabulary } from './vocabulary.ts';

export interface CheckedReport {
  problems: Problem[];
  /** Present when year and department are readable: what must be unique across reports. */
  identity?: { year: number; department: string | undefined; at: { line: number; column: number } };
  /** The frontmatter, when it could be read: for the checks across reports (src/checks/disclosure/). */
  located?: LocatedYaml;
}

/** One report file: its frontmatter against the schema and the catalogs, its quotes against its text, its body's safety. */
export function checkReport(
  report: SourceFile,
  catalog: Catalog,
  departments: DepartmentIndex,
  units: UnitTable,
  vocabularies: { topics: Vocabulary; reportTypes: Vocabulary },
): CheckedReport {
  const { file } = report;
  if (report.text.trim() === '') {
    return { problems: [{ file, line: 1, column: 1, field: '', message: '文件是空的；请用 npm run new-report 生成骨架' }] };
  }
  const { split, located } = frontmatterOf(report);
  if (split.yaml === null) {
    return { problems: [{ file, line: 1, column: 1, field: '', message: '文件开头缺少以 --- 包围的 frontmatter（报告信息和指标）' }] };
  }
  if (located === null) {
    // The frontmatter ends at the first line starting with --- (as Astro reads it): a doubled --- line empties it.
    return { problems: [{ file, line: split.yamlLine, column: 1, field: '', message: 'frontmatter 是空的：两行 --- 之间没有报告信息和指标（是否多了一行 ---？）' }] };
  }
  if (located.syntaxErrors.length > 0) {
    return {
      problems: located.syntaxErrors.map((e) => ({
        file, line: e.line, column: e.column, field: '', message: `frontmatter 的 YAML 格式错误：${e.message}`,
      })),
    };
  }
  const data = located.data;
  const placeholders = placeholderPaths(data);
  // A placeholder is reported as not filled in, not also as malformed (a 待填写 date is not a date).
  const unfilled = new Set(placeholders.map(formatPath));
  const problems = parseLocated(file, located, reportSchema, data).problems.filter((p) => !unfilled.has(p.field));
  for (const path of placeholders) {
    problems.push({ file, ...located.locate(path), field: formatPath(path), message: `还没有填写：请把“${String(valueAt(data, path))}”换成实际内容` });
  }
  problems.push(...checkBodySafety(file, split.body, split.bodyLine));
  const at = (path: PropertyKey[], message: string): Problem => ({
    file, ...located.locate(path), field: formatPath(path), message,
  });

  // The meaning checks read each figure as the schema parsed it: one broken figure does not hide the others'.
  const text = officialText(split.body);
  const metrics = valueAt(data, ['metrics']);
  const seen = new Set<string>();
  (Array.isArray(metrics) ? metrics : []).forEach((raw: unknown, i) => {
    const parsed = figureSchema.safeParse(raw);
    if (!parsed.success) return;
    const figure = parsed.data;
    const { id, unit, topic } = figure;
    if (seen.has(id)) problems.push(at(['metrics', i, 'id'], `指标 id “${id}”在本报告中重复；同一指标每年只能有一个数值`));
    seen.add(id);
    const entry = catalog.entries.get(id);
    if (!units.has(unit)) problems.push(at(['metrics', i, 'unit'], unknownUnitMessage(unit)));
    if (!vocabularies.topics.has(topic)) problems.push(at(['metrics', i, 'topic'], unknownTermMessage('topics', topic, vocabularies.topics)));
    if (!catalog.ids.has(id)) {
      problems.push(at(['metrics', i, 'id'], `指标 id “${id}”不在指标目录 content/metrics.yaml 中；请改用目录中已有的 id，或先在目录中新增`));
    } else if (entry) {
      if (units.has(unit) && units.has(entry.unit) && !canConvert(units, unit, entry.unit)) {
        problems.push(at(['metrics', i, 'unit'], `单位“${unit}”不能换算为目录中该指标的单位“${entry.unit}”（可换算：${convertibleTo(units, entry.unit).join('、')}）`));
      }
      if (topic !== entry.topic && vocabularies.topics.has(topic)) {
        problems.push(at(['metrics', i, 'topic'], `主题“${topic}”与目录中该指标的主题“${entry.topic}”不一致`));
      }
    }
    for (const problem of checkQuote(figure, text, units)) {
      problems.push(at(['metrics', i, problem.field], problem.message));
    }
  });
  // Issue 19: budget lines and the score table, against the text and their own arithmetic.
  problems.push(...checkBudget(valueAt(data, ['budget']), text, units, at), ...checkScoreTable(valueAt(data, ['scoreTable']), split.body, units, at));
  problems.push(...recordedTwice({ metrics, budget: valueAt(data, ['budget']), scoreTable: valueAt(data, ['scoreTable']) }, text, units, at));
  const reportType = reportSchema.shape.reportType.safeParse(valueAt(data, ['reportType'])).data;
  if (reportType !== undefined && !vocabularies.reportTypes.has(reportType)) {
    problems.push(at(['reportType'], unknownTermMessage('reportTypes', reportType, vocabularies.reportTypes)));
  }
  const department = reportSchema.shape.department.safeParse(valueAt(data, ['department'])).data;
  if (department !== undefined && !departments.names.has(department)) {
    problems.push(at(['department'], `单位 id “${department}”不在 content/departments.yaml 中（已有：${[...departments.names.keys()].join('、')}）`));
  }
  const year = reportSchema.shape.year.safeParse(valueAt(data, ['year'])).data;
  return year !== undefined
    ? { problems, located, identity: { year, department: department ?? departments.primary?.id, at: located.locate(['year']) } }
    : { problems, located };
}
