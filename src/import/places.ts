// What the import could not put in the data, and where it was in the Word
// file, so the report can list every paragraph that did not land.

export type LeftoverKind =
  /** Text that is not in the data: the calidad team must look at it. */
  | 'sin-importar'
  /** Text docctl prints by itself (contents, page numbers, footer): not imported on purpose. */
  | 'lo-genera-docctl';

export interface Leftover {
  readonly kind: LeftoverKind;
  /** "sección «2. MARCO JURÍDICO», tabla 1, fila 3" */
  readonly place: string;
  readonly text: string;
  readonly reason: string;
}

export interface ReviewNote {
  readonly place: string;
  readonly message: string;
}

export class ImportLog {
  readonly leftovers: Leftover[] = [];
  readonly review: ReviewNote[] = [];

  notImported(place: string, text: string, reason: string): void {
    if (text.trim()) this.leftovers.push({ kind: 'sin-importar', place, text: text.trim(), reason });
  }

  generated(place: string, text: string, reason: string): void {
    if (text.trim()) this.leftovers.push({ kind: 'lo-genera-docctl', place, text: text.trim(), reason });
  }

  toReview(place: string, message: string): void {
    this.review.push({ place, message });
  }
}
