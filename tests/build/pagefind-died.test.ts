// When Pagefind's indexing process dies mid-index (at 10,000 reports the kernel killed it for lack
// of memory), the build fails and says why, instead of Node exiting 0 with no index (Pagefind's
// Node API never settles then): whether the search integration indexes a folder or scripts/build.ts
// hands it the pages one by one (src/publishing/search-index.ts). Each runs on a generated site of
// Chinese pages, and Pagefind's process is killed while it indexes them.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { PAGEFIND_DIED } from '../../src/publishing/search-index.ts';
import { PROJECT_ROOT } from '../support/site.ts';

const work = mkdtempSync(join(tmpdir(), 'pagefind-died-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The child processes of `pid`, from /proc (Linux). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

const site = join(work, 'site');
const pages: string[] = [];
const sentence = '开福区民政局持续推进养老服务体系建设，完善社会救助制度，加强基层社区治理和婚姻登记服务。'.repeat(60);
for (let i = 0; i < 1500; i++) {
  mkdirSync(join(site, 'reports', `d${i}`), { recursive: true });
  pages.push(`reports/d${i}/index.html`);
  writeFileSync(join(site, pages.at(-1)!), `<!doctype html><html lang="zh-CN"><head><title>${i}</title></head><body><main data-pagefind-body><p>${i}：${sentence}</p></main></body></html>`);
}
const moduleUrl = (path: string) => JSON.stringify(pathToFileURL(join(PROJECT_ROOT, path)).href);

/**
 * Runs `code` (an ES module; no top-level await: Node would report an unsettled one instead of
 * the exit code) and kills Pagefind's process as soon as it is there; its output and exit code.
 */
async function runKillingPagefind(name: string, code: string): Promise<{ output: string; code: number | null; killed: boolean }> {
  const runner = join(work, `${name}.mjs`);
  writeFileSync(runner, code);
  const child = spawn(process.execPath, [runner], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  let killed = false;
  for (let waited = 0; waited < 20_000 && !killed && child.exitCode === null; waited += 20) {
    for (const pid of childrenOf(child.pid!)) {
      process.kill(pid, 'SIGKILL');
      killed = true;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return { output, code: await exited, killed };
}

it('fails the integration\'s indexing, naming the cause, when Pagefind is killed while indexing', async () => {
  // A rejected hook exits 1, as `astro build` does when a hook throws.
  const { output, code, killed } = await runKillingPagefind('hook', [
    `import { searchIndex } from ${moduleUrl('src/integrations/search-index.ts')};`,
    `const logger = { info: (m) => console.log(m), error: (m) => console.error(m) };`,
    `searchIndex().hooks['astro:build:done']({ dir: new URL(${JSON.stringify(pathToFileURL(site + '/').href)}), logger }).then(() => console.log('HOOK DONE'), (e) => { console.error(e.message); process.exitCode = 1; });`,
  ].join('\n'));
  expect(killed, output).toBe(true);
  expect(output).not.toContain('HOOK DONE');
  expect(output).toContain(PAGEFIND_DIED);
  expect(code).toBe(1);
}, 60_000);

it('fails the build\'s indexing page by page, naming the cause, when Pagefind is killed while indexing', async () => {
  const { output, code, killed } = await runKillingPagefind('pages', [
    `import { openSearchIndex } from ${moduleUrl('src/publishing/search-index.ts')};`,
    `openSearchIndex(${JSON.stringify(site)}).then((index) => {`,
    `  for (const page of ${JSON.stringify(pages)}) index.addPage(page);`,
    `  return index.write();`,
    `}).then(() => console.log('INDEX WRITTEN'), (e) => { console.error(e.message); process.exitCode = 1; });`,
  ].join('\n'));
  expect(killed, output).toBe(true);
  expect(output).not.toContain('INDEX WRITTEN');
  expect(output).toContain(PAGEFIND_DIED);
  expect(code).toBe(1);
}, 60_000);
