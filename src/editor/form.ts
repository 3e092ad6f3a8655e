// A draft's fields as a form, generated from the JSON Schema `docctl
// esquemas` writes (commands/schemas.ts): each field's kind (text, number,
// choice, Markdown), whether it is required and its help come from the
// schema; its Spanish label from FIELD_LABELS. Every control carries its
// JSON path (data-ruta) and the field path `validar` names in its messages
// (data-campo), so the browser sends changes by path and shows each
// message next to its field.
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { formatFieldPath } from '../load/read-json.js';
import { CLASSIFICATION_LABELS, DOCUMENT_TYPE_LABELS } from '../model/labels.js';
import type { ControlledDocument } from '../validate/schemas.js';
import { generateSchemas } from '../commands/schemas.js';

interface JsonSchema {
  readonly type?: string;
  readonly description?: string;
  readonly enum?: readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly $ref?: string;
  readonly $defs?: Readonly<Record<string, JsonSchema>>;
}

/** The words a person sees for each data key. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  codigo: 'Código',
  titulo: 'Título',
  proceso: 'Proceso',
  dependencia: 'Dependencia',
  tipo: 'Tipo de documento',
  clasificacion: 'Clasificación de la información',
  periodoRevisionMeses: 'Revisión cada (meses)',
  descripcion: 'Descripción del cambio',
  nombre: 'Nombre',
  cargo: 'Cargo',
  termino: 'Término',
  definicion: 'Definición',
  rol: 'Rol',
  responsabilidades: 'Responsabilidades',
  responsable: 'Responsable',
  contenido: 'Texto (Markdown)',
};

const ENUM_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = { tipo: DOCUMENT_TYPE_LABELS, clasificacion: CLASSIFICATION_LABELS };

let documentSchemaCache: JsonSchema | undefined;
function documentSchema(): JsonSchema {
  documentSchemaCache ??= JSON.parse(generateSchemas()['documento.schema.json']!) as JsonSchema;
  return documentSchemaCache;
}

/** The schema of the value at `path` in a document (arrays by any index). */
export function schemaAt(path: readonly (string | number)[]): { schema: JsonSchema; required: boolean } | undefined {
  const root = documentSchema();
  const deref = (s: JsonSchema): JsonSchema => (s.$ref?.startsWith('#/$defs/') ? (root.$defs?.[s.$ref.slice('#/$defs/'.length)] ?? s) : s);
  let schema = root;
  let required = true;
  for (const step of path) {
    schema = deref(schema);
    if (typeof step === 'number') {
      if (!schema.items) return undefined;
      schema = schema.items;
    } else {
      const next = schema.properties?.[step];
      if (!next) return undefined;
      required = schema.required?.includes(step) ?? false;
      schema = next;
    }
  }
  return { schema: deref(schema), required };
}

/** Numbers the controls of one page so each has a unique id for its label and messages. */
export class FieldIds {
  private next = 0;
  id(): string {
    return `campo-${++this.next}`;
  }
}

export interface FieldOptions {
  readonly label?: string;
  /** A Markdown file's text, edited instead of the JSON value. */
  readonly markdownFile?: { readonly path: string; readonly hash: string };
  readonly readOnly?: boolean;
}

/** One labelled control for the value at `path`, with its help and a place for its messages. */
export function field(ids: FieldIds, path: readonly (string | number)[], value: unknown, options: FieldOptions = {}): Element {
  const key = [...path].reverse().find((p): p is string => typeof p === 'string') ?? '';
  const found = schemaAt(options.markdownFile ? [...path.slice(0, -1), 'contenido'] : path);
  const schema = found?.schema ?? {};
  const id = ids.id();
  const label = options.label ?? FIELD_LABELS[options.markdownFile ? 'contenido' : key] ?? key;
  const help = options.markdownFile ? `Texto en Markdown, guardado en documentos/${options.markdownFile.path}.` : schema.description;
  const describedBy = [help ? `${id}-ayuda` : undefined, `${id}-error`].filter(Boolean).join(' ');
  const common = {
    id,
    name: id,
    'aria-describedby': describedBy,
    dataRuta: JSON.stringify(path),
    dataCampo: formatFieldPath(path),
    dataTipo: schema.type === 'integer' || schema.type === 'number' ? 'numero' : 'texto',
    dataArchivo: options.markdownFile?.path,
    dataHash: options.markdownFile?.hash,
    required: found?.required && !options.markdownFile ? true : undefined,
    readOnly: options.readOnly ? true : undefined,
  };
  const text = value === undefined || value === null ? '' : String(value);
  const markdown = options.markdownFile !== undefined || (schema.description ?? '').includes('Markdown');
  let control: Element;
  if (schema.enum) {
    const labels = ENUM_LABELS[key] ?? {};
    control = h('select', common, [
      ...(found?.required ? [] : [h('option', { value: '' }, '(ninguno)')]),
      ...schema.enum.map((option) => h('option', { value: option, selected: option === text }, labels[option] ?? option)),
    ]);
  } else if (markdown) {
    control = h('textarea', { ...common, rows: Math.min(18, Math.max(4, text.split('\n').length + 1)), spellCheck: true, className: ['markdown'] }, text);
  } else {
    control = h('input', { ...common, type: common.dataTipo === 'numero' ? 'number' : 'text', value: text });
  }
  const children: ElementContent[] = [h('label', { htmlFor: id }, label)];
  if (help) children.push(h('p', { className: ['ayuda'], id: `${id}-ayuda` }, help));
  children.push(control, h('p', { className: ['error'], id: `${id}-error`, hidden: true }));
  return h('div', { className: ['campo'] }, children);
}

