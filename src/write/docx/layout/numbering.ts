// Real list numbering definitions (w:abstractNum), one for bullets and one
// for ordered lists, so lists stay lists when the DOCX is edited in Word.
// Every Markdown list becomes its own instance and so restarts at its start.
import { AlignmentType, LevelFormat, type ILevelsOptions, type INumberingOptions } from 'docx';

export const BULLET_REFERENCE = 'docctl-bullet';
export const orderedReference = (start: number) => (start === 1 ? 'docctl-ordered' : `docctl-ordered-from-${start}`);

const LEVELS = 9;
const BULLETS = ['•', '–', '▪'] as const;
const ORDERED_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN] as const;

/** Left indent of a list level, in twips; continuation paragraphs share it. */
export function listIndent(level: number): number {
  return 425 + 425 * level;
}
const HANGING = 360;

function bulletLevel(level: number): ILevelsOptions {
  return {
    level,
    format: LevelFormat.BULLET,
    text: BULLETS[level % BULLETS.length],
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: listIndent(level), hanging: HANGING } } },
  };
}

function orderedLevel(level: number, start: number): ILevelsOptions {
  return {
    level,
    format: ORDERED_FORMATS[level % ORDERED_FORMATS.length],
    // Each Markdown list is an instance of its own that uses one level, so
    // every level starts at the list's start, and "%2." shows only this
    // level's counter: nested lists read 1., a), i., not 1.1.
    text: `%${level + 1}${level % 3 === 1 ? ')' : '.'}`,
    start,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: listIndent(level), hanging: HANGING } } },
  };
}

/** The definitions for the ordered-list starts the document uses. */
export function documentNumbering(orderedStarts: Iterable<number>): INumberingOptions {
  const starts = [...new Set([1, ...orderedStarts])].sort((a, b) => a - b);
  const levels = Array.from({ length: LEVELS }, (_, level) => level);
  return {
    config: [
      { reference: BULLET_REFERENCE, levels: levels.map(bulletLevel) },
      ...starts.map((start) => ({ reference: orderedReference(start), levels: levels.map((level) => orderedLevel(level, start)) })),
    ],
  };
}
