// What templates see. Built from validated data only: every plain-text value
// is escaped for Markdown here, once, so a template author cannot forget to;
// Markdown fields (section bodies, role cells) pass through as Markdown.
// Every optional key is present (null), because templates run in strict mode.
import { formatDateShort } from '../dates.js';
import { CLASSIFICATION_LABELS, DOCUMENT_TYPE_LABELS, formatVersion } from '../model/labels.js';
import { currentVersion } from '../model/versions.js';
import type { ValidSection } from '../validate/rules.js';
import type { ControlledDocument, Entity, Norm, Person } from '../validate/schemas.js';
import type { ChangeControlColumn } from '../validate/format-schema.js';
import { DEFAULT_FORMAT } from '../model/format.js';
import type { Frame } from '../model/frame.js';
import { escapeMarkdown as md } from './escape-markdown.js';

export interface SectionView {
  readonly titulo: string;
  /** "#", "##"… the heading marker for the section's depth. */
  readonly marcas: string;
  readonly contenido: string | null;
  readonly bloque: string | null;
  readonly secciones: readonly SectionView[];
}

export interface TemplateView {
  readonly documento: {
    codigo: string;
    titulo: string;
    proceso: string | null;
    dependencia: string | null;
    /** The data's key: "procedimiento". */
    tipo: string;
    /** In words, as the documents print it: "Procedimiento". */
    tipoEtiqueta: string;
    /** In words: "Pública", "Pública clasificada"… */
    clasificacion: string;
  };
  readonly entidad: { nombre: string; nombreCorto: string };
  readonly version: { numero: string; fecha: string; descripcion: string };
  readonly controlDeCambios: readonly { version: string; fecha: string; descripcion: string; elaboro: string; reviso: string; aprobo: string; acta: string }[];
  /** The change-control table as the format wants it: where, its title, its columns. */
  readonly tablaDeCambios: {
    readonly alInicio: boolean;
    readonly alFinal: boolean;
    /** Directive attributes ({titulo="…" lugar="final"}), empty for the default. */
    readonly atributos: string;
    readonly encabezados: readonly string[];
    readonly filas: readonly { readonly celdas: readonly string[] }[];
  };
  readonly normas: readonly { tipo: string; numero: string; año: string; detalle: string }[];
  readonly glosario: readonly { termino: string; definicion: string }[];
  readonly roles: readonly { rol: string; responsabilidades: string; responsable: string }[];
  /** A procedure's activities, numbered from 1; "—" where no record is left. */
  readonly actividades: readonly { numero: string; actividad: string; responsable: string; registro: string }[];
  readonly secciones: readonly SectionView[];
  readonly tieneSeccionFirmas: boolean;
}

const MAX_DEPTH = 6;
const spanish = new Intl.Collator('es', { sensitivity: 'base' });
const NONE = '—';

function sectionView(section: ValidSection, depth: number): SectionView {
  return {
    titulo: md(section.titulo),
    marcas: '#'.repeat(Math.min(depth, MAX_DEPTH)),
    contenido: section.markdown?.text.trim() ?? null,
    bloque: section.bloque ?? null,
    secciones: section.secciones.map((child) => sectionView(child, depth + 1)),
  };
}

const hasBlock = (sections: readonly ValidSection[], block: string): boolean =>
  sections.some((s) => s.bloque === block || hasBlock(s.secciones, block));

/**
 * Objects without a prototype: in strict mode "constructor" or "__proto__"
 * are then missing fields (an error naming the template line) instead of
 * inherited ones Handlebars would silently print as blanks.
 */
const VIEW_PROTOTYPE = Object.create(null, {
  // Handlebars names the object in its "not defined in …" message.
  toString: { value: () => '[datos de la plantilla]' },
}) as object;

function withoutPrototypes<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => withoutPrototypes(item)) as T;
  if (value && typeof value === 'object') {
    const copy = Object.create(VIEW_PROTOTYPE) as Record<string, unknown>;
    for (const [key, item] of Object.entries(value)) copy[key] = withoutPrototypes(item);
    return copy as T;
  }
  return value;
}

export function buildView(
  entity: Entity,
  document: ControlledDocument,
  sections: readonly ValidSection[],
  norms: ReadonlyMap<string, Norm>,
  changeControl: Frame['changeControl'] = DEFAULT_CHANGE_CONTROL,
): TemplateView {
  return withoutPrototypes(viewOf(entity, document, sections, norms, changeControl));
}

