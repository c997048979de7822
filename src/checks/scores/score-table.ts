import { officialLines, officialText } from '../../domain/official-text.ts';
import { describeScoreDisagreement, scoreDisagreements, type ScoreDisagreement } from '../../domain/scores/score-table.ts';
import { kindOf, type UnitTable } from '../../domain/units.ts';
import { scoreTableSchema, type ScoreTable } from '../../schemas/report/score-table.ts';
import type { Problem } from '../../reading/problems.ts';
import { checkQuote } from '../quotes.ts';
import { unknownUnitMessage } from '../units.ts';
import { acknowledgeHint, STALE_ACKNOWLEDGEMENT, type ProblemAt } from './located.ts';
import { traceProblem } from './trace.ts';

/** The field of a row (or of the table) a disagreement is reported at. */
const FIELD: Record<ScoreDisagreement['kind'], PropertyKey[]> = {
  'over-weight': ['score'],
  deduction: ['score'],
  'children-weight': ['weight'],
  'children-score': ['score'],
  total: ['total', 'value'],
  'full-score': ['fullScore'],
};

/** Ids unique, each parent a row one level up: without them the arithmetic means nothing. */
function structureProblems(table: ScoreTable, at: ProblemAt): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<string, number>();
  table.rows.forEach((row, i) => {
    if (byId.has(row.id)) problems.push(at(['scoreTable', 'rows', i, 'id'], `指标行 id “${row.id}”重复`));
    else byId.set(row.id, i);
  });
  table.rows.forEach((row, i) => {
    if (row.parent === undefined) return;
    const parent = byId.get(row.parent);
    if (parent === undefined) {
      problems.push(at(['scoreTable', 'rows', i, 'parent'], `上级指标“${row.parent}”不在本表中`));
    } else if (table.rows[parent]!.level !== row.level - 1) {
      problems.push(at(['scoreTable', 'rows', i, 'parent'], `上级指标“${row.parent}”是${table.rows[parent]!.level}级指标；${row.level}级指标的上级须是${row.level - 1}级指标`));
    }
  });
  return problems;
}

/**
 * The score table of a report: traced to the official table row by row, the total's and the
 * grade's quotes, and its arithmetic (src/domain/scores/score-table.ts), each disagreement
 * refused until the editor acknowledges it on that row or on the table.
 */
export function checkScoreTable(raw: unknown, body: string, units: UnitTable, at: ProblemAt): Problem[] {
  const parsed = scoreTableSchema.safeParse(raw);
  if (!parsed.success) return []; // the schema check has located it
  const table = parsed.data;
  const lines = officialLines(body);
  const text = officialText(body);
  const problems: Problem[] = [];
  if (!text.includes(table.caption)) {
    problems.push(at(['scoreTable', 'caption'], `正文中找不到表名“${table.caption}”；caption 须照原文的写法`));
  }
  const { total, grade } = table;
  if (!units.has(total.unit)) problems.push(at(['scoreTable', 'total', 'unit'], unknownUnitMessage(total.unit)));
  else if (kindOf(units, total.unit) !== 'score') problems.push(at(['scoreTable', 'total', 'unit'], `总分的单位“${total.unit}”不是分数（如 分）`));
  else for (const p of checkQuote(total, text, units)) problems.push(at(['scoreTable', 'total', p.field], p.message));
  if (grade) {
    const times = text.split(grade.quote).length - 1;
    if (times !== 1) problems.push(at(['scoreTable', 'grade', 'quote'], times === 0 ? `引文“${grade.quote}”在正文中找不到；引文必须逐字摘自正文` : `引文“${grade.quote}”在正文中出现 ${times} 次；请加长引文`));
    else if (!grade.quote.includes(grade.value)) problems.push(at(['scoreTable', 'grade', 'value'], `引文“${grade.quote}”中没有评价等级“${grade.value}”`));
  }
  table.rows.forEach((row, i) => {
    const traced = traceProblem(lines, row);
    if (traced) problems.push(at(['scoreTable', 'rows', i, traced.field], traced.message));
  });
  const structure = structureProblems(table, at);
  if (structure.length > 0) return [...problems, ...structure];

  const disagreements = scoreDisagreements(table);
  const rowIndex = new Map(table.rows.map((row, i) => [row.id, i]));
  for (const d of disagreements) {
    const row = d.row === undefined ? undefined : table.rows[rowIndex.get(d.row)!]!;
    if ((row ?? table).acknowledged) continue;
    const { says, parts } = describeScoreDisagreement(d);
    const path = row ? ['scoreTable', 'rows', rowIndex.get(row.id)!, ...FIELD[d.kind]] : ['scoreTable', ...FIELD[d.kind]];
    problems.push(at(path, `${row ? `“${row.label}”` : `“${table.caption}”`}原文${says}，${parts}。${acknowledgeHint(row ? '这一指标行' : '得分表（scoreTable）下')}`));
  }
  table.rows.forEach((row, i) => {
    if (row.acknowledged && !disagreements.some((d) => d.row === row.id)) problems.push(at(['scoreTable', 'rows', i, 'acknowledged'], STALE_ACKNOWLEDGEMENT));
  });
  if (table.acknowledged && !disagreements.some((d) => d.row === undefined)) problems.push(at(['scoreTable', 'acknowledged'], STALE_ACKNOWLEDGEMENT));
  return problems;
}
