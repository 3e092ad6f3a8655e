// The named points of fault-injection.ts that docctl passes, in one list the
// kill test (test/reliability/kill.test.ts) iterates: a point added here is
// tested for build and approve without touching the test. A point passed
// several times in one run (each staged file, each rename) stops the run the
// n-th time it is passed when DOCCTL_FALLO_EN is "<name>#<n>"; the bare name
// is the first time. Points called straight through faultPoint (a bare name)
// belong in the list too: the test stops at their first pass.
import { faultPoint } from './fault-injection.js';

export const FAULT_POINTS = [
  // publish/render-job.ts: each edition written to the staging folder.
  'preparado:antes-de-escribir',
  'preparado:escrito',
  // publish/staging.ts: each staged file moved into output/.
  'mover:antes',
  'mover:despues',
  // publish/atomic-write.ts: every file docctl writes (staged files, manifest,
  // site, caches, the data file approve edits), before and after its rename.
  'renombrar:antes',
  'renombrar:despues',
  // archive/seal.ts: the sealed version folder renamed into the archive, then registered.
  'archivo:antes-de-renombrar',
  'archivo:antes-del-registro',
  // commands/approve.ts: the data file's edit (draft → approved).
  'aprobar:antes-de-editar-datos',
  'aprobar:datos-editados',
  'aprobar:antes-del-sitio',
  // commands/annul.ts: the register entry written, then the data file, then the site.
  'anular:antes-de-editar-datos',
  'anular:antes-del-sitio',
] as const;

export type FaultPointName = (typeof FAULT_POINTS)[number];

const passes = new Map<string, number>();

/** Passes a named point; its n-th pass in this thread is "<name>#<n>" (the first, the bare name). */
export function passFaultPoint(name: FaultPointName): void {
  const count = (passes.get(name) ?? 0) + 1;
  passes.set(name, count);
  faultPoint(count === 1 ? name : `${name}#${count}`);
}
