// The kill test's machinery (kill-build.test.ts, kill-approve.test.ts): docctl
// stopped as a crash would (SIGKILL) at every named point of
// src/fault-points.ts — before and after each staged file, each move into
// output/, each rename of any file written, the manifest, approve's edit of
// the data. Named points, not timings, so every kill lands where it is meant
// to. After each kill:
// - data/ and output/ are exactly as before or exactly as after a successful
//   run (SHA-256 of every file), never a mixture;
// - no file is ever a third thing: each is its before or its after bytes;
// - the next run succeeds, leaves no temporary file, lock or staging folder,
//   ends exactly as the successful run did, and verify passes (the archive's
//   verification that docctl verify runs, called in this process).
// What breaks is collected as sentences and compared with the scenario's
// list of known defects, so fixing one turns the test red until it is taken
// off the list, and a new one is never silent.
// Which points a run passes, and how often, is recorded by running it once
// in the test's own process (one scenario per test file, so per process,
// as fresh as the CLI's) with passFaultPoint observed (fault-pass-recorder.ts,
// through the vi.mock in each test file); the kills then happen through the
// real CLI. `npm test` kills at the first pass of every point: every kind of
// point (a staged file, a move into output/, a rename, the archive's seal,
// its register, the data file's edit, the site) once. The full sweep,
// `npm run pruebas:cortes` (DOCCTL_CORTES=todos), kills at the first and the
// last pass of every point, as npm test did before: twice the CLI runs, for
// the last staged file, move and rename as well. Each point works
// on its own copy of the project, so the points run side by side, a few at
// a time (KILL_POOL): the test waits on CLI processes, not on itself.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { inspectArchives } from '../../src/archive/verify.js';
import { FAULT_POINTS } from '../../src/fault-points.js';
import { CLI, REPO, MINIMAL, MINIMAL_DOC } from '../support/project.js';
import { hashTree, type TreeHashes } from '../support/tree-hash.js';
import { recordedFaultPasses as passed } from './fault-pass-recorder.js';

/** How many killed runs (each with its next run and verify) go on at once: the CLI processes are the work. */
const KILL_POOL = Math.max(2, availableParallelism());

const TEMPLATES = join(REPO, 'templates');
/** The register records when each approval happened: the same time in every run, so that states compare. */
const FIXED_EPOCH = '1764460800';
const COMITE = 'Comité Institucional de Gestión y Desempeño';
const APPROVE_ARGS = ['approve', 'GC-P-001', '--acta', '010', '--fecha', '2025-06-02', '--comite', COMITE, '--si'];

/** Leftovers a killed run may leave, which the next run must remove: not part of the state. */
const isLeftover = (rel: string) =>
  /(^|\/)\.[^/]*\.tmp-/.test(rel) ||
  rel === 'output/.docctl.lock' ||
  rel.startsWith('output/.docctl-preparando') ||
  /^data\/[^/]+\/archivo\/(\.docctl\.lock$|\.preparando-)/.test(rel);

/**
 * The caches in output/ are sealed and checked before use (publish/cache-seal.ts): they never change a
 * document, deleting them only costs time, and their bytes depend on the process that wrote them (the
 * in-process run here and the CLI's differ). They are not part of the state compared.
 */
const isCache = (rel: string) => rel === 'output/.docctl-cache.json' || rel === 'output/.docctl-palabras.json';
const stateOf = (project: string): TreeHashes => hashTree(project, (rel) => isLeftover(rel) || isCache(rel));
/** Leftovers still there, their random part elided so that a message is the same every run. */
const leftoversIn = (project: string) =>
  Object.keys(hashTree(project))
    .filter(isLeftover)
    .map((file) => file.replace(/\.tmp-[^/]*$/, '.tmp-…'));

interface CliRun {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

const cliArgs = (project: string, args: readonly string[]) => [...CLI, ...args, '--datos', join(project, 'data'), '--salida', join(project, 'output'), '--silencio'];
const cliEnv = (env: NodeJS.ProcessEnv) => ({ ...process.env, SOURCE_DATE_EPOCH: FIXED_EPOCH, ...env });

function cli(project: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const result = spawnSync(process.execPath, cliArgs(project, args), { cwd: REPO, env: cliEnv(env), encoding: 'utf8' });
  return { status: result.status, signal: result.signal, stderr: result.stderr };
}

/** The same run as `cli`, without blocking this process, so that several go on at once. */
function cliAsync(project: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, cliArgs(project, args), { cwd: REPO, env: cliEnv(env), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status, signal) => resolvePromise({ status, signal, stderr }));
  });
}

