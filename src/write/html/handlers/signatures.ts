import type { ElementContent } from 'hast';
import type { Signatures } from '../../../parse/nodes.js';
import { element, text, type HtmlHandler } from '../state.js';
import { scrollRegion } from './rich-table.js';

// Words, not a dash: a screen reader reads "—" as punctuation or not at all.
const NONE = 'No registrado';

// ::firmas is a placeholder: the block comes from the typed context, never
// from Markdown. On screen there is nothing to sign by hand, so it says who
// drafted, reviewed and approved, who signs, and the approval record.
export const signatures: HtmlHandler<Signatures> = (state, node, _parent, settings) => {
  const { context } = settings;
  const captionId = `${settings.idPrefix}tabla-${++settings.tableCount}`;
  const roles = context.approvalGrid;
  const rowOf = (label: string, values: readonly (string | undefined)[]) =>
    element('tr', {}, [element('th', { scope: 'row' }, [text(label)]), ...values.map((value) => element('td', {}, [text(value || NONE)]))]);
  const grid = element('table', { className: ['tabla-firmas'] }, [
    element('caption', { id: captionId }, [text('Elaboró, revisó y aprobó')]),
    element('thead', {}, [element('tr', {}, [element('td', {}, []), ...roles.map((r) => element('th', { scope: 'col' }, [text(r.role)]))])]),
    element('tbody', {}, [rowOf('Nombre', roles.map((r) => r.name)), rowOf('Cargo', roles.map((r) => r.position))]),
  ]);
  const layout = context.frame.signatures;
  const content: ElementContent[] = layout.grid ? [scrollRegion(captionId, grid)] : [];
  if (layout.signers && context.signatories.length > 0) {
    content.push(
      element('p', { className: ['firmantes-titulo'] }, [text('Firmantes:')]),
      element(
        'ul',
        { className: ['firmantes'] },
        context.signatories.map((s) => element('li', {}, [text(s.name ? `${s.name}, ${s.position}` : s.position)])),
      ),
    );
  }
  if (layout.record && context.approvalSentence) content.push(element('p', { className: ['aprobacion'] }, [text(context.approvalSentence)]));
  const result = element('div', { className: ['firmas'] }, content);
  state.patch(node, result);
  return result;
};
