// A working copy of the project in another folder, for builds that must not touch this one:
// the benchmark's synthetic sites (scripts/bench.ts) and the tests' fixture sites.
import { cp, mkdir, readdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * node_modules for a copy of the project: a real folder of links to each installed package,
 * so that the caches Astro and Vite keep inside node_modules (.astro, .vite) stay in the copy
 * and never touch the real project's.
 */
export async function linkNodeModules(sourceRoot: string, root: string): Promise<void> {
  const from = join(sourceRoot, 'node_modules');
  const to = join(root, 'node_modules');
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from)) {
    if (entry === '.astro' || entry === '.vite' || entry === '.cache') continue;
    await symlink(join(from, entry), join(to, entry));
  }
}

/**
 * A copy of the project at `root` (sources, config, build scripts; node_modules linked), with
 * the project's content or the content folder `content`.
 */
export async function copyProject(sourceRoot: string, root: string, content = join(sourceRoot, 'content')): Promise<void> {
  await mkdir(root, { recursive: true });
  for (const item of ['src', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    await cp(join(sourceRoot, item), join(root, item), { recursive: true });
  }
  await cp(content, join(root, 'content'), { recursive: true });
  await linkNodeModules(sourceRoot, root);
}