/** `work` over every item, at most `limit` at once; the results in the items' order. */
async function inPool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function copyOf(project: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'docctl-kill-'));
  cpSync(project, copy, { recursive: true });
  return copy;
}

export interface Scenario {
  readonly name: 'build' | 'approve';
  readonly args: readonly string[];
  /** The project as it is before the run. */
  readonly project: string;
  readonly before: TreeHashes;
  readonly after: TreeHashes;
  /** Every pass of a named point the run makes, in order ("name", "name#2", …). */
  readonly passes: readonly string[];
}

/** The full sweep (npm run pruebas:cortes): the last pass of every point as well as the first. */
export const FULL_SWEEP = process.env.DOCCTL_CORTES === 'todos';

/** Where a kill is tried: the first pass of every point, and in the full sweep its last pass too. */
export function killPoints(passes: readonly string[], full = FULL_SWEEP): string[] {
  const chosen = new Set<string>();
  for (const name of FAULT_POINTS) {
    const own = passes.filter((p) => p === name || p.startsWith(`${name}#`));
    if (own.length > 0) chosen.add(own[0]!);
    if (own.length > 0 && full) chosen.add(own.at(-1)!);
  }
  return passes.filter((p) => chosen.has(p));
}

/** The known defects ("point: what") of the points this run kills at, in their order. */
export function knownDefectsAt(s: Scenario, known: readonly string[]): string[] {
  const points = killPoints(s.passes);
  const at = (defect: string) => defect.slice(0, defect.indexOf(': '));
  for (const defect of known) expect(s.passes, `a known defect at a point the run never passes: ${defect}`).toContain(at(defect));
  return known.filter((defect) => points.includes(at(defect)));
}

function classify(state: TreeHashes, scenario: Scenario): 'antes' | 'despues' | 'mezcla' {
  const same = (a: TreeHashes, b: TreeHashes) => JSON.stringify(a) === JSON.stringify(b);
  return same(state, scenario.before) ? 'antes' : same(state, scenario.after) ? 'despues' : 'mezcla';
}

/** The minimal project for a scenario: never built (build), or with version 1 archived and a draft of version 2 built (approve). */
function projectFor(name: Scenario['name']): string {
  const project = mkdtempSync(join(tmpdir(), `docctl-kill-${name}-`));
  cpSync(MINIMAL, join(project, 'data'), { recursive: true });
  if (name === 'build') {
    // A second document, a draft: the build then both seals an approved version into the archive and
    // stages a draft's editions into output/, so every point of both paths is passed.
    const source = JSON.parse(readFileSync(join(project, 'data', MINIMAL_DOC), 'utf8')) as Record<string, unknown>;
    const draft = { ...source, codigo: 'GC-P-002', titulo: 'Procedimiento de prueba', versiones: [{ numero: 1, estado: 'borrador', descripcion: 'Creación' }] };
    writeFileSync(join(project, 'data', MINIMAL_DOC.replace('GC-P-001', 'GC-P-002')), `${JSON.stringify(draft, null, 2)}\n`);
    return project;
  }
  const docPath = join(project, 'data', MINIMAL_DOC);
  const doc = JSON.parse(readFileSync(docPath, 'utf8')) as { versiones: Record<string, unknown>[] };
  doc.versiones.push({
    numero: 2,
    estado: 'borrador',
    descripcion: 'Actualización del glosario',
    elaboro: { nombre: 'Luis Gómez', cargo: 'Profesional de Calidad' },
    reviso: { nombre: 'Ana Pérez', cargo: 'Jefa de Planeación' },
    aprobo: { nombre: 'Marta Díaz', cargo: 'Directora' },
    firmantes: [{ nombre: 'Marta Díaz', cargo: 'Directora' }],
  });
  writeFileSync(docPath, `${JSON.stringify(doc, null, 2)}\n`);
  const built = cli(project, ['build']);
  expect(built.status, built.stderr).toBe(0);
  return project;
}

