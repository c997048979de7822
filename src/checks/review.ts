import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { formatPath, type Problem } from '../reading/problems.ts';
import { frontmatterOf, LocatedYaml, type SourceFile } from '../reading/located-yaml.ts';

/**
 * `review:` lines are what `npm run import` leaves for the editor to check (a proposed figure,
 * a proposed catalog entry). Each one is a problem until the editor deletes it, so that a
 * draft can never reach the site unreviewed. The schemas accept the field so that it is
 * reported once, here, with what to check.
 */
export const REVIEW_FIELD = 'review';

function reviewsIn(file: string, located: LocatedYaml): Problem[] {
  if (located.syntaxErrors.length > 0) return []; // YAML the checker cannot read is reported by the schema checks
  const problems: Problem[] = [];
  const walk = (node: unknown, path: PropertyKey[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (key === REVIEW_FIELD) {
          const what = isScalar(pair.value) ? String(pair.value.value) : '见草稿';
          problems.push({
            file, ...located.position((pair.key as Node).range?.[0] ?? 0), field: formatPath([...path, key]),
            message: `待核对（review）：${what}。核对无误后删除这一行 review:；还有 review: 时报告不能发布`,
          });
        } else {
          walk(pair.value, [...path, key]);
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i]));
    }
  };
  walk(located.doc.contents, []);
  return problems;
}

/** Every `review:` left in the reports' frontmatter and in the catalog. */
export function reviewProblems(sources: { catalog: SourceFile; reports: readonly SourceFile[] }): Problem[] {
  const problems = reviewsIn(sources.catalog.file, new LocatedYaml(sources.catalog.text, 1));
  for (const report of sources.reports) {
    const { located } = frontmatterOf(report);
    if (located !== null) problems.push(...reviewsIn(report.file, located));
  }
  return problems;
}
