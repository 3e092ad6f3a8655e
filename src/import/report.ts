// The import report, in Spanish: what landed where, what must be reviewed,
// and every paragraph that did not land in the data with its place in the
// Word file. Written beside the document and summarised on the terminal.
import type { ControlledDocument, Section } from '../validate/schemas.js';
import type { UnmatchedNorm } from './legal-framework.js';
import type { ImportLog } from './places.js';

export interface ReportInput {
  readonly source: string;
  readonly entity: string;
  readonly document: ControlledDocument;
  readonly figures: number;
  readonly unmatchedNorms: readonly UnmatchedNorm[];
  readonly log: ImportLog;
  readonly files: { readonly json: string; readonly report: string; readonly normsForReview?: string | undefined };
}

const countSections = (sections: readonly Section[]): number => sections.reduce((n, s) => n + 1 + countSections(s.secciones ?? []), 0);

export function summaryLines(input: ReportInput): string[] {
  const { document, log } = input;
  const current = document.versiones[document.versiones.length - 1]!;
  const notImported = log.leftovers.filter((l) => l.kind === 'sin-importar').length;
  return [
    `${document.codigo} «${document.titulo}» (${document.tipo}), versión vigente ${current.numero}${current.fecha ? ` del ${current.fecha}` : ''}`,
    `  ${countSections(document.secciones)} secciones, ${document.versiones.length} versiones en el control de cambios, ${document.normas.length} normas del normograma, ${document.glosario.length} términos del glosario, ${document.roles.length} roles, ${current.firmantes.length} firmantes, ${input.figures} figuras`,
    ...(input.unmatchedNorms.length > 0 ? [`  ${input.unmatchedNorms.length} normas que no están en data/normas.json: vea ${input.files.normsForReview}`] : []),
    `  ${log.review.length} puntos por revisar; ${notImported} párrafos o celdas que no quedaron en los datos`,
    `  informe completo: ${input.files.report}`,
  ];
}

export function reportMarkdown(input: ReportInput): string {
  const { document, log } = input;
  const out: string[] = [`# Informe de importación: ${document.codigo}`, '', `Archivo de Word: \`${input.source}\`  `, `Entidad: \`${input.entity}\`  `, `Datos escritos: \`${input.files.json}\``, '', '## Resumen', ''];
  out.push(...summaryLines(input).map((l) => `- ${l.trim()}`), '');
  out.push('## Por revisar', '');
  if (log.review.length === 0) out.push('Nada.', '');
  for (const note of log.review) out.push(`- **${note.place}**: ${note.message}`);
  if (log.review.length > 0) out.push('');
  out.push('## Normas que no están en el normograma', '');
  if (input.unmatchedNorms.length === 0) out.push('Ninguna: todas las normas del marco jurídico están en data/normas.json.', '');
  else {
    out.push(`No se agregaron al normograma ni al documento. Están en \`${input.files.normsForReview}\`; agréguelas con \`docctl norma agregar\` y luego sus ids a "normas" del documento.`, '');
    for (const norm of input.unmatchedNorms) out.push(`- ${norm.lugar}: ${norm.tipo} ${norm.numero}${norm.año ? ` de ${norm.año}` : ' (sin año)'}${norm.parecida ? ` — ¿quiso decir ${norm.parecida}?` : ''}`);
    out.push('');
  }
  const section = (title: string, kind: 'sin-importar' | 'lo-genera-docctl', empty: string) => {
    const items = log.leftovers.filter((l) => l.kind === kind);
    out.push(`## ${title}`, '');
    if (items.length === 0) out.push(empty, '');
    for (const item of items) out.push(`- **${item.place}** (${item.reason}): ${quote(item.text)}`);
    if (items.length > 0) out.push('');
  };
  section('Texto que no quedó en los datos', 'sin-importar', 'Ninguno: todo el texto del documento quedó en los datos.');
  section('Omitido porque docctl lo genera', 'lo-genera-docctl', 'Nada.');
  return `${out.join('\n').trimEnd()}\n`;
}

const quote = (text: string) => `«${text.length > 300 ? `${text.slice(0, 300)}…` : text}»`;
