import type { ThematicBreak } from 'mdast';
import { Paragraph } from 'docx';
import type { Handler } from '../state.js';

export const thematicBreak: Handler<ThematicBreak> = () => [new Paragraph({ thematicBreak: true })];
