// Values as Word documents print them: dates "15/12/2022", "15-12-2022",
// "2022-12-15" or "15 de diciembre del 2022"; versions "2.0", "05", "V3".
import { isRealIsoDate } from '../dates.js';
import { foldText } from '../fold-text.js';

const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

/** An ISO date (AAAA-MM-DD) from a date as printed, or undefined when it is none or not a real day. */
export function parsePrintedDate(text: string): string | undefined {
  const folded = foldText(text);
  let y: number, m: number, d: number;
  let match = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/.exec(folded);
  if (match) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /(\d{4})-(\d{2})-(\d{2})/.exec(folded))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /(\d{1,2})\s+de\s+([a-z]+)\s+del?\s+(\d{4})/.exec(folded))) {
    const month = MONTHS.indexOf(match[2]!.replace('setiembre', 'septiembre'));
    if (month < 0) return undefined;
    [d, m, y] = [Number(match[1]), month + 1, Number(match[3])];
  } else return undefined;
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isRealIsoDate(iso) ? iso : undefined;
}

/** The whole version number ("2.0" → 2, "05" → 5, "V3" → 3), or undefined. */
export function parseVersionNumber(text: string): number | undefined {
  const match = /^\s*(?:v(?:ersi[oó]n)?\.?\s*)?0*(\d{1,4})(?:[.,]\d+)?\s*$/i.exec(text);
  if (!match) return undefined;
  const number = Number(match[1]);
  return number >= 1 ? number : undefined;
}

/** Whether a cell says nothing: empty, a dash, "N/A". */
export function isBlankValue(text: string): boolean {
  return /^\s*(?:[-—–]+|n\/?a|no aplica)?\s*$/i.test(text);
}
