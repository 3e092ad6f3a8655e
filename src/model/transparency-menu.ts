// The items of the menu "Transparencia y acceso a la información pública"
// (Resolución MinTIC 1519 de 2020, Anexo 2, numeral 2) under which a
// controlled document can be published, and the item each document type goes
// under unless the entity says otherwise in entidad.json ("menuTransparencia").
// Only the items a controlled document can belong to are listed: the menu's
// other items (contratación, trámites, participa…) hold no controlled
// documents. Ids are the Anexo's own numbering, so a calidad team recognises
// them and an auditor finds them in the resolution.
import type { DocumentType } from '../validate/schemas.js';

export const MENU_ITEMS = {
  '1.3': { section: '1. Información de la entidad', title: 'Mapas y cartas descriptivas de los procesos' },
  '1.8': { section: '1. Información de la entidad', title: 'Servicio al público, normas, formularios y protocolos de atención' },
  '1.9': { section: '1. Información de la entidad', title: 'Procedimientos que se siguen para tomar decisiones en las diferentes áreas' },
  '2.1.3': { section: '2. Normativa', title: 'Normativa aplicable' },
  '2.1.5': { section: '2. Normativa', title: 'Políticas, lineamientos y manuales' },
  '4.3': { section: '4. Planeación, presupuesto e informes', title: 'Plan de acción' },
  '4.7': { section: '4. Planeación, presupuesto e informes', title: 'Informes de gestión, evaluación y auditoría' },
  '7.1': { section: '7. Datos abiertos', title: 'Instrumentos de gestión de la información' },
} as const;

export type MenuItemId = keyof typeof MENU_ITEMS;
export const MENU_ITEM_IDS = Object.keys(MENU_ITEMS) as [MenuItemId, ...MenuItemId[]];

/**
 * Where each type goes by default: policies, manuals and guides are
 * "lineamientos"; procedures and instructions are how decisions are taken
 * (1.9); plans and programmes are the institutional plans of Decreto 612 de
 * 2018, which the Anexo puts under the action plan (4.3).
 */
export const DEFAULT_MENU: Readonly<Record<DocumentType, MenuItemId>> = {
  politica: '2.1.5',
  manual: '2.1.5',
  guia: '2.1.5',
  procedimiento: '1.9',
  instructivo: '1.9',
  plan: '4.3',
  programa: '4.3',
};

/** The item a type goes under, with the entity's override. */
export function menuItemOf(type: string, overrides: Partial<Record<string, string>> | undefined): MenuItemId {
  const chosen = overrides?.[type];
  if (chosen && chosen in MENU_ITEMS) return chosen as MenuItemId;
  return DEFAULT_MENU[type as DocumentType] ?? '2.1.5';
}

/** Menu items in the Anexo's order (1.3 < 1.9 < 2.1.5 < 4.3). */
export function compareMenuItems(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
