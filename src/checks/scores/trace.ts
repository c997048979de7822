import { findNumbers } from '../../domain/numerals.ts';
import type { OfficialLine } from '../../domain/official-text.ts';
import type { ScoreRow } from '../../schemas/report/score-table.ts';

/** The official table rows (lines with cells) that have a cell reading exactly `label`. */
export function tableRowsLabelled(lines: readonly OfficialLine[], label: string): OfficialLine[] {
  return lines.filter((line) => line.cells?.some((cell) => cell === label));
}

/**
 * Why a score row cannot be traced to the official table, or null: its label must be a cell of
 * exactly one table row, and that row must hold the 分值, 扣分 and 得分 the row states.
 */
export function traceProblem(lines: readonly OfficialLine[], row: ScoreRow): { field: keyof ScoreRow; message: string } | null {
  const found = tableRowsLabelled(lines, row.label);
  if (found.length === 0) {
    return { field: 'label', message: `正文的表格中没有写作“${row.label}”的单元格；label 须照原文表格中该行的写法` };
  }
  if (found.length > 1) {
    return { field: 'label', message: `正文的表格中有 ${found.length} 行含“${row.label}”；无法确定是哪一行，请核对原文` };
  }
  const cells = found[0]!.cells!;
  const numbers = cells.filter((cell) => cell !== row.label).flatMap((cell) => findNumbers(cell).map((n) => n.value));
  const stated = [
    { field: 'weight', name: '分值', value: row.weight },
    { field: 'deduction', name: '扣分', value: row.deduction },
    { field: 'score', name: '得分', value: row.score },
  ] as const;
  for (const { field, name, value } of stated) {
    if (value !== undefined && !numbers.includes(value)) {
      return { field, message: `原文表格“${row.label}”一行（${cells.join(' | ')}）中没有${name} ${value}；须与原文表格一致` };
    }
  }
  return null;
}
