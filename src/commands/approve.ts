// docctl approve <CÓDIGO> --acta "…" [--fecha AAAA-MM-DD] [--comite "…"]:
// turns the open draft into the vigente version, then builds, which archives
// it (write-once). ISO 9001 7.5.2 c: the version must have been drafted,
// reviewed and approved by named people, and whoever drafted it may not
// approve it.
import { readFileSync } from 'node:fs';
import { isRealIsoDate, todayInColombia } from '../dates.js';
import { hasErrors, UserError } from '../errors.js';
import { foldText } from '../fold-text.js';
import { forgetUndo } from '../edit/draft-undo.js';
import { editJsonText } from '../edit/edit-json.js';
import { findDocument } from '../edit/find-document.js';
import { draftVersion } from '../model/versions.js';
import { prepare } from '../pipeline.js';
import { writeFileAtomic } from '../publish/atomic-write.js';
import type { Person } from '../validate/schemas.js';
import { runBuild, type BuildOptions } from './build.js';
import { printProblems } from './report.js';

export interface ApproveArguments {
  readonly code: string | undefined;
  readonly acta: string | undefined;
  readonly fecha: string | undefined;
  readonly comite: string | undefined;
  readonly entity: string | undefined;
}

const sameName = (a: string, b: string) => foldText(a) === foldText(b);

export async function runApprove(options: BuildOptions, args: ApproveArguments): Promise<number> {
  const { code } = args;
  if (!code) throw new UserError('falta el código del documento: docctl approve <CÓDIGO> --acta "…"');
  const acta = args.acta?.trim();
  if (!acta) throw new UserError(`falta --acta: el número del acta que aprobó la versión, p. ej. docctl approve ${code} --acta "004"`);
  const fecha = args.fecha ?? todayInColombia();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fecha) || !isRealIsoDate(fecha)) {
    throw new UserError(`--fecha "${fecha}" no es una fecha válida; escríbala como AAAA-MM-DD, p. ej. --fecha 2022-12-15`);
  }

  const prepared = prepare(options);
  if (hasErrors(prepared.problems)) {
    printProblems(prepared.problems);
    process.stderr.write('Corrija los errores antes de aprobar.\n');
    return 1;
  }
  const { document: source } = findDocument(prepared.project, code, args.entity);
  const document = source.document;
  const draft = draftVersion(document);
  if (!draft) throw new UserError(`${code} no tiene un borrador abierto; ábralo primero con docctl version ${code} --motivo "…"`);
  const index = document.versiones.length - 1;

  const missing: string[] = [];
  const roles: [keyof typeof draft & ('elaboro' | 'reviso' | 'aprobo'), string][] = [['elaboro', 'Elaboró'], ['reviso', 'Revisó'], ['aprobo', 'Aprobó']];
  for (const [key, label] of roles) {
    const person: Person | undefined = draft[key];
    if (!person?.nombre) missing.push(`versiones[${index}].${key}.nombre (${label})`);
    if (!person?.cargo) missing.push(`versiones[${index}].${key}.cargo (${label})`);
  }
  if (missing.length > 0) {
    throw new UserError(`${source.file}: para aprobar, la versión ${draft.numero} debe decir quién elaboró, revisó y aprobó; faltan: ${missing.join(', ')}`);
  }
  if (sameName(draft.elaboro!.nombre!, draft.aprobo!.nombre!)) {
    throw new UserError(`${source.file}: versiones[${index}]: ${draft.aprobo!.nombre} elaboró esta versión y no puede aprobarla (ISO 9001, 7.5.2); indique otra persona en "aprobo"`);
  }
  const previous = document.versiones.slice(0, index).findLast((v) => v.fecha !== undefined);
  if (previous?.fecha && fecha < previous.fecha) {
    throw new UserError(`--fecha ${fecha} es anterior a la aprobación de la versión ${previous.numero} (${previous.fecha}); las fechas de aprobación no retroceden`);
  }
  const comite = args.comite?.trim() || document.versiones.slice(0, index).findLast((v) => v.acta)?.acta?.comite;
  if (!comite) throw new UserError(`falta --comite: el comité que aprobó, p. ej. --comite "Comité Institucional de Gestión y Desempeño"`);

  const text = readFileSync(source.json.path, 'utf8');
  const edited = editJsonText(text, [
    { path: ['versiones', index, 'estado'], value: undefined },
    { path: ['versiones', index, 'fecha'], value: fecha },
    { path: ['versiones', index, 'acta'], value: { numero: acta, fecha, comite } },
  ]);
  writeFileAtomic(source.json.path, edited);
  forgetUndo(source.json.path, code);
  process.stdout.write(`${code} versión ${draft.numero} aprobada mediante el acta No. ${acta} (${fecha}); generando y archivando…\n`);
  return runBuild(options);
}
