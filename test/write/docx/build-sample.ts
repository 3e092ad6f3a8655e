// Writes the sample document's DOCX to the path given, for tests that need a
// separate process (reproducibility under another TZ) or a look by hand:
//   npx tsx test/write/docx/build-sample.ts /tmp/sample.docx
import { writeFileSync } from 'node:fs';
import { writeDocx } from '../../../src/write/docx/index.js';
import { sampleDocument } from '../../support/sample-document.js';

const out = process.argv[2];
if (!out) throw new Error('usage: build-sample.ts OUT.docx');
writeFileSync(out, await writeDocx(sampleDocument()));
