// npm run check: validates all content without building the site.
// Prints one line per problem (file:line:column  field  message) and exits 1 if any.
import { checkContent } from '../src/checks/check-content.ts';
import { resolve } from 'node:path';
import { formatProblems } from '../src/reading/problems.ts';
import { publishedFigures } from '../src/publishing/published-figures.ts';
import { releaseFolders } from '../src/publishing/releases.ts';

const root = process.argv[2] ?? process.cwd();
// As the build does: compared with the live release, a changed figure needs a correction.
const problems = await checkContent(root, await publishedFigures(releaseFolders(resolve(root, process.env.PORTAL_DIST ?? 'dist'))));
if (problems.length > 0) {
  console.error(formatProblems(problems));
  process.exit(1);
}
console.log('内容检查通过 (content OK)');
