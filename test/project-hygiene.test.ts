// Properties of the repository itself that a user's clone depends on.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSchemas } from '../src/commands/schemas.js';
import { REPO } from './support/project.js';

const tracked = () => execFileSync('git', ['ls-files'], { cwd: REPO, encoding: 'utf8' }).split('\n').filter(Boolean);

describe('the repository', () => {
  it('never reads the shared folder beside the project: a user clone has none', () => {
    // Spelled in pieces so this test does not match itself.
    const sharedFolder = ['..', 'shared'].join('/');
    const offenders = tracked()
      .filter((file) => /^(src|templates|test)\//.test(file) || file === 'package.json')
      .filter((file) => readFileSync(join(REPO, file), 'latin1').includes(sharedFolder));
    expect(offenders).toEqual([]);
  });

  it('keeps the committed JSON Schemas in step with the zod schemas (run `docctl esquemas`)', () => {
    for (const [file, text] of Object.entries(generateSchemas())) {
      expect(readFileSync(join(REPO, 'schemas', file), 'utf8'), file).toBe(text);
    }
  });

  it('points every data file at its JSON Schema', () => {
    // The archive (data/<entidad>/archivo/) is written by docctl, never edited by people: no editor help needed.
    const dataFiles = tracked().filter((file) => file.startsWith('data/') && file.endsWith('.json') && !/^data\/[^/]+\/archivo\//.test(file));
    expect(dataFiles.length).toBeGreaterThan(0);
    for (const file of dataFiles) {
      const value = JSON.parse(readFileSync(join(REPO, file), 'utf8')) as { $schema?: string };
      const isFormat = file.endsWith('/formato.json') || /\/formatos\/[^/]+\.json$/.test(file);
      const expected = file.endsWith('normas.json') ? 'normas' : file.endsWith('entidad.json') ? 'entidad' : isFormat ? 'formato' : 'documento';
      expect(value.$schema, file).toMatch(new RegExp(`(\\.\\./)+schemas/${expected}\\.schema\\.json$`));
      const resolved = join(REPO, file, '..', value.$schema ?? '');
      expect(readFileSync(resolved, 'utf8').length, `${file} → ${value.$schema}`).toBeGreaterThan(0);
    }
  });

  it('commits the archive of approved versions: it is the record, not regenerable output', () => {
    const archived = tracked().filter((f) => /^data\/[^/]+\/archivo\//.test(f));
    expect(archived).toContain('data/personeria-cartagena/archivo/registro.jsonl');
    expect(archived).toContain('data/personeria-cartagena/archivo/DE-P-007/v1/manifiesto.json');
    expect(archived).toContain('data/alcaldia-cartagena/archivo/GTI-P-001/v2/GTI-P-001-v2.pdf');
    // git check-ignore prints the paths .gitignore excludes: only what an interrupted write leaves.
    const paths = ['data/x/archivo/A/v1/A-v1.pdf', 'data/x/archivo/A/v1/manifiesto.json', 'data/x/archivo/registro.jsonl', 'data/x/archivo/.preparando-1a/A-v1.pdf', 'data/x/archivo/.docctl.lock'];
    const ignored = spawnSync('git', ['check-ignore', '--no-index', ...paths], { cwd: REPO, encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    expect(ignored).toEqual(['data/x/archivo/.preparando-1a/A-v1.pdf', 'data/x/archivo/.docctl.lock']);
  });

  it('does not commit generated output', () => {
    expect(tracked().filter((f) => f.startsWith('output/') && f !== 'output/.gitkeep')).toEqual([]);
  });
});
