import { REPORT_TYPES_FILE, TOPICS_FILE } from '../reading/content-files.ts';
import { readYaml, type SourceFile } from '../reading/located-yaml.ts';
import { formatPath, type Problem } from '../reading/problems.ts';
import { vocabularyTermSchema, type NamedTerm } from '../schemas/vocabulary.ts';
import { parseLocated } from './schema-problems.ts';

/** A vocabulary kept as content: its terms by name, in their `order`. */
export type Vocabulary = Map<string, NamedTerm>;

/** The vocabularies reports are checked against, with the words a message names them by. */
export const VOCABULARIES = {
  topics: { file: TOPICS_FILE, what: '主题', field: 'topic' },
  reportTypes: { file: REPORT_TYPES_FILE, what: '报告类型', field: 'reportType' },
} as const;

/** What an editor reads when a report or the catalog uses a term its vocabulary lacks. */
export function unknownTermMessage(kind: keyof typeof VOCABULARIES, term: string, vocabulary: Vocabulary): string {
  const { file, what } = VOCABULARIES[kind];
  return `${what}“${term}”不在${what}表 ${file} 中（现有：${[...vocabulary.keys()].join('、')}）；`
    + `确是新的${what}时，请在该文件中加一项（slug、en、order、definition，见 docs/editing.md），不要改写原文`;
}

/**
 * content/topics.yaml or content/report-types.yaml: one `名称: { slug, en, order, definition }`
 * per line; each slug (a URL) and each order once.
 */
export function checkVocabulary(source: SourceFile, kind: keyof typeof VOCABULARIES): { problems: Problem[]; terms: Vocabulary } {
  const { what } = VOCABULARIES[kind];
  const located = readYaml(source);
  if (Array.isArray(located)) return { problems: located, terms: new Map() };
  const { data } = located;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { problems: [{ file: source.file, line: 1, column: 1, field: '', message: `${what}表应是“名称: { slug: …, en: …, order: …, definition: … }”的若干行` }], terms: new Map() };
  }
  const problems: Problem[] = [];
  const at = (path: PropertyKey[], message: string): Problem => ({ file: source.file, ...located.locate(path), field: formatPath(path), message });
  const terms: NamedTerm[] = [];
  const slugs = new Map<string, string>();
  const orders = new Map<number, string>();
  for (const [name, raw] of Object.entries(data)) {
    const entry = parseLocated(source.file, located, vocabularyTermSchema, raw, [name]);
    problems.push(...entry.problems);
    if (!entry.data) continue;
    const { slug, order } = entry.data;
    const slugOwner = slugs.get(slug);
    if (slugOwner !== undefined) problems.push(at([name, 'slug'], `slug“${slug}”已用于“${slugOwner}”；每个${what}的 slug（网址）须不同`));
    const orderOwner = orders.get(order);
    if (orderOwner !== undefined) problems.push(at([name, 'order'], `order ${order} 已用于“${orderOwner}”；每个${what}的顺序号须不同`));
    slugs.set(slug, name);
    orders.set(order, name);
    terms.push({ name, ...entry.data });
  }
  terms.sort((a, b) => a.order - b.order);
  return { problems, terms: new Map(terms.map((t) => [t.name, t])) };
}
