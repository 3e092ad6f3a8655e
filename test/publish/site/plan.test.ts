// What the site may publish (publish/site/plan.ts), decided before any page
// is drawn: only public documents (both the caller and the rendering must
// say so), only a version in force rendered as vigente, files in a fixed
// order with their digests, documents in the order people look for them.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DocumentContext } from '../../../src/model/document-context.js';
import { isPublishable, planSite } from '../../../src/publish/site/plan.js';
import type { SiteDocument, SiteFile, SiteVersion } from '../../../src/publish/site/types.js';
import { sampleDocument } from '../../support/sample-document.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const file = (kind: SiteFile['kind'], fileName: string): SiteFile => ({ kind, fileName, bytes: bytes(`contenido de ${fileName}`) });

function version(number: number, state: SiteVersion['state'], files: SiteFile[] = [file('pdf', `X-v${number}.pdf`)]): SiteVersion {
  return { number, label: `${number}.0`, description: `Versión ${number}`, state, files };
}

function siteDocument(context: Partial<DocumentContext> = {}, versions: SiteVersion[] = [version(1, 'obsoleto'), version(2, 'vigente')], classification: SiteDocument['classification'] = 'publica'): SiteDocument {
  return { rendered: sampleDocument(context), classification, versions };
}

describe('isPublishable', () => {
  it('publishes only what both the caller and the rendering call public', () => {
    expect(isPublishable(siteDocument())).toBe(true);
    expect(isPublishable(siteDocument({}, undefined, 'publica-clasificada'))).toBe(false);
    expect(isPublishable(siteDocument({}, undefined, 'publica-reservada'))).toBe(false);
    expect(isPublishable(siteDocument({ classification: 'publica-reservada' }, undefined, 'publica'))).toBe(false);
    expect(isPublishable(siteDocument({ classification: 'publica-clasificada' }, undefined, 'publica'))).toBe(false);
  });
});

