// The look of the accessible edition and of the transparency site around it:
// one style sheet, so a document reads the same on its own and on the site.
// Colours meet WCAG 2.1 AA (4.5:1 for text, 3:1 for focus rings and borders
// that carry meaning); nothing is told by colour alone (states are words);
// layout is one fluid column that reflows at 320 px and 200 % zoom, and
// wide tables scroll inside their own labelled region, never the page.
export const HTML_STYLES = `:root {
  color-scheme: light;
  --texto: #1b1b1b;
  --fondo: #ffffff;
  --suave: #f2f4f7;
  --enlace: #0b4f8a;
  --acento: #123c69;
  --borde: #6b6b6b;
  --foco: #ffbf00;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif;
  font-size: 1rem;
  line-height: 1.5;
  color: var(--texto);
  background: var(--fondo);
  overflow-wrap: break-word;
}
.contenedor { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
a { color: var(--enlace); text-decoration: underline; text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 0.15em; }
:focus-visible { outline: 3px solid var(--texto); outline-offset: 2px; box-shadow: 0 0 0 5px var(--foco); }
.cabecera :focus-visible { outline-color: var(--foco); box-shadow: none; }
.saltar {
  position: absolute; left: 0.5rem; top: -20rem; z-index: 10;
  padding: 0.5rem 1rem; background: var(--fondo); color: var(--enlace); border: 2px solid var(--texto);
}
.saltar:focus { top: 0.5rem; }
main:focus-visible { outline: none; box-shadow: none; }
.visualmente-oculto {
  position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0;
}
[hidden] { display: none !important; }
.cabecera { background: var(--acento); color: #ffffff; padding: 0.75rem 0; }
.cabecera a { color: #ffffff; }
.sitio { margin: 0 0 0.5rem; font-size: 1.25rem; font-weight: 700; }
.sitio a { text-decoration: none; }
.sitio a:hover { text-decoration: underline; }
.navegacion ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; margin: 0; padding: 0; list-style: none; }
.navegacion a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 0.15em; }
.migas { margin: 1rem auto 0; }
.migas ol { display: flex; flex-wrap: wrap; margin: 0; padding: 0; list-style: none; }
.migas li + li::before { content: "/"; padding: 0 0.5rem; color: var(--borde); }
main { display: block; padding-bottom: 2rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 1.25rem 0 1rem; }
h2 { font-size: 1.375rem; line-height: 1.3; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; }
h4, h5, h6 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; }
.numero { font-variant-numeric: tabular-nums; }
.subrayado { text-decoration: underline; }
.tabla-contenedor { position: relative; max-width: 100%; overflow-x: auto; margin: 1rem 0 1.5rem; }
.tabla-contenedor table { min-width: 34rem; }
table { border-collapse: collapse; width: 100%; }
caption { caption-side: top; text-align: left; font-weight: 700; padding: 0 0 0.5rem; }
th, td { border: 1px solid var(--borde); padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
thead th, tbody th { background: var(--suave); }
th > :first-child, td > :first-child { margin-top: 0; }
th > :last-child, td > :last-child { margin-bottom: 0; }
.figura { margin: 1.25rem 0 1.5rem; text-align: center; }
.figura img { max-width: 100%; height: auto; }
.figura figcaption { font-weight: 700; margin-top: 0.5rem; }
.glosario dt { font-weight: 700; margin-top: 0.75rem; }
.glosario dd { margin: 0.25rem 0 0 1.5rem; }
.firmas { margin: 1rem 0; }
code, pre { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Consolas, monospace; font-size: 0.9375rem; }
pre { background: var(--suave); border: 1px solid var(--borde); padding: 0.75rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.hash { overflow-wrap: anywhere; word-break: break-all; }
.huellas-lista { list-style: none; margin: 1rem 0; padding: 0; }
.huellas-lista li { border-left: 4px solid var(--acento); padding: 0.25rem 0 0.25rem 0.75rem; margin: 0 0 1rem; }
.huellas-lista p { margin: 0.125rem 0; }
.indice ul { padding-left: 1.25rem; }
.filtro { margin: 1rem 0 1.5rem; padding: 1rem; background: var(--suave); border: 1px solid var(--borde); }
.filtro label { display: block; font-weight: 700; margin-bottom: 0.25rem; }
.filtro input { font: inherit; width: 100%; max-width: 32rem; padding: 0.5rem; border: 2px solid var(--borde); border-radius: 0.25rem; background: var(--fondo); color: var(--texto); }
.filtro p { margin: 0.5rem 0 0; }
.documentos { list-style: none; margin: 0; padding: 0; }
.documento { border: 1px solid var(--borde); border-radius: 0.25rem; padding: 0.75rem 1rem 1rem; margin: 0 0 1rem; }
.documento h4 { margin-top: 0; font-size: 1.125rem; }
.ficha { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.25rem 1rem; margin: 0.5rem 0; }
.ficha dt { font-weight: 700; }
.ficha dd { margin: 0; min-width: 0; }
@media (max-width: 30rem) {
  .ficha { grid-template-columns: minmax(0, 1fr); gap: 0; }
  .ficha dd { margin-bottom: 0.5rem; }
}
.archivos { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin: 0.75rem 0 0; padding: 0; list-style: none; }
.huellas { margin: 0.75rem 0 0; }
.huellas summary { cursor: pointer; color: var(--enlace); text-decoration: underline; width: max-content; max-width: 100%; }
.estado { display: inline-block; padding: 0 0.4rem; border: 1px solid currentColor; border-radius: 0.25rem; font-weight: 700; white-space: nowrap; }
.estado-vigente { color: #0f5223; background: #eaf6ee; }
.estado-obsoleto { color: #8a1c1c; background: #fbeeee; }
.aviso-estado, .aviso-obsoleto { margin: 1rem 0; padding: 0.75rem 1rem; border: 2px solid #8a1c1c; border-left-width: 0.5rem; color: #8a1c1c; background: #fbeeee; }
.pie { margin-top: 2rem; padding: 1rem 0 2rem; background: var(--suave); border-top: 4px solid var(--acento); }
.pie p { margin: 0.5rem 0; }
@media print {
  .cabecera, .navegacion, .migas, .filtro, .saltar { display: none; }
  a { color: var(--texto); }
}
`;
