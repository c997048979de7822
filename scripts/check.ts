// npm run check: validates all content without building the site.
// Prints one line per problem (file:line:column  field  message) and exits 1 if any.
import { checkContent } from '../src/checks/check-content.ts';
import { formatProblems } from '../src/reading/problems.ts';

const root = process.argv[2] ?? process.cwd();
const problems = await checkContent(root);
if (problems.length > 0) {
  console.error(formatProblems(problems));
  process.exit(1);
}
console.log('内容检查通过 (content OK)');
