// npm run new-report -- <year> [--type 部门整体支出绩效评价|重点项目绩效自评] [--department <id>]
// Creates content/reports/<year>.mdx (another department's: content/reports/<id>/<year>.mdx)
// with a frontmatter skeleton for the editor to fill (src/authoring/new-report.ts).
// Refuses (exit 1, with a Chinese message) bad arguments, an unknown department and a year
// that department already has a report for.
import { runCommand } from '../src/authoring/arguments.ts';
import { NEW_REPORT } from '../src/authoring/new-report.ts';

await runCommand(NEW_REPORT, process.argv.slice(2), process.cwd());
