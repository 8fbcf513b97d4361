// The form for a mention entered by hand (print, TV, radio, or a page no feed carries); PR staff only.
import { el, fillSelect, replaceChildren } from '../dom.js';
import { t, tp } from '../i18n.js';
import { bakuToday } from '../period.js';
import { setReferenceData, state } from '../state.js';
import { showError } from '../toast.js';
import { memberCheckboxes } from './member-checkboxes.js';
import { showJustAdded } from './mentions-view.js';

const otherOutlet = '__other__';
let api;
let onAdded;

/** Wires the form; `added` runs after a successful save. */
export function initManualForm(client, added) {
  api = client;
  onAdded = added;
  const form = document.getElementById('manual-form');
  form.elements.date.value = bakuToday();
  form.elements.outletId.addEventListener('change', toggleOutletName);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit(form);
  });
}

/** Fills members and outlets in the current language, keeping what the user already ticked. */
export function renderManualOptions() {
  const form = document.getElementById('manual-form');
  fillSelect(form.elements.outletId, [
    ...[...state.outlets]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((o) => ({ value: o.id, label: o.name })),
    { value: otherOutlet, label: t('manual.otherOutlet') },
  ]);
  const ticked = new Set(selectedMembers(form));
  replaceChildren(document.getElementById('manual-members'), memberCheckboxes(ticked, 'manual-member-'));
  fillKnownOutlets();
  toggleOutletName();
}

/**
 * Offers outlet names typed before (manual outlets the API lists), so the same outlet is picked again
 * rather than spelt anew; the server still merges spellings by their folded name.
 */
function fillKnownOutlets() {
  const names = [...new Set(state.outlets.filter(isManualOutlet).map((outlet) => outlet.name))].sort((a, b) =>
    a.localeCompare(b),
  );
  replaceChildren(
    document.getElementById('manual-outlet-names'),
    names.map((name) => el('option', { value: name })),
  );
}

function isManualOutlet(outlet) {
  return outlet.origin === 'manual' || outlet.id.startsWith('manual-');
}

function toggleOutletName() {
  const form = document.getElementById('manual-form');
  const other = form.elements.outletId.value === otherOutlet;
  document.getElementById('manual-outlet-name-field').hidden = !other;
  form.elements.outletName.required = other;
}

function selectedMembers(form) {
  return [...form.querySelectorAll('input[name="members"]:checked')].map((input) => input.value);
}

async function submit(form) {
  const result = document.getElementById('manual-result');
  const members = selectedMembers(form);
  if (members.length === 0) {
    result.textContent = t('manual.pickMember');
    return;
  }
  const data = new FormData(form);
  const value = (name) => String(data.get(name) ?? '').trim();
  const outletId = value('outletId');
  const body = {
    title: value('title'),
    date: value('date'),
    members,
    medium: value('medium'),
    language: value('language'),
    ...(outletId === otherOutlet ? { outletName: value('outletName') } : { outletId }),
    ...(value('url') ? { url: value('url') } : {}),
    ...(value('description') ? { description: value('description') } : {}),
  };
  const submitButton = form.querySelector('button[type="submit"]');
  submitButton.disabled = true;
  result.textContent = '';
  try {
    const answer = await api.addMention(body);
    const count = answer.mentions?.length ?? members.length;
    result.textContent = tp('manual.addedCount', count);
    form.reset();
    form.elements.date.value = bakuToday();
    toggleOutletName();
    // A new outlet typed by hand gets its name in every table and joins the names offered next time.
    const outlets = await api.outlets().catch(() => null);
    if (outlets) setReferenceData(state.members, outlets.outlets ?? []);
    fillKnownOutlets();
    await onAdded();
    if (answer.mentions?.length) showJustAdded(answer.mentions);
  } catch (error) {
    result.textContent = error.message;
    showError(error);
  } finally {
    submitButton.disabled = false;
  }
}
