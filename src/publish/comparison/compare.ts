// What changed between two approved versions ("versión comparada"), from
// the two archived sources only: each version's Markdown as archived
// (fuente.json) and its document JSON at approval (manifest "datos"), never
// today's data. Both Markdown texts are parsed into trees, cut into sections
// by their headings, and each section into blocks of text (a paragraph, a
// list item, a table cell); jsdiff (the `diff` package) then compares the
// sequences of sections, of blocks and, inside a changed block, of words.
// Norms and the glossary are compared from "datos", where they are data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffArrays, diffWordsWithSpace } from 'diff';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ArchivedVersion } from '../../archive/verify.js';
import { SOURCE_NAME } from '../../archive/paths.js';
import { parseMarkdown } from '../../parse/parse-markdown.js';

export interface TextPart {
  readonly kind: 'same' | 'ins' | 'del';
  readonly text: string;
}

export interface BlockChange {
  readonly kind: 'added' | 'removed' | 'changed';
  /** "Párrafo 3", "Tabla 1, fila 2, columna 3". */
  readonly where: string;
  readonly parts: readonly TextPart[];
}

export interface SectionChange {
  /** The section's heading, with its parents: "ALCANCE › Responsables". */
  readonly title: string;
  readonly status: 'added' | 'removed' | 'moved' | 'changed';
  readonly blocks: readonly BlockChange[];
}

export interface GlossaryChange {
  readonly term: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly parts: readonly TextPart[];
}

export interface VersionComparison {
  readonly sections: readonly SectionChange[];
  readonly normsAdded: readonly string[];
  readonly normsRemoved: readonly string[];
  readonly glossary: readonly GlossaryChange[];
}

/** What one archived version is compared from. */
export interface ComparableSource {
  readonly markdown: string;
  readonly datos: { readonly normas?: unknown; readonly glosario?: unknown };
}

interface Block {
  readonly where: string;
  readonly text: string;
}

interface Section {
  readonly key: string;
  readonly blocks: Block[];
}

const PREAMBLE = 'Inicio del documento (antes de la primera sección)';

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The document cut into sections (by headings) and blocks of text. */
function sectionsOf(tree: Root): Section[] {
  const sections: Section[] = [{ key: PREAMBLE, blocks: [] }];
  const parents: string[] = [];
  let paragraphs = 0;
  let tables = 0;
  const push = (where: string, text: string) => {
    const value = clean(text);
    if (value) sections.at(-1)!.blocks.push({ where, text: value });
  };
  const visit = (node: RootContent | { type: string; children?: unknown[] }) => {
    const n = node as { type: string; children?: RootContent[]; depth?: number };
    if (n.type === 'heading') {
      parents.length = (n.depth ?? 1) - 1;
      parents[(n.depth ?? 1) - 1] = clean(toString(n as RootContent));
      sections.push({ key: parents.filter(Boolean).join(' › '), blocks: [] });
      paragraphs = 0;
      tables = 0;
      return;
    }
    if (n.type === 'richTable') {
      tables++;
      (n.children ?? []).forEach((row, r) =>
        ((row as { children?: RootContent[] }).children ?? []).forEach((cell, c) => push(`Tabla ${tables}, fila ${r + 1}, columna ${c + 1}`, toString(cell))),
      );
      return;
    }
    if (n.type === 'list') {
      for (const item of n.children ?? []) push(`Párrafo ${++paragraphs} (elemento de lista)`, toString(item));
      return;
    }
    // The glossary is compared from the data, term by term (below).
    if (n.type === 'glossary') return;
    if (['paragraph', 'code', 'blockquote', 'thematicBreak', 'html'].includes(n.type) || !Array.isArray(n.children)) {
      push(`Párrafo ${++paragraphs}`, toString(n as RootContent));
      return;
    }
    for (const child of n.children) visit(child);
  };
  for (const node of tree.children) visit(node);
  return sections.filter((s, i) => i > 0 || s.blocks.length > 0);
}

export function wordParts(before: string, after: string): TextPart[] {
  return diffWordsWithSpace(before, after).map((change) => ({ kind: change.added ? 'ins' : change.removed ? 'del' : 'same', text: change.value }));
}

