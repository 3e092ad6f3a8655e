// docctl approve <CÓDIGO> --acta "…" [--fecha AAAA-MM-DD] [--comite "…"] [--si]:
// turns the open draft into the vigente version and archives it (write-
// once). ISO 9001 7.5.2 c: the version must have been drafted, reviewed and
// approved by named people, and whoever drafted it may not approve it
// (drafterApproves, the same check `docctl check` reports). The approval
// date is a day that has come. Before writing anything it shows what it
// will archive and asks (approve-confirm.ts).
// All or nothing across the data file, the archive and the site
// (commitApproval): the version is rendered from the edited JSON text in
// memory, sealed into the archive and registered, and only then is the
// data file written, then the site. A crash between steps is completed by
// the next approve or build (archive/recover.ts), never refused.
import { existsSync, readFileSync } from 'node:fs';
import { frozenProblems } from '../archive/frozen.js';
import { withArchiveLock } from '../archive/lock.js';
import { archivedVersionDir, archiveDir } from '../archive/paths.js';
import { versionManifest } from '../archive/record.js';
import { completeInterruptedChanges } from '../archive/recover.js';
import { sealVersion } from '../archive/seal.js';
import { archiveFindings, archivesBySlug, inspectArchives } from '../archive/verify.js';
import { isRealIsoDate, todayInColombia } from '../dates.js';
import { hasErrors, UserError } from '../errors.js';
import { passFaultPoint } from '../fault-points.js';
import { personNameKey, visibleName } from '../fold-text.js';
import { forgetUndo } from '../edit/draft-undo.js';
import { editJsonText } from '../edit/edit-json.js';
import { findDocument } from '../edit/find-document.js';
import { displayPath } from '../load/load-project.js';
import { locateProblems } from '../load/read-json.js';
import { buildContext } from '../model/build-context.js';
import { draftVersion } from '../model/versions.js';
import { prepare } from '../pipeline.js';
import { renderDocument } from '../pipeline/render-document.js';
import { documentInput, prepareSources, type SourceDocument, type Sources } from '../pipeline/sources.js';
import { archivedSourceBytes, SOURCE_NAME } from '../publish/archived-source.js';
import { writeFileAtomic } from '../publish/atomic-write.js';
import { comparisonToSeal } from '../publish/comparison/seal-comparison.js';
import { acquireBuildLock } from '../publish/build-lock.js';
import { renderEditions } from '../publish/render-editions.js';
import { drafterApproves } from '../validate/rules.js';
import { documentSchema, type Person } from '../validate/schemas.js';
import { approvalSummary, confirmApproval } from './approve-confirm.js';
import { refreshSite, type BuildOptions } from './build.js';
import { printProblems } from './report.js';

export interface ApproveArguments {
  readonly code: string | undefined;
  readonly acta: string | undefined;
  readonly fecha: string | undefined;
  readonly comite: string | undefined;
  readonly entity: string | undefined;
  /** --si: approve without asking (scripts). */
  readonly yes?: boolean | undefined;
}

export async function runApprove(options: BuildOptions, args: ApproveArguments): Promise<number> {
  const { code } = args;
  if (!code) throw new UserError('falta el código del documento: docctl aprobar <CÓDIGO> --acta "…"');
  const acta = args.acta?.trim();
  if (!acta) throw new UserError(`falta --acta: el número del acta que aprobó la versión, p. ej. docctl aprobar ${code} --acta "004"`);
  const fecha = args.fecha ?? todayInColombia();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fecha) || !isRealIsoDate(fecha)) {
    throw new UserError(`--fecha "${fecha}" no es una fecha válida; escríbala como AAAA-MM-DD, p. ej. --fecha 2022-12-15`);
  }
  const today = todayInColombia();
  if (fecha > today) {
    throw new UserError(`--fecha ${fecha} es posterior a hoy (${today}, hora de Colombia); la fecha de aprobación es la del acta, que ya ocurrió: escriba esa fecha u omita --fecha para usar la de hoy`);
  }

  const prepared = prepare(options);
  if (hasErrors(prepared.problems)) {
    printProblems(prepared.problems);
    process.stderr.write('Corrija los errores antes de aprobar.\n');
    return 1;
  }
  const found = findDocument(prepared.project, code, args.entity);
  const source = found.document;
  const document = source.document;
  const draft = draftVersion(document);
  if (!draft) {
    const last = document.versiones.at(-1)!;
    if (existsSync(archivedVersionDir(options.dataDir, found.entity.slug, code, last.numero))) {
      throw new UserError(`${code} no tiene un borrador abierto: la versión ${last.numero} ya está aprobada y archivada (docctl generar publica el sitio); para cambiarlo, abra una nueva versión con docctl version ${code} --motivo "…"`);
    }
    throw new UserError(`${code} no tiene un borrador abierto; ábralo primero con docctl version ${code} --motivo "…"`);
  }
  const index = document.versiones.length - 1;

  const missing: string[] = [];
  const roles: [keyof typeof draft & ('elaboro' | 'reviso' | 'aprobo'), string][] = [['elaboro', 'Elaboró'], ['reviso', 'Revisó'], ['aprobo', 'Aprobó']];
  for (const [key, label] of roles) {
    const person: Person | undefined = draft[key];
    // A "name" of only dots or dashes names nobody.
    if (!person?.nombre || personNameKey(person.nombre) === '') missing.push(`versiones[${index}].${key}.nombre (${label})`);
    if (!person?.cargo) missing.push(`versiones[${index}].${key}.cargo (${label})`);
  }
  if (missing.length > 0) {
    throw new UserError(`${source.file}: para aprobar, la versión ${draft.numero} debe decir quién elaboró, revisó y aprobó; faltan: ${missing.join(', ')}`);
  }
  if (drafterApproves(draft)) {
    throw new UserError(
      `${source.file}: versiones[${index}].aprobo.nombre: "${visibleName(draft.aprobo!.nombre!)}" elaboró esta versión y no puede aprobarla (ISO 9001, 7.5.2): es la misma persona que elaboro.nombre ("${visibleName(draft.elaboro!.nombre!)}"); indique otra persona en "aprobo"`,
    );
  }
  const previous = document.versiones.slice(0, index).findLast((v) => v.fecha !== undefined);
  if (previous?.fecha && fecha < previous.fecha) {
    throw new UserError(`--fecha ${fecha} es anterior a la aprobación de la versión ${previous.numero} (${previous.fecha}); las fechas de aprobación no retroceden`);
  }
  const comite = args.comite?.trim() || document.versiones.slice(0, index).findLast((v) => v.acta)?.acta?.comite;
  if (!comite) throw new UserError(`falta --comite: el comité que aprobó, p. ej. --comite "Comité Institucional de Gestión y Desempeño"`);

  process.stdout.write(approvalSummary({ entity: found.entity.entity, document, draft, fecha, acta, comite }));
  if (!(await confirmApproval(code, args.yes ?? false))) {
    process.stderr.write('No se aprobó nada: los datos y lo archivado quedan como estaban.\n');
    return 1;
  }

  const text = readFileSync(source.json.path, 'utf8');
  const edited = editJsonText(text, [
    { path: ['versiones', index, 'estado'], value: undefined },
    { path: ['versiones', index, 'fecha'], value: fecha },
    { path: ['versiones', index, 'acta'], value: { numero: acta, fecha, comite } },
  ]);
  return commitApproval(options, { code, entity: found.entity.slug, text: edited, acta, fecha, number: draft.numero });
}

