// npm run import -- <file.docx|file.txt> --year <YYYY> [--department <id>] [--type <报告类型>]
// Drafts content/reports/<year>.mdx (another department's: content/reports/<id>/<year>.mdx) from
// the official file: the text verbatim, every figure proposed with a review: line
// (src/authoring/import/). Refuses (exit 1, with a Chinese message, nothing written) what
// new-report refuses, a PDF, files it cannot read and a text whose own year is another.
import { runCommand } from '../src/authoring/arguments.ts';
import { IMPORT } from '../src/authoring/import/run.ts';

await runCommand(IMPORT, process.argv.slice(2), process.cwd());
