// The editor's script, served from the package (/recursos/editor.js). Plain
// browser JavaScript, no build step and nothing from a CDN. On the list it
// filters rows; on a document it sends the fields changed since the page
// opened (by JSON path) for the preview, ~300 ms after the person stops
// typing, shows each validation message next to its field, asks for the PDF
// and saves. Every request that changes something carries the session token.
export const EDITOR_SCRIPT = `(function () {
  'use strict';
  var tokenMeta = document.querySelector('meta[name="docctl-token"]');
  var token = tokenMeta ? tokenMeta.getAttribute('content') : '';
  function post(url, body) {
    return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-docctl-token': token }, body: JSON.stringify(body) });
  }
  function normalise(value) {
    return value.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase();
  }

  // The list: rows that contain every word typed and have the chosen state.
  var filterText = document.getElementById('filtro-texto');
  var filterState = document.getElementById('filtro-estado');
  var filterCount = document.getElementById('filtro-cuenta');
  function applyFilter() {
    var words = normalise(filterText.value).split(/\\s+/).filter(Boolean);
    var state = filterState.value;
    var rows = document.querySelectorAll('tr[data-estados]');
    var shown = 0;
    rows.forEach(function (row) {
      var text = normalise(row.textContent || '');
      var ok = words.every(function (w) { return text.indexOf(w) >= 0; }) && (!state || row.getAttribute('data-estados').split(' ').indexOf(state) >= 0);
      row.hidden = !ok;
      if (ok) shown++;
    });
    filterCount.textContent = shown === 1 ? '1 documento' : shown + ' documentos';
  }
  if (filterText && filterState && filterCount) {
    filterText.addEventListener('input', applyFilter);
    filterState.addEventListener('change', applyFilter);
  }

  // A new version: the same as docctl version, then the page again with its draft.
  var versionForm = document.getElementById('nueva-version');
  if (versionForm) {
    versionForm.addEventListener('submit', function (event) {
      event.preventDefault();
      var versionStatus = document.getElementById('estado-version');
      versionStatus.textContent = 'Abriendo la versión…';
      post('/api/version', { entity: versionForm.getAttribute('data-entidad'), code: versionForm.getAttribute('data-codigo'), hash: versionForm.getAttribute('data-hash'), reason: document.getElementById('motivo').value })
        .then(function (response) { return response.json().then(function (body) { return { ok: response.ok, body: body }; }); })
        .then(function (result) {
          versionStatus.textContent = result.body.mensaje;
          if (result.ok) window.location.reload();
        })
        .catch(function () { versionStatus.textContent = 'No se pudo abrir la versión: ¿sigue abierto el editor?'; });
    });
  }

  var form = document.getElementById('borrador');
  if (!form) return;
  var controls = Array.prototype.slice.call(form.querySelectorAll('[data-ruta]'));
  controls.forEach(function (el) { el.setAttribute('data-inicial', el.value); });
  var preview = document.getElementById('vista-html');
  var pdfFrame = document.getElementById('vista-pdf');
  var summary = document.getElementById('problemas');
  var summaryTitle = document.getElementById('problemas-titulo');
  var status = document.getElementById('estado-guardado');
  var previewStatus = document.getElementById('estado-vista');

  function edit() {
    var changes = [];
    var markdown = {};
    var markdownHashes = {};
    controls.forEach(function (el) {
      if (el.value === el.getAttribute('data-inicial')) return;
      var file = el.getAttribute('data-archivo');
      if (file) {
        markdown[file] = el.value;
        markdownHashes[file] = el.getAttribute('data-hash');
        return;
      }
      var value = el.value === '' ? undefined : el.getAttribute('data-tipo') === 'numero' ? Number(el.value) : el.value;
      changes.push({ path: JSON.parse(el.getAttribute('data-ruta')), value: value });
    });
    return { entity: form.getAttribute('data-entidad'), code: form.getAttribute('data-codigo'), hash: form.getAttribute('data-hash'), changes: changes, markdown: markdown, markdownHashes: markdownHashes };
  }

  function controlFor(problem) {
    var exact = null;
    var within = null;
    controls.forEach(function (el) {
      var file = el.getAttribute('data-archivo');
      if (file && problem.file.slice(-file.length) === file) exact = exact || el;
      if (!problem.field) return;
      var campo = el.getAttribute('data-campo');
      if (campo === problem.field) exact = exact || el;
      else if (campo.indexOf(problem.field + '.') === 0 || campo.indexOf(problem.field + '[') === 0) within = within || el;
    });
    return exact || within;
  }

  function showProblems(problems) {
    controls.forEach(function (el) {
      el.removeAttribute('aria-invalid');
      var message = document.getElementById(el.id + '-error');
      message.textContent = '';
      message.hidden = true;
    });
    summary.textContent = '';
    var general = 0;
    problems.forEach(function (problem) {
      var text = (problem.severity === 'advertencia' ? 'Advertencia: ' : '') + problem.message;
      var el = controlFor(problem);
      if (el) {
        var message = document.getElementById(el.id + '-error');
        message.textContent = message.textContent ? message.textContent + ' ' + text : text;
        message.hidden = false;
        if (problem.severity === 'error') el.setAttribute('aria-invalid', 'true');
      } else {
        var item = document.createElement('li');
        item.textContent = (problem.field ? problem.field + ': ' : '') + text;
        summary.appendChild(item);
        general++;
      }
    });
    var errors = problems.filter(function (p) { return p.severity === 'error'; }).length;
    summaryTitle.textContent = errors === 0 ? 'Sin errores de validación.' : errors === 1 ? '1 error de validación.' : errors + ' errores de validación.';
    summary.hidden = general === 0;
  }

  var timer = null;
  var sequence = 0;
  function refresh() {
    var mine = ++sequence;
    previewStatus.textContent = 'Actualizando la vista previa…';
    post('/api/vista-previa', edit()).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (result) {
      if (mine !== sequence) return;
      if (!result.ok) { previewStatus.textContent = result.body.mensaje; return; }
      if (result.body.html) preview.srcdoc = result.body.html;
      showProblems(result.body.problemas);
      previewStatus.textContent = result.body.html ? 'Vista previa al día.' : 'La vista previa espera a que se corrijan los errores.';
    }).catch(function () { previewStatus.textContent = 'No se pudo actualizar la vista previa: ¿sigue abierto el editor?'; });
  }
  form.addEventListener('input', function () {
    status.textContent = 'Hay cambios sin guardar.';
    status.className = '';
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    status.textContent = 'Guardando…';
    post('/api/guardar', edit()).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (result) {
      if (!result.ok) {
        status.textContent = result.body.mensaje;
        status.className = 'mal';
        return;
      }
      form.setAttribute('data-hash', result.body.hash);
      controls.forEach(function (el) {
        el.setAttribute('data-inicial', el.value);
        var file = el.getAttribute('data-archivo');
        if (file && result.body.hashesMarkdown[file]) el.setAttribute('data-hash', result.body.hashesMarkdown[file]);
      });
      status.textContent = result.body.escritos.length === 0 ? 'No había cambios que guardar.' : 'Guardado: ' + result.body.escritos.join(', ') + '.';
      status.className = 'ok';
    }).catch(function () { status.textContent = 'No se pudo guardar: ¿sigue abierto el editor?'; status.className = 'mal'; });
  });
  var pdfButton = document.getElementById('ver-pdf');
  pdfButton.addEventListener('click', function () {
    pdfButton.disabled = true;
    previewStatus.textContent = 'Generando el PDF…';
    post('/api/pdf', edit()).then(function (response) {
      if (!response.ok) return response.json().then(function (body) { previewStatus.textContent = body.mensaje; });
      return response.blob().then(function (blob) {
        pdfFrame.src = URL.createObjectURL(blob);
        pdfFrame.hidden = false;
        previewStatus.textContent = 'PDF generado.';
      });
    }).finally(function () { pdfButton.disabled = false; });
  });
  refresh();
})();
`;
