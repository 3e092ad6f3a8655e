// The HTML writer: the accessible edition of a document (WCAG 2.1 AA,
// Resolución MinTIC 1519 de 2020). to-hast.ts renders the document tree as
// hast, one handler per node type (handlers/); the site places that hast in
// its pages, and standalone.ts wraps it as one self-contained file.
export { documentBody, documentTitle, documentToHast, hastToHtml, type HtmlOptions } from './to-hast.js';
export { documentPageTitle, identityList, standaloneHast, writeHtml } from './standalone.js';
export { HEADING_SHIFT } from './handlers/heading.js';
export { isSafeUrl } from '../../parse/safe-url.js';
export { HTML_STYLES } from './styles.js';
export { MAIN_ID, spanishPage } from './page-shell.js';
