// The table of contents: pdfmake collects every heading marked `tocItem`
// and prints its page number once the layout is known.
import type { Content } from 'pdfmake/interfaces.js';

export function contentsPage(title: string): Content {
  return {
    toc: {
      title: { text: title, style: 'tocTitle' },
      textStyle: 'tocEntry',
      numberStyle: 'tocEntry',
    },
    pageBreak: 'after',
  };
}
