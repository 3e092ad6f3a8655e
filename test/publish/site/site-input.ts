// Site inputs for tests, from real data through the real pipeline. The PDF
// and DOCX bytes are small placeholders: the site only copies and digests
// them, and its tests should not wait on (or break with) the real writers.
import { join } from 'node:path';
import { formatProblem, hasErrors } from '../../../src/errors.js';
import { prepare } from '../../../src/pipeline.js';
import { siteDocumentFrom } from '../../../src/publish/site/from-prepared.js';
import type { SiteDocument, SiteFile } from '../../../src/publish/site/index.js';
import { REPO, TEMPLATES } from '../../support/project.js';

export const RESERVED = join(REPO, 'test', 'fixtures', 'reserved');
export const RESERVED_CODE = 'SEG-P-099';
export const RESERVED_TITLE = 'Procedimiento reservado de protección de instalaciones';
export const SEEDS = join(REPO, 'data');

export function placeholderFiles(code: string, version: number): SiteFile[] {
  const bytes = (kind: string) => new TextEncoder().encode(`marcador ${kind} de ${code} v${version}\n`);
  return [
    { kind: 'pdf', fileName: `${code}-v${version}.pdf`, bytes: bytes('PDF') },
    { kind: 'docx', fileName: `${code}-v${version}.docx`, bytes: bytes('DOCX') },
  ];
}

/** Every document of a data folder (whatever its classification), ready for buildSite. */
export function siteDocumentsOf(dataDir: string): SiteDocument[] {
  const prepared = prepare({ dataDir, templatesDir: TEMPLATES });
  if (hasErrors(prepared.problems)) throw new Error(prepared.problems.map(formatProblem).join('\n'));
  return prepared.documents.map((doc) => siteDocumentFrom(doc, (number) => placeholderFiles(doc.rendered.context.code, number)));
}
