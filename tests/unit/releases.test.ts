// The release switch, step by step: after every file-system call that publish() and rollback()
// make, `dist` must resolve to one whole site. (tests/build/releases.test.ts watches real builds
// from another process; this checks every step, so a gap cannot slip between two samples.)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** Called after each call into node:fs/promises that the code under test makes. */
let afterEachCall: ((name: string) => void) | null = null;

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const wrapped = Object.fromEntries(Object.entries(real).map(([name, value]) => [name, typeof value !== 'function' ? value
    : async (...args: unknown[]) => {
      try {
        return await (value as (...a: unknown[]) => unknown)(...args);
      } finally {
        afterEachCall?.(name);
      }
    }]));
  return { ...wrapped, default: wrapped };
});

const { freshStaging, listReleases, publish, releaseFolders, removeLegacyStaging, rollback, withReleaseLock } = await import('../../src/publishing/releases.ts');

let root: string;
let folders: ReturnType<typeof releaseFolders>;

/** A tiny "site": two files that name the same build. */
function writeSite(dir: string, build: string): void {
  mkdirSync(join(dir, 'reports'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), build);
  writeFileSync(join(dir, 'reports', 'index.html'), build);
}

/** What a reader finds at `dist` right now: the build it is, or why it is no whole build. */
function read(): string {
  try {
    const site = realpathSync(folders.dist);
    const [a, b] = [join(site, 'index.html'), join(site, 'reports', 'index.html')].map((f) => readFileSync(f, 'utf8'));
    return a === b ? a! : `mixed ${a}/${b}`;
  } catch (error) {
    return `missing (${(error as NodeJS.ErrnoException).code})`;
  }
}

/** Runs `step`, reading dist after each of its file-system calls; returns what was read. */
async function watched(step: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  afterEachCall = (name) => seen.push(`${name}: ${read()}`);
  try {
    await step();
  } finally {
    afterEachCall = null;
  }
  return seen;
}

const whole = (seen: string[], builds: string[]) => seen.filter((s) => !builds.includes(s.slice(s.indexOf(': ') + 2)));

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'portal-release-unit-'));
  folders = releaseFolders(join(root, 'dist'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function release(build: string): Promise<void> {
  await withReleaseLock(folders, async () => {
    const staging = await freshStaging(folders);
    writeSite(staging, build);
    await publish(folders, staging);
  });
}

describe('publish and rollback', () => {
  it('after every step of a publish, dist is the whole old site or the whole new one', async () => {
    await release('A');
    expect(read()).toBe('A');
    const staging = await withReleaseLock(folders, async () => {
      const dir = await freshStaging(folders);
      writeSite(dir, 'B');
      const seen = await watched(() => publish(folders, dir));
      expect(seen.length).toBeGreaterThan(2);
      expect(whole(seen, ['A', 'B']), 'steps after which dist was not a whole site').toEqual([]);
      expect(seen.at(-1)).toMatch(/: B$/);
      return dir;
    });
    expect(read()).toBe('B');
    expect(staging).toContain('.staging-');
  });

  it('the check catches a swap done the old way (rename dist away, then rename the new one in)', async () => {
    writeSite(folders.dist, 'A');
    mkdirSync(folders.releases);
    const next = join(folders.releases, 'next');
    writeSite(next, 'B');
    const seen = await watched(async () => {
      await fsp.rename(folders.dist, `${folders.dist}.old`);
      await fsp.rename(next, folders.dist);
    });
    expect(whole(seen, ['A', 'B'])).toEqual(['rename: missing (ENOENT)']);
  });

  it('keeps the current and the previous release only; rollback goes back one, step by step whole', async () => {
    for (const build of ['A', 'B', 'C']) await release(build);
    expect(await listReleases(folders)).toHaveLength(2);
    const seen = await watched(() => rollback(folders));
    expect(whole(seen, ['B', 'C'])).toEqual([]);
    expect(read()).toBe('B');
    await expect(rollback(folders)).rejects.toThrow('没有比当前版本');
    expect(read()).toBe('B');
  });

  it('a plain dist folder from before releases becomes the previous release (and can be rolled back to)', async () => {
    writeSite(folders.dist, 'old layout');
    await release('A');
    expect(read()).toBe('A');
    await rollback(folders);
    expect(read()).toBe('old layout');
  });
});

describe('the lock', () => {
  it('is taken over from a build that is gone, and what that build left is removed', async () => {
    const gone = spawnSync('true').pid!;
    mkdirSync(join(folders.releases, `.staging-${gone}`), { recursive: true });
    writeFileSync(join(folders.releases, '.lock'), String(gone));
    await release('A');
    expect(read()).toBe('A');
    expect((await fsp.readdir(folders.releases)).filter((e) => e.startsWith('.'))).toEqual([]);
  });

  it('is waited for while its build is alive', async () => {
    mkdirSync(folders.releases);
    writeFileSync(join(folders.releases, '.lock'), String(process.ppid));
    const waitedFor: number[] = [];
    const done = withReleaseLock(folders, async () => 'ran', (pid) => waitedFor.push(pid));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(waitedFor).toEqual([process.ppid]);
    rmSync(join(folders.releases, '.lock'));
    expect(await done).toBe('ran');
  });

  it('leaves no releases folder behind when a first build fails', async () => {
    await expect(withReleaseLock(folders, async () => { throw new Error('content check failed'); })).rejects.toThrow('content check failed');
    expect(() => realpathSync(folders.releases)).toThrow();
  });
});

describe('staging folders of builds before releases', () => {
  it('.build/dist-<pid> of a build that is gone is removed; a running one\'s and anything else stay', async () => {
    const gone = spawnSync('true').pid!;
    for (const name of [`dist-${gone}`, `dist-${process.pid}`, 'test-site', 'fixture-project-x']) mkdirSync(join(root, '.build', name), { recursive: true });
    await removeLegacyStaging(root);
    expect((await fsp.readdir(join(root, '.build'))).sort()).toEqual([`dist-${process.pid}`, 'fixture-project-x', 'test-site']);
  });
});
