// Outreach events of the chosen period: the list with each event's coverage, the form PR staff record
// and edit events with, and the coverage panel where they confirm or remove proposed mentions.
import { el, replaceChildren, safeHref } from '../dom.js';
import { formatDay, formatInstant } from '../format.js';
import { entityName, t } from '../i18n.js';
import { state } from '../state.js';
import { showError, showToast } from '../toast.js';
import { renderEventForm } from './event-form.js';

let client;
/** The event whose coverage panel is open. */
let openEventId = null;

/** Wires the view to the API. */
export function initOutreachView(api) {
  client = api;
  document.getElementById('event-new').addEventListener('click', () => openForm(null));
}

/** Loads the period's events and renders them. */
export async function loadOutreach() {
  const section = document.getElementById('outreach');
  try {
    const { from, to } = state.period;
    state.events = (await client.events({ from, to })).items ?? [];
    renderOutreach();
    section.dataset.state = 'ready';
  } catch (error) {
    section.dataset.state = 'error';
    showError(error);
  }
}

/** Renders `state.events`. */
export function renderOutreach() {
  const list = document.getElementById('event-list');
  const events = state.events ?? [];
  if (events.length === 0) {
    replaceChildren(list, el('li', { class: 'muted', text: t('outreach.none') }));
    return;
  }
  replaceChildren(list, events.map(eventItem));
  if (openEventId) void showCoverage(openEventId);
}

function eventItem(event) {
  const members = event.members.map((id) => entityName(state.membersById.get(id), id)).join(', ');
  const figures = [
    event.participants !== undefined ? `${t('outreach.participants')}: ${event.participants}` : null,
    event.beneficiaries !== undefined ? `${t('outreach.beneficiaries')}: ${event.beneficiaries}` : null,
    ...event.figures.map((figure) => `${figure.label}: ${figure.value}`),
  ].filter(Boolean);
  return el(
    'li',
    { class: 'event', testid: 'event-item', dataset: { event: event.eventId } },
    el(
      'div',
      { class: 'event-head' },
      el('span', { class: 'badge', text: t(`outreach.type.${event.type}`) }),
      el('strong', { text: event.title }),
      el('span', {
        class: 'muted',
        text: `${formatDay(event.date)}${event.place ? ` · ${event.place}` : ''}`,
      }),
    ),
    members ? el('p', { class: 'small', text: members }) : null,
    figures.length ? el('p', { class: 'small', testid: 'event-figures', text: figures.join(' · ') }) : null,
    el(
      'p',
      { class: 'small', testid: 'event-coverage' },
      el('strong', { text: `${t('outreach.coverage')}: ` }),
      t('outreach.coverageCount', { count: event.coverageCount, outlets: event.coverageOutlets.length }),
      event.coverageOutlets.length ? ` (${event.coverageOutlets.join(', ')})` : '',
    ),
    el(
      'div',
      { class: 'actions' },
      el('button', {
        type: 'button',
        class: 'small secondary',
        testid: 'event-coverage-toggle',
        text: t('outreach.coverage'),
        onclick: () => toggleCoverage(event.eventId),
      }),
      state.canReview
        ? el('button', {
            type: 'button',
            class: 'small secondary',
            testid: 'event-edit',
            text: t('outreach.edit'),
            onclick: () => openForm(event),
          })
        : null,
      state.canReview
        ? el('button', {
            type: 'button',
            class: 'small secondary',
            testid: 'event-delete',
            text: t('outreach.delete'),
            onclick: () => remove(event),
          })
        : null,
    ),
    el('div', { class: 'coverage-panel', testid: 'coverage-panel', hidden: true }),
  );
}

function openForm(event) {
  renderEventForm(document.getElementById('event-form'), event, async (body) => {
    await client.saveEvent(event?.eventId, body);
    showToast(t('outreach.saved'));
    await loadOutreach();
  });
}

async function remove(event) {
  if (!window.confirm(t('outreach.deleteConfirm'))) return;
  try {
    await client.deleteEvent(event.eventId);
    showToast(t('outreach.deleted'));
    await loadOutreach();
  } catch (error) {
    showError(error);
  }
}

async function toggleCoverage(eventId) {
  const panel = panelOf(eventId);
  if (panel && !panel.hidden) {
    panel.hidden = true;
    openEventId = null;
    return;
  }
  openEventId = eventId;
  await showCoverage(eventId);
}

function panelOf(eventId) {
  return document.querySelector(`[data-event="${CSS.escape(eventId)}"] .coverage-panel`);
}

async function showCoverage(eventId) {
  const panel = panelOf(eventId);
  if (!panel) return;
  try {
    const coverage = await client.eventCoverage(eventId);
    replaceChildren(
      panel,
      el('h3', { text: t('outreach.linked') }),
      coverageList(eventId, coverage.linked, 'remove', t('outreach.noneLinked')),
      el('h3', { text: t('outreach.proposed') }),
      coverageList(eventId, coverage.proposed, 'confirm', t('outreach.noneProposed')),
    );
    panel.hidden = false;
  } catch (error) {
    showError(error);
  }
}

function coverageList(eventId, items, action, empty) {
  if (items.length === 0) return el('p', { class: 'muted small', text: empty });
  return el(
    'ul',
    { class: 'coverage-list', testid: `coverage-${action === 'remove' ? 'linked' : 'proposed'}` },
    items.map((item) => {
      const href = safeHref(item.url);
      const reasons = (item.reasons ?? []).map((reason) => t(`outreach.reason.${reason}`)).join(', ');
      return el(
        'li',
        { testid: 'coverage-item' },
        href ? el('a', { href, rel: 'noopener noreferrer', target: '_blank', text: item.title }) : item.title,
        el('span', {
          class: 'muted small',
          text: ` · ${item.outletName} · ${formatInstant(item.published)}${reasons ? ` · ${reasons}` : ''}`,
        }),
        state.canReview
          ? el('button', {
              type: 'button',
              class: `small${action === 'remove' ? ' secondary' : ''}`,
              testid: `coverage-${action}`,
              text: t(`outreach.${action}`),
              onclick: () => decide(eventId, item.mentionId, action),
            })
          : null,
      );
    }),
  );
}

async function decide(eventId, mentionId, action) {
  try {
    await client.decideCoverage(eventId, mentionId, action);
    await loadOutreach();
  } catch (error) {
    showError(error);
  }
}