export interface SectionFile {
  readonly text: string;
  readonly hash: string;
}

type Section = ControlledDocument['secciones'][number];

/** A section and its subsections, each a fieldset named by its number and title. */
function sectionFieldset(ids: FieldIds, section: Section, path: (string | number)[], number: string, files: ReadonlyMap<string, SectionFile>, readOnly: boolean): Element {
  const children: ElementContent[] = [h('legend', `${number} ${section.titulo}`), field(ids, [...path, 'titulo'], section.titulo, { readOnly, label: 'Título de la sección' })];
  if (section.archivo !== undefined) {
    const file = files.get(section.archivo);
    children.push(
      file
        ? field(ids, [...path, 'archivo'], file.text, { markdownFile: { path: section.archivo, hash: file.hash }, readOnly })
        : h('p', { className: ['error'] }, `No se pudo leer documentos/${section.archivo}.`),
    );
  } else if (section.bloque === undefined || section.contenido !== undefined) {
    children.push(field(ids, [...path, 'contenido'], section.contenido ?? '', { readOnly }));
  }
  if (section.bloque !== undefined) children.push(h('p', { className: ['bloque'] }, `Esta sección muestra además el bloque «${section.bloque}», hecho con los datos del documento.`));
  (section.secciones ?? []).forEach((child, index) =>
    children.push(sectionFieldset(ids, child, [...path, 'secciones', index], `${number}${index + 1}.`, files, readOnly)),
  );
  return h('fieldset', { className: ['seccion'] }, children);
}

/** The whole form of a document's draft: identity, the draft's signers, glossary, roles and sections. */
export function draftForm(document: ControlledDocument, files: ReadonlyMap<string, SectionFile>, readOnly: boolean): Element[] {
  const ids = new FieldIds();
  const draftIndex = document.versiones.length - 1;
  const draft = document.versiones[draftIndex]!;
  const identity = h('fieldset', [
    h('legend', 'Identificación'),
    field(ids, ['codigo'], document.codigo, { readOnly: true }),
    ...(['titulo', 'proceso', 'dependencia', 'tipo', 'clasificacion', 'periodoRevisionMeses'] as const).map((key) => field(ids, [key], document[key], { readOnly })),
  ]);
  const signer = (role: 'elaboro' | 'reviso' | 'aprobo', label: string) =>
    h('fieldset', [
      h('legend', label),
      field(ids, ['versiones', draftIndex, role, 'nombre'], draft[role]?.nombre, { readOnly }),
      field(ids, ['versiones', draftIndex, role, 'cargo'], draft[role]?.cargo, { readOnly }),
    ]);
  const version = h('fieldset', [
    h('legend', `Versión ${draft.numero}${draft.estado === 'borrador' ? ' (borrador)' : ''}`),
    field(ids, ['versiones', draftIndex, 'descripcion'], draft.descripcion, { readOnly }),
    signer('elaboro', 'Elaboró'),
    signer('reviso', 'Revisó'),
    signer('aprobo', 'Aprobó'),
    ...(draft.firmantes ?? []).map((person, index) =>
      h('fieldset', [
        h('legend', `Firmante ${index + 1}`),
        field(ids, ['versiones', draftIndex, 'firmantes', index, 'nombre'], person.nombre, { readOnly }),
        field(ids, ['versiones', draftIndex, 'firmantes', index, 'cargo'], person.cargo, { readOnly }),
      ]),
    ),
  ]);
  const glossary = h('fieldset', [
    h('legend', 'Glosario'),
    ...((document.glosario ?? []).length === 0 ? [h('p', 'El documento no tiene glosario.')] : []),
    ...(document.glosario ?? []).map((entry, index) =>
      h('fieldset', { className: ['item'] }, [
        h('legend', `Término ${index + 1}`),
        field(ids, ['glosario', index, 'termino'], entry.termino, { readOnly }),
        field(ids, ['glosario', index, 'definicion'], entry.definicion, { readOnly }),
      ]),
    ),
  ]);
  const roles = h('fieldset', [
    h('legend', 'Roles y responsabilidades'),
    ...((document.roles ?? []).length === 0 ? [h('p', 'El documento no tiene roles.')] : []),
    ...(document.roles ?? []).map((entry, index) =>
      h('fieldset', { className: ['item'] }, [
        h('legend', `Rol ${index + 1}`),
        field(ids, ['roles', index, 'rol'], entry.rol, { readOnly }),
        field(ids, ['roles', index, 'responsabilidades'], entry.responsabilidades, { readOnly }),
        field(ids, ['roles', index, 'responsable'], entry.responsable, { readOnly }),
      ]),
    ),
  ]);
  const sections = h('fieldset', [
    h('legend', 'Secciones'),
    ...(document.secciones ?? []).map((section, index) => sectionFieldset(ids, section, ['secciones', index], `${index + 1}.`, files, readOnly)),
  ]);
  return [identity, version, glossary, roles, sections];
}
