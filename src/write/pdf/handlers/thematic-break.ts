// *** — a thin rule across the body.
import type { ThematicBreak } from 'mdast';
import type { Handler } from '../state.js';
import { COLORS } from '../styles.js';

export const thematicBreak: Handler<ThematicBreak> = (_node, state) => [
  {
    canvas: [{ type: 'line', x1: 0, y1: 0, x2: state.settings.bodyWidth, y2: 0, lineWidth: 0.5, lineColor: COLORS.rule }],
    margin: [0, 6, 0, 6],
  },
];
