// The frame every HTML page docctl writes shares — the HTML edition, the
// transparency site's pages and the editor's screens: a Spanish (Colombia)
// document, UTF-8, sized for phones, whose first focusable element skips to
// the main content (#contenido). One place, so the three cannot drift apart
// in what assistive technology and phones rely on.
import type { ElementContent, Root } from 'hast';
import { h } from 'hastscript';

/** The skip link's target: each page's <main> carries this id. */
export const MAIN_ID = 'contenido';

export function spanishPage(head: readonly ElementContent[], body: readonly ElementContent[]): Root {
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'es-CO' }, [
        h('head', [h('meta', { charset: 'utf-8' }), h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }), ...head]),
        h('body', [h('a', { className: ['saltar'], href: `#${MAIN_ID}` }, 'Saltar al contenido principal'), ...body]),
      ]),
    ],
  };
}
