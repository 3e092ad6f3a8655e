// The editor's style sheet, served from the package (/recursos/editor.css):
// nothing is loaded from elsewhere, so the editor works offline. Colours
// keep WCAG AA contrast; the focus ring is always visible.
export const EDITOR_STYLE = `
:root { --texto: #1b1b1b; --suave: #4a4a4a; --borde: #767676; --acento: #0b4f8a; --error: #a4161a; --ok: #1e6b2f; font-family: system-ui, sans-serif; color: var(--texto); }
body { margin: 0; line-height: 1.45; }
a { color: var(--acento); }
:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
.saltar { position: absolute; left: -9999px; }
.saltar:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 10; }
header.barra { background: var(--acento); color: #fff; padding: .6rem 1rem; display: flex; gap: 1rem; align-items: baseline; }
header.barra a { color: #fff; }
header.barra p { margin: 0; font-weight: 600; }
main { padding: 1rem; }
h1 { font-size: 1.4rem; margin: .2rem 0 1rem; }
table { border-collapse: collapse; width: 100%; }
td:first-child { white-space: nowrap; }
th, td { text-align: left; border-bottom: 1px solid #ccc; padding: .4rem; vertical-align: top; }
.estado { display: inline-block; border: 1px solid var(--borde); border-radius: .3rem; padding: 0 .35rem; margin: 0 .2rem .2rem 0; font-size: .85rem; }
.estado-borrador { background: #fff4d6; }
.estado-vigente { background: #e3f4e6; }
.estado-revision-vencida, .estado-norma-derogada, .estado-con-errores { background: #fde4e4; }
.filtro { margin-bottom: 1rem; }
.filtro input { font-size: 1rem; padding: .3rem; width: min(30rem, 100%); }
.editor { display: grid; grid-template-columns: minmax(22rem, 1fr) minmax(22rem, 1fr); gap: 1rem; }
.vista { position: sticky; top: 0; height: 100vh; display: flex; flex-direction: column; gap: .5rem; }
.vista iframe { flex: 1; width: 100%; border: 1px solid var(--borde); }
fieldset { border: 1px solid #bbb; margin: 0 0 1rem; padding: .5rem .8rem; }
legend { font-weight: 600; }
.campo { margin-bottom: .7rem; }
.campo label { display: block; font-weight: 600; }
.campo input, .campo select, .campo textarea { width: 100%; box-sizing: border-box; font: inherit; padding: .3rem; border: 1px solid var(--borde); }
.campo textarea.markdown { font-family: ui-monospace, monospace; }
.campo [aria-invalid="true"] { border: 2px solid var(--error); }
.ayuda { margin: 0; color: var(--suave); font-size: .9rem; }
.error { margin: .2rem 0 0; color: var(--error); font-weight: 600; }
.acciones { display: flex; gap: .6rem; align-items: center; flex-wrap: wrap; margin-bottom: 1rem; }
button { font: inherit; padding: .35rem .9rem; border: 1px solid var(--acento); background: var(--acento); color: #fff; cursor: pointer; }
button.secundario { background: #fff; color: var(--acento); }
button:disabled { opacity: .6; cursor: default; }
#estado-guardado.ok { color: var(--ok); }
#estado-guardado.mal { color: var(--error); }
.aviso { border-left: 4px solid var(--error); padding: .4rem .8rem; background: #fdf0f0; }
@media (max-width: 60rem) { .editor { grid-template-columns: 1fr; } .vista { position: static; height: 80vh; } }
`;
