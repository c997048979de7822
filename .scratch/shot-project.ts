import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { copyProject } from '../scripts/project-copy.ts';
import { makeDocx } from '../tests/fixtures/import/make-docx.ts';
import { IMPORT_FIXTURES, PROJECT_ROOT, reviewed, runImport } from '../tests/fixtures/import/support.ts';
const project = resolve(PROJECT_ROOT, '.build/shot-project');
await copyProject(PROJECT_ROOT, project, join(IMPORT_FIXTURES, 'content'));
// temporary: units the units table will bring
const u = join(project, 'src/domain/units.ts');
writeFileSync(u, readFileSync(u, 'utf8').replace("  万元: { base: '元', factor: 10_000 },", "  万元: { base: '元', factor: 10_000 },\n  亿元: { base: '元', factor: 100_000_000 },\n  分: { base: '分', factor: 1 },\n  平方米: { base: '平方米', factor: 1 },"));
writeFileSync(join(project, '2020-word.docx'), makeDocx());
for (const [f, y] of [['2023-indicators.txt', '2023'], ['2022-half-width.txt', '2022'], ['2021-gb18030.txt', '2021'], ['2020-word.docx', '2020']]) {
  const r = runImport(project, [f.endsWith('docx') ? join(project, f) : join(IMPORT_FIXTURES, f), '--year', y]);
  console.log(r.stdout.split('\n').slice(0, 3).join('\n'), r.stderr);
}
for (const n of readdirSync(join(project, 'content/reports'))) { const p = join(project, 'content/reports', n); writeFileSync(p, reviewed(readFileSync(p, 'utf8'), { summary: '摘要。', issuer: '示例县民政局' })); }
const c = join(project, 'content/metrics.yaml'); writeFileSync(c, reviewed(readFileSync(c, 'utf8')));
