import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * The frontmatter parser and the MDX compiler the build itself runs, loaded from where Astro
 * loads them. Astro and @astrojs/mdx pin exact versions of @astrojs/internal-helpers and
 * @astrojs/markdown-satteri, so an upgrade can install second copies beside a project's own;
 * a copy imported by name here could then be another version than the build's, and the fuzz
 * test would compare the checker with the wrong parser without a word. So each module is
 * resolved as Node resolves it from the package that imports it in the build:
 * - a report's frontmatter: @astrojs/mdx (its content entry type and its Vite plugin) imports
 *   @astrojs/internal-helpers/frontmatter;
 * - its body: @astrojs/mdx compiles with the configured markdown processor, by default the
 *   `satteri()` of astro's config schema (astro imports @astrojs/markdown-satteri), which
 *   imports `mdxToJs` from satteri.
 */
function resolveFrom(file: string, specifier: string): string {
  return createRequire(file).resolve(specifier);
}

const astro = resolveFrom(import.meta.filename, 'astro');
const mdx = resolveFrom(import.meta.filename, '@astrojs/mdx');
const processor = resolveFrom(astro, '@astrojs/markdown-satteri');

/** Where each module was found (content-fuzz.test.ts checks that each is the one installed copy). */
export const RESOLVED = {
  frontmatter: resolveFrom(mdx, '@astrojs/internal-helpers/frontmatter'),
  processor,
  satteri: resolveFrom(processor, 'satteri'),
};

interface FrontmatterModule {
  parseFrontmatter: (code: string) => { frontmatter: Record<string, unknown>; content: string };
}
interface SatteriModule {
  mdxToJs: (source: string) => unknown;
}

export const { parseFrontmatter } = (await import(pathToFileURL(RESOLVED.frontmatter).href)) as FrontmatterModule;
export const { mdxToJs } = (await import(pathToFileURL(RESOLVED.satteri).href)) as SatteriModule;
