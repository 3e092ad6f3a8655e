// A page per version that is no longer in force (what replaced it, its
// stamped OBSOLETO copy) and a page per version after the first that shows
// what changed from the one before ("versión comparada"): sections added,
// removed or moved, word-level insertions and deletions in paragraphs and
// table cells (<ins>/<del>, with the change also in words for screen
// readers), norms added to or removed from the legal framework, glossary.
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { BlockChange, TextPart, VersionComparison } from '../comparison/compare.js';
import { checkSegment, formatSize } from './files.js';
import { entityHeader } from './index-page.js';
import { entityPageTitle, entityPaths, href, renderPage } from './layout.js';
import { dateElement, fileLink, hidden, stateSuffix } from './parts.js';
import type { PublishedDocument, PublishedVersion } from './plan.js';
import type { SiteEntity } from './types.js';

export function versionFolder(doc: Pick<PublishedDocument, 'context'>, number: number): string {
  return `${doc.context.entity.slug}/${doc.context.code}/v${number}`;
}
export const comparisonPagePath = (doc: Pick<PublishedDocument, 'context'>, number: number) => `${versionFolder(doc, number)}/comparacion.html`;
/** The sealed comparison PDF's place on the site, when the archive has one. */
export function comparisonPdfPath(doc: Pick<PublishedDocument, 'context' | 'comparisons'>, number: number): string | undefined {
  const pdf = doc.comparisons.get(number)?.pdf;
  return pdf ? `${versionFolder(doc, number)}/${checkSegment('file', pdf.fileName)}` : undefined;
}
export const versionPagePath = (doc: Pick<PublishedDocument, 'context'>, number: number) => `${versionFolder(doc, number)}/index.html`;

/** The version that replaced an older one: the next approved, not annulled. */
export function replacementOf(doc: PublishedDocument, version: PublishedVersion): PublishedVersion | undefined {
  return doc.versions.find((v) => v.number > version.number && v.state !== 'anulado');
}

export function textParts(parts: readonly TextPart[]): ElementContent[] {
  return parts.map((part) =>
    part.kind === 'same'
      ? { type: 'text', value: part.text }
      : part.kind === 'ins'
        ? h('ins', { className: ['cambio'] }, [hidden('[texto insertado: '), part.text, hidden('] ')])
        : h('del', { className: ['cambio'] }, [hidden('[texto eliminado: '), part.text, hidden('] ')]),
  );
}

const BLOCK_KIND = { added: 'agregado', removed: 'eliminado', changed: 'cambió' } as const;
const SECTION_STATUS = { added: 'Sección agregada', removed: 'Sección eliminada', moved: 'Sección movida de lugar', changed: 'Sección con cambios' } as const;

function block(change: BlockChange): Element {
  return h('p', [h('strong', `${change.where} (${BLOCK_KIND[change.kind]}): `), ...textParts(change.parts)]);
}

export function comparisonBody(comparison: VersionComparison): ElementContent[] {
  const body: ElementContent[] = [];
  body.push(h('h2', { id: 'secciones' }, 'Secciones'));
  if (comparison.sections.length === 0) body.push(h('p', 'El texto de las secciones no cambió.'));
  comparison.sections.forEach((section, index) => {
    body.push(
      h('section', { className: ['comparacion-bloque'], ariaLabelledBy: [`cambio-${index + 1}`] }, [
        h('h3', { id: `cambio-${index + 1}` }, [`${SECTION_STATUS[section.status]}: `, section.title]),
        ...(section.status === 'moved' && section.blocks.length === 0 ? [h('p', 'Su texto no cambió.')] : []),
        ...section.blocks.map(block),
      ]),
    );
  });
  body.push(h('h2', { id: 'marco-juridico' }, 'Marco jurídico'));
  if (comparison.normsAdded.length === 0 && comparison.normsRemoved.length === 0) body.push(h('p', 'No se agregaron ni se retiraron normas.'));
  if (comparison.normsAdded.length > 0) body.push(h('h3', 'Normas agregadas'), h('ul', comparison.normsAdded.map((n) => h('li', [h('ins', { className: ['cambio'] }, [hidden('[agregada: '), n, hidden('] ')])]))));
  if (comparison.normsRemoved.length > 0) body.push(h('h3', 'Normas retiradas'), h('ul', comparison.normsRemoved.map((n) => h('li', [h('del', { className: ['cambio'] }, [hidden('[retirada: '), n, hidden('] ')])]))));
  body.push(h('h2', { id: 'glosario' }, 'Glosario'));
  if (comparison.glossary.length === 0) body.push(h('p', 'El glosario no cambió.'));
  else
    body.push(
      h(
        'dl',
        comparison.glossary.flatMap((entry) => [
          h('dt', [entry.term, ` (${entry.kind === 'added' ? 'término agregado' : entry.kind === 'removed' ? 'término eliminado' : 'definición cambiada'})`]),
          h('dd', textParts(entry.parts)),
        ]),
      ),
    );
  return body;
}

