// The mention list: filters, snippet with the name highlighted, link, review buttons for PR staff.
import { el, fillSelect, highlighted, replaceChildren, safeHref } from '../dom.js';
import { formatInstant, formatNumber } from '../format.js';
import { entityName, language, t, tp } from '../i18n.js';
import { listQuery, state } from '../state.js';
import { showError, showToast } from '../toast.js';

const pageSize = 25;
let api;
let onReviewed;
/** Answers to superseded requests are dropped, so a slow old page never overwrites a newer one. */
let generation = 0;

/** Wires the filters, "show more" and the CSV button. `reviewed` runs after each review. */
export function initMentionsView(client, reviewed) {
  api = client;
  onReviewed = reviewed;
  const form = document.getElementById('filters');
  const apply = () => {
    const data = new FormData(form);
    for (const name of Object.keys(state.filters)) state.filters[name] = String(data.get(name) ?? '').trim();
    // The API searches for two characters or more; one character would only earn a 400.
    if (state.filters.q.length < 2) state.filters.q = '';
    loadMentions();
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  for (const select of form.querySelectorAll('select')) select.addEventListener('change', apply);
  document.getElementById('load-more').addEventListener('click', () => loadMentions({ more: true }));
  document.getElementById('export-csv').addEventListener('click', downloadCsv);
  document.getElementById('group-stories').addEventListener('change', renderMentions);
}

/** Fills the member and outlet filters in the current language. */
export function renderFilterOptions() {
  const form = document.getElementById('filters');
  fillSelect(form.elements.member, [
    { value: '', label: t('filters.all') },
    ...state.members.map((member) => ({ value: member.id, label: entityName(member) })),
  ]);
  fillSelect(form.elements.outlet, [
    { value: '', label: t('filters.all') },
    ...[...state.outlets]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((outlet) => ({ value: outlet.id, label: outlet.name })),
  ]);
}

/** Loads the first page for the current period and filters, or the next page with `more`. */
export async function loadMentions({ more = false } = {}) {
  const section = document.getElementById('mentions');
  const mine = ++generation;
  section.dataset.state = 'loading';
  try {
    const query = { ...listQuery(), limit: pageSize, cursor: more ? state.cursor : undefined };
    // The total that matches is counted once per filter change, beside the first page.
    const [page, total] = await Promise.all([
      api.mentions(query),
      more ? state.mentionTotal : api.mentionCounts(listQuery()).catch(() => null),
    ]);
    if (mine !== generation) return;
    state.mentionTotal = total;
    const added = more ? [] : state.mentions.filter((m) => state.justAdded.includes(m.mentionId));
    state.mentions = more ? [...state.mentions, ...page.items] : withJustAdded(page.items, added);
    state.cursor = page.cursor;
    renderMentions();
    section.dataset.state = 'ready';
  } catch (error) {
    if (mine !== generation) return;
    section.dataset.state = 'error';
    showError(error);
  }
}

/** Renders `state.mentions`. */
export function renderMentions() {
  const list = document.getElementById('mention-list');
  const count = document.getElementById('mention-count');
  document.getElementById('load-more').hidden = !state.cursor;
  if (state.mentions.length === 0) {
    count.textContent = t('mentions.none');
    replaceChildren(list);
    return;
  }
  count.textContent = countLine(state.mentions.length, state.mentionTotal);
  const stories = outletsByStory(state.mentions);
  const grouped = document.getElementById('group-stories').checked;
  replaceChildren(
    list,
    grouped
      ? storyGroups(state.mentions).map(({ lead, copies }) => groupItem(lead, copies, stories))
      : state.mentions.map((mention) => mentionItem(mention, stories)),
  );
}

/**
 * "25 of 312 mentions": the total is all the filters match (the list shows rejected ones too, so
 * `total`, not `counted`); "more than" when the count stopped at its read limit.
 */
function countLine(shown, counts) {
  if (!counts) return tp('mentions.count', formatNumber(shown));
  const total = counts.total;
  if (shown >= total && counts.exact) return tp('mentions.count', total, { count: formatNumber(total) });
  const key = counts.exact ? 'mentions.ofTotal' : 'mentions.ofAtLeast';
  return tp(key, total, { shown: formatNumber(shown), total: formatNumber(total) });
}

/** The page, with mentions just entered by hand first, so staff see what they added whatever its date. */
function withJustAdded(items, added) {
  const ids = new Set(added.map((mention) => mention.mentionId));
  return [...added, ...items.filter((mention) => !ids.has(mention.mentionId))];
}

/** Shows mentions just entered by hand at the top of the list, marked, and scrolls to the first. */
export function showJustAdded(mentions) {
  state.justAdded = mentions.map((mention) => mention.mentionId);
  state.mentions = withJustAdded(state.mentions, mentions);
  renderMentions();
  const first = document.querySelector('[data-testid="mention-row"].just-added');
  first?.scrollIntoView({ block: 'center' });
}

/** A snippet cut inside a sentence ends with an ellipsis, so a reader knows the text goes on. */
export function snippetText(text) {
  const trimmed = text.trimEnd();
  return /[.!?…。"»”')\]]$/.test(trimmed) ? trimmed : `${trimmed}…`;
}

/** The list as stories: the first mention of each story leads, the other outlets' copies follow it. */
function storyGroups(mentions) {
  const groups = new Map();
  const order = [];
  for (const mention of mentions) {
    const key = mention.storyKey ?? mention.mentionId;
    const group = groups.get(key);
    if (group) group.copies.push(mention);
    else {
      const fresh = { lead: mention, copies: [] };
      groups.set(key, fresh);
      order.push(fresh);
    }
  }
  return order;
}

/** A story's lead mention with its copies one click away. */
function groupItem(lead, copies, stories) {
  const item = mentionItem(lead, stories);
  if (copies.length === 0) return item;
  const nested = el(
    'ol',
    { class: 'story-copies mention-list', testid: 'story-copies', hidden: true },
    copies.map((copy) => mentionItem(copy, stories)),
  );
  const toggle = el('button', {
    type: 'button',
    class: 'small link',
    testid: 'story-copies-toggle',
    'aria-expanded': 'false',
    text: tp('mentions.copies', copies.length, { count: formatNumber(copies.length) }),
    onclick: (event) => {
      nested.hidden = !nested.hidden;
      event.currentTarget.setAttribute('aria-expanded', String(!nested.hidden));
    },
  });
  item.append(toggle, nested);
  return item;
}

/** The outlets of each story in the list, so a story several outlets carried is shown as one. */
function outletsByStory(mentions) {
  const stories = new Map();
  for (const mention of mentions) {
    if (!mention.storyKey) continue;
    const outlets = stories.get(mention.storyKey) ?? new Set();
    outlets.add(outletName(mention));
    stories.set(mention.storyKey, outlets);
  }
  return stories;
}

function outletName(mention) {
  return state.outletsById.get(mention.outletId)?.name ?? mention.outletName ?? mention.outletId;
}

function sameStory(mention, stories) {
  const others = [...(stories.get(mention.storyKey) ?? [])].filter((name) => name !== outletName(mention));
  if (others.length === 0) return null;
  return el('p', {
    class: 'mention-story',
    testid: 'mention-story',
    text: t('mentions.sameStory', { outlets: others.join(', ') }),
  });
}

function mentionItem(mention, stories) {
  const href = safeHref(mention.url);
  const title = href
    ? el('a', { href, rel: 'noopener noreferrer', target: '_blank', text: mention.title })
    : el('span', { text: mention.title });
  const entity = state.membersById.get(mention.entityId);
  const outlet = outletName(mention);
  const snippet = mention.snippet ?? { text: '', highlights: [] };
  const justAdded = state.justAdded.includes(mention.mentionId);
  return el(
    'li',
    {
      class: `mention status-${mention.status}${justAdded ? ' just-added' : ''}`,
      testid: 'mention-row',
      dataset: { mentionId: mention.mentionId, member: mention.entityId, status: mention.status },
    },
    el('h3', { class: 'mention-title', testid: 'mention-title', title: mention.title }, title),
    el(
      'p',
      { class: 'mention-meta' },
      el('span', {
        class: 'mention-member',
        testid: 'mention-member',
        text: entityName(entity, mention.entityId),
      }),
      el('span', { testid: 'mention-outlet', text: outlet }),
      el('time', { datetime: mention.published, text: formatInstant(mention.published) }),
      el('span', { text: t(`language.${mention.language}`) }),
      el('span', {
        testid: 'mention-medium',
        text: t(mention.manual ? `medium.${mention.manual.medium}` : 'medium.online'),
      }),
      justAdded ? el('span', { class: 'badge just-added', text: t('mentions.justAdded') }) : null,
      el('span', {
        class: `badge ${mention.status}`,
        testid: 'mention-status',
        text: t(`status.${mention.status}`),
      }),
      // What the matcher found, so PR staff can review the weakest evidence first.
      mention.evidence
        ? el('span', {
            class: `badge evidence ${mention.evidence}`,
            testid: 'mention-evidence',
            text: t(`evidence.${mention.evidence}`),
            title: t('filters.evidence'),
          })
        : null,
      // The outreach event PR staff confirmed this mention as coverage of.
      mention.event
        ? el('a', {
            class: 'badge',
            href: '#outreach',
            testid: 'mention-event',
            text: t('mentions.event', { title: mention.event.title }),
          })
        : null,
    ),
    snippet.text
      ? el(
          'p',
          { class: 'snippet', testid: 'mention-snippet' },
          highlighted(snippetText(snippet.text), snippet.highlights),
        )
      : null,
    mention.manual?.description && mention.manual.description !== snippet.text
      ? el('p', { class: 'snippet', text: mention.manual.description })
      : null,
    sameStory(mention, stories),
    lastReview(mention),
    state.canReview ? reviewControls(mention) : null,
  );
}

function lastReview(mention) {
  // Only the latest review travels with the list; the full history is GET /api/mentions/{id}/history.
  const entry = mention.lastReview;
  if (!entry && !mention.note) return null;
  const parts = [];
  if (entry) {
    // An undo returns the mention to its original status; say so rather than "found automatically by".
    const key = entry.to === 'auto' || entry.to === 'manual' ? 'mentions.undoneBy' : 'mentions.reviewedBy';
    parts.push(t(key, { status: t(`status.${entry.to}`), by: entry.by, at: formatInstant(entry.at) }));
  }
  const note = mention.note ?? entry?.note;
  if (note) parts.push(`${t('mentions.note')}: ${note}`);
  return el('p', { class: 'review-line muted', testid: 'mention-review', text: parts.join(' · ') });
}

/**
 * Confirm and reject for an automatic match; reject alone for a manual entry (nothing to confirm in
 * what staff typed themselves, but a mistaken entry must leave the totals); undo once reviewed.
 */
function reviewControls(mention) {
  // The note box opens on demand, so a row stays one line of buttons and more rows fit a screen.
  const note = el('input', {
    type: 'text',
    class: 'note-input',
    maxlength: 1000,
    testid: 'review-note',
    placeholder: t('review.notePlaceholder'),
    'aria-label': t('review.notePlaceholder'),
    hidden: true,
  });
  const addNote = el('button', {
    type: 'button',
    class: 'small link',
    testid: 'add-note',
    text: t('mentions.addNote'),
    'aria-expanded': 'false',
    onclick: (event) => {
      note.hidden = false;
      event.currentTarget.hidden = true;
      note.focus();
    },
  });
  const button = (label, status, testid, extraClass = '') =>
    el('button', {
      type: 'button',
      class: `small ${extraClass}`,
      testid,
      text: t(label),
      onclick: (event) => review(mention, status, note.value.trim(), event.currentTarget),
    });
  const reject = () => button('review.reject', 'rejected', 'reject-button', 'danger');
  const buttons =
    {
      auto: () => [button('review.confirm', 'confirmed', 'confirm-button'), reject()],
      manual: () => [reject()],
      confirmed: () => [button('review.undo', 'unreviewed', 'undo-button', 'secondary')],
      rejected: () => [button('review.undo', 'unreviewed', 'undo-button', 'secondary')],
    }[mention.status]?.() ?? [];
  if (buttons.length === 0) return null;
  return el('div', { class: 'review' }, ...buttons, addNote, note);
}

async function review(mention, status, note, button) {
  const controls = button.closest('.review');
  for (const control of controls.querySelectorAll('button, input')) control.disabled = true;
  try {
    const updated = await api.review(mention.mentionId, status, note || undefined);
    state.mentions = state.mentions.map((item) => (item.mentionId === updated.mentionId ? updated : item));
    renderMentions();
    showToast(t('review.done', { status: t(`status.${updated.status}`) }));
    await onReviewed();
  } catch (error) {
    for (const control of controls.querySelectorAll('button, input')) control.disabled = false;
    showError(error);
  }
}

/** Fetches the CSV with the bearer token (a plain link could not send it) and saves it. */
async function downloadCsv(event) {
  const button = event.currentTarget;
  button.disabled = true;
  try {
    const { blob, filename } = await api.exportCsv({ ...listQuery(), lang: language() });
    const url = URL.createObjectURL(blob);
    const link = el('a', {
      href: url,
      download: filename ?? `mentions-${state.period.from}-${state.period.to}.csv`,
    });
    document.body.append(link);
    link.click();
    link.remove();
    // Revoked later: Chromium starts reading the blob after the click returns.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (error) {
    showError(error);
  } finally {
    button.disabled = false;
  }
}
