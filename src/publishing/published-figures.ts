// What the live release has published: the figures of the release `dist` points at, read from
// its open data (data/metrics.json). The build compares the content with them, so that no
// published figure changes without a correction (src/checks/disclosure/published.ts).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PublishedFigure } from '../checks/disclosure/published.ts';
import { currentRelease, type ReleaseFolders } from './releases.ts';

/** The live release's figures; none when nothing has been published yet (no release, no open data). */
export async function publishedFigures(folders: ReleaseFolders): Promise<PublishedFigure[]> {
  const release = await currentRelease(folders);
  if (release === null) return [];
  let text: string;
  try {
    text = await readFile(join(folders.releases, release, 'data', 'metrics.json'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const figures = (JSON.parse(text) as { figures?: unknown }).figures;
  if (!Array.isArray(figures)) throw new Error(`线上版本 ${release} 的 data/metrics.json 没有 figures 列表，无法核对已发布的数字`);
  return figures as PublishedFigure[];
}
