// The mechanical part of a normative change in a draft's legal framework
// ("normas"): a repealed norm gives way to the one replacing it, in the same
// position, once (if the document already cites the new one, the old one is
// only removed); an amended norm stays, and the amending one is cited right
// after it unless it already is. A repealed norm with no replacement is left
// for a person to decide (the review list names it).
import type { Norm } from '../validate/schemas.js';
import type { JsonChange } from './edit-json.js';

export interface FrameworkChange {
  readonly changes: readonly JsonChange[];
  /** For people: what happened to the legal framework. */
  readonly summary: string | undefined;
}

export function frameworkChange(normas: readonly string[], norm: Norm, by: Norm | undefined, name: (n: Norm) => string): FrameworkChange {
  const index = normas.indexOf(norm.id);
  if (index < 0 || !by || norm.estado === 'vigente') return { changes: [], summary: undefined };
  const already = normas.indexOf(by.id);
  if (norm.estado === 'derogada') {
    if (already >= 0) {
      return { changes: [{ path: ['normas', index], value: undefined }], summary: `sale ${name(norm)} (normas[${index}]); ${name(by)} ya estaba en el marco jurídico (normas[${already}])` };
    }
    return { changes: [{ path: ['normas', index], value: by.id }], summary: `${name(by)} reemplaza a ${name(norm)} en normas[${index}]` };
  }
  if (already >= 0) return { changes: [], summary: `${name(by)} ya estaba en el marco jurídico (normas[${already}]), junto a ${name(norm)}` };
  return { changes: [{ path: ['normas', index + 1], value: by.id, insert: true }], summary: `se agrega ${name(by)} en normas[${index + 1}], después de ${name(norm)}` };
}
