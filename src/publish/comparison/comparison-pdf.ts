// The "versión comparada" as a PDF, sealed into the archive with the version
// it describes (approve): what an approving committee reads after a
// normative change. Insertions are green and underlined, deletions red and
// struck through — colour is never the only cue — and every change is
// labelled in words, as on the site's page.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatDateShort } from '../../dates.js';
import type { LogoImage } from '../../model/document-context.js';
import { FONT_FAMILY } from '../../write/pdf/fonts.js';
import { printer } from '../../write/pdf/printer.js';
import type { TextPart, VersionComparison } from './compare.js';

export interface ComparisonPdfRequest {
  readonly entityName: string;
  readonly logo?: LogoImage | undefined;
  readonly code: string;
  readonly title: string;
  readonly fromLabel: string;
  readonly toLabel: string;
  /** ISO date of the approval of the newer version. */
  readonly approvedOn: string;
  readonly comparison: VersionComparison;
}

/** The name of the comparison's PDF in the newer version's archive folder. */
export const comparisonFileName = (code: string, version: number) => `${code}-v${version}-comparacion.pdf`;

const INS = { color: '#0d5c1f', decoration: 'underline' as const };
const DEL = { color: '#a00000', decoration: 'lineThrough' as const };

function runs(parts: readonly TextPart[]): Content {
  return { text: parts.map((part) => (part.kind === 'same' ? { text: part.text } : { text: part.text, ...(part.kind === 'ins' ? INS : DEL) })) };
}

const STATUS = { added: 'Sección agregada', removed: 'Sección eliminada', moved: 'Sección movida de lugar', changed: 'Sección con cambios' } as const;
const BLOCK = { added: 'agregado', removed: 'eliminado', changed: 'cambió' } as const;

export async function comparisonPdf(request: ComparisonPdfRequest): Promise<Uint8Array> {
  const { comparison } = request;
  const stamp = new Date(`${request.approvedOn}T12:00:00Z`);
  const content: Content[] = [
    { text: `${request.title}`, bold: true, fontSize: 13, margin: [0, 0, 0, 4] },
    { text: `${request.code}: qué cambió de la versión ${request.fromLabel} a la ${request.toLabel} (aprobada el ${formatDateShort(request.approvedOn)})`, fontSize: 10, margin: [0, 0, 0, 6] },
    {
      text: ['Texto insertado: ', { text: 'verde y subrayado', ...INS }, '. Texto eliminado: ', { text: 'rojo y tachado', ...DEL }, '.'],
      fontSize: 8,
      margin: [0, 0, 0, 10],
    },
    { text: 'Secciones', bold: true, fontSize: 11, margin: [0, 6, 0, 4] },
  ];
  if (comparison.sections.length === 0) content.push({ text: 'El texto de las secciones no cambió.' });
  for (const section of comparison.sections) {
    content.push({ text: `${STATUS[section.status]}: ${section.title}`, bold: true, margin: [0, 6, 0, 2] });
    for (const block of section.blocks) content.push({ stack: [{ text: `${block.where} (${BLOCK[block.kind]}):`, italics: true, fontSize: 8 }, runs(block.parts)], margin: [8, 2, 0, 2] });
  }
  content.push({ text: 'Marco jurídico', bold: true, fontSize: 11, margin: [0, 10, 0, 4] });
  if (comparison.normsAdded.length === 0 && comparison.normsRemoved.length === 0) content.push({ text: 'No se agregaron ni se retiraron normas.' });
  for (const norm of comparison.normsAdded) content.push({ text: ['Norma agregada: ', { text: norm, ...INS }] });
  for (const norm of comparison.normsRemoved) content.push({ text: ['Norma retirada: ', { text: norm, ...DEL }] });
  content.push({ text: 'Glosario', bold: true, fontSize: 11, margin: [0, 10, 0, 4] });
  if (comparison.glossary.length === 0) content.push({ text: 'El glosario no cambió.' });
  for (const entry of comparison.glossary) {
    const what = entry.kind === 'added' ? 'término agregado' : entry.kind === 'removed' ? 'término eliminado' : 'definición cambiada';
    content.push({ stack: [{ text: `${entry.term} (${what})`, bold: true }, runs(entry.parts)], margin: [0, 2, 0, 2] });
  }
  const definition: TDocumentDefinitions = {
    pageSize: 'LETTER',
    pageMargins: [50, 80, 50, 50],
    defaultStyle: { font: FONT_FAMILY, fontSize: 9 },
    info: { title: `${request.code}: versión ${request.toLabel} comparada con la ${request.fromLabel}`, creationDate: stamp, modDate: stamp, producer: 'docctl', creator: 'docctl' },
    header: () => ({
      margin: [50, 24, 50, 0],
      columns: [
        ...(request.logo ? [{ image: `data:${request.logo.mime};base64,${Buffer.from(request.logo.bytes).toString('base64')}`, fit: [90, 40] as [number, number], width: 100 }] : []),
        { stack: [{ text: request.entityName, bold: true, fontSize: 9 }, { text: 'VERSIÓN COMPARADA', bold: true, fontSize: 9 }], width: '*' },
      ],
    }),
    content,
    footer: (current: number, total: number) => ({ text: `Página ${current} de ${total}`, alignment: 'center', fontSize: 7, margin: [0, 10, 0, 0] }),
  };
  return new Uint8Array(await printer().createPdf(definition).getBuffer());
}
