// Writes the sample document's PDF to the path given as argument; run in a
// separate process by reproducible.test.ts (a fresh process, its own TZ).
import { writeFileSync } from 'node:fs';
import { writePdf } from '../../../src/write/pdf/index.js';
import { sampleDocument } from '../../support/sample-document.js';

const [target] = process.argv.slice(2);
if (!target) throw new Error('uso: write-sample-pdf.ts SALIDA.pdf');
writeFileSync(target, await writePdf(sampleDocument()));
