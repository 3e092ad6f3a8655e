// Edits a data file the way a careful person would: only the change itself,
// keeping key order, indentation, line endings and everything else byte for
// byte (jsonc-parser computes minimal text edits).
import { applyEdits, modify, type FormattingOptions, type JSONPath } from 'jsonc-parser';

function detectFormatting(text: string): FormattingOptions {
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  return {
    insertSpaces: !indent.includes('\t'),
    tabSize: indent.includes('\t') ? 1 : indent.length,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}

export interface JsonChange {
  readonly path: JSONPath;
  /** undefined removes the property. */
  readonly value: unknown;
  readonly insert?: boolean;
}

export function editJsonText(text: string, changes: readonly JsonChange[]): string {
  const formattingOptions = detectFormatting(text);
  let result = text;
  for (const change of changes) {
    const edits = modify(result, change.path, change.value, { formattingOptions, isArrayInsertion: change.insert ?? false });
    result = applyEdits(result, edits);
  }
  return result;
}