/** Runs the scenario in this process, with the test file's vi.mock recording the passes. */
async function runHere(name: Scenario['name'], work: string): Promise<void> {
  process.env.SOURCE_DATE_EPOCH = FIXED_EPOCH;
  const options = { dataDir: join(work, 'data'), templatesDir: TEMPLATES, outputDir: join(work, 'output'), quiet: true };
  if (name === 'build') {
    const { executeBuild } = await import('../../src/commands/build.js');
    expect((await executeBuild(options)).code).toBe(0);
    return;
  }
  const { runApprove } = await import('../../src/commands/approve.js');
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = () => true; // the summary approve shows
  try {
    expect(await runApprove(options, { code: 'GC-P-001', acta: '010', fecha: '2025-06-02', comite: COMITE, entity: undefined, yes: true })).toBe(0);
  } finally {
    process.stdout.write = write;
  }
}

/** Sets a scenario up: its project, its state before and after a successful CLI run, and the passes of that run. */
export async function prepareScenario(name: Scenario['name']): Promise<Scenario> {
  const args = name === 'build' ? ['build'] : APPROVE_ARGS;
  const project = projectFor(name);
  const before = stateOf(project);
  const done = copyOf(project);
  const run = cli(done, args);
  expect(run.status, run.stderr).toBe(0);
  const after = stateOf(done);
  const here = copyOf(project);
  passed().length = 0;
  await runHere(name, here);
  // The run in this process and the CLI's reach the same state.
  expect(stateOf(here)).toEqual(after);
  return { name, args, project, before, after, passes: [...passed()] };
}

/** Kills the scenario at each chosen point through the CLI; what went wrong, as sentences, in the order of the points. */
export async function defectsWhenKilled(s: Scenario): Promise<string[]> {
  const points = killPoints(s.passes);
  expect(points.length).toBeGreaterThan(0);
  const perPoint = await inPool(points, KILL_POOL, (point) => defectsAtPoint(s, point));
  return perPoint.flat();
}

/** Kills the scenario at one point, on its own copy of the project, then runs what a person runs next. */
async function defectsAtPoint(s: Scenario, point: string): Promise<string[]> {
  const defects: string[] = [];
  const work = copyOf(s.project);
  try {
    const killed = await cliAsync(work, s.args, { DOCCTL_FALLO_EN: point });
    // Every point chosen was passed by the same run in this process, so the CLI's stops there too.
    expect(killed.signal, `${point} (the run in this process passed it, the CLI did not): ${killed.stderr}`).toBe('SIGKILL');

    const state = stateOf(work);
    for (const [file, hash] of Object.entries(state)) {
      if (hash !== s.before[file] && hash !== s.after[file]) defects.push(`${point}: ${file} no es ni el de antes ni el de después`);
    }
    const killedState = classify(state, s);
    if (killedState === 'mezcla') defects.push(`${point}: mezcla de antes y después`);

    // What a person does next: run the same command again; an approval that
    // had completed before the kill is not approved twice, so then a build.
    const nextArgs = s.name === 'approve' && killedState === 'despues' ? ['build'] : s.args;
    let next = await cliAsync(work, nextArgs);
    // An approval killed after its data file was written is done; approve says so and that build
    // publishes the site: what a person does next.
    if (next.status !== 0 && next.stderr.includes('docctl generar publica el sitio')) next = await cliAsync(work, ['build']);
    if (next.status !== 0) {
      defects.push(`${point}: la siguiente ejecución falla: ${next.stderr.trim().split('\n')[0]}`);
      return defects;
    }
    if (leftoversIn(work).length > 0) defects.push(`${point}: quedan ${leftoversIn(work).join(', ')}`);
    if (classify(stateOf(work), s) !== 'despues') defects.push(`${point}: la siguiente ejecución no termina como una sin fallo`);
    // What docctl verify checks (commands/verify.ts prints these findings and fails on any), called in this
    // process: one CLI process fewer per point.
    const findings = inspectArchives(join(work, 'data')).flatMap((archive) => archive.findings.map((f) => `${f.file.slice(work.length + 1)}${f.line ? `:${f.line}` : ''}: ${f.message}`));
    if (findings.length > 0) defects.push(`${point}: verify falla: ${findings.join('; ')}`);
    return defects;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
