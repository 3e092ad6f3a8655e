// The site's one style sheet: the HTML edition's (write/html/styles.ts),
// served as a file every page links to, plus what only the site shows: the
// entity's header, and the insertions and deletions of a version comparison
// (told by words and by underline / strike-through, never by colour alone).
import { HTML_STYLES } from '../../write/html/styles.js';

export const STYLES_PATH = 'estilos.css';

const SITE_STYLES = `.entidad-cabecera { display: flex; align-items: center; gap: 0.75rem; margin-bottom: 0.5rem; }
.entidad-logo { height: 4rem; width: auto; max-width: 8rem; background: #ffffff; padding: 0.25rem; border-radius: 0.25rem; flex: none; }
.entidad-nombre { margin: 0; font-size: 1.125rem; font-weight: 700; line-height: 1.3; }
.entidad-superior { font-size: 0.875rem; font-weight: 400; }
.sitio { font-size: 1rem; }
ins.cambio { background: #e3f4e6; color: #0d3d17; text-decoration: underline; text-decoration-thickness: 0.12em; }
del.cambio { background: #fbe6e6; color: #6b0f0f; text-decoration: line-through; text-decoration-thickness: 0.12em; }
.comparacion-bloque { border-left: 4px solid var(--borde); padding: 0.25rem 0 0.25rem 0.75rem; margin: 0.75rem 0; }
.comparacion-bloque > h4 { margin: 0 0 0.25rem; }
.item-menu { margin-top: 1.5rem; }
`;

export const STYLES = `${HTML_STYLES}${SITE_STYLES}`;
