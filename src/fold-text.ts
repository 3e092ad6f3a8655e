// Text as people compare it: "Ana  PÉREZ" is "ana perez", "Decreto" is
// "decreto". Used where a name or a norm typed by hand must match the data.

export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
