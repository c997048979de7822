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

/**
 * Cut as Astro cuts it (@astrojs/internal-helpers/frontmatter): the frontmatter ends at the first
 * line that starts with ---, whatever follows on that line (which Astro then reads as the body's
 * first line). Anything else would check one YAML and publish another.
 */
export function splitFrontmatter(source: string): SplitSource {
  const text = source.replace(/^\uFEFF/, '');
  const match = /^---\r?\n(?:---|([\s\S]*?)\r?\n---)/.exec(text);
  if (!match) return { yaml: null, yamlLine: 1, body: text, bodyLine: 1 };
  const yaml = match[1] ?? '';
  const closingLine = match[0].split('\n').length;
  const rest = text.slice(match[0].length);
  const blankRest = /^[ \t]*(?:\r?\n|$)/.exec(rest);
  return blankRest
    ? { yaml, yamlLine: 2, body: rest.slice(blankRest[0].length), bodyLine: closingLine + 1 }
    : { yaml, yamlLine: 2, body: rest, bodyLine: closingLine };
}
