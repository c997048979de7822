/** One thing wrong with the content, located precisely enough for an editor to fix it. */
export interface Problem {
  /** Path relative to the project root, e.g. content/reports/2022.mdx */
  file: string;
  /** 1-based; the line of the offending frontmatter key or body node. */
  line: number;
  column: number;
  /** English field path, e.g. metrics[12].quote; empty when the file as a whole is wrong. */
  field: string;
  /** Plain Chinese words: what is wrong and how to fix it. */
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`,
    )
    .join('');
}

export function formatProblem(problem: Problem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  return `${where}  ${problem.field || '-'}  ${problem.message}`;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return problems.toSorted(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}

/** The whole report an editor reads: one line per problem, then a count. */
export function formatProblems(problems: Problem[]): string {
  const lines = sortProblems(problems).map(formatProblem);
  lines.push(`共 ${problems.length} 个问题 (${problems.length} problem${problems.length === 1 ? '' : 's'})`);
  return lines.join('\n');
}
