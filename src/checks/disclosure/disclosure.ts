import { correctionSchema, type Correction } from '../../schemas/report/correction.ts';
import { disclosureSchema } from '../../schemas/report/disclosure.ts';
import { figureSchema } from '../../schemas/figure.ts';
import type { Department } from '../../schemas/department.ts';
import { indexNumberPattern } from '../../domain/disclosure/index-number.ts';
import { valueAt, type LocatedYaml } from '../../reading/located-yaml.ts';
import { formatPath, type Problem } from '../../reading/problems.ts';

/** A report as these checks need it: its file, its located frontmatter, whose it is. */
export interface DisclosedReport {
  file: string;
  located: LocatedYaml;
  /** The report's department (its own or the primary one); undefined when unreadable. */
  department: Department | undefined;
  year: number | undefined;
}

/**
 * The 政府信息公开 rules a schema cannot state alone: 成文日期 not after 发布日期; an 索引号
 * only where the department's organisation code is known, in its format, and unique across
 * the site; each correction about a figure of this report, dated on or after publication, the
 * last one of a figure ending at the value the report now states.
 */
export function checkDisclosures(reports: readonly DisclosedReport[]): Problem[] {
  const problems: Problem[] = [];
  const indexNumbers = new Map<string, string>();
  for (const { file, located, department } of reports) {
    const at = (path: PropertyKey[], message: string) => problems.push({ file, ...located.locate(path), field: formatPath(path), message });
    const disclosure = disclosureSchema.safeParse(valueAt(located.data, ['disclosure'])).data;
    if (!disclosure) continue; // the schema has said what is wrong
    const { publishedDate, writtenDate, indexNumber } = disclosure;
    if (writtenDate !== undefined && writtenDate > publishedDate) {
      at(['disclosure', 'writtenDate'], `成文日期 ${writtenDate} 晚于发布日期 ${publishedDate}；先成文、后发布，请核对两个日期`);
    }
    if (indexNumber !== undefined && department) {
      const code = department.disclosure?.organisationCode;
      if (code === undefined) {
        at(['disclosure', 'indexNumber'], `${department.name}在 content/departments.yaml 中没有填写组织机构代码（disclosure.organisationCode），索引号无从编起；请先填写代码，或删除这一行（页面显示“未编制”）`);
      } else if (!indexNumberPattern(code).test(indexNumber)) {
        at(['disclosure', 'indexNumber'], `索引号“${indexNumber}”不符合${department.name}的格式“${code}/年份-五位流水号”，如 ${code}/${publishedDate.slice(0, 4)}-00001`);
      } else if (indexNumbers.has(indexNumber)) {
        at(['disclosure', 'indexNumber'], `索引号“${indexNumber}”已用于 ${indexNumbers.get(indexNumber)}；索引号在全站必须唯一，一经发布不再改变`);
      } else {
        indexNumbers.set(indexNumber, file);
      }
    }
    const figures = new Map<string, number>();
    const metrics = valueAt(located.data, ['metrics']);
    for (const raw of Array.isArray(metrics) ? metrics : []) {
      const figure = figureSchema.safeParse(raw).data;
      if (figure) figures.set(figure.id, figure.value);
    }
    const corrections = valueAt(located.data, ['corrections']);
    const last = new Map<string, { correction: Correction; index: number }>();
    (Array.isArray(corrections) ? corrections : []).forEach((raw: unknown, i) => {
      const correction = correctionSchema.safeParse(raw).data;
      if (!correction) return;
      if (correction.date < publishedDate) {
        at(['corrections', i, 'date'], `更正日期 ${correction.date} 早于发布日期 ${publishedDate}；发布之前的修改不是更正`);
      }
      if (correction.metric === undefined) return;
      if (!figures.has(correction.metric)) {
        at(['corrections', i, 'metric'], `本报告没有指标“${correction.metric}”；更正的数字须是本报告 metrics 中的一项`);
        return;
      }
      last.set(correction.metric, { correction, index: i });
    });
    for (const [metric, { correction, index }] of last) {
      const value = figures.get(metric)!;
      if (correction.to !== value) {
        at(['corrections', index, 'to'], `更正后的数值 ${String(correction.to)} 与报告中“${metric}”现在的数值 ${value} 不一致`);
      }
    }
  }
  return problems;
}
