// Table borders written on every table as well as in the table style: some
// readers (older LibreOffice, python-docx consumers) ignore table styles.
import { BorderStyle, type ITableBordersOptions } from 'docx';
import { BORDER_COLOR } from './styles.js';

const line = { style: BorderStyle.SINGLE, size: 4, color: BORDER_COLOR } as const;

export const TABLE_BORDERS: ITableBordersOptions = {
  top: line,
  bottom: line,
  left: line,
  right: line,
  insideHorizontal: line,
  insideVertical: line,
};
