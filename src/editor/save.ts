// Saving a draft: the same files the command line reads, changed only where
// the person changed them (edit/edit-json.ts keeps every other byte) and
// written atomically (publish/atomic-write.ts). Each file is saved only if
// it is still the file the person opened: the browser sends the hash of
// what it opened, and a file changed since (by the command line, git or
// another window) refuses the whole save, before anything is written.
import { existsSync, readFileSync } from 'node:fs';
import { displayPath } from '../load/load-project.js';
import { draftVersion } from '../model/versions.js';
import type { ControlledDocument } from '../validate/schemas.js';
import { writeFileAtomic } from '../publish/atomic-write.js';
import type { DraftEdit } from './preview.js';
import { editedText } from './preview.js';
import { sha256, type Workspace } from './workspace.js';

export interface SaveRequest extends DraftEdit {
  /** sha256 of the JSON file as the browser opened it. */
  readonly hash: string;
  /** sha256 of each .md file as opened, by its "archivo". */
  readonly markdownHashes: Readonly<Record<string, string>>;
}

export type SaveResult =
  | { readonly saved: true; readonly hash: string; readonly markdownHashes: Record<string, string>; readonly written: readonly string[] }
  | { readonly saved: false; readonly status: 400 | 409; readonly message: string };

const changedOnDisk = (file: string) =>
  `${file} cambió en el disco desde que abrió el documento (otra ventana, la línea de comandos o git). No se guardó nada, para no borrar esos cambios: copie lo que escribió, vuelva a abrir el documento y aplíquelo de nuevo.`;

export function saveDraft(workspace: Workspace, request: SaveRequest): SaveResult {
  const { path, original, text } = editedText(workspace, request);
  const file = displayPath(path);
  if (sha256(original) !== request.hash) return { saved: false, status: 409, message: changedOnDisk(file) };
  const document = JSON.parse(original) as ControlledDocument;
  if (!Array.isArray(document.versiones) || draftVersion(document) === undefined) {
    return { saved: false, status: 409, message: `${file}: el documento no tiene una versión en borrador; sus versiones aprobadas no se editan. Abra una versión nueva (docctl version ${request.code} --motivo "…") y edítela.` };
  }
  const draftIndex = document.versiones.length - 1;
  for (const change of request.changes) {
    const [first, second] = change.path;
    if (first === 'versiones' && second !== draftIndex) {
      return { saved: false, status: 400, message: `${file}: solo se edita la versión en borrador (versiones[${draftIndex}]), no versiones[${String(second)}]` };
    }
    if (first === 'codigo' || first === '$schema') return { saved: false, status: 400, message: `${file}: el campo "${first}" no se cambia desde el editor` };
  }
  const markdown = Object.entries(request.markdown).map(([relativePath, content]) => {
    const target = workspace.markdownFile(request.entity, relativePath);
    return { relativePath, target, content };
  });
  for (const { relativePath, target } of markdown) {
    const expected = request.markdownHashes[relativePath];
    if (!existsSync(target) || expected === undefined || sha256(readFileSync(target)) !== expected) {
      return { saved: false, status: 409, message: changedOnDisk(displayPath(target)) };
    }
  }
  const written: string[] = [];
  const markdownHashes: Record<string, string> = {};
  for (const { relativePath, target, content } of markdown) {
    writeFileAtomic(target, content);
    markdownHashes[relativePath] = sha256(content);
    written.push(displayPath(target));
  }
  if (text !== original) {
    writeFileAtomic(path, text);
    written.push(file);
  }
  return { saved: true, hash: sha256(text), markdownHashes, written };
}
