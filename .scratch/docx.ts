import { writeFileSync } from 'node:fs';
import { makeDocx } from '../tests/fixtures/import/make-docx.ts';
import { readOfficialFile } from '../src/cli/import/read-file.ts';
import { draftBody } from '../src/cli/import/body.ts';
writeFileSync('/tmp/w.docx', makeDocx());
const f = await readOfficialFile('/tmp/w.docx');
console.log(JSON.stringify(f.blocks));
console.log(draftBody(f.blocks));
