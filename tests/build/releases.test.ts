// Deploys without a gap (issue 14): each build is a release folder and `dist` a link switched
// to it in one rename(2); a reader polling `dist` throughout a build never finds it missing or
// pointing at a half-written or mixed site; the previous release is kept for `npm run rollback`,
// older ones removed; a killed build's leftovers go with the next build; two builds started
// at once run one after the other. Built from the minimal fixture content, in a copy of the
// project, so that these builds are quick and touch nothing of the real one.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject } from '../../scripts/project-copy.ts';
import { PROJECT_ROOT } from '../support/site.ts';

let project: string;
let dist: string;
let releases: string;

const env = (site: string) => ({ ...process.env, PORTAL_DIST: dist, PORTAL_SITE: site, PORTAL_BASE: '/' });

function build(site: string): string {
  const result = spawnSync('node', ['scripts/build.ts'], { cwd: project, env: env(site), encoding: 'utf8' });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

function startBuild(site: string): { child: ChildProcess; done: Promise<{ code: number | null; out: string }> } {
  // Its own process group, like a build started from a terminal, so that it can be killed whole.
  const child = spawn('node', ['scripts/build.ts'], { cwd: project, env: env(site), detached: true });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return { child, done: new Promise((resolve) => child.on('exit', (code) => resolve({ code, out }))) };
}

/** The releases, staging folders and locks in the releases folder (not its settings note). */
const releaseEntries = () => readdirSync(releases).filter((e) => e !== '.precompress-settings').sort();
/** The site origin a built page was built for (PORTAL_SITE), from its canonical link. */
const builtFor = (page: string) => /<link rel="canonical" href="(https:\/\/[^/]+)\//.exec(readFileSync(page, 'utf8'))?.[1];
const target = () => readlinkSync(dist);

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'portal-releases-'));
  await copyProject(PROJECT_ROOT, project, join(PROJECT_ROOT, 'tests/fixtures/minimal/content'));
  dist = join(project, 'dist');
  releases = `${dist}.releases`;
}, 120_000);
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('releases', () => {
  it('each build is a release and dist switches to it in one step, never missing or mixed', { timeout: 300_000 }, async () => {
    build('https://a.example');
    expect(lstatSync(dist).isSymbolicLink()).toBe(true);
    expect(target()).toMatch(/^dist\.releases\/\d{8}T\d{9}Z-\d+$/);
    const first = target();
    expect(builtFor(join(dist, 'index.html'))).toBe('https://a.example');

    // A reader in a process of its own, as fast as it can: dist/index.html is always there,
    // and whatever dist resolves to is one whole build (its pages agree on what they were built for).
    const stop = join(project, 'stop-reader');
    const reader = spawn('node', ['-e', `
      const fs = require('node:fs');
      const origin = (f) => /<link rel="canonical" href="(https:\\/\\/[^/]+)\\//.exec(fs.readFileSync(f, 'utf8'))?.[1];
      let reads = 0, missing = 0, mixed = 0, origins = new Set();
      for (;;) {
        try { fs.statSync(${JSON.stringify(join(dist, 'index.html'))}); } catch { missing++; }
        if (++reads % 500 === 0) {
          if (fs.existsSync(${JSON.stringify(stop)})) break;
          try {
            const site = fs.realpathSync(${JSON.stringify(dist)});
            const a = origin(site + '/index.html'), b = origin(site + '/reports/2022/index.html');
            if (a !== b || !fs.existsSync(site + '/pagefind/pagefind-entry.json')) mixed++;
            origins.add(a);
          } catch { missing++; }
        }
      }
      console.log(JSON.stringify({ reads, missing, mixed, origins: [...origins].sort() }));
    `], { stdio: ['ignore', 'pipe', 'inherit'] });
    let report = '';
    reader.stdout!.on('data', (d: Buffer) => (report += d.toString()));
    const readerDone = new Promise((resolve) => reader.on('exit', resolve));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const second = startBuild('https://b.example');
    const result = await second.done;
    writeFileSync(stop, '');
    await readerDone;
    expect(result.code, result.out).toBe(0);
    const seen = JSON.parse(report) as { reads: number; missing: number; mixed: number; origins: string[] };
    expect(seen.reads).toBeGreaterThan(10_000);
    expect(seen.missing, 'reads that found no dist').toBe(0);
    expect(seen.mixed, 'reads that found a mixed or incomplete site').toBe(0);
    expect(seen.origins, 'the reader saw the old site, then the new one').toEqual(['https://a.example', 'https://b.example']);

    // The previous release is kept, for rollback; with a third build the first goes.
    expect(releaseEntries()).toEqual([first.split('/')[1], target().split('/')[1]].sort());
    const secondTarget = target();
    // Files unchanged since the previous release keep its compressed copies (src/publishing/precompress.ts).
    expect(build('https://c.example')).toMatch(/（[1-9]\d* 个文件未变，沿用上一版本）/);
    expect(releaseEntries()).toEqual([secondTarget.split('/')[1], target().split('/')[1]].sort());
  });

  it('npm run rollback puts the previous release back; with none earlier it says so and changes nothing', () => {
    expect(builtFor(join(dist, 'index.html'))).toBe('https://c.example');
    const rollback = () => spawnSync('node', ['scripts/rollback.ts'], { cwd: project, env: env(''), encoding: 'utf8' });
    const back = rollback();
    expect(back.status, back.stderr).toBe(0);
    expect(builtFor(join(dist, 'index.html'))).toBe('https://b.example');
    expect(existsSync(join(releases, '.precompress-settings')), 'the next build compresses afresh').toBe(false);
    const before = target();
    const again = rollback();
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('没有比当前版本');
    expect(target()).toBe(before);
    expect(releaseEntries().filter((e) => e.startsWith('.'))).toEqual([]);
  });

  const staging = () => releaseEntries().find((e) => e.startsWith('.staging-'));
  /** Resolves once a build's Astro is writing the site into its staging folder. */
  async function writing(): Promise<void> {
    for (let waited = 0; !(staging() && readdirSync(join(releases, staging()!)).length > 0) && waited < 120_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('a build stopped with Ctrl-C removes its staging folder and lock itself, dist untouched', { timeout: 300_000 }, async () => {
    const live = target();
    const stopped = startBuild('https://stopped.example');
    await writing();
    // What a terminal does on Ctrl-C: SIGINT to the whole foreground group.
    process.kill(-stopped.child.pid!, 'SIGINT');
    const result = await stopped.done;
    expect(result.code).toBe(1);
    expect(result.out).toContain('dist/ 未改动');
    expect(releaseEntries().filter((e) => e.startsWith('.'))).toEqual([]);
    expect(target()).toBe(live);
  });

  it('a killed build leaves nothing behind once the next build has run', { timeout: 300_000 }, async () => {
    const killed = startBuild('https://killed.example');
    // Killed outright (the whole group: the build and the Astro under it) while Astro writes.
    await writing();
    process.kill(-killed.child.pid!, 'SIGKILL');
    await killed.done;
    expect(releaseEntries(), 'what the killed build left').toEqual(expect.arrayContaining(['.lock', staging()!]));
    const live = target();
    expect(builtFor(join(dist, 'index.html')), 'dist untouched by the killed build').toBe('https://b.example');

    build('https://d.example');
    expect(builtFor(join(dist, 'index.html'))).toBe('https://d.example');
    expect(releaseEntries()).toEqual([live.split('/')[1], target().split('/')[1]].sort());
  });

  it('two builds started at once both finish, one after the other, and dist is whole', { timeout: 300_000 }, async () => {
    const [one, two] = [startBuild('https://one.example'), startBuild('https://two.example')];
    const results = await Promise.all([one.done, two.done]);
    for (const r of results) expect(r.code, r.out).toBe(0);
    expect(results.filter((r) => r.out.includes('等待进程')), 'one build waited for the other').toHaveLength(1);
    const last = results.find((r) => r.out.includes('等待进程')) === results[0] ? 'https://one.example' : 'https://two.example';
    expect(builtFor(join(dist, 'index.html'))).toBe(last);
    const entries = releaseEntries();
    expect(entries).toHaveLength(2);
    expect(entries.every((e) => /^\d{8}T\d{9}Z-\d+$/.test(e))).toBe(true);
    expect(existsSync(join(dist, 'pagefind', 'pagefind-entry.json'))).toBe(true);
  });
});
