// npm run new-report -- <year> [--type 部门整体支出绩效评价|重点项目绩效自评] [--department <id>]
// Creates content/reports/<year>.mdx (another department's: content/reports/<id>/<year>.mdx)
// with a frontmatter skeleton for the editor to fill.
// Refuses (exit 1, with a Chinese message) bad arguments, an unknown department and a year
// that department already has a report for.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { DEPARTMENTS_FILE } from '../src/reading/content-files.ts';
import {
  chooseDepartment,
  existingReportRefusal,
  parseNewReportArgs,
  reportFileFor,
  reportSkeleton,
} from '../src/authoring/new-report.ts';
import { readReportFiles } from '../src/authoring/report-files.ts';

const root = process.cwd();

function fail(message: string): never {
  console.error(`未创建报告 (no report created)：\n${message}`);
  process.exit(1);
}

const args = parseNewReportArgs(process.argv.slice(2));
if (args.kind === 'help') {
  console.log(args.message);
  process.exit(0);
}
if (args.kind === 'error') fail(args.message);

let departments: unknown;
try {
  departments = parse(await readFile(join(root, DEPARTMENTS_FILE), 'utf8'));
} catch (error) {
  fail(`无法读取 ${DEPARTMENTS_FILE}：${(error as Error).message}\n请先运行 npm run check:content，按提示修改。`);
}
const choice = chooseDepartment(args.department, departments);
if (choice.kind === 'error') fail(choice.message);
const { department } = choice;

const files = await readReportFiles(root);
const refusal = existingReportRefusal(args.year, files, department);
if (refusal) fail(refusal);

const target = reportFileFor(args.year, department);
try {
  await mkdir(dirname(join(root, target)), { recursive: true });
  // 'wx': never overwrite, even if the file appeared since the directory was read.
  await writeFile(join(root, target), reportSkeleton(args.year, args.type, department), { flag: 'wx' });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === 'EEXIST') fail(`${target} 已存在，不会覆盖它。`);
  fail(`无法写入 ${target}：${(error as Error).message}`);
}

console.log(`已创建 (created) ${target}（${department.name}，${args.year} 年，${args.type}）。
下一步 (next)：
  1. 把官方报告正文粘贴到文件的 --- 之后（替换“待粘贴正文”那一行）；标题写成 ## 或 ###。
  2. 填写 frontmatter 中的各项，尤其是 title、sourceFile、summary 和 metrics。
  3. 运行 npm run check:content，按提示修改，直到显示“内容检查通过”。
说明见 docs/editing.md。`);