export function comparisonPage(entity: SiteEntity, doc: PublishedDocument, number: number): string | undefined {
  const page = doc.comparisons.get(number);
  if (!page) return undefined;
  const path = comparisonPagePath(doc, number);
  const { code, title } = doc.context;
  return renderPage({
    path,
    title: entityPageTitle(`${code}: versión ${page.toLabel} comparada con la ${page.fromLabel}`, entity.name),
    entity: entityHeader(entity),
    breadcrumbs: [{ label: 'Documentos publicados', path: entityPaths(entity.slug).index }, { label: code, path: doc.pagePath }, { label: `Versión ${page.toLabel} comparada` }],
    main: [
      h('h1', `${title}: qué cambió de la versión ${page.fromLabel} a la ${page.toLabel}`),
      h('p', [
        `Comparación de las dos versiones aprobadas de ${code}, tal como están archivadas. `,
        'El texto insertado aparece subrayado y el eliminado tachado; cada cambio también se anuncia con palabras.',
      ]),
      ...(page.pdf
        ? [
            h('p', [
              h('a', { href: href(path, comparisonPdfPath(doc, number)!), type: 'application/pdf' }, `Versión comparada en PDF (${formatSize(page.pdf.bytes.byteLength)})`),
              ', sellada en el archivo con la versión aprobada.',
            ]),
          ]
        : []),
      ...comparisonBody(page.comparison),
      h('p', [h('a', { href: href(path, doc.pagePath) }, `Volver a ${code}`)]),
    ],
  });
}

/** A page for an obsolete or annulled version: what it was, what replaced it, its stamped copy. */
export function versionPage(entity: SiteEntity, doc: PublishedDocument, version: PublishedVersion): string {
  const path = versionPagePath(doc, version.number);
  const { code } = doc.context;
  const replacement = replacementOf(doc, version);
  const state = version.state === 'anulado' ? 'anulada' : 'obsoleta';
  return renderPage({
    path,
    title: entityPageTitle(`${code} versión ${version.label} (${state})`, entity.name),
    entity: entityHeader(entity),
    breadcrumbs: [{ label: 'Documentos publicados', path: entityPaths(entity.slug).index }, { label: code, path: doc.pagePath }, { label: `Versión ${version.label}` }],
    main: [
      h('h1', `${doc.context.title}, versión ${version.label} (${state})`),
      h('p', { className: ['aviso-obsoleto'] }, [
        h('strong', `Esta versión está ${state}: no debe usarse. `),
        replacement
          ? [`La reemplazó la versión ${replacement.label}`, ...(replacement.approvalDate ? [', aprobada el ', dateElement(replacement.approvalDate)] : []), '. ']
          : '',
        h('a', { href: href(path, doc.pagePath) }, `Consultar la versión vigente de ${code}`),
        '.',
      ].flat()),
      h('dl', { className: ['ficha'] }, [
        h('dt', 'Fecha de aprobación'),
        h('dd', [dateElement(version.approvalDate)]),
        h('dt', 'Descripción del cambio'),
        h('dd', version.description),
        h('dt', 'Aprobación'),
        h('dd', version.approvalSentence ?? 'Sin acta registrada'),
      ]),
      ...(version.files.length > 0
        ? [
            h('p', 'Copia para consulta, con la marca OBSOLETO en cada página (el archivo original se conserva sin cambios en el archivo de la entidad):'),
            h('ul', { className: ['archivos'] }, version.files.map((file) => h('li', [fileLink(path, file, `${code} versión ${version.label}${stateSuffix(version)}`)]))),
          ]
        : [h('p', 'Esta versión no tiene archivos publicados.')]),
      ...(doc.comparisons.has(version.number) ? [h('p', [h('a', { href: href(path, comparisonPagePath(doc, version.number)) }, `Qué cambió en la versión ${version.label}`)])] : []),
    ],
  });
}
