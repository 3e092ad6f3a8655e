// At approval, the "versión comparada" of the new version against the
// archived version before it (the newest earlier one not annulled), as a PDF
// sealed into the new version's folder and listed in its manifest. Built
// from the previous version's archived sources and the new version as it is
// being sealed (its Markdown and its JSON as approved): the same two texts
// the site compares later. A first version, or one whose predecessor was
// never archived, gets none.
import { inForce, versionsOf, type EntityArchive } from '../../archive/verify.js';
import { frozenValue } from '../../archive/record.js';
import type { FileToArchive } from '../../archive/seal.js';
import type { RenderedDocument } from '../../model/document-context.js';
import { comparableSource, compareSources } from './compare.js';
import { comparisonFileName, comparisonPdf } from './comparison-pdf.js';

export async function comparisonToSeal(archive: EntityArchive | undefined, rendered: RenderedDocument, approvedJson: unknown): Promise<FileToArchive[]> {
  const { code, version, entity, title } = rendered.context;
  const previous = inForce(versionsOf(archive, code).filter((v) => v.number < version.number));
  if (!previous) return [];
  const before = comparableSource(previous);
  if (!before) return [];
  const comparison = compareSources(before, { markdown: rendered.markdown, datos: frozenValue(approvedJson) as { normas?: unknown; glosario?: unknown } });
  const bytes = await comparisonPdf({
    entityName: entity.name,
    logo: entity.logo,
    code,
    title,
    fromLabel: previous.manifest.versionMostrada,
    toLabel: version.label,
    approvedOn: version.approvalDate ?? previous.manifest.fechaAprobacion ?? '1970-01-01',
    comparison,
  });
  return [{ name: comparisonFileName(code, version.number), bytes }];
}
