// Releases: each build goes into a folder of its own beside `dist`, and `dist` is a symlink
// switched to it in one step, so that a web server always serves a whole site, old or new:
//
//   dist -> dist.releases/20261201T081500123Z-4242     (relative link, rename(2)d into place)
//   dist.releases/20261201T081500123Z-4242/            the current release
//   dist.releases/20261130T170210456Z-3999/            the previous one, kept for `npm run rollback`
//   dist.releases/.staging-4343/                       a build under way (or killed: removed by the next)
//   dist.releases/.lock                                the pid of the build that holds the folder
//   dist.cache/                                        Astro's caches for the next build of this dist
//                                                      (content store, pages it may reuse)
//
// One build at a time per `dist` (the lock); the next build removes what a killed one left
// and every release but the current and the previous.
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { link, mkdir, readdir, readlink, rename, rm, rmdir, stat, symlink, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';

const STAGING = '.staging-';
const LOCK = '.lock';

export interface ReleaseFolders {
  /** The path a web server serves: a symlink to the current release. */
  dist: string;
  /** Where the releases live, beside it: `<dist>.releases/`. */
  releases: string;
  /**
   * Astro's cacheDir for builds of this dist (its content store and the pages an incremental
   * build reuses, astro.config.mjs): one per dist, so that builds of other sites from the same
   * project (the tests' root and sub-path sites) never reuse each other's pages.
   */
  cache: string;
}

export function releaseFolders(dist: string): ReleaseFolders {
  const path = resolve(dist);
  return { dist: path, releases: `${path}.releases`, cache: `${path}.cache` };
}

/** A release's name: when it was built (sorts in build order) and by which process. */
export function releaseName(now = new Date(), pid = process.pid): string {
  return `${now.toISOString().replace(/[-:.]/g, '')}-${pid}`;
}

/** The release folder names, oldest first (staging folders and the lock are not releases). */
export async function listReleases(folders: ReleaseFolders): Promise<string[]> {
  if (!existsSync(folders.releases)) return [];
  return (await readdir(folders.releases, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}

/** The release `dist` points at now, or null (no dist yet, or a plain folder from an older build). */
export async function currentRelease(folders: ReleaseFolders): Promise<string | null> {
  if (!isSymlink(folders.dist)) return null;
  const target = resolve(dirname(folders.dist), await readlink(folders.dist));
  return dirname(target) === folders.releases ? basename(target) : null;
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockHolder(lock: string): number | null {
  try {
    const pid = Number(readFileSync(lock, 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Runs `work` holding the lock of `dist` (waiting while another live build holds it); a lock
 * whose build is gone (killed) is taken over. The lock file appears whole or not at all: it is
 * written under a name of its own and hard-linked into place, which fails if one exists.
 */
export async function withReleaseLock<T>(folders: ReleaseFolders, work: () => Promise<T>, onWait: (pid: number) => void = () => {}): Promise<T> {
  const lock = join(folders.releases, LOCK);
  const mine = join(folders.releases, `${LOCK}-${process.pid}`);
  // (Again if the folder goes just then: a failed first build removing it, below.)
  for (let written = false; !written;) {
    await mkdir(folders.releases, { recursive: true });
    written = await writeFile(mine, String(process.pid)).then(() => true, (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    });
  }
  let waitingFor: number | null = null;
  try {
    for (;;) {
      try {
        await link(mine, lock);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = lockHolder(lock);
      if (holder === null || !isAlive(holder)) {
        // Killed while holding it (or not a lock this code wrote). Moved aside before it is
        // removed, and put back if it turns out to be another build's that took it over meanwhile.
        const aside = join(folders.releases, `${LOCK}-stale-${process.pid}`);
        await rename(lock, aside).catch(() => {});
        if (existsSync(aside) && lockHolder(aside) !== holder) await rename(aside, lock).catch(() => {});
        await rm(aside, { force: true });
        continue;
      }
      if (holder !== waitingFor) onWait((waitingFor = holder));
      await new Promise((done) => setTimeout(done, 200));
    }
  } finally {
    await unlink(mine);
  }
  try {
    return await work();
  } finally {
    await unlink(lock);
    // A first build that failed leaves no empty releases folder behind (unless another build
    // has just started using it).
    if ((await readdir(folders.releases)).length === 0) await rmdir(folders.releases).catch(() => {});
  }
}

/**
 * A fresh staging folder for this build. Holding the lock, every other staging folder is a
 * killed build's: removed, as is any lock file left over from a killed build's wait.
 */
export async function freshStaging(folders: ReleaseFolders): Promise<string> {
  for (const entry of await readdir(folders.releases)) {
    const leftOver = entry.startsWith(STAGING) || (entry.startsWith(`${LOCK}-`) && !isAlive(Number(entry.slice(LOCK.length + 1).replace(/^stale-/, ''))));
    if (leftOver) await rm(join(folders.releases, entry), { recursive: true, force: true });
  }
  const staging = join(folders.releases, `${STAGING}${process.pid}`);
  await mkdir(staging);
  return staging;
}

/** Points `dist` at `release` in one rename(2): readers see the old target or the new, never nothing. */
async function pointDistAt(folders: ReleaseFolders, release: string): Promise<void> {
  const link = join(dirname(folders.dist), `.${basename(folders.dist)}.link-${process.pid}`);
  await rm(link, { force: true });
  await symlink(relative(dirname(folders.dist), join(folders.releases, release)), link);
  await rename(link, folders.dist);
}

/**
 * `dist` as a plain folder (built before releases existed) becomes a release of its own, so
 * that it can be rolled back to; an empty one is removed. The one moment without a `dist`.
 */
async function adoptPlainDist(folders: ReleaseFolders): Promise<string | null> {
  if (!existsSync(folders.dist) || isSymlink(folders.dist)) return null;
  if ((await readdir(folders.dist)).length === 0) {
    await rmdir(folders.dist);
    return null;
  }
  const name = releaseName((await stat(folders.dist)).mtime, 0);
  await rename(folders.dist, join(folders.releases, name));
  return name;
}

/**
 * Makes the finished `staging` folder the current release, then removes every release but the
 * new current one and the one it replaced. Returns the new release's name.
 */
export async function publish(folders: ReleaseFolders, staging: string): Promise<string> {
  const previous = (await currentRelease(folders)) ?? (await adoptPlainDist(folders));
  const name = releaseName();
  await rename(staging, join(folders.releases, name));
  await pointDistAt(folders, name);
  for (const release of await listReleases(folders)) {
    if (release !== name && release !== previous) await rm(join(folders.releases, release), { recursive: true, force: true });
  }
  return name;
}

/** Points `dist` back at the newest release older than the current one; returns its name. */
export async function rollback(folders: ReleaseFolders): Promise<{ from: string; to: string }> {
  const current = await currentRelease(folders);
  if (current === null) throw new Error(`${folders.dist} 不是指向发布版本的链接，无法回滚 (not a release link)`);
  const earlier = (await listReleases(folders)).filter((r) => r < current);
  const to = earlier.at(-1);
  if (to === undefined) throw new Error(`没有比当前版本 ${current} 更早的发布版本可回滚 (no earlier release)`);
  await pointDistAt(folders, to);
  return { from: current, to };
}

/**
 * Builds before releases staged in `.build/dist-<pid>/` and never removed what a killed one
 * left there: removed now, unless that build is still running.
 */
export async function removeLegacyStaging(projectRoot: string): Promise<void> {
  const build = join(projectRoot, '.build');
  if (!existsSync(build)) return;
  for (const entry of await readdir(build)) {
    const pid = /^dist-(\d+)$/.exec(entry)?.[1];
    if (pid !== undefined && !isAlive(Number(pid))) await rm(join(build, entry), { recursive: true, force: true });
  }
}
