/** An MDX/Markdown file cut into its YAML frontmatter and its body. */
export interface SplitSource {
  /** The YAML between the two `---` lines; null when the file has no frontmatter. */
  yaml: string | null;
  /** 1-based line of the file where the YAML starts (so YAML line 1 is file line yamlLine). */
  yamlLine: number;
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
}

export function splitFrontmatter(source: string): SplitSource {
  const text = source.replace(/^\uFEFF/, '');
  const match = /^---\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { yaml: null, yamlLine: 1, body: text, bodyLine: 1 };
  const yaml = match[1] ?? '';
  const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 0 : 1);
  return { yaml, yamlLine: 2, body: text.slice(match[0].length), bodyLine };
}