const DEFAULT_CHANGE_CONTROL: Frame['changeControl'] = {
  place: DEFAULT_FORMAT.controlDeCambios.lugar,
  title: DEFAULT_FORMAT.controlDeCambios.titulo,
  columns: DEFAULT_FORMAT.controlDeCambios.columnas,
};

const CHANGE_CONTROL_HEADINGS: Readonly<Record<ChangeControlColumn, string>> = {
  version: 'Versión',
  fecha: 'Fecha',
  descripcion: 'Descripción del cambio',
  elaboro: 'Elaboró',
  reviso: 'Revisó',
  aprobo: 'Aprobó',
  acta: 'Acta',
};

const person = (p: Person | undefined) => (p ? md([p.nombre, p.cargo].filter(Boolean).join(', ')) : NONE);
/** A directive attribute value: no quotes or braces can end it early. */
const attribute = (value: string) => value.replace(/["{}\n]/g, ' ');

function viewOf(
  entity: Entity,
  document: ControlledDocument,
  sections: readonly ValidSection[],
  norms: ReadonlyMap<string, Norm>,
  changeControl: Frame['changeControl'],
): TemplateView {
  const version = currentVersion(document);
  const label = (n: number) => formatVersion(n, entity.formatoVersion);
  const controlDeCambios = document.versiones.map((v) => ({
    version: md(label(v.numero)),
    fecha: v.fecha ? md(formatDateShort(v.fecha)) : NONE,
    descripcion: md(v.descripcion),
    elaboro: person(v.elaboro),
    reviso: person(v.reviso),
    aprobo: person(v.aprobo),
    acta: v.acta ? md(`No. ${v.acta.numero} del ${formatDateShort(v.acta.fecha)}`) : NONE,
  }));
  return {
    documento: {
      codigo: md(document.codigo),
      titulo: md(document.titulo),
      proceso: document.proceso === undefined ? null : md(document.proceso),
      dependencia: document.dependencia === undefined ? null : md(document.dependencia),
      tipo: md(document.tipo),
      tipoEtiqueta: md(DOCUMENT_TYPE_LABELS[document.tipo] ?? document.tipo),
      clasificacion: md(CLASSIFICATION_LABELS[document.clasificacion]),
    },
    entidad: { nombre: md(entity.nombre), nombreCorto: md(entity.nombreCorto) },
    version: { numero: md(label(version.numero)), fecha: version.fecha ? md(formatDateShort(version.fecha)) : NONE, descripcion: md(version.descripcion) },
    controlDeCambios,
    tablaDeCambios: {
      alInicio: changeControl.place === 'inicio',
      alFinal: changeControl.place === 'final',
      atributos: [
        ...(changeControl.title !== DEFAULT_CHANGE_CONTROL.title ? [`titulo="${attribute(changeControl.title)}"`] : []),
        ...(changeControl.place === 'final' ? ['lugar="final"'] : []),
      ].join(' '),
      encabezados: changeControl.columns.map((column) => CHANGE_CONTROL_HEADINGS[column]),
      filas: controlDeCambios.map((row) => ({ celdas: changeControl.columns.map((column) => row[column]) })),
    },
    normas: document.normas.flatMap((id) => {
      const norm = norms.get(id);
      return norm ? [{ tipo: md(norm.tipo), numero: md(norm.numero), año: md(String(norm.año)), detalle: md(norm.detalle) }] : [];
    }),
    glosario: [...document.glosario]
      .sort((a, b) => spanish.compare(a.termino, b.termino))
      .map((entry) => ({ termino: md(entry.termino), definicion: md(entry.definicion) })),
    roles: document.roles.map((role) => ({ rol: role.rol.trim(), responsabilidades: role.responsabilidades.trim(), responsable: role.responsable.trim() })),
    actividades: document.actividades.map((activity, index) => ({
      numero: String(index + 1),
      actividad: activity.actividad.trim(),
      responsable: md(activity.responsable),
      registro: activity.registro?.trim() || NONE,
    })),
    secciones: sections.map((section) => sectionView(section, 1)),
    tieneSeccionFirmas: hasBlock(sections, 'firmas'),
  };
}
