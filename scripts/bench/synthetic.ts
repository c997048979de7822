// Synthetic content for the benchmark (scripts/bench.ts): N yearly reports made from the real
// ones, in a copy of the project, passing the portal's content checker.
//
// Report k (k = 0 … N-1) is the official text of real report k mod 2 (2018, 2022, 2018, …),
// word for word, with every figure it states, under the year 2101 - N + k (the portal allows
// one report per year, 1949–2100: so N is at most 152) and one of a few issuing departments.
// Its metrics keep their ids where the real reports share an id (a comparable series) and for
// every third other id, so that about a third of each report's figures form series across all
// the years of its source text (charts, comparisons); the rest get an id of their own per
// year (`<id>-y<year>`), added to the catalog as a one-year metric. So a site of N reports has
// about 70·N figures, ~45 series with N/2 points each and ~47·N one-year metric pages.
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';

export const FIRST_YEAR = 1949;
export const LAST_YEAR = 2100;
/** The most reports the portal's content model allows: one per year, 1949–2100. */
export const MAX_REPORTS = LAST_YEAR - FIRST_YEAR + 1;

const DEPARTMENTS = ['开福区民政局', '长沙市开福区民政局', '开福区民政局社会救助科', '开福区民政局养老服务科', '开福区民政局社区建设科'];

interface RawFigure {
  id: string;
  [key: string]: unknown;
}

interface RawReport {
  data: Record<string, unknown> & { year: number; title: string; metrics: RawFigure[] };
  body: string;
}

interface CatalogEntry {
  id: string;
  label: string;
  labelEn: string;
  [key: string]: unknown;
}

/** The real reports of a project, oldest first. */
export async function readRealReports(root: string): Promise<RawReport[]> {
  const dir = join(root, 'content/reports');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.mdx')).sort();
  const reports: RawReport[] = [];
  for (const name of names) {
    const { yaml, body } = splitFrontmatter(await readFile(join(dir, name), 'utf8'));
    if (yaml === null) throw new Error(`${name}: no frontmatter`);
    reports.push({ data: parse(yaml) as RawReport['data'], body });
  }
  return reports.sort((a, b) => a.data.year - b.data.year);
}

export interface SyntheticSummary {
  reports: number;
  figures: number;
  catalogEntries: number;
  sharedIds: number;
  years: [number, number];
  contentBytes: number;
}

/** Writes N synthetic reports and their catalog into `root`/content (replacing what is there). */
export async function writeSyntheticContent(sourceRoot: string, root: string, n: number): Promise<SyntheticSummary> {
  if (n < 1 || n > MAX_REPORTS) throw new Error(`N must be 1–${MAX_REPORTS} (one report per year, ${FIRST_YEAR}–${LAST_YEAR}); got ${n}`);
  const real = await readRealReports(sourceRoot);
  const catalog = parse(await readFile(join(sourceRoot, 'content/metrics.yaml'), 'utf8')) as CatalogEntry[];
  const byId = new Map(catalog.map((e) => [e.id, e]));

  // Ids shared across years: those the real reports already share, and every third other id.
  const counts = new Map<string, number>();
  for (const r of real) for (const m of r.data.metrics) counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
  const sorted = [...counts.keys()].sort();
  const shared = new Set(sorted.filter((id, i) => counts.get(id)! > 1 || i % 3 === 0));

  const reportsDir = join(root, 'content/reports');
  await rm(reportsDir, { recursive: true, force: true });
  await mkdir(reportsDir, { recursive: true });
  const newCatalog: CatalogEntry[] = catalog.filter((e) => shared.has(e.id));
  let figures = 0;
  let contentBytes = 0;
  const firstYear = LAST_YEAR - n + 1;
  for (let k = 0; k < n; k += 1) {
    const year = firstYear + k;
    const source = real[k % real.length]!;
    const metrics = source.data.metrics.map((m) => {
      if (shared.has(m.id)) return m;
      const entry = byId.get(m.id);
      if (!entry) throw new Error(`metric ${m.id} is not in the catalog`);
      const id = `${m.id}-y${year}`;
      newCatalog.push({ ...entry, id, label: `${entry.label}（${year}年）`, labelEn: `${entry.labelEn} (${year})` });
      return { ...m, id };
    });
    figures += metrics.length;
    const data = {
      ...source.data,
      year,
      title: `${year}年${String(source.data.title).replace(/^\d{4}年度?/, '')}（合成）`,
      issuer: DEPARTMENTS[k % DEPARTMENTS.length],
      period: { from: `${year}-01`, to: `${year}-12` },
      sourceFile: `synthetic-${year}.txt`,
      metrics,
    };
    const text = `---\n${stringify(data, { lineWidth: 0 })}---\n${source.body}`;
    contentBytes += Buffer.byteLength(text);
    await writeFile(join(reportsDir, `${year}.mdx`), text);
  }
  const catalogText = `# Synthetic catalog for the benchmark (scripts/bench/synthetic.ts).\n${stringify(newCatalog, { lineWidth: 0 })}`;
  contentBytes += Buffer.byteLength(catalogText);
  await writeFile(join(root, 'content/metrics.yaml'), catalogText);
  return { reports: n, figures, catalogEntries: newCatalog.length, sharedIds: shared.size, years: [firstYear, LAST_YEAR], contentBytes };
}

/**
 * node_modules for a copy of the project: a real folder of links to each installed package,
 * so that the caches Astro and Vite keep inside node_modules (.astro, .vite) stay in the copy
 * and never touch the real project's.
 */
async function linkNodeModules(sourceRoot: string, root: string): Promise<void> {
  const from = join(sourceRoot, 'node_modules');
  const to = join(root, 'node_modules');
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from)) {
    if (entry === '.astro' || entry === '.vite' || entry === '.cache') continue;
    await symlink(join(from, entry), join(to, entry));
  }
}

/** A copy of the project at `root` (sources, config, build scripts; node_modules linked). */
export async function copyProject(sourceRoot: string, root: string): Promise<void> {
  await mkdir(root, { recursive: true });
  for (const item of ['src', 'content', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    await cp(join(sourceRoot, item), join(root, item), { recursive: true });
  }
  await linkNodeModules(sourceRoot, root);
}

/**
 * A bare Astro project over the same MDX files: MDX only, one collection with no schema, and
 * one [slug].astro that renders each entry in a minimal page. No validation, no comparisons,
 * no search: what Astro itself costs for this content.
 */
export async function writeBareProject(sourceRoot: string, contentRoot: string, root: string): Promise<void> {
  await mkdir(join(root, 'src/pages'), { recursive: true });
  await cp(join(contentRoot, 'content/reports'), join(root, 'content/reports'), { recursive: true });
  await writeFile(join(root, 'package.json'), JSON.stringify({ name: 'bare-astro-bench', private: true, type: 'module' }, null, 2));
  await writeFile(join(root, 'astro.config.mjs'), `import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
export default defineConfig({ integrations: [mdx()], outDir: process.env.PORTAL_OUT_DIR ?? './dist' });
`);
  await writeFile(join(root, 'src/content.config.ts'), `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = { reports: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/reports' }) }) };
`);
  await writeFile(join(root, 'src/pages/[slug].astro'), `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('reports')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="zh-CN"><head><meta charset="utf-8" /><title>{entry.id}</title></head>
<body><Content components={{ EditorNote: 'span' }} /></body></html>
`);
  await linkNodeModules(sourceRoot, root);
}
