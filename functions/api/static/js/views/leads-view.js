// Leads: search results the matcher could not confirm. PR staff confirm one into a mention or
// dismiss it with one click; until then it counts nowhere.
import { el, replaceChildren, safeHref } from '../dom.js';
import { formatInstant } from '../format.js';
import { entityName, t } from '../i18n.js';
import { state } from '../state.js';
import { showError } from '../toast.js';

let client;
let afterReview = async () => {};

/** Wires the view to the API; `onReviewed` refreshes the figures a confirmation changes. */
export function initLeadsView(api, onReviewed) {
  client = api;
  afterReview = onReviewed;
}

/** Loads the open leads and renders them. */
export async function loadLeads() {
  const section = document.getElementById('leads');
  try {
    state.leads = (await client.leads()).leads ?? [];
    renderLeads();
    section.dataset.state = 'ready';
  } catch (error) {
    section.dataset.state = 'error';
    showError(error);
  }
}

/** Renders `state.leads`. */
export function renderLeads() {
  const body = document.getElementById('lead-rows');
  const leads = state.leads ?? [];
  document.getElementById('lead-count').textContent = String(leads.length);
  if (leads.length === 0) {
    replaceChildren(body, el('tr', {}, el('td', { colspan: 5, class: 'muted', text: t('leads.none') })));
    return;
  }
  replaceChildren(body, leads.map(leadRow));
}

function leadRow(lead) {
  const href = safeHref(lead.url);
  const member = lead.memberId ? state.membersById.get(lead.memberId) : undefined;
  const actions = state.canReview
    ? el(
        'td',
        { class: 'actions' },
        el('button', {
          type: 'button',
          class: 'small',
          testid: 'lead-confirm',
          text: t('leads.confirm'),
          onclick: () => review(lead, 'confirm'),
        }),
        el('button', {
          type: 'button',
          class: 'small secondary',
          testid: 'lead-dismiss',
          text: t('leads.dismiss'),
          onclick: () => review(lead, 'dismiss'),
        }),
      )
    : el('td', {});
  return el(
    'tr',
    { testid: 'lead-row', dataset: { lead: lead.leadId } },
    el(
      'th',
      { scope: 'row' },
      href ? el('a', { href, rel: 'noopener noreferrer', target: '_blank', text: lead.title }) : lead.title,
      lead.snippet ? el('p', { class: 'muted small', text: lead.snippet }) : null,
      lead.reason === 'cancelled' ? el('span', { class: 'tag', text: t('leads.cancelled') }) : null,
    ),
    el('td', { text: `${lead.outletName} (${lead.outlet})` }),
    el('td', { text: member ? entityName(member) : (lead.memberId ?? '—') }),
    el('td', { text: formatInstant(lead.published) }),
    actions,
  );
}

async function review(lead, action) {
  try {
    await client.reviewLead(lead.leadId, action);
    state.leads = (state.leads ?? []).filter((other) => other.leadId !== lead.leadId);
    renderLeads();
    if (action === 'confirm') await afterReview();
  } catch (error) {
    showError(error);
  }
}
