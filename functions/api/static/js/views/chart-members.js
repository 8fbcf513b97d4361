// The chart's member lines on demand: a select adds a member's line beside the total, and the legend
// names every line in its colour, each member with a button that takes its line away again.
import { el, replaceChildren } from '../dom.js';
import { entityName, t } from '../i18n.js';
import { state } from '../state.js';

/** Line colours, the total first: the Okabe–Ito palette, told apart with colour-blind sight too. */
export const lineColours = ['#1f6f8b', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#0072b2', '#56b4e9'];
/** As many members as /api/summary draws at once (maxSeriesMembers). */
export const maxChartMembers = 6;

let changed = async () => {};

/** Wires the member select and the legend's remove buttons; `onChange` fetches the chosen members' series. */
export function initChartMembers(onChange) {
  changed = onChange;
  const select = document.getElementById('chart-member-add');
  select.addEventListener('change', async () => {
    const id = select.value;
    select.value = '';
    if (!id || state.chartMembers.includes(id) || state.chartMembers.length >= maxChartMembers) return;
    state.chartMembers = [...state.chartMembers, id];
    renderChartMembers();
    await changed();
  });
  document.getElementById('chart-legend').addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-member]');
    if (!button) return;
    state.chartMembers = state.chartMembers.filter((id) => id !== button.dataset.member);
    renderChartMembers();
    await changed();
  });
}

/** The name each drawn line stands for: the total, then the chosen members in the interface language. */
export function lineNames(members) {
  return [t('chart.total'), ...members.map((id) => entityName(state.membersById.get(id), id))];
}

/** Renders the select (members not yet drawn) and the legend (every line drawn) from the state. */
export function renderChartMembers() {
  const select = document.getElementById('chart-member-add');
  const chosen = state.chartMembers;
  const full = chosen.length >= maxChartMembers;
  const options = state.members
    .filter((member) => !chosen.includes(member.id))
    .map((member) => ({ value: member.id, label: entityName(member) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  replaceChildren(
    select,
    el('option', {
      value: '',
      text: full ? t('chart.membersFull', { count: maxChartMembers }) : t('chart.pickMember'),
    }),
    options.map((option) => el('option', { value: option.value, text: option.label })),
  );
  select.disabled = full || options.length === 0;
  const names = lineNames(chosen);
  replaceChildren(
    document.getElementById('chart-legend'),
    names.map((name, index) => legendItem(name, index, chosen[index - 1])),
  );
}

function legendItem(name, index, member) {
  const swatch = el('span', { class: 'legend-swatch', 'aria-hidden': 'true' });
  swatch.style.backgroundColor = lineColours[index % lineColours.length];
  return el(
    'li',
    { testid: 'chart-legend-item', dataset: member ? { member } : {} },
    swatch,
    el('span', { class: 'legend-name', text: name }),
    member
      ? el('button', {
          type: 'button',
          class: 'legend-remove',
          dataset: { member },
          testid: 'chart-legend-remove',
          'aria-label': t('chart.removeMember', { name }),
          title: t('chart.removeMember', { name }),
          text: '×',
        })
      : null,
  );
}
