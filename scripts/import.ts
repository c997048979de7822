// npm run import -- <file.docx|file.txt> --year <YYYY> [--department <id>] [--type <报告类型>]
// Drafts content/reports/<year>.mdx (another department's: content/reports/<id>/<year>.mdx) from
// the official file: the text verbatim, every figure proposed with a review: line.
// Refuses (exit 1, with a Chinese message, nothing written) what new-report refuses, a PDF and
// files it cannot read.
import { ImportRefusal } from '../src/authoring/import/read-file.ts';
import { importReport, parseImportArgs } from '../src/authoring/import/run.ts';

const args = parseImportArgs(process.argv.slice(2));
if (args.kind === 'help') {
  console.log(args.message);
  process.exit(0);
}
if (args.kind === 'error') {
  console.error(`未导入 (nothing imported)：\n${args.message}`);
  process.exit(1);
}
try {
  console.log((await importReport(process.cwd(), args)).summary);
} catch (error) {
  if (!(error instanceof ImportRefusal)) throw error;
  console.error(`未导入 (nothing imported)：\n${error.message}`);
  process.exit(1);
}
