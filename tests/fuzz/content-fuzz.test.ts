import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject } from '../../scripts/project-copy.ts';
import { listContentFiles } from '../../src/reading/content-files.ts';
import { readContentYaml, YAML_FALLBACK } from '../../src/reading/content-yaml.ts';
import { checkContent } from '../../src/checks/check-content.ts';
import { splitFrontmatter } from '../../src/reading/frontmatter.ts';
import type { Problem } from '../../src/reading/problems.ts';
import { expectedReportPages } from '../support/published.ts';
import { PROJECT_ROOT } from '../support/site.ts';
import { mdxToJs, parseFrontmatter, RESOLVED } from './astro-parsers.ts';
import { mutantArbitrary, type Mutant } from './mutations.ts';

/**
 * Seeded mutations of the real reports and catalogs, as an editor's slips would make them.
 * For each: the checker never throws; each problem names a file and a line in it; content it
 * passes is read by the build as the checker read it, and (for a bounded few) builds with a
 * page for every report. FUZZ_SEED replays a run, FUZZ_MS bounds it (default 35 s),
 * FUZZ_BUILDS is how many passing mutants are built (default 2). A failure prints its
 * `{ seed, path }`: add it to tests/fixtures/fuzz-seeds.json (replayed first, every run) and
 * the case as a broken fixture.
 */
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const TIME_LIMIT_MS = Number(process.env.FUZZ_MS ?? 35_000);
const BUILDS = Number(process.env.FUZZ_BUILDS ?? 2);
const KEPT_SEEDS = JSON.parse(readFileSync(join(PROJECT_ROOT, 'tests/fixtures/fuzz-seeds.json'), 'utf8')) as { seed: number; path: string; found: string }[];

