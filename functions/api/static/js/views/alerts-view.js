// Alerts settings: the caller's subscriptions (everyone's for PR staff) and a form for a new one.
// A webhook address is sent once and only ever shown back masked by the API.
import { el, replaceChildren } from '../dom.js';
import { entityName, t } from '../i18n.js';
import { state } from '../state.js';
import { showError } from '../toast.js';
import { memberCheckboxes } from './member-checkboxes.js';

let api;

/** Wires the form to the API. */
export function initAlertsView(client) {
  api = client;
  const form = document.getElementById('alerts-form');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit(form);
  });
  form.elements.kind.addEventListener('change', () => renderTargetHint(form));
  form.elements.quiet.addEventListener('change', () => {
    form.elements.quietStart.disabled = !form.elements.quiet.checked;
    form.elements.quietEnd.disabled = !form.elements.quiet.checked;
  });
}

/** Loads the subscriptions and renders the view. */
export async function loadAlerts() {
  const section = document.getElementById('alerts');
  try {
    state.alertSubscriptions = (await api.alertSubscriptions()).subscriptions ?? [];
    renderAlerts();
    section.dataset.state = 'ready';
  } catch (error) {
    section.dataset.state = 'error';
    showError(error);
  }
}

/** Renders the list and the member choices in the current language. */
export function renderAlerts() {
  const form = document.getElementById('alerts-form');
  const ticked = new Set([...form.querySelectorAll('input[name="members"]:checked')].map((box) => box.value));
  replaceChildren(document.getElementById('alerts-members'), memberCheckboxes(ticked, 'alert-member-'));
  renderTargetHint(form);
  document.getElementById('alerts-result').textContent = '';
  const subscriptions = state.alertSubscriptions ?? [];
  replaceChildren(
    document.getElementById('alerts-list'),
    subscriptions.length === 0
      ? el('p', { class: 'muted', text: t('alerts.none') })
      : subscriptions.map(card),
  );
}

function renderTargetHint(form) {
  const kind = form.elements.kind.value;
  form.elements.target.type = kind === 'email' ? 'email' : 'url';
  form.elements.target.placeholder = kind === 'email' ? 'name@example.org' : 'https://';
  document.getElementById('alerts-target-label').textContent = t(
    kind === 'email' ? 'alerts.address' : 'alerts.webhookUrl',
  );
}

function channelText(channel) {
  if (channel.kind === 'email') return `${t('alerts.kind.email')}: ${channel.address}`;
  return `${t(`alerts.kind.${channel.service}`)}: ${channel.maskedUrl}`;
}

function card(subscription) {
  const members = subscription.members.map((id) => entityName(state.membersById.get(id), id)).join(', ');
  const quiet = subscription.quietHours
    ? t('alerts.quietRange', subscription.quietHours)
    : t('alerts.quietOff');
  const failing = subscription.delivery?.failures > 0;
  return el(
    'article',
    { class: 'alert-card', testid: 'alert-card', dataset: { subscription: subscription.subscriptionId } },
    el('h3', { text: members }),
    el('p', { testid: 'alert-channel', text: channelText(subscription.channel) }),
    el('p', {
      class: 'muted small',
      text: `${quiet} · ${t(subscription.spikes ? 'alerts.spikesOn' : 'alerts.spikesOff')}`,
    }),
    failing
      ? el('p', {
          class: 'tag',
          testid: 'alert-failing',
          text: t('alerts.failing', {
            failures: subscription.delivery.failures,
            error: subscription.delivery.lastError ?? '',
          }),
        })
      : null,
    state.canReview && subscription.ownerName
      ? el('p', { class: 'muted small', text: subscription.ownerName })
      : null,
    el(
      'div',
      { class: 'actions' },
      el('button', {
        type: 'button',
        class: 'small secondary',
        testid: 'alert-toggle',
        text: t(subscription.enabled ? 'alerts.pause' : 'alerts.resume'),
        onclick: () => change(subscription, { enabled: !subscription.enabled }),
      }),
      el('button', {
        type: 'button',
        class: 'small secondary',
        testid: 'alert-delete',
        text: t('alerts.delete'),
        onclick: () => remove(subscription),
      }),
    ),
  );
}

async function submit(form) {
  const members = [...form.querySelectorAll('input[name="members"]:checked')].map((box) => box.value);
  const kind = form.elements.kind.value;
  const target = form.elements.target.value.trim();
  const channel =
    kind === 'email' ? { kind: 'email', address: target } : { kind: 'webhook', service: kind, url: target };
  const body = {
    members,
    channel,
    spikes: form.elements.spikes.checked,
    quietHours: form.elements.quiet.checked
      ? { start: form.elements.quietStart.value, end: form.elements.quietEnd.value }
      : null,
  };
  try {
    const created = await api.createAlertSubscription(body);
    state.alertSubscriptions = [...(state.alertSubscriptions ?? []), created];
    form.elements.target.value = '';
    renderAlerts();
    document.getElementById('alerts-result').textContent = t('alerts.saved');
  } catch (error) {
    showError(error);
  }
}

async function change(subscription, patch) {
  try {
    const changed = await api.updateAlertSubscription(subscription.subscriptionId, patch);
    state.alertSubscriptions = state.alertSubscriptions.map((s) =>
      s.subscriptionId === changed.subscriptionId ? changed : s,
    );
    renderAlerts();
  } catch (error) {
    showError(error);
  }
}

async function remove(subscription) {
  try {
    await api.deleteAlertSubscription(subscription.subscriptionId);
    state.alertSubscriptions = state.alertSubscriptions.filter(
      (s) => s.subscriptionId !== subscription.subscriptionId,
    );
    renderAlerts();
  } catch (error) {
    showError(error);
  }
}
