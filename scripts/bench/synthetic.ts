// Synthetic content for the benchmark (scripts/bench.ts): N reports made from the real ones,
// spread across departments and years, in a copy of the project, passing the content checker.
//
// The N reports go to ceil(N / YEARS_PER_DEPARTMENT) departments: the primary one of
// content/departments.yaml and synthetic units after it, each publishing one report a year for
// up to YEARS_PER_DEPARTMENT consecutive years ending in LAST_YEAR. Report k of a department
// is the official text of real report k mod 2 (2018, 2022, 2018, …), word for word, with every
// figure it states under its real metric id: the catalog stays the real one, as it would in
// practice (a department reports the same metrics year after year). So each department has a
// series for every metric of the real reports, with a point every year or every other year.
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { splitFrontmatter } from '../../src/reading/frontmatter.ts';
import { EDITOR_NOTE_TAG } from '../../src/domain/official-text.ts';
import type { Department } from '../../src/schemas/department.ts';
import { linkNodeModules } from '../project-copy.ts';

/** Each synthetic department's reports cover at most this many years (a working lifetime of reports). */
export const YEARS_PER_DEPARTMENT = 50;
export const LAST_YEAR = 2025;

const UNIT_NAMES = ['开福区社会福利院', '开福区殡葬管理所', '开福区救助管理站', '开福区婚姻登记处', '开福区社会救助服务中心', '开福区老年服务中心', '开福区地名服务中心', '开福区慈善服务中心'];

interface RawFigure {
  id: string;
  [key: string]: unknown;
}

interface RawReport {
  data: Record<string, unknown> & {
    year: number;
    title: string;
    metrics: RawFigure[];
    commitments?: { due?: number }[];
    evidence?: { report: number }[];
  };
  body: string;
}

/** The real reports of a project, oldest first. */
export async function readRealReports(root: string): Promise<RawReport[]> {
  const dir = join(root, 'content/reports');
  const names = (await readdir(dir, { recursive: true })).filter((n) => n.endsWith('.mdx')).sort();
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
  departments: number;
  figures: number;
  years: [number, number];
  contentBytes: number;
}

/** Writes N synthetic reports and their departments into `root`/content (replacing the reports there). */
export async function writeSyntheticContent(sourceRoot: string, root: string, n: number): Promise<SyntheticSummary> {
  if (!Number.isInteger(n) || n < 1) throw new Error(`N must be a positive whole number; got ${n}`);
  const real = await readRealReports(sourceRoot);
  const realDepartments = parse(await readFile(join(sourceRoot, 'content/departments.yaml'), 'utf8')) as Department[];
  const primary = realDepartments.find((d) => d.primary);
  if (!primary) throw new Error('content/departments.yaml has no primary department');

  const count = Math.ceil(n / YEARS_PER_DEPARTMENT);
  const departments: Department[] = [primary];
  for (let i = 1; i < count; i += 1) {
    const name = UNIT_NAMES[(i - 1) % UNIT_NAMES.length]!;
    const round = Math.floor((i - 1) / UNIT_NAMES.length);
    departments.push({ id: `unit-${String(i).padStart(3, '0')}`, name: round === 0 ? name : `${name}第${round + 1}分部` });
  }
  await writeFile(join(root, 'content/departments.yaml'), `# Synthetic departments for the benchmark (scripts/bench/synthetic.ts).\n${stringify(departments, { lineWidth: 0 })}`);

  const reportsDir = join(root, 'content/reports');
  await rm(reportsDir, { recursive: true, force: true });
  await mkdir(reportsDir, { recursive: true });
  let figures = 0;
  let contentBytes = 0;
  let firstYear = LAST_YEAR;
  for (let k = 0; k < n; k += 1) {
    const department = departments[Math.floor(k / YEARS_PER_DEPARTMENT)]!;
    const own = Math.min(YEARS_PER_DEPARTMENT, n - Math.floor(k / YEARS_PER_DEPARTMENT) * YEARS_PER_DEPARTMENT);
    const index = k % YEARS_PER_DEPARTMENT;
    const year = LAST_YEAR - own + 1 + index;
    firstYear = Math.min(firstYear, year);
    const source = real[index % real.length]!;
    figures += source.data.metrics.length;
    const isPrimary = department === primary;
    const data = {
      ...source.data,
      year,
      ...(isPrimary ? {} : { department: department.id }),
      title: `${year}年${String(source.data.title).replace(/^\d{4}年度?/, '')}（合成）`,
      issuer: department.name,
      period: { from: `${year}-01`, to: `${year}-12` },
      sourceFile: `synthetic-${department.id}-${year}.txt`,
      // Promises keep their distance from the report's year; evidence points at the report a year
      // before, which is always one made from the earlier real report (they alternate).
      ...(source.data.commitments ? { commitments: source.data.commitments.map((c) => (c.due === undefined ? c : { ...c, due: c.due + year - source.data.year })) } : {}),
      ...(source.data.evidence ? { evidence: source.data.evidence.map((e) => ({ ...e, report: year - 1 })) } : {}),
    };
    // Dates stay quoted, as the checker asks of every content file.
    const yaml = stringify(data, { lineWidth: 0 }).replace(/^(\s*\w+: )(\d{4}-\d{2}-\d{2})$/gm, '$1"$2"');
    const text = `---\n${yaml}---\n${source.body}`;
    contentBytes += Buffer.byteLength(text);
    const dir = isPrimary ? reportsDir : join(reportsDir, department.id);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `${year}.mdx`), text);
  }
  return { reports: n, departments: departments.length, figures, years: [firstYear, LAST_YEAR], contentBytes };
}

/**
 * A bare Astro project over the same MDX files: MDX only, one collection with no schema, and
 * one [...slug].astro that renders each entry in a minimal page. No validation, no comparisons,
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
export const collections = { reports: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: './content/reports' }) }) };
`);
  await writeFile(join(root, 'src/pages/[...slug].astro'), `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('reports')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="zh-CN"><head><meta charset="utf-8" /><title>{entry.id}</title></head>
<body><Content components={{ ${EDITOR_NOTE_TAG}: 'span' }} /></body></html>
`);
  await linkNodeModules(sourceRoot, root);
}
