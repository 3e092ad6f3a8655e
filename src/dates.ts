// Calendar dates as the data writes them (ISO AAAA-MM-DD) and as documents
// show them (dd/mm/aaaa in headers, "15 de diciembre de 2022" in prose).
// Dates are handled as plain calendar values, never through the machine's
// time zone, so output does not depend on where it is built.

const MONTHS = [
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio',
  'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre',
] as const;

export interface CalendarDate {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number;
}

export function parseIsoDate(iso: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return { year, month, day };
}

export function isRealIsoDate(iso: string): boolean {
  return parseIsoDate(iso) !== undefined;
}

function mustParse(iso: string): CalendarDate {
  const date = parseIsoDate(iso);
  if (!date) throw new Error(`internal: unvalidated date ${JSON.stringify(iso)}`);
  return date;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 30/01/2020 — the header's FECHA DE APROBACIÓN. */
export function formatDateShort(iso: string): string {
  const { year, month, day } = mustParse(iso);
  return `${pad(day)}/${pad(month)}/${year}`;
}

/** 15 de diciembre de 2022 — dates inside sentences. */
export function formatDateLong(iso: string): string {
  const { year, month, day } = mustParse(iso);
  return `${day} de ${MONTHS[month - 1]} de ${year}`;
}

/** 15 de diciembre del 2022 — as approval records (actas) are cited. */
export function formatDateForActa(iso: string): string {
  const { year, month, day } = mustParse(iso);
  return `${day} de ${MONTHS[month - 1]} del ${year}`;
}

/** Midnight UTC of the date: the reproducible timestamp of generated files. */
export function isoDateToUtc(iso: string): Date {
  const { year, month, day } = mustParse(iso);
  return new Date(Date.UTC(year, month - 1, day));
}

/** The same day `months` later, clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const { year, month, day } = mustParse(iso);
  const total = year * 12 + (month - 1) + months;
  const newYear = Math.floor(total / 12);
  const newMonth = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(newYear, newMonth, 0)).getUTCDate();
  return `${newYear}-${pad(newMonth)}-${pad(Math.min(day, lastDay))}`;
}

/** Today's calendar date where the user is (Colombia has one time zone, UTC−5). */
export function todayInColombia(now: Date = new Date()): string {
  return new Date(now.getTime() - 5 * 3600_000).toISOString().slice(0, 10);
}