describe('planSite', () => {
  it('leaves out what is not public, never approved, or rendered as a draft', () => {
    const planned = planSite({
      documents: [
        siteDocument({ code: 'A-1' }),
        siteDocument({ code: 'A-2' }, undefined, 'publica-reservada'),
        siteDocument({ code: 'A-3', classification: 'publica-clasificada' }),
        siteDocument({ code: 'A-4' }, [version(1, 'obsoleto')]),
        siteDocument({ code: 'A-5', state: 'borrador' }),
        siteDocument({ code: 'A-6', state: 'obsoleto' }),
      ],
    });
    expect(planned.map((doc) => doc.context.code)).toEqual(['A-1']);
  });

  it('orders versions by number and files PDF first, with path, size and SHA-256', () => {
    const [doc] = planSite({
      documents: [
        siteDocument({ code: 'A-1', version: { number: 3, label: '3.0', description: 'Tercera', approvalDateShort: '01/01/2023' } }, [
          version(3, 'vigente', [file('docx', 'A-1-v3.docx'), file('pdf', 'A-1-v3.pdf')]),
          version(1, 'obsoleto', [file('pdf', 'b.pdf'), file('pdf', 'a.pdf')]),
          version(2, 'obsoleto'),
        ]),
      ],
    });
    expect(doc!.versions.map((v) => v.number)).toEqual([1, 2, 3]);
    expect(doc!.current.number).toBe(3);
    expect(doc!.pagePath).toBe('alcaldia-prueba/A-1/index.html');
    expect(doc!.versions[0]!.files.map((f) => f.fileName)).toEqual(['a.pdf', 'b.pdf']);
    const current = doc!.current.files.map(({ kind, fileName, path, size, sha256 }) => ({ kind, fileName, path, size, sha256 }));
    const digest = (name: string) => createHash('sha256').update(`contenido de ${name}`).digest('hex');
    expect(current).toEqual([
      { kind: 'pdf', fileName: 'A-1-v3.pdf', path: 'alcaldia-prueba/A-1/v3/A-1-v3.pdf', size: bytes('contenido de A-1-v3.pdf').length, sha256: digest('A-1-v3.pdf') },
      { kind: 'docx', fileName: 'A-1-v3.docx', path: 'alcaldia-prueba/A-1/v3/A-1-v3.docx', size: bytes('contenido de A-1-v3.docx').length, sha256: digest('A-1-v3.docx') },
    ]);
  });

  it('orders documents by entity name, slug, process and code', () => {
    const entity = sampleDocument().context.entity;
    const doc = (code: string, process: string, name = entity.name, slug = entity.slug) => siteDocument({ code, process, entity: { ...entity, name, slug } });
    const planned = planSite({
      documents: [
        doc('B-2', 'gestión b'),
        doc('B-1', 'Gestión B'),
        doc('A-9', 'Gestión A'),
        doc('Z-1', 'Gestión A', 'Ñ Entidad', 'zeta'),
        doc('Y-1', 'Gestión A', 'alcaldía distrital de prueba', 'beta'),
        doc('C-1', 'Gestión A', 'Nueva Entidad', 'nueva'),
      ],
    });
    expect(planned.map((d) => `${d.context.entity.slug}/${d.context.code}`)).toEqual([
      'alcaldia-prueba/A-9',
      'alcaldia-prueba/B-1',
      'alcaldia-prueba/B-2',
      'beta/Y-1',
      'nueva/C-1',
      'zeta/Z-1',
    ]);
  });

  it('orders by process before code, a document without a process first', () => {
    const planned = planSite({
      documents: [siteDocument({ code: 'A-1', process: 'Gestión Z' }), siteDocument({ code: 'B-1', process: 'Gestión A' }), siteDocument({ code: 'C-1', process: undefined })],
    });
    expect(planned.map((d) => d.context.code)).toEqual(['C-1', 'B-1', 'A-1']);
    const reversed = planSite({
      documents: [siteDocument({ code: 'C-1', process: undefined }), siteDocument({ code: 'B-1', process: 'Gestión A' }), siteDocument({ code: 'A-1', process: 'Gestión Z' })],
    });
    expect(reversed.map((d) => d.context.code)).toEqual(['C-1', 'B-1', 'A-1']);
  });

  it('keeps the comparison pages it is given, and has none when given none', () => {
    const comparisons = new Map([[2, { number: 2 }]]) as unknown as NonNullable<SiteDocument['comparisons']>;
    const [withPages] = planSite({ documents: [{ ...siteDocument(), comparisons }] });
    expect(withPages!.comparisons).toBe(comparisons);
    const [without] = planSite({ documents: [siteDocument()] });
    expect(without!.comparisons).toBeInstanceOf(Map);
    expect(without!.comparisons.size).toBe(0);
  });

  it('refuses, as a bug, an entity or code that could not be a folder of its kind', () => {
    const entity = sampleDocument().context.entity;
    expect(() => planSite({ documents: [siteDocument({ entity: { ...entity, slug: 'Alcaldia_Prueba' } })] })).toThrow('internal: unsafe entity for a site path: "Alcaldia_Prueba"');
    expect(() => planSite({ documents: [siteDocument({ code: 'gti_p.001' })] })).toThrow('internal: unsafe code for a site path: "gti_p.001"');
  });

  it('treats inconsistent input as a bug', () => {
    expect(() => planSite({ documents: [siteDocument({}, [version(1, 'vigente'), version(2, 'vigente')])] })).toThrow('internal: alcaldia-prueba/GTI-P-001 has 2 versions in force');
    expect(() => planSite({ documents: [siteDocument({}, [version(1, 'vigente')])] })).toThrow(
      'internal: alcaldia-prueba/GTI-P-001 is rendered at version 2 but version 1 is in force',
    );
    expect(() => planSite({ documents: [siteDocument(), siteDocument()] })).toThrow('internal: two documents publish to alcaldia-prueba/GTI-P-001/index.html');
    expect(() => planSite({ documents: [siteDocument({}, [version(0, 'vigente')])] })).toThrow('internal: version number 0 in alcaldia-prueba/GTI-P-001');
    expect(() => planSite({ documents: [siteDocument({}, [version(1.5, 'vigente')])] })).toThrow('internal: version number 1.5 in alcaldia-prueba/GTI-P-001');
  });
});