function compareBlocks(before: readonly Block[], after: readonly Block[]): BlockChange[] {
  const changes: BlockChange[] = [];
  const runs = diffArrays(before.map((b) => b.text), after.map((b) => b.text));
  let oldAt = 0;
  let newAt = 0;
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    if (!run.added && !run.removed) {
      oldAt += run.count ?? run.value.length;
      newAt += run.count ?? run.value.length;
      continue;
    }
    if (run.removed) {
      const removed = before.slice(oldAt, oldAt + run.value.length);
      oldAt += run.value.length;
      const next = runs[i + 1];
      const added = next?.added ? after.slice(newAt, newAt + next.value.length) : [];
      if (next?.added) {
        newAt += next.value.length;
        i++;
      }
      // A removed block followed by an added one in the same place is a block that changed: compare its words.
      const paired = Math.min(removed.length, added.length);
      for (let k = 0; k < paired; k++) changes.push({ kind: 'changed', where: added[k]!.where, parts: wordParts(removed[k]!.text, added[k]!.text) });
      for (const block of removed.slice(paired)) changes.push({ kind: 'removed', where: block.where, parts: [{ kind: 'del', text: block.text }] });
      for (const block of added.slice(paired)) changes.push({ kind: 'added', where: block.where, parts: [{ kind: 'ins', text: block.text }] });
      continue;
    }
    for (const block of after.slice(newAt, newAt + run.value.length)) changes.push({ kind: 'added', where: block.where, parts: [{ kind: 'ins', text: block.text }] });
    newAt += run.value.length;
  }
  return changes;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function glossaryOf(value: unknown): Map<string, string> {
  const entries = Array.isArray(value) ? (value as { termino?: unknown; definicion?: unknown }[]) : [];
  return new Map(entries.filter((e) => typeof e?.termino === 'string').map((e) => [e.termino as string, typeof e.definicion === 'string' ? e.definicion : '']));
}

/** "decreto-767-2022" → "Decreto 767 de 2022": how a norm's catalogue id reads (the id is what the archive keeps). */
export function normLabel(id: string): string {
  const match = /^([a-z-]+?)-([0-9a-z]+)-(\d{4})$/.exec(id);
  if (!match) return id;
  const type = match[1]!.split('-').map((word, i) => (i === 0 ? word[0]!.toUpperCase() + word.slice(1) : word === 'estatutaria' || word === 'organica' ? word[0]!.toUpperCase() + word.slice(1) : word)).join(' ');
  return `${type} ${match[2]!.toUpperCase()} de ${match[3]}`;
}

export function compareSources(before: ComparableSource, after: ComparableSource): VersionComparison {
  const oldSections = sectionsOf(parseMarkdown(before.markdown));
  const newSections = sectionsOf(parseMarkdown(after.markdown));
  const oldByKey = new Map(oldSections.map((s) => [s.key, s]));
  const newKeys = new Set(newSections.map((s) => s.key));
  // Sections in both whose relative order changed are the moved ones.
  const common = (list: Section[], other: Set<string> | Map<string, Section>) => list.filter((s) => other.has(s.key)).map((s) => s.key);
  const moved = new Set(
    diffArrays(common(oldSections, newKeys), common(newSections, oldByKey))
      .filter((run) => run.added)
      .flatMap((run) => run.value),
  );
  const sections: SectionChange[] = [];
  for (const section of newSections) {
    const previous = oldByKey.get(section.key);
    if (!previous) {
      sections.push({ title: section.key, status: 'added', blocks: section.blocks.map((b) => ({ kind: 'added', where: b.where, parts: [{ kind: 'ins', text: b.text }] })) });
      continue;
    }
    const blocks = compareBlocks(previous.blocks, section.blocks);
    if (moved.has(section.key)) sections.push({ title: section.key, status: 'moved', blocks });
    else if (blocks.length > 0) sections.push({ title: section.key, status: 'changed', blocks });
  }
  for (const section of oldSections) {
    if (!newKeys.has(section.key)) sections.push({ title: section.key, status: 'removed', blocks: section.blocks.map((b) => ({ kind: 'removed', where: b.where, parts: [{ kind: 'del', text: b.text }] })) });
  }
  const oldNorms = strings(before.datos.normas);
  const newNorms = strings(after.datos.normas);
  const oldGlossary = glossaryOf(before.datos.glosario);
  const newGlossary = glossaryOf(after.datos.glosario);
  const glossary: GlossaryChange[] = [];
  for (const [term, definition] of newGlossary) {
    const was = oldGlossary.get(term);
    if (was === undefined) glossary.push({ term, kind: 'added', parts: [{ kind: 'ins', text: definition }] });
    else if (was !== definition) glossary.push({ term, kind: 'changed', parts: wordParts(was, definition) });
  }
  for (const [term, definition] of oldGlossary) if (!newGlossary.has(term)) glossary.push({ term, kind: 'removed', parts: [{ kind: 'del', text: definition }] });
  return {
    sections,
    normsAdded: newNorms.filter((id) => !oldNorms.includes(id)).map(normLabel),
    normsRemoved: oldNorms.filter((id) => !newNorms.includes(id)).map(normLabel),
    glossary,
  };
}

/** The source of an archived version: its fuente.json Markdown and its manifest's "datos". */
export function comparableSource(version: Pick<ArchivedVersion, 'dir' | 'manifest'>): ComparableSource | undefined {
  try {
    const source = JSON.parse(readFileSync(join(version.dir, SOURCE_NAME), 'utf8')) as { markdown?: unknown };
    if (typeof source.markdown !== 'string') return undefined;
    return { markdown: source.markdown, datos: version.manifest.datos as ComparableSource['datos'] };
  } catch {
    return undefined;
  }
}
