// The form PR staff record or edit an outreach event with. Figures are typed one per line as
// "label: number", the way the council's report states them ("refugees enrolled: 157").
import { el, replaceChildren } from '../dom.js';
import { entityName, t } from '../i18n.js';
import { state } from '../state.js';
import { showError } from '../toast.js';

const types = [
  'council-meeting',
  'round-table',
  'information-session',
  'course',
  'aid-distribution',
  'visit',
  'media-appearance',
  'other',
];

/** Fills `form` for a new event (null) or an existing one; `save` receives the API body. */
export function renderEventForm(form, event, save) {
  const field = (key, input) => el('label', {}, el('span', { text: t(key) }), input);
  const members = new Set(event?.members ?? []);
  replaceChildren(
    form,
    field(
      'outreach.date',
      el('input', {
        name: 'date',
        type: 'date',
        required: true,
        value: event?.date ?? state.period.to,
        testid: 'event-date',
      }),
    ),
    field(
      'outreach.type',
      el(
        'select',
        { name: 'type', testid: 'event-type' },
        types.map((type) =>
          el('option', { value: type, selected: event?.type === type, text: t(`outreach.type.${type}`) }),
        ),
      ),
    ),
    field(
      'outreach.eventTitle',
      el('input', {
        name: 'title',
        required: true,
        maxlength: 300,
        value: event?.title ?? '',
        testid: 'event-title',
      }),
    ),
    field(
      'outreach.place',
      el('input', { name: 'place', maxlength: 300, value: event?.place ?? '', testid: 'event-place' }),
    ),
    el(
      'fieldset',
      { class: 'event-members' },
      el('legend', { text: t('outreach.members') }),
      state.members.map((member) =>
        el(
          'label',
          { class: 'inline-label' },
          el('input', {
            type: 'checkbox',
            name: 'members',
            value: member.id,
            checked: members.has(member.id),
          }),
          entityName(member),
        ),
      ),
    ),
    field(
      'outreach.participants',
      el('input', {
        name: 'participants',
        type: 'number',
        min: 0,
        value: event?.participants ?? '',
        testid: 'event-participants',
      }),
    ),
    field(
      'outreach.beneficiaries',
      el('input', {
        name: 'beneficiaries',
        type: 'number',
        min: 0,
        value: event?.beneficiaries ?? '',
        testid: 'event-beneficiaries',
      }),
    ),
    field(
      'outreach.figures',
      el(
        'textarea',
        { name: 'figures', rows: 3, testid: 'event-figures-input' },
        (event?.figures ?? []).map((f) => `${f.label}: ${f.value}`).join('\n'),
      ),
    ),
    field(
      'outreach.notes',
      el('textarea', { name: 'notes', rows: 3, maxlength: 4000, testid: 'event-notes' }, event?.notes ?? ''),
    ),
    field(
      'outreach.links',
      el('textarea', { name: 'links', rows: 2, testid: 'event-links' }, (event?.links ?? []).join('\n')),
    ),
    el(
      'div',
      { class: 'actions' },
      el('button', { type: 'submit', testid: 'event-save', text: t('outreach.save') }),
      el('button', {
        type: 'button',
        class: 'secondary',
        text: t('outreach.cancel'),
        onclick: () => close(form),
      }),
    ),
    el('p', { class: 'error', role: 'alert', testid: 'event-error' }),
  );
  form.hidden = false;
  form.onsubmit = async (submitted) => {
    submitted.preventDefault();
    const error = form.querySelector('[data-testid="event-error"]');
    error.textContent = '';
    try {
      await save(bodyOf(form));
      close(form);
    } catch (problem) {
      error.textContent = problem.message;
      if (!problem.status) return;
      showError(problem);
    }
  };
  form.scrollIntoView({ block: 'start' });
}

function close(form) {
  form.hidden = true;
  form.replaceChildren();
}

/** The API body of the form; a malformed figure line stops the save with its text. */
function bodyOf(form) {
  const data = new FormData(form);
  const text = (name) => String(data.get(name) ?? '').trim();
  const number = (name) => (text(name) === '' ? undefined : Number(text(name)));
  const figures = text('figures')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = /^(.+?):\s*(\d+)$/.exec(line);
      if (!match) throw new Error(t('outreach.badFigure', { line }));
      return { label: match[1].trim(), value: Number(match[2]) };
    });
  return {
    date: text('date'),
    type: text('type'),
    title: text('title'),
    ...(text('place') ? { place: text('place') } : {}),
    members: data.getAll('members').map(String),
    ...(number('participants') !== undefined ? { participants: number('participants') } : {}),
    ...(number('beneficiaries') !== undefined ? { beneficiaries: number('beneficiaries') } : {}),
    figures,
    ...(text('notes') ? { notes: text('notes') } : {}),
    links: text('links')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  };
}
