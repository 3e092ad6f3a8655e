// The index's filter box, as a small separate script. Without JavaScript
// the box stays hidden (it is rendered with `hidden`) and the full list
// works as it is; the script shows the box and hides documents that do not
// contain every word typed (in their card, entity or process), ignoring
// case and accents.
export const FILTER_SCRIPT_PATH = 'filtro.js';

export const FILTER_SCRIPT = `(function () {
  'use strict';
  var box = document.getElementById('filtro');
  var input = document.getElementById('filtro-texto');
  var status = document.getElementById('filtro-estado');
  if (!box || !input || !status) return;
  var items = Array.prototype.slice.call(document.querySelectorAll('[data-filtrable]'));
  var groups = Array.prototype.slice.call(document.querySelectorAll('[data-grupo]'));
  function normalise(value) {
    return value.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase();
  }
  // A document matches on its own text and on its entity's and process's headings.
  function searchable(item) {
    var parts = [item.textContent || ''];
    var group = item.closest('[data-grupo]');
    while (group) {
      var heading = group.querySelector('h2, h3');
      if (heading) parts.push(heading.textContent || '');
      group = group.parentElement && group.parentElement.closest('[data-grupo]');
    }
    return normalise(parts.join(' '));
  }
  var texts = items.map(searchable);
  function apply() {
    var words = normalise(input.value).split(/\\s+/).filter(Boolean);
    var shown = 0;
    items.forEach(function (item, index) {
      var match = words.every(function (word) { return texts[index].indexOf(word) !== -1; });
      item.hidden = !match;
      if (match) shown += 1;
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector('[data-filtrable]:not([hidden])');
    });
    status.textContent = words.length === 0 ? ''
      : shown === 0 ? 'Ningún documento coincide con la búsqueda.'
      : shown === 1 ? '1 documento coincide con la búsqueda.'
      : shown + ' documentos coinciden con la búsqueda.';
  }
  input.addEventListener('input', apply);
  box.hidden = false;
  apply();
})();
`;
