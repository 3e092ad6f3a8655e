// The list screen's data: every document of every entity with its states,
// from the same stages `validar` and `listado` run (pipeline/sources.ts) and
// the same rules: versions' states (model/versions.ts), the review due
// (validate/rules.ts reviewRule) and the norms the catalogue says are
// derogated.
import { relative } from 'node:path';
import { hasErrors } from '../errors.js';
import { DOCUMENT_TYPE_LABELS, formatVersion } from '../model/labels.js';
import { versionStates } from '../model/versions.js';
import { prepareSources } from '../pipeline/sources.js';
import { reviewRule } from '../validate/rules.js';
import type { Workspace } from './workspace.js';

export type DocumentState = 'vigente' | 'borrador' | 'obsoleto' | 'anulado' | 'sin-vigente' | 'revision-vencida' | 'norma-derogada' | 'con-errores';

export interface IndexedDocument {
  readonly entity: string;
  readonly entityName: string;
  readonly code: string;
  readonly title: string;
  readonly type: string;
  readonly states: readonly { readonly state: DocumentState; readonly label: string }[];
}

export function documentIndex(workspace: Workspace): IndexedDocument[] {
  const sources = prepareSources({ dataDir: workspace.paths.dataDir, templatesDir: workspace.paths.templatesDir, today: workspace.today });
  const withErrors = new Set(sources.problems.filter((p) => p.severity === 'error').map((p) => p.file));
  const rows: IndexedDocument[] = [];
  for (const raw of sources.raw.entities) {
    const entity = sources.project.entities.find((e) => e.slug === raw.slug);
    for (const json of raw.documents) {
      const valid = entity?.documents.find((d) => d.json.path === json.path);
      const code = relative(raw.documentsDir, json.path).replace(/\.json$/, '');
      const states: { state: DocumentState; label: string }[] = [];
      if (!valid || !entity) {
        rows.push({ entity: raw.slug, entityName: entity?.entity.nombre ?? raw.slug, code, title: String((json.value as { titulo?: unknown } | undefined)?.titulo ?? code), type: '', states: [{ state: 'con-errores', label: 'con errores' }] });
        continue;
      }
      const { document } = valid;
      const label = (n: number) => formatVersion(n, entity.entity.formatoVersion);
      const versions = versionStates(document);
      const vigente = versions.find((v) => v.state === 'vigente');
      const draft = versions.find((v) => v.state === 'borrador');
      if (vigente) states.push({ state: 'vigente', label: `vigente ${label(vigente.version.numero)}` });
      else states.push({ state: 'sin-vigente', label: 'sin versión vigente' });
      if (draft) states.push({ state: 'borrador', label: `borrador ${label(draft.version.numero)}` });
      const obsolete = versions.filter((v) => v.state === 'obsoleto').length;
      if (obsolete > 0) states.push({ state: 'obsoleto', label: obsolete === 1 ? '1 versión obsoleta' : `${obsolete} versiones obsoletas` });
      if (versions.some((v) => v.state === 'anulado')) states.push({ state: 'anulado', label: 'con una aprobación anulada' });
      if (reviewRule(valid.json, document, workspace.today).length > 0) states.push({ state: 'revision-vencida', label: 'revisión vencida' });
      if (document.normas.some((id) => sources.project.norms.get(id)?.estado === 'derogada')) states.push({ state: 'norma-derogada', label: 'cita una norma derogada' });
      if (withErrors.has(valid.file) || hasErrors(sources.problems.filter((p) => p.file.startsWith(valid.file.replace(/\.json$/, '/'))))) {
        states.push({ state: 'con-errores', label: 'con errores' });
      }
      rows.push({ entity: raw.slug, entityName: entity.entity.nombre, code, title: document.titulo, type: DOCUMENT_TYPE_LABELS[document.tipo] ?? document.tipo, states });
    }
  }
  return rows;
}
