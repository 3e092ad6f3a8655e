// The shell every page shares: language, skip link, the landmarks (header
// with the site navigation, breadcrumbs, main, footer) and the one style
// sheet. Pages are hast trees built with hastscript; data values are only
// ever text nodes or property values, so the serialiser escapes them all.
import type { ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { hastToHtml } from '../../write/html/index.js';
export { documentPageTitle } from '../../write/html/standalone.js';
import { FAVICON_PATH } from './favicon.js';
import { STYLES_PATH } from './styles.js';
import { toRoot } from './files.js';

export const SITE_NAME = 'Transparencia y acceso a la información pública';
export const INDEX_PATH = 'index.html';
export const OPEN_DATA_PAGE = 'datos-abiertos/index.html';

export interface Crumb {
  readonly label: string;
  /** Site-relative path; absent for the current page. */
  readonly path?: string | undefined;
}

export interface PageOptions {
  /** Where the page goes, relative to the site root. */
  readonly path: string;
  readonly title: string;
  readonly main: readonly ElementContent[];
  readonly breadcrumbs?: readonly Crumb[] | undefined;
  readonly footer?: readonly ElementContent[] | undefined;
  /** Site-relative path of a script to load (deferred). */
  readonly script?: string | undefined;
}

/** A link from the page at `from` to the site-relative `to`. */
export function href(from: string, to: string): string {
  return `${toRoot(from)}${to}`;
}

export function defaultFooter(from: string): ElementContent[] {
  return [
    h('p', 'Documentos publicados en cumplimiento de la Ley 1712 de 2014 y de la Resolución MinTIC 1519 de 2020.'),
    h('p', 'La información pública clasificada y la reservada no se publican en este sitio.'),
    h('p', [h('a', { href: href(from, OPEN_DATA_PAGE) }, 'Datos abiertos del listado de documentos')]),
  ];
}

export function page(options: PageOptions): Root {
  const { path } = options;
  const navLink = (to: string, label: string) =>
    h('li', [h('a', { href: href(path, to), ariaCurrent: to === path ? 'page' : undefined }, label)]);
  const crumbs = options.breadcrumbs ?? [];
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'es-CO' }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', options.title),
          h('link', { rel: 'icon', type: 'image/svg+xml', href: href(path, FAVICON_PATH) }),
          h('link', { rel: 'stylesheet', href: href(path, STYLES_PATH) }),
          ...(options.script ? [h('script', { src: href(path, options.script), defer: true })] : []),
        ]),
        h('body', [
          h('a', { className: ['saltar'], href: '#contenido' }, 'Saltar al contenido principal'),
          h('header', { className: ['cabecera'] }, [
            h('div', { className: ['contenedor'] }, [
              h('p', { className: ['sitio'] }, [h('a', { href: href(path, INDEX_PATH) }, SITE_NAME)]),
              h('nav', { className: ['navegacion'], ariaLabel: 'Sitio' }, [
                h('ul', [navLink(INDEX_PATH, 'Documentos publicados'), navLink(OPEN_DATA_PAGE, 'Datos abiertos')]),
              ]),
            ]),
          ]),
          ...(crumbs.length > 0
            ? [
                h('nav', { className: ['migas', 'contenedor'], ariaLabel: 'Ruta de navegación' }, [
                  h(
                    'ol',
                    crumbs.map((crumb, index) =>
                      h('li', [
                        crumb.path
                          ? h('a', { href: href(path, crumb.path) }, crumb.label)
                          : h('span', { ariaCurrent: index === crumbs.length - 1 ? 'page' : undefined }, crumb.label),
                      ]),
                    ),
                  ),
                ]),
              ]
            : []),
          h('main', { id: 'contenido', className: ['contenedor'], tabIndex: -1 }, [...options.main]),
          h('footer', { className: ['pie'] }, [h('div', { className: ['contenedor'] }, [...(options.footer ?? defaultFooter(path))])]),
        ]),
      ]),
    ],
  };
}

export function renderPage(options: PageOptions): string {
  return `${hastToHtml(page(options))}\n`;
}
