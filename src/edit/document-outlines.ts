// The usual sections of each type of document, for docctl nuevo: what a
// calidad team expects to find in a política, a procedimiento, a manual…
// (the structure of the entities' own documents, docs/real-clients.md), each
// with a short text saying what goes there. The text is a guide to replace,
// written so that a draft reads as one: "Escriba aquí…".
import type { DOCUMENT_TYPES, Section } from '../validate/schemas.js';

export type DocumentType = (typeof DOCUMENT_TYPES)[number];

const objective = (what: string): Section => ({
  titulo: 'Objetivo',
  contenido: `Escriba aquí, en una o dos frases, para qué existe ${what}: qué resultado busca y para quién.`,
});
const scope = (what: string): Section => ({
  titulo: 'Alcance',
  contenido: `Escriba aquí dónde empieza y dónde termina ${what}: a qué dependencias, procesos y personas aplica, y qué queda por fuera.`,
});
const introduction: Section = {
  titulo: 'Introducción',
  contenido: 'Escriba aquí el contexto: qué situación atiende el documento y por qué la entidad lo adopta.',
};
const legalFramework: Section = { titulo: 'Marco jurídico', bloque: 'marco-juridico' };
const glossary: Section = { titulo: 'Definiciones', bloque: 'glosario' };
const roles: Section = { titulo: 'Roles y responsabilidades', bloque: 'roles' };
const followUp: Section = {
  titulo: 'Seguimiento y evaluación',
  contenido: 'Escriba aquí cómo se mide el cumplimiento: indicadores, quién los mide, con qué frecuencia y ante quién se presentan los resultados.',
};
const relatedDocuments: Section = {
  titulo: 'Documentos relacionados',
  contenido: 'Liste aquí los formatos, guías y procedimientos que se usan con este documento, con su código:\n\n- Código — nombre del documento',
};

const activitiesTable = [
  'Describa aquí cada actividad en el orden en que se hace; agregue una fila por actividad.',
  '',
  '| N.º | Actividad | Responsable | Registro |',
  '|---|---|---|---|',
  '| 1 | Qué se hace, en infinitivo | Cargo | Formato o evidencia |',
].join('\n');

export const OUTLINES: Readonly<Record<DocumentType, readonly Section[]>> = {
  politica: [
    introduction,
    objective('la política'),
    scope('la política'),
    legalFramework,
    glossary,
    { titulo: 'Declaración de la política', contenido: 'Escriba aquí el compromiso de la entidad, en primera persona del plural y en pocas frases: «La entidad se compromete a…».' },
    { titulo: 'Lineamientos', contenido: 'Liste aquí los lineamientos que concretan la declaración:\n\n1. Primer lineamiento.\n2. Segundo lineamiento.' },
    roles,
    followUp,
  ],
  procedimiento: [
    objective('el procedimiento'),
    scope('el procedimiento'),
    legalFramework,
    glossary,
    { titulo: 'Condiciones generales', contenido: 'Escriba aquí las reglas que valen para todas las actividades: plazos, requisitos previos, controles.' },
    { titulo: 'Descripción de actividades', contenido: activitiesTable },
    roles,
    relatedDocuments,
  ],
  manual: [
    introduction,
    objective('el manual'),
    scope('el manual'),
    legalFramework,
    glossary,
    {
      titulo: 'Contenido',
      contenido: 'Organice aquí el cuerpo del manual en secciones; agregue una por tema en "secciones".',
      secciones: [{ titulo: 'Primer tema', contenido: 'Escriba aquí el primer tema del manual.' }],
    },
    roles,
    relatedDocuments,
  ],
  guia: [
    introduction,
    objective('la guía'),
    scope('la guía'),
    glossary,
    { titulo: 'Orientaciones', contenido: 'Escriba aquí, paso a paso, cómo hacer lo que la guía explica:\n\n1. Primer paso.\n2. Segundo paso.' },
    legalFramework,
    relatedDocuments,
  ],
  plan: [
    introduction,
    objective('el plan'),
    scope('el plan'),
    legalFramework,
    glossary,
    { titulo: 'Diagnóstico', contenido: 'Escriba aquí la situación de partida: qué se encontró, con qué datos y de qué fecha.' },
    {
      titulo: 'Actividades',
      contenido: ['Liste aquí las actividades del plan; una fila por actividad.', '', '| Actividad | Responsable | Meta | Fecha |', '|---|---|---|---|', '| Qué se hará | Cargo | Meta medible | AAAA-MM-DD |'].join('\n'),
    },
    roles,
    followUp,
  ],
  programa: [
    introduction,
    objective('el programa'),
    scope('el programa'),
    legalFramework,
    glossary,
    { titulo: 'Población objetivo', contenido: 'Escriba aquí a quiénes se dirige el programa y cuántos son.' },
    { titulo: 'Componentes', contenido: 'Describa aquí los componentes del programa y las actividades de cada uno.' },
    roles,
    followUp,
  ],
  instructivo: [
    objective('el instructivo'),
    scope('el instructivo'),
    glossary,
    { titulo: 'Requisitos', contenido: 'Liste aquí lo que se necesita antes de empezar: accesos, formatos, información.' },
    { titulo: 'Instrucciones', contenido: 'Escriba aquí cada paso, en orden y en infinitivo:\n\n1. Primer paso.\n2. Segundo paso.' },
    relatedDocuments,
  ],
};

/** The placeholders the glossary and roles blocks need to show something; the draft's text says to replace them. */
export const GLOSSARY_PLACEHOLDER = { termino: 'Término', definicion: 'Escriba aquí la definición; agregue una entrada por término que el documento use en un sentido propio.' };
export const ROLE_PLACEHOLDER = {
  rol: 'Líder del proceso',
  responsabilidades: 'Escriba aquí lo que le corresponde hacer en este documento.',
  responsable: 'Cargo de quien cumple el rol',
};
