import { officialText } from '../../domain/official-text.ts';
import { commitmentSchema, evidenceSchema } from '../../schemas/report/commitment.ts';
import { reportSchema } from '../../schemas/report.ts';
import { frontmatterOf, type LocatedYaml, valueAt, type SourceFile } from '../../reading/located-yaml.ts';
import { formatPath, type Problem } from '../../reading/problems.ts';
import { quoteProblem } from '../quotes.ts';
import { unknownTermMessage, type Vocabulary } from '../vocabulary.ts';

/** One report as this check reads it: where each commitment and evidence item is, and its text. */
interface ReadReport {
  file: string;
  located: LocatedYaml;
  department: string;
  year: number;
  text: string;
  /** Commitment ids this report defines (valid items only). */
  ids: Set<string>;
}

const list = (data: unknown, key: string): unknown[] => {
  const value = valueAt(data, [key]);
  return Array.isArray(value) ? value : [];
};

function read(report: SourceFile, primary: string | undefined): ReadReport | null {
  const { split, located } = frontmatterOf(report);
  if (located === null || located.syntaxErrors.length > 0) return null; // reported by the report's own check
  const year = reportSchema.shape.year.safeParse(valueAt(located.data, ['year'])).data;
  const department = reportSchema.shape.department.safeParse(valueAt(located.data, ['department'])).data ?? primary;
  if (year === undefined || department === undefined) return null;
  const ids = new Set(list(located.data, 'commitments').flatMap((raw) => {
    const parsed = commitmentSchema.safeParse(raw);
    return parsed.success ? [parsed.data.id] : [];
  }));
  return { file: report.file, located, department, year, text: officialText(split.body), ids };
}

/**
 * Commitments and their evidence across all reports: each quote verbatim and once in its own
 * report (the figures' quote rule), each id unique, each related metric in the catalog, each
 * evidence pointing at a commitment of an earlier report of the same department, each topic in
 * content/topics.yaml. Schema
 * problems (a status without a quote among them) are the report check's.
 */
export function checkCommitments(reports: readonly SourceFile[], catalogIds: ReadonlySet<string>, topics: Vocabulary, primary: string | undefined): Problem[] {
  const readable = reports.map((r) => read(r, primary)).filter((r): r is ReadReport => r !== null);
  const byYear = new Map(readable.map((r) => [`${r.department}\u0000${r.year}`, r]));
  const problems: Problem[] = [];
  for (const report of readable) {
    const at = (path: PropertyKey[], message: string): Problem => ({
      file: report.file, ...report.located.locate(path), field: formatPath(path), message,
    });
    const seen = new Set<string>();
    list(report.located.data, 'commitments').forEach((raw, i) => {
      const parsed = commitmentSchema.safeParse(raw);
      if (!parsed.success) return;
      const { id, quote, due, metrics, topic } = parsed.data;
      if (!topics.has(topic)) problems.push(at(['commitments', i, 'topic'], unknownTermMessage('topics', topic, topics)));
      if (seen.has(id)) problems.push(at(['commitments', i, 'id'], `承诺 id “${id}”在本报告中重复；每项承诺的 id 须不同`));
      seen.add(id);
      const placed = quoteProblem(quote, report.text);
      if (placed) problems.push(at(['commitments', i, 'quote'], placed));
      if (due !== undefined && due < report.year) {
        problems.push(at(['commitments', i, 'due'], `完成年份 ${due} 早于报告年度 ${report.year}；只填写原文写明的年份（如 2018 年报告的“明年”即 ${report.year + 1}）`));
      }
      (metrics ?? []).forEach((metric, m) => {
        if (!catalogIds.has(metric)) problems.push(at(['commitments', i, 'metrics', m], `指标 id “${metric}”不在指标目录 content/metrics.yaml 中`));
      });
    });
    const pointed = new Set<string>();
    list(report.located.data, 'evidence').forEach((raw, i) => {
      const parsed = evidenceSchema.safeParse(raw);
      if (!parsed.success) return;
      const { report: year, commitment, quote } = parsed.data;
      if (quote !== undefined) {
        const placed = quoteProblem(quote, report.text);
        if (placed) problems.push(at(['evidence', i, 'quote'], `落实情况的引文须摘自本报告（${report.year} 年）：${placed}`));
      }
      if (year >= report.year) {
        problems.push(at(['evidence', i, 'report'], `只能为更早年度报告中的承诺记录落实情况：${year} 年不早于本报告的 ${report.year} 年`));
        return;
      }
      const earlier = byYear.get(`${report.department}\u0000${year}`);
      if (!earlier) {
        problems.push(at(['evidence', i, 'report'], `本单位没有 ${year} 年的报告；请填写作出该承诺的报告年度`));
        return;
      }
      if (!earlier.ids.has(commitment)) {
        const known = [...earlier.ids];
        problems.push(at(['evidence', i, 'commitment'], `${earlier.file} 中没有 id 为“${commitment}”的承诺（${known.length > 0 ? `已有：${known.join('、')}` : '该报告没有记录承诺'}）`));
        return;
      }
      const key = `${year}/${commitment}`;
      if (pointed.has(key)) problems.push(at(['evidence', i, 'commitment'], `本报告已为 ${year} 年的承诺“${commitment}”记录过落实情况；每份报告对一项承诺只记一条`));
      pointed.add(key);
    });
  }
  return problems;
}
