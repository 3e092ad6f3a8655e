// Norms as people write them: "Decreto 1008 de 2018", "Ley 1581 de 2012",
// "decreto 1078 del 2015". The catalogue stores a type, a number and a year;
// people often shorten the type ("Ley" for "Ley Estatutaria", "Decreto" for
// "Decreto Único Sectorial", "CONPES" for "Documento CONPES"), so a name
// matches on number and year exactly and on the type by whole words at
// either end.
import { foldText } from '../fold-text.js';
import { closest } from '../validate/closest.js';
import type { Norm } from '../validate/schemas.js';

export const normName = (norm: Pick<Norm, 'tipo' | 'numero' | 'año'>) => `${norm.tipo} ${norm.numero} de ${norm.año}`;

/** The catalogue's id for a norm: its type, number and year as a slug ("ley-estatutaria-1581-2012"). */
export function normId(tipo: string, numero: string, año: number): string {
  return foldText(`${tipo} ${numero} ${año}`).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** "No. 010" and "10" are the same number. */
export const bareNumber = (n: string) => foldText(n).replace(/^no\.?\s*/, '').replace(/^0+(?=\d)/, '');

export interface NormName {
  readonly tipo: string;
  readonly numero: string;
  readonly año: number;
}

export function parseNormName(text: string): NormName | undefined {
  const match = /^(.+?)\s+(?:n[oº°]\.?\s*)?([\w.-]+)\s+del?\s+(\d{4})$/i.exec(text.trim());
  if (!match) return undefined;
  return { tipo: match[1]!, numero: match[2]!, año: Number(match[3]) };
}

/** Whether a type written by someone ("Ley") names the stored one ("Ley Estatutaria"): whole words at its start or end. */
function typeMatches(written: string, stored: string): boolean {
  const a = foldText(written).split(' ');
  const b = foldText(stored).split(' ');
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  const startsWith = shorter.every((word, i) => longer[i] === word);
  const endsWith = shorter.every((word, i) => longer[longer.length - shorter.length + i] === word);
  return startsWith || endsWith;
}

/**
 * The norms a query names: by catalogue id, or by name. An exact type wins
 * over a shortened one, so "Decreto 1078 de 2015" finds a stored "Decreto"
 * before a "Decreto Único Sectorial" with the same number and year.
 */
export function findNorms(norms: ReadonlyMap<string, Norm>, query: string): Norm[] {
  const byId = norms.get(query.trim());
  if (byId) return [byId];
  const name = parseNormName(query);
  if (!name) return [];
  const sameNumber = [...norms.values()].filter((n) => bareNumber(n.numero) === bareNumber(name.numero) && n.año === name.año);
  const exact = sameNumber.filter((n) => foldText(n.tipo) === foldText(name.tipo));
  return exact.length > 0 ? exact : sameNumber.filter((n) => typeMatches(name.tipo, n.tipo));
}

/** What to suggest for a name or id that is not in the catalogue, if anything is near. */
export function suggestNorm(norms: ReadonlyMap<string, Norm>, query: string): string | undefined {
  const all = [...norms.values()];
  const name = parseNormName(query);
  if (name) {
    // The same number and year under another type is the likeliest slip ("Resolución 1008 de 2018").
    const sameNumberAndYear = all.find((n) => bareNumber(n.numero) === bareNumber(name.numero) && n.año === name.año);
    if (sameNumberAndYear) return normName(sameNumberAndYear);
    const sameType = all.filter((n) => typeMatches(name.tipo, n.tipo));
    const sameTypeAndNumber = sameType.filter((n) => bareNumber(n.numero) === bareNumber(name.numero));
    if (sameTypeAndNumber.length === 1) return normName(sameTypeAndNumber[0]!);
    // A slip in the number: same type and year, the nearest number.
    const sameTypeAndYear = sameType.filter((n) => n.año === name.año);
    const number = closest(bareNumber(name.numero), sameTypeAndYear.map((n) => bareNumber(n.numero)));
    const near = number === undefined ? undefined : sameTypeAndYear.find((n) => bareNumber(n.numero) === number);
    if (near) return normName(near);
    return closest(query.trim(), all.map(normName));
  }
  return closest(query.trim(), all.map((n) => n.id)) ?? closest(query.trim(), all.map(normName));
}

/** "Decreto 1008 de 2018" with its article: "el Decreto…", "la Ley…". */
export function withArticle(norm: Pick<Norm, 'tipo' | 'numero' | 'año'>): string {
  return `${isFeminine(norm.tipo) ? 'la' : 'el'} ${normName(norm)}`;
}

const FEMININE_TYPES = new Set(['ley', 'resolucion', 'circular', 'directiva', 'ordenanza', 'norma', 'ntc', 'sentencia', 'constitucion', 'instruccion', 'guia']);

export function isFeminine(tipo: string): boolean {
  return FEMININE_TYPES.has(foldText(tipo).split(' ')[0] ?? '');
}

// ---------------------------------------------------------------- mentions in text

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every way of writing the type by whole words at its start or end ("Decreto Único Sectorial", "Decreto", "Sectorial"…). */
function typeVariants(tipo: string): string[] {
  const words = foldText(tipo).split(' ');
  const variants = new Set<string>();
  for (let n = 1; n <= words.length; n++) {
    variants.add(words.slice(0, n).join(' '));
    variants.add(words.slice(words.length - n).join(' '));
  }
  return [...variants].sort((a, b) => b.length - a.length);
}

/** Matches a mention of the norm in folded text (see foldWithOffsets): "Decreto No. 1008 de 2018", "decreto 767 de mayo de 2022". */
export function mentionPattern(norm: Norm): RegExp {
  const types = typeVariants(norm.tipo).map((t) => t.split(' ').map(escapeRegExp).join('\\s+')).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${types})\\s+(?:no\\.?\\s*)?0*${escapeRegExp(bareNumber(norm.numero))}\\s+(?:de|del)\\s+(?:\\S+\\s+de\\s+)?${norm.año}(?!\\d)`, 'giu');
}

/**
 * The text folded as foldText does (no accents, lower case) but keeping one
 * output character per input position, so a match in the folded text points
 * back at the person's own words.
 */
export function foldWithOffsets(text: string): { folded: string; offsets: number[] } {
  let folded = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const plain = text[i]!.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (const char of plain) {
      folded += char;
      offsets.push(i);
    }
  }
  offsets.push(text.length);
  return { folded, offsets };
}

export interface TextMention {
  /** Offset of the mention in the original text. */
  readonly start: number;
  readonly end: number;
}

export function mentionsIn(text: string, norm: Norm): TextMention[] {
  const { folded, offsets } = foldWithOffsets(text);
  return [...folded.matchAll(mentionPattern(norm))].map((m) => ({ start: offsets[m.index]!, end: offsets[m.index + m[0].length]! }));
}

const ABBREVIATIONS = /(?:^|[\s(])(?:no|núm|num|art|arts|inc|lit|par|cap|tít|tit|lib|dr|dra|sr|sra)$/i;

/** The sentence around a mention, shortened around it when long, on one line. */
export function sentenceAround(text: string, mention: TextMention, maxSide = 90): string {
  let start = mention.start;
  while (start > 0) {
    const before = text.slice(0, start);
    if (/\n\s*\n\s*$/.test(before) || /^\s*$/.test(before)) break;
    const previous = text[start - 1]!;
    if (/\s/.test(previous) && /[.!?]$/.test(before.trimEnd()) && !ABBREVIATIONS.test(before.trimEnd().slice(0, -1))) break;
    start--;
  }
  let end = mention.end;
  while (end < text.length) {
    if (/[.!?]/.test(text[end]!) && (end + 1 >= text.length || /\s/.test(text[end + 1]!)) && !ABBREVIATIONS.test(text.slice(0, end))) {
      end++;
      break;
    }
    if (text[end] === '\n' && text[end + 1] === '\n') break;
    end++;
  }
  let head = text.slice(start, mention.start);
  let tail = text.slice(mention.end, end);
  if (head.length > maxSide) head = `…${head.slice(head.length - maxSide).replace(/^\S*\s/, '')}`;
  if (tail.length > maxSide) tail = `${tail.slice(0, maxSide).replace(/\s\S*$/, '')}…`;
  return `${head}${text.slice(mention.start, mention.end)}${tail}`.replace(/\s+/g, ' ').trim();
}
