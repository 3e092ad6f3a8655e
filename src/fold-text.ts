// Text as people compare it: "Ana  PÉREZ" is "ana perez", "Decreto" is
// "decreto". Used where a name or a norm typed by hand must match the data.

export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * A person's name reduced to what identifies it, for the drafter ≠ approver
 * rule (ISO 9001 7.5.2 c): only letters and digits count, without case or
 * accents. Invisible and format characters (zero-width space or joiner, soft
 * hyphen, BOM: Unicode Cf), punctuation and every kind of space are dropped,
 * so "Ana Pérez." = "ANA  PEREZ" = "Ana\u200BPérez" = "Ana\u00A0Pérez".
 * Lowercased first: some capitals lowercase to a letter plus a mark (İ).
 */
export function personNameKey(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]/gu, '');
}

/** A name as a message shows it: characters nobody can see are spelled out (U+200B). */
export function visibleName(name: string): string {
  return name.replace(/[\p{Cf}\p{Cc}\u00A0\u2000-\u200A\u202F\u205F\u3000]/gu, (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
}
