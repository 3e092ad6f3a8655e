// Words shown in documents for the data's enum values.
import type { Classification, VersionFormat } from '../validate/schemas.js';

export const CLASSIFICATION_LABELS: Record<Classification, string> = {
  publica: 'Información pública',
  'publica-clasificada': 'Información pública clasificada',
  'publica-reservada': 'Información pública reservada',
};

export const DOCUMENT_TYPE_LABELS: Record<string, string> = {
  politica: 'Política',
  procedimiento: 'Procedimiento',
  manual: 'Manual',
  guia: 'Guía',
  plan: 'Plan',
  programa: 'Programa',
  instructivo: 'Instructivo',
};

/** "1", "1.0" or "01", as each entity shows its versions. */
export function formatVersion(number: number, format: VersionFormat): string {
  switch (format) {
    case '1':
      return String(number);
    case '1.0':
      return `${number}.0`;
    case '01':
      return String(number).padStart(2, '0');
  }
}