let root: string;
/** Passing mutants (some are built), and how many cases ran and failed the checker. */
const passing: Mutant[] = [];
let cases = 0;
let failing = 0;
const original = join(PROJECT_ROOT, 'content');

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'portal-fuzz-'));
  cpSync(original, join(root, 'content'), { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

let applied: Mutant | undefined;

/** The real content with the mutant applied, at root/content (undoing the previous one). */
function writeMutant(mutant: Mutant): void {
  if (applied) {
    if (applied.renameTo) rmSync(join(root, applied.renameTo), { force: true });
    cpSync(join(PROJECT_ROOT, applied.file), join(root, applied.file));
  }
  applied = mutant;
  if (!mutant.renameTo) {
    writeFileSync(join(root, mutant.file), mutant.bytes);
    return;
  }
  mkdirSync(dirname(join(root, mutant.renameTo)), { recursive: true });
  writeFileSync(join(root, mutant.renameTo), mutant.bytes);
  if (!mutant.keepOriginal) rmSync(join(root, mutant.file));
}

function assertLocated(problems: Problem[]): void {
  const lineCounts = new Map<string, number>();
  const lineCount = (file: string) => lineCounts.get(file) ?? lineCounts.set(file, readFileSync(join(root, file), 'utf8').split('\n').length).get(file)!;
  for (const p of problems) {
    expect(p.file, JSON.stringify(p)).toMatch(/^content(?:\/|$)/);
    expect(Number.isInteger(p.line) && p.line >= 1, JSON.stringify(p)).toBe(true);
    expect(Number.isInteger(p.column) && p.column >= 1, JSON.stringify(p)).toBe(true);
    expect(p.message, JSON.stringify(p)).toMatch(/[\u4e00-\u9fff]/);
    // A slip of the checker's wording, not the editor's text it quotes (“…”), which may say anything.
    expect(p.message.replace(/“[^”]*”/g, '“”'), JSON.stringify(p)).not.toMatch(/undefined|NaN(?!）)/);
    expect(p.message, JSON.stringify(p)).not.toContain('[object ');
    expect(p.message, `${JSON.stringify(p)}: a YAML error without its own wording`).not.toContain(YAML_FALLBACK);
    if (existsSync(join(root, p.file)) && p.line > 1) {
      expect(p.line, `${JSON.stringify(p)} is past the end of the file`).toBeLessThanOrEqual(lineCount(p.file));
    }
  }
}

/** What the build reads from each report is what the checker read (same frontmatter data, same body), and it compiles. */
async function assertBuildReadsTheSame(): Promise<void> {
  const { reports } = await listContentFiles(root);
  for (const file of reports) {
    const text = readFileSync(join(root, file), 'utf8');
    const checked = splitFrontmatter(text);
    const astro = parseFrontmatter(text);
    expect(astro.frontmatter, `${file}: frontmatter`).toEqual(readContentYaml(checked.yaml ?? '').data);
    expect(astro.content.trim(), `${file}: body`).toBe(checked.body.trim());
    // Async-proof: a compiler that came to return a promise would fail here, not pass unread.
    await expect((async () => mdxToJs(astro.content))(), `${file}: the body compiles as MDX`).resolves.toBeDefined();
  }
}

const property = fc.asyncProperty(mutantArbitrary(original), async (mutant) => {
  writeMutant(mutant);
  cases += 1;
  const problems = await checkContent(root);
  assertLocated(problems);
  if (problems.length === 0) {
    await assertBuildReadsTheSame();
    passing.push(mutant);
  } else {
    failing += 1;
  }
});
describe('the parsers the fuzz test compares with are the build\'s', () => {
  // One installed copy of each: Astro and @astrojs/mdx are released in step and pin the same
  // versions; a second copy means they are out of step, and which copy the build runs where
  // (tests/fuzz/astro-parsers.ts) has to be looked at again.
  const installed = Object.keys((JSON.parse(readFileSync(join(PROJECT_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> }).packages);
  it.each([
    ['@astrojs/internal-helpers', RESOLVED.frontmatter],
    ['@astrojs/markdown-satteri', RESOLVED.processor],
    ['satteri', RESOLVED.satteri],
  ])('one copy of %s, the one loaded', (name, resolved) => {
    const copies = installed.filter((key) => key === `node_modules/${name}` || key.endsWith(`/node_modules/${name}`));
    expect(copies).toHaveLength(1);
    expect(resolved.startsWith(join(PROJECT_ROOT, copies[0]!, '/'))).toBe(true);
  });
});

describe('fuzzing the checker with mutated real content', () => {
  it.each(KEPT_SEEDS)('kept seed $seed ($found)', async ({ seed, path }) => {
    await fc.assert(property, { seed, path, numRuns: 1 });
  });

  it(`never throws, names file and line, and agrees with the build (seed ${SEED})`, async () => {
    const started = performance.now();
    cases = 0;
    failing = 0;
    try {
      await fc.assert(property, { seed: SEED, numRuns: 1_000_000, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false });
    } finally {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`content fuzz: seed ${SEED}, ${cases} cases in ${seconds} s (${failing} refused by the checker, ${cases - failing} passed); replay with FUZZ_SEED=${SEED}`);
    }
    expect(cases).toBeGreaterThan(50);
  }, TIME_LIMIT_MS + 60_000);

  it('content the checker passes builds, with a page for every report', async () => {
    // A seeded choice, alternating reports and data files: the first cases of every seed look alike.
    const random = fc.sample(fc.nat(), { seed: SEED, numRuns: BUILDS });
    const [reports, data] = [passing.filter((m) => m.file.endsWith('.mdx')), passing.filter((m) => !m.file.endsWith('.mdx'))];
    const chosen = random.flatMap((n, i) => {
      const from = (i % 2 === 0 && reports.length > 0) || data.length === 0 ? reports : data;
      return from.length > 0 ? from.splice(n % from.length, 1) : [];
    });
    for (const mutant of chosen) {
      writeMutant(mutant);
      // Inside .build/, on the same file system as the output: the build moves its result there.
      mkdirSync(join(PROJECT_ROOT, '.build'), { recursive: true });
      const project = mkdtempSync(join(PROJECT_ROOT, '.build/fuzz-project-'));
      try {
        await copyProject(PROJECT_ROOT, project, join(root, 'content'));
        const dist = join(project, 'dist');
        const result = spawnSync('node', ['scripts/build.ts'], { cwd: project, encoding: 'utf8', env: { ...process.env, PORTAL_DIST: dist } });
        expect(result.status, `${mutant.description}\n${result.stdout}\n${result.stderr}`).toBe(0);
        for (const { file, page, title } of await expectedReportPages(project)) {
          expect(existsSync(join(dist, page)), `${mutant.description}: ${file} → ${page}`).toBe(true);
          expect(readFileSync(join(dist, page), 'utf8')).toContain(title);
        }
      } finally {
        rmSync(project, { recursive: true, force: true });
      }
    }
    console.log(`content fuzz: built ${chosen.length} of ${passing.length} passing mutants: ${chosen.map((m) => m.description).join('; ') || 'none'}`);
  }, 60_000 * Math.max(1, BUILDS));
});

