// The shell every page shares: language, skip link, the landmarks (header
// with the site navigation, breadcrumbs, main, footer) and the one style
// sheet. Pages are hast trees built with hastscript; data values are only
// ever text nodes or property values, so the serialiser escapes them all.
import type { ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { hastToHtml, MAIN_ID, spanishPage } from '../../write/html/index.js';
export { documentPageTitle } from '../../write/html/standalone.js';
import { FAVICON_PATH } from './favicon.js';
import { STYLES_PATH } from './styles.js';

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
  /**
   * The entity whose site the page belongs to: its name and logo head the
   * page, its navigation and assets are those inside its own folder
   * (sitio/<entidad>/ is self-contained, so it can be published alone).
   * Absent for the root page that lists the entities.
   */
  readonly entity?: EntityHeader | undefined;
}

export interface EntityHeader {
  readonly slug: string;
  readonly name: string;
  readonly parentName?: string | undefined;
  /** Site-relative path of the logo, when there is one. */
  readonly logoPath?: string | undefined;
}

/** The entity's own pages and assets, relative to the site root. */
export const entityPaths = (slug: string) => ({
  index: `${slug}/${INDEX_PATH}`,
  openData: `${slug}/${OPEN_DATA_PAGE}`,
  styles: `${slug}/${STYLES_PATH}`,
  favicon: `${slug}/${FAVICON_PATH}`,
});

/** "<what> — <entity>" within 70 characters (html-validate's long-title): the entity's name is cut at a word first. */
export function entityPageTitle(what: string, entityName: string): string {
  const full = `${what} — ${entityName}`;
  if (full.length <= 70) return full;
  const room = 70 - what.length - 4;
  if (room < 12) return what.length <= 70 ? what : `${what.slice(0, what.lastIndexOf(' ', 69))}…`;
  const cut = entityName.slice(0, room);
  return `${what} — ${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : room)}…`;
}

/** A link from the page at `from` to the site-relative `to`. */
export function href(from: string, to: string): string {
  // Relative to the common folder, never through the root: an entity's
  // folder works wherever it is published, under whatever name.
  const fromDirs = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let common = 0;
  while (common < fromDirs.length && common < toParts.length - 1 && fromDirs[common] === toParts[common]) common++;
  return `${'../'.repeat(fromDirs.length - common)}${toParts.slice(common).join('/')}`;
}

export function defaultFooter(from: string, entity?: EntityHeader): ElementContent[] {
  return [
    h('p', 'Documentos publicados en cumplimiento de la Ley 1712 de 2014 y de la Resolución MinTIC 1519 de 2020.'),
    h('p', 'La información pública clasificada y la reservada no se publican en este sitio.'),
    ...(entity ? [h('p', [h('a', { href: href(from, entityPaths(entity.slug).openData) }, `Datos abiertos de ${entity.name}`)])] : []),
  ];
}

function entityBanner(path: string, entity: EntityHeader): ElementContent {
  const home = entityPaths(entity.slug).index;
  return h('div', { className: ['entidad-cabecera'] }, [
    // The logo is decorative beside the name written out in full.
    ...(entity.logoPath ? [h('img', { className: ['entidad-logo'], src: href(path, entity.logoPath), alt: '', width: 64, height: 64 })] : []),
    h('p', { className: ['entidad-nombre'] }, [
      ...(entity.parentName ? [h('span', { className: ['entidad-superior'] }, entity.parentName), h('br')] : []),
      h('a', { href: href(path, home) }, entity.name),
    ]),
  ]);
}

export function page(options: PageOptions): Root {
  const { path, entity } = options;
  const assets = entity ? entityPaths(entity.slug) : { index: INDEX_PATH, openData: OPEN_DATA_PAGE, styles: STYLES_PATH, favicon: FAVICON_PATH };
  const navLink = (to: string, label: string) =>
    h('li', [h('a', { href: href(path, to), ariaCurrent: to === path ? 'page' : undefined }, label)]);
  const crumbs = options.breadcrumbs ?? [];
  return spanishPage(
    [
      h('title', options.title),
      h('link', { rel: 'icon', type: 'image/svg+xml', href: href(path, assets.favicon) }),
      h('link', { rel: 'stylesheet', href: href(path, assets.styles) }),
      ...(options.script ? [h('script', { src: href(path, options.script), defer: true })] : []),
    ],
    [
      h('header', { className: ['cabecera'] }, [
        h('div', { className: ['contenedor'] }, [
          ...(entity ? [entityBanner(path, entity)] : []),
          h('p', { className: ['sitio'] }, [h('a', { href: href(path, assets.index) }, SITE_NAME)]),
          ...(entity
            ? [
                h('nav', { className: ['navegacion'], ariaLabel: 'Sitio' }, [
                  h('ul', [navLink(assets.index, 'Documentos publicados'), navLink(assets.openData, 'Datos abiertos')]),
                ]),
              ]
            : []),
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
      h('main', { id: MAIN_ID, className: ['contenedor'], tabIndex: -1 }, [...options.main]),
      h('footer', { className: ['pie'] }, [h('div', { className: ['contenedor'] }, [...(options.footer ?? defaultFooter(path, entity))])]),
    ],
  );
}

export function renderPage(options: PageOptions): string {
  return `${hastToHtml(page(options))}\n`;
}
