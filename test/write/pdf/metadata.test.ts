// pdfkit pastes metadata into XMP unescaped; ours escapes every value.
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { escapeXml, xmpDescriptions } from '../../../src/write/pdf/metadata.js';

describe('XMP metadata', () => {
  it('escapes &, <, > and quotes so a title like "Gestión & Control <2024>" keeps the packet well formed', () => {
    expect(escapeXml(`a & b < c > "d" 'e'`)).toBe('a &#38; b &#60; c &#62; &#34;d&#34; &#39;e&#39;');
    const xml = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">${xmpDescriptions(
      { Title: 'Gestión & Control <2024>', Author: 'A&B', Subject: 's', Keywords: 'k<1>', Creator: 'c', Producer: 'p', CreationDate: new Date(Date.UTC(2022, 11, 15)) },
      'es-CO',
    )}</rdf:RDF>`;
    const errors: string[] = [];
    const dom = new DOMParser({ onError: (level, message) => errors.push(`${level}: ${message}`) }).parseFromString(xml, 'text/xml');
    expect(errors).toEqual([]);
    expect(dom.getElementsByTagName('dc:title')[0]?.textContent?.trim()).toBe('Gestión & Control <2024>');
    expect(dom.getElementsByTagName('xmp:ModifyDate')[0]?.textContent).toBe('2022-12-15T00:00:00Z');
    expect(dom.getElementsByTagName('dc:language')[0]?.textContent?.trim()).toBe('es-CO');
  });
});