interface Approval {
  readonly code: string;
  readonly entity: string;
  /** The data file as approved, not written yet. */
  readonly text: string;
  readonly acta: string;
  readonly fecha: string;
  readonly number: number;
}

/** The document as the approval leaves it, from the edited text, without writing it. */
function approvedDocument(sources: Sources, approval: Approval): SourceDocument {
  const doc = sources.documents.find((d) => d.entity.slug === approval.entity && d.context.code === approval.code);
  if (!doc) throw new Error(`internal: ${approval.code} was found before`);
  const value: unknown = JSON.parse(approval.text);
  const document = documentSchema.parse(value);
  const json = { ...doc.source.json, text: approval.text, value, tree: undefined, treeIsBuilt: false };
  return {
    entity: doc.entity,
    source: { ...doc.source, json, document },
    // Drawn with the document's own format, its format's images and its figures, as a build draws it.
    context: buildContext(doc.entity.slug, doc.entity.entity, doc.entity.logo, document, doc.source.format.format, doc.entity.images, doc.source.figures),
  };
}

async function commitApproval(options: BuildOptions, approval: Approval): Promise<number> {
  const sources = prepareSources(options);
  const release = acquireBuildLock(options.outputDir);
  try {
    const draft = sources.documents.find((d) => d.entity.slug === approval.entity && d.context.code === approval.code)!;
    const dir = archiveDir(options.dataDir, approval.entity);
    const archives = archivesBySlug(inspectArchives(options.dataDir));
    // A crash after sealing: the archive has the version; complete the data file instead of refusing.
    const completed = archives.has(approval.entity) ? withArchiveLock(dir, () => completeInterruptedChanges([draft], archives)) : [];
    if (completed.length === 0) {
      // Nothing archived is shown (the site is published below) unless the whole archive verifies.
      const problems = [...archiveFindings([...archives.values()]), ...frozenProblems([draft], archives)];
      if (hasErrors(problems)) {
        printProblems(problems);
        process.stderr.write('Corrija los errores antes de aprobar; no se cambió nada.\n');
        return 1;
      }
      const doc = approvedDocument(sources, approval);
      const { rendered, problems: renderProblems } = renderDocument(documentInput(doc, sources.project), sources.templates);
      if (!rendered) {
        printProblems(locateProblems(renderProblems, new Map([[doc.source.file, doc.source.json]])));
        process.stderr.write('Corrija los errores antes de aprobar; no se cambió nada.\n');
        return 1;
      }
      const editions = await renderEditions(rendered);
      // What changed from the version before, sealed with this one (publish/comparison/).
      const comparison = await comparisonToSeal(archives.get(approval.entity), rendered, doc.source.json.value);
      const target = archivedVersionDir(options.dataDir, approval.entity, approval.code, approval.number);
      withArchiveLock(dir, () =>
        sealVersion({
          archiveDir: dir,
          target,
          files: [...editions, ...comparison, { name: SOURCE_NAME, bytes: archivedSourceBytes(rendered) }],
          manifest: versionManifest(doc, sources, options.templatesDir),
          register: { evento: 'aprobacion' },
        }),
      );
      passFaultPoint('aprobar:antes-de-editar-datos');
      writeFileAtomic(draft.source.json.path, approval.text);
      forgetUndo(draft.source.json.path, approval.code);
      passFaultPoint('aprobar:datos-editados');
      process.stdout.write(`${approval.code} versión ${doc.context.version.label} aprobada mediante el acta No. ${approval.acta} (${approval.fecha}) y archivada en ${displayPath(target)}/\n`);
    } else {
      for (const line of completed) process.stdout.write(`${line.trim()}\n`);
    }
    passFaultPoint('aprobar:antes-del-sitio');
    process.stdout.write(`${await refreshSite(options)}\n`);
    return 0;
  } finally {
    release();
  }
}
