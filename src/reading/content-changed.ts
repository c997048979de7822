import { execFileSync } from 'node:child_process';

/**
 * The day the content last changed: the date of the last commit that touched content/
 * (YYYY-MM-DD), the same for every build of one commit. Undefined where there is no git history
 * (a copy without .git): the data page then says the date is not known, rather than guessing.
 */
export function contentLastChanged(root = process.cwd()): string | undefined {
  if (!known.has(root)) {
    let date: string | undefined;
    try {
      date = execFileSync('git', ['log', '-1', '--format=%cs', '--', 'content'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
    } catch {
      date = undefined;
    }
    known.set(root, date);
  }
  return known.get(root);
}

const known = new Map<string, string | undefined>();
