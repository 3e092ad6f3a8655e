// The document's identity — code, version, date, process, title, type,
// dependency, classification — from the lines of the page header (and of a
// header table at the top of the body, and the cover), as entities print
// them: "CÓDIGO: DE-P-007", "Versión 05", "Fecha de emisión: 12/03/2024",
// "PROCESO: …", "Tipo: MANUAL", a label in one cell and its value in the
// next, or an unlabelled title line that starts with the document's type.
import type { DOCUMENT_TYPES} from '../validate/schemas.js';
import { CLASSIFICATIONS, SAFE_CODE, type Classification } from '../validate/schemas.js';
import { fold } from './table-grid.js';
import { parsePrintedDate, parseVersionNumber } from './text-values.js';

export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export interface IdentityLine {
  readonly place: string;
  readonly text: string;
}

export interface Identity {
  codigo?: string;
  titulo?: string;
  proceso?: string;
  dependencia?: string;
  tipo?: DocumentType;
  clasificacion?: Classification;
  version?: number;
  fecha?: string;
}

const TYPE_WORDS: Record<string, DocumentType> = {
  politica: 'politica',
  procedimiento: 'procedimiento',
  manual: 'manual',
  guia: 'guia',
  plan: 'plan',
  programa: 'programa',
  instructivo: 'instructivo',
};

const LABELS: readonly { field: keyof Identity | 'pagina'; pattern: RegExp }[] = [
  { field: 'codigo', pattern: /^c[oó]digo(?: del documento)?\s*[:.]?\s*(.*)$/i },
  { field: 'version', pattern: /^versi[oó]n\s*(?:n[oº°]\.?)?\s*[:.]?\s*(.*)$/i },
  { field: 'fecha', pattern: /^fecha(?: de (?:aprobaci[oó]n|emisi[oó]n|vigencia|actualizaci[oó]n|expedici[oó]n))?\s*[:.]?\s*(.*)$/i },
  { field: 'proceso', pattern: /^(?:macro)?proceso\s*[:.]?\s*(.*)$/i },
  { field: 'tipo', pattern: /^tipo(?: de documento)?\s*[:.]?\s*(.*)$/i },
  { field: 'titulo', pattern: /^(?:t[ií]tulo|nombre del documento)\s*[:.]\s*(.*)$/i },
  { field: 'dependencia', pattern: /^(?:dependencia|[aá]rea responsable|oficina responsable)\s*[:.]\s*(.*)$/i },
  { field: 'clasificacion', pattern: /^clasificaci[oó]n(?: de la informaci[oó]n)?\s*[:.]?\s*(.*)$/i },
  { field: 'pagina', pattern: /^(?:p[aá]gina|hoja)\s*[:.]?\s*(.*)$/i },
];

const isLabel = (text: string) => LABELS.some((l) => l.pattern.test(text));

export function typeOfWords(text: string): DocumentType | undefined {
  const first = fold(text).split(/[\s:]+/)[0] ?? '';
  return TYPE_WORDS[first];
}

export function classificationOf(text: string): Classification | undefined {
  const folded = fold(text);
  if (/reservada/.test(folded)) return 'publica-reservada';
  if (/clasificada/.test(folded)) return 'publica-clasificada';
  if (/publica/.test(folded)) return 'publica';
  return CLASSIFICATIONS.find((c) => c === folded);
}

/**
 * Reads labelled values from the lines; returns the identity and the places
 * of the lines it used (the others are for the report). `entityNames` are
 * the entity's names, recognised and used up without becoming a value.
 */
export function readIdentity(lines: readonly IdentityLine[], entityNames: readonly string[], into: Identity = {}): { identity: Identity; used: Set<number> } {
  const identity = into;
  const used = new Set<number>();
  const names = entityNames.map(fold);
  const set = (field: keyof Identity | 'pagina', raw: string): boolean => {
    const value = raw.trim();
    if (!value) return false;
    switch (field) {
      case 'pagina':
        return true;
      case 'codigo': {
        const code = value.toUpperCase();
        if (!SAFE_CODE.test(code) || !/\d/.test(code)) return false;
        identity.codigo ??= code;
        return true;
      }
      case 'version': {
        const number = parseVersionNumber(value);
        if (number === undefined) return false;
        identity.version ??= number;
        return true;
      }
      case 'fecha': {
        const date = parsePrintedDate(value);
        if (!date) return false;
        identity.fecha ??= date;
        return true;
      }
      case 'tipo': {
        const type = typeOfWords(value);
        if (!type) return false;
        identity.tipo ??= type;
        return true;
      }
      case 'clasificacion': {
        const c = classificationOf(value);
        if (!c) return false;
        identity.clasificacion ??= c;
        return true;
      }
      default:
        identity[field] ??= value;
        return true;
    }
  };
  lines.forEach((line, i) => {
    if (used.has(i)) return;
    for (const { field, pattern } of LABELS) {
      const match = pattern.exec(line.text);
      if (!match) continue;
      // Label alone in its cell: the value is in a following cell (the next
      // one, or for a checkable value — code, version, date — a few cells on,
      // as a header table read row by row puts it).
      if (!match[1]!.trim()) {
        const reach = field === 'codigo' || field === 'version' || field === 'fecha' ? 3 : 1;
        for (let k = i + 1; k <= i + reach && k < lines.length; k++) {
          if (used.has(k) || isLabel(lines[k]!.text)) continue;
          if (set(field, lines[k]!.text)) {
            used.add(i).add(k);
            return;
          }
        }
      }
      if (set(field, match[1]!)) {
        used.add(i);
        return;
      }
    }
    const folded = fold(line.text);
    if (names.includes(folded)) {
      used.add(i);
      return;
    }
    if (typeOfWords(line.text) && fold(line.text).split(' ').length > 1) {
      identity.titulo ??= line.text;
      identity.tipo ??= typeOfWords(line.text);
      if (fold(identity.titulo) === folded) used.add(i);
      return;
    }
    if (/^(?:gestion|proceso|macroproceso|direccionamiento|evaluacion|control)\b/.test(folded) && !identity.proceso) {
      identity.proceso = line.text;
      used.add(i);
    }
  });
  return { identity, used };
}
