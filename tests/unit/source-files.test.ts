// The official files as the bureau issued them are published beside the reports from
// content/sources/: they must be the bureau's files byte for byte, and nothing else there passes.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strayFileMessage } from '../../src/reading/content-files.ts';
import { readSourceFiles } from '../../src/reading/source-files.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SHARED = resolve(ROOT, '../shared/sources');

describe('official source files', () => {
  it('content/sources/ takes the issued file types only, no lock, backup or hidden files', () => {
    expect(strayFileMessage('content/sources/000_432035cefffa4086.txt')).toBeNull();
    expect(strayFileMessage('content/sources/2023年度报告.docx')).toBeNull();
    for (const file of ['content/sources/~$2023年度报告.docx', 'content/sources/a.txt.bak', 'content/sources/.a.txt', 'content/sources/a.exe', 'content/sources/sub/a.txt', 'content/a.txt']) {
      expect(strayFileMessage(file), file).not.toBeNull();
    }
  });

  it('each report’s file is there, with its size and SHA-256', async () => {
    const files = await readSourceFiles(ROOT);
    for (const name of ['000_432035cefffa4086.txt', '004_c721695594134727.txt']) {
      const bytes = readFileSync(join(ROOT, 'content/sources', name));
      expect(files.get(name)?.size).toBe(bytes.byteLength);
      expect(files.get(name)?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it.runIf(existsSync(SHARED))('the copies are the issued files byte for byte (../shared/sources)', () => {
    for (const name of readdirSync(SHARED).filter((n) => n.endsWith('.txt'))) {
      expect(readFileSync(join(ROOT, 'content/sources', name)).equals(readFileSync(join(SHARED, name))), name).toBe(true);
    }
  });
});
