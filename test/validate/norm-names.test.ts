// Norms as people write them: lookup by name (shortened types included),
// mentions in running text, the sentence shown for review, and the ids
// derived for new norms — checked against the real catalogue of the seeds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findNorms, mentionsIn, normId, normName, sentenceAround, suggestNorm, withArticle } from '../../src/model/norm-names.js';
import { normCatalogSchema, type Norm } from '../../src/validate/schemas.js';
import { REPO } from '../support/project.js';

const seeds = normCatalogSchema.parse(JSON.parse(readFileSync(join(REPO, 'data', 'normas.json'), 'utf8'))).normas;
const norms = new Map(seeds.map((n) => [n.id, n]));
const norm = (id: string) => norms.get(id)!;
const ids = (query: string) => findNorms(norms, query).map((n) => n.id);
const mentioned = (text: string, id: string) => mentionsIn(text, norm(id)).map((m) => text.slice(m.start, m.end));

describe('finding a norm by name', () => {
  it('matches number and year exactly and the type by whole words at either end', () => {
    expect(ids('Decreto 1008 de 2018')).toEqual(['decreto-1008-2018']);
    expect(ids('decreto-1008-2018')).toEqual(['decreto-1008-2018']);
    expect(ids('Ley 1581 de 2012')).toEqual(['ley-estatutaria-1581-2012']);
    expect(ids('decreto 1078 del 2015')).toEqual(['decreto-unico-sectorial-1078-2015']);
    expect(ids('CONPES 3920 de 2018')).toEqual(['documento-conpes-3920-2018']);
    expect(ids('Decreto No. 088 de 2022')).toEqual(['decreto-088-2022']);
    expect(ids('Decreto 88 de 2022')).toEqual(['decreto-088-2022']);
    expect(ids('Resolución 1008 de 2018')).toEqual([]);
    expect(ids('Decreto 1008 de 2019')).toEqual([]);
    expect(ids('Estatutaria Ley 1581 de 2012')).toEqual([]);
  });

  it('prefers an exact type to a shortened one', () => {
    const both = new Map<string, Norm>([
      ['decreto-9-2020', { ...norm('decreto-767-2022'), id: 'decreto-9-2020', numero: '9', año: 2020 }],
      ['decreto-ley-9-2020', { ...norm('decreto-767-2022'), id: 'decreto-ley-9-2020', tipo: 'Decreto Ley', numero: '9', año: 2020 }],
    ]);
    expect(findNorms(both, 'Decreto 9 de 2020').map((n) => n.id)).toEqual(['decreto-9-2020']);
    expect(findNorms(both, 'Decreto Ley 9 de 2020').map((n) => n.id)).toEqual(['decreto-ley-9-2020']);
  });

  it('suggests the norm a slip most likely meant', () => {
    expect(suggestNorm(norms, 'Resolución 1008 de 2018')).toBe('Decreto 1008 de 2018');
    expect(suggestNorm(norms, 'Ley 1582 de 2012')).toBe('Ley Estatutaria 1581 de 2012');
    expect(suggestNorm(norms, 'Decreto 1008 de 2017')).toBe('Decreto 1008 de 2018');
    expect(suggestNorm(norms, 'decreto-1008-201')).toBe('decreto-1008-2018');
    expect(suggestNorm(norms, 'Acuerdo 999 de 1950')).toBeUndefined();
  });
});

describe('mentions in running text', () => {
  it('finds the ways a norm is cited, and nothing else', () => {
    expect(mentioned('desde la adopción del Decreto 1008 de 2018 y ahora', 'decreto-1008-2018')).toEqual(['Decreto 1008 de 2018']);
    expect(mentioned('según el DECRETO No. 1008 del 2018.', 'decreto-1008-2018')).toEqual(['DECRETO No. 1008 del 2018']);
    expect(mentioned('se acoge al Decreto 767 de mayo de 2022 que', 'decreto-767-2022')).toEqual(['Decreto 767 de mayo de 2022']);
    expect(mentioned('Establece según el decreto 1078 del 2015, los', 'decreto-unico-sectorial-1078-2015')).toEqual(['decreto 1078 del 2015']);
    expect(mentioned('la Resolución 1008 de 2018, el Decreto 10080 de 2018, el Decreto 1008 de 20189 y el Decreto 1008 de 2019', 'decreto-1008-2018')).toEqual([]);
    expect(mentioned('la Ley Estatutaria 1581 de 2012 y la ley 1581 de 2012', 'ley-estatutaria-1581-2012')).toEqual(['Ley Estatutaria 1581 de 2012', 'ley 1581 de 2012']);
  });

  it('points at the person’s own words when accents are written as combining marks', () => {
    const text = 'Ver la Resolucio\u0301n 1519 de 2020 y la Ley 1712 de 2014.';
    expect(mentioned(text, 'ley-1712-2014')).toEqual(['Ley 1712 de 2014']);
    expect(mentioned(text, 'resolucion-1519-2020')).toEqual(['Resolucio\u0301n 1519 de 2020']);
  });

  it('shows the sentence around a mention, not cut at "No." and shortened when long', () => {
    const text = 'Primera frase. Según el Decreto No. 1008 de 2018 se adoptó la política. Otra frase.';
    const [mention] = mentionsIn(text, norm('decreto-1008-2018'));
    expect(sentenceAround(text, mention!)).toBe('Según el Decreto No. 1008 de 2018 se adoptó la política.');
    const long = `${'palabra '.repeat(40)}del Decreto 1008 de 2018 ${'otra '.repeat(40)}fin.`;
    const sentence = sentenceAround(long, mentionsIn(long, norm('decreto-1008-2018'))[0]!);
    expect(sentence.startsWith('…')).toBe(true);
    expect(sentence.endsWith('…')).toBe(true);
    expect(sentence).toContain('Decreto 1008 de 2018');
    expect(sentence.length).toBeLessThan(220);
  });
});

describe('names and ids', () => {
  it('derives every id of the seeds from type, number and year', () => {
    for (const n of seeds) expect(normId(n.tipo, n.numero, n.año)).toBe(n.id);
  });

  it('names a norm with its article', () => {
    expect(withArticle(norm('decreto-1008-2018'))).toBe('el Decreto 1008 de 2018');
    expect(withArticle(norm('ley-estatutaria-1581-2012'))).toBe('la Ley Estatutaria 1581 de 2012');
    expect(withArticle(norm('resolucion-1519-2020'))).toBe('la Resolución 1519 de 2020');
    expect(normName(norm('documento-conpes-3920-2018'))).toBe('Documento CONPES 3920 de 2018');
  });
});
