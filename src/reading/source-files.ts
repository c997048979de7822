import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { listContentFiles } from './content-files.ts';

/** An official file as the bureau issued it (content/sources/), with what lets a reader check it. */
export interface SourceFile {
  /** The file name, as a report's `sourceFile` names it. */
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
  size: number;
  /** SHA-256 of the bytes, lower-case hex. */
  sha256: string;
}

/**
 * The official files under content/sources/, by name: found the way the checker finds content
 * (no symlinks, regular files only), read byte for byte.
 */
export function readSourceFiles(root = process.cwd()): Promise<Map<string, SourceFile>> {
  // Read once per build (every report page asks).
  let files = read.get(root);
  if (!files) read.set(root, (files = readAll(root)));
  return files;
}

const read = new Map<string, Promise<Map<string, SourceFile>>>();

async function readAll(root: string): Promise<Map<string, SourceFile>> {
  const { sources } = await listContentFiles(root);
  const files = await Promise.all(sources.map(async (file) => {
    const bytes = new Uint8Array(await readFile(join(root, file)));
    return { name: basename(file), bytes, size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
  }));
  return new Map(files.map((f) => [f.name, f]));
}
