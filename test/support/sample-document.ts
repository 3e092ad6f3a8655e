// A small but complete RenderedDocument built by hand, for writer tests that
// should not depend on the data files: it has every node type the parse stage
// produces (numbered headings, rich tables, glossary, underline, signatures,
// the change-control front section) and a one-pixel-free placeholder logo.
import type { DocumentContext, RenderedDocument } from '../../src/model/document-context.js';
import { DEFAULT_FORMAT, formatHash } from '../../src/model/format.js';
import { buildFrame } from '../../src/model/frame.js';
import { frameValuesOfContext } from '../../src/model/build-context.js';
import type { Format } from '../../src/validate/format-schema.js';
import { parseMarkdown } from '../../src/parse/parse-markdown.js';
import { writeRgbPng } from '../../src/write/pdf/png.js';

export const SAMPLE_MARKDOWN = `::::control-de-cambios
:::tabla{tipo="control-de-cambios" encabezado=1}
- - Versión
  - Fecha
  - Descripción del cambio
  - Aprobó
- - 1.0
  - —
  - Elaboración de Documento
  - —
- - 2.0
  - 15/12/2022
  - Actualización de normativa de acuerdo con el decreto 767 del 2022
  - ALCALDE MAYOR DE CARTAGENA
:::
::::

# INTRODUCCIÓN

La Política de Gobierno Digital forma parte del **Modelo Integrado** de *Planeación* y :subrayado[Gestión]; véase [MinTIC](https://www.mintic.gov.co).\\
Segunda línea con ñ Ñ ü ¿ ¡ « » – —.

# MARCO JURÍDICO

:::tabla{tipo="marco-juridico" encabezado=1}
- - Norma
  - Número
  - Fecha
  - Detalle
- - Decreto
  - 767
  - 2022
  - Por el cual se establecen los lineamientos generales de la Política de Gobierno Digital
- - Ley
  - 1712
  - 2014
  - Ley de Transparencia y acceso a la información pública
:::

# MARCO CONCEPTUAL

:::glosario
**Accesibilidad:** Es una característica deseable en las páginas web.

**Ñandú:** Ave corredora.
:::

# ESTRUCTURA GENERAL

## DECLARACIÓN

- Primer punto
- Segundo punto

### OBJETIVO GENERAL

1. Uno
2. Dos

:::tabla{titulo="Líneas estratégicas"}
- - PROCESO
  - ACTIVIDADES
- - Macroproceso
  - :subrayado[Seguridad táctica]

    1. Realizar el diagnóstico
    2. Planificar la gestión

    Un segundo párrafo.
- -
  - Otra celda
:::

# FIRMAS

::firmas
`;

/** A valid 2×1 RGB PNG, so writers have a real image to embed. */
export function tinyPng(): Uint8Array {
  return new Uint8Array(writeRgbPng(2, 1, Buffer.from([200, 30, 30, 30, 30, 200])));
}

/** A context as buildContext would make it; `format` (by default docctl's) gives its frame. */
export function sampleContext(overrides: Partial<DocumentContext> = {}, format: Format = DEFAULT_FORMAT): DocumentContext {
  const base = sampleContextData(overrides);
  return { ...base, frame: buildFrame(format, frameValuesOfContext(base, format)), formatHash: formatHash(format), ...overrides };
}

/**
 * A context whose identity fields were changed by spreading: its frame drawn
 * again from them, as buildContext would have drawn it from such data.
 */
export function reframe(context: DocumentContext, format: Format = DEFAULT_FORMAT): DocumentContext {
  return { ...context, frame: buildFrame(format, frameValuesOfContext(context, format)) };
}

function sampleContextData(overrides: Partial<DocumentContext>): Omit<DocumentContext, 'frame' | 'formatHash'> {
  return {
    entity: {
      slug: 'alcaldia-prueba',
      name: 'Alcaldía Distrital de Prueba',
      shortName: 'ALCALDÍA DE PRUEBA',
      slogan: 'Un lema de prueba',
      address: 'Calle 1 # 2 - 3',
      phones: ['(57) 601 000 0000'],
      emails: ['contacto@prueba.gov.co'],
      web: 'https://www.prueba.gov.co',
      controlledCopyNotice: 'La versión vigente y controlada de este documento solo podrá ser consultada en la página web.',
      pageSize: 'carta',
      logo: { bytes: tinyPng(), mime: 'image/png', width: 2, height: 1 },
      images: {},
    },
    code: 'GTI-P-001',
    title: 'POLÍTICA DE GOBIERNO DIGITAL',
    process: 'GESTIÓN TECNOLOGÍA E INFORMÁTICA',
    dependency: 'Oficina Asesora de Informática',
    typeLabel: 'Política',
    classification: 'publica',
    classificationLabel: 'Información pública',
    state: 'vigente',
    version: {
      number: 2,
      label: '2.0',
      description: 'Actualización de normativa',
      approvalDate: '2022-12-15',
      approvalDateShort: '15/12/2022',
    },
    year: 2022,
    approvingBody: 'Comité Institucional de Gestión y Desempeño',
    approvalSentence:
      'Aprobado mediante el acta No. 004 del 15 de diciembre del 2022 del Comité Institucional de Gestión y Desempeño.',
    approvalGrid: [
      { role: 'Elaboró', position: 'Jefe de Oficina Asesora de Informática' },
      { role: 'Revisó', position: 'Comité Institucional de Gestión y Desempeño' },
      { role: 'Aprobó', name: 'WILLIAM DAU CHAMAT', position: 'ALCALDE MAYOR DE CARTAGENA' },
    ],
    signatories: [{ name: 'WILLIAM DAU CHAMAT', position: 'ALCALDE MAYOR DE CARTAGENA' }],
    timestamp: new Date(Date.UTC(2022, 11, 15)),
    figures: {},
    keywords: ['GTI-P-001', 'versión 2.0'],
    ...overrides,
  };
}

export function sampleDocument(overrides: Partial<DocumentContext> = {}, format?: Format): RenderedDocument {
  return { context: sampleContext(overrides, format), tree: parseMarkdown(SAMPLE_MARKDOWN), markdown: SAMPLE_MARKDOWN };
}
