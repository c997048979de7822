// npm run nginx:config: writes the generated nginx snippets (deploy/nginx/snippets/) from the
// portal's security policy (src/render/security-policy.ts). tests/build/nginx.test.ts fails
// while the committed files differ from what this writes.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEPLOY_DIR, headerSnippets } from '../src/publishing/nginx.ts';

for (const [name, text] of Object.entries(headerSnippets())) {
  await writeFile(join(DEPLOY_DIR, 'snippets', name), text);
  console.log(`写入 (wrote) deploy/nginx/snippets/${name}`);
}
