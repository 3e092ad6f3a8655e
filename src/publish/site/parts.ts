// Small pieces of page shared by the index and the document pages.
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { formatDateShort, isRealIsoDate } from '../../dates.js';
import { FILE_KIND_LABELS, formatSize } from './files.js';
import { href } from './layout.js';
import type { PublishedFile, PublishedVersion } from './plan.js';

export const NO_DATE = 'Sin fecha registrada';

/** dd/mm/aaaa with its ISO value for machines, or the words for "no date". */
export function dateElement(iso: string | undefined): ElementContent {
  if (!iso || !isRealIsoDate(iso)) return { type: 'text', value: NO_DATE };
  return h('time', { dateTime: iso }, formatDateShort(iso));
}

/** "Vigente" / "Obsoleta" / "Anulada" in words, colour only as a second cue. */
export function stateBadge(version: PublishedVersion): Element {
  if (version.state === 'vigente') return h('span', { className: ['estado', 'estado-vigente'] }, 'Vigente');
  return h('span', { className: ['estado', 'estado-obsoleto'] }, version.state === 'anulado' ? 'Anulada' : 'Obsoleta');
}

/** " (obsoleta)", " (anulada)" or nothing, after a version's label. */
export const stateSuffix = (version: Pick<PublishedVersion, 'state'>) => (version.state === 'vigente' ? '' : version.state === 'anulado' ? ' (anulada)' : ' (obsoleta)');

export function hidden(value: string): Element {
  return h('span', { className: ['visualmente-oculto'] }, value);
}

/**
 * "PDF, 245 KB" as the visible text; what file it is (code and version)
 * follows for screen readers, so the link makes sense out of context.
 */
export function fileLink(from: string, file: PublishedFile, whose: string): Element {
  return h('a', { href: href(from, file.path), type: file.kind === 'pdf' ? 'application/pdf' : undefined }, [
    `${FILE_KIND_LABELS[file.kind]}, ${formatSize(file.size)}`,
    hidden(` — ${whose}`),
  ]);
}

/** SHA-256 of each file, as a description list (file type → digest). */
export function digestList(files: readonly PublishedFile[]): Element {
  return h(
    'dl',
    { className: ['ficha'] },
    files.flatMap((file) => [h('dt', `${FILE_KIND_LABELS[file.kind]} (${file.fileName})`), h('dd', [h('code', { className: ['hash'] }, file.sha256)])]),
  );
}
