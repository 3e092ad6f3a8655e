// The site's one style sheet: the HTML edition's (write/html/styles.ts),
// served as a file every page links to.
import { HTML_STYLES } from '../../write/html/styles.js';

export const STYLES_PATH = 'estilos.css';

export const STYLES = HTML_STYLES;
