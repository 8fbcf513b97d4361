// Cards with the change from the previous period, per-language line, member and outlet tables, share of voice.
import { el, replaceChildren } from '../dom.js';
import {
  changeDirection,
  formatChange,
  formatDay,
  formatInstant,
  formatNumber,
  formatPercent,
} from '../format.js';
import { entityName, t, tp } from '../i18n.js';
import { state } from '../state.js';
import { showError } from '../toast.js';

let outletClient;
let afterOutletMark = async () => {};

/** Wires the outlet table's not-press action; `onMarked` reloads the outlets and figures. */
export function initOutletActions(api, onMarked) {
  outletClient = api;
  afterOutletMark = onMarked;
}

const cards = [
  { id: 'mentions', value: (totals) => totals.mentions },
  { id: 'outlets', value: (totals) => totals.distinctOutlets },
  { id: 'members', value: (totals) => totals.membersMentioned },
];

/** Renders everything the summary answer feeds, from `state.summary`. */
export function renderSummary() {
  const summary = state.summary;
  if (!summary) return;
  const { totals, previous } = summary;
  for (const card of cards) {
    const current = card.value(totals) ?? 0;
    const before = card.value(previous.totals) ?? 0;
    const root = document.querySelector(`[data-testid="card-${card.id}"]`);
    root.querySelector('.card-value').textContent = formatNumber(current);
    const change = root.querySelector('.card-change');
    change.textContent = `${formatChange(current, before)} ${t('change.vsPrevious')}`;
    change.dataset.direction = changeDirection(current, before);
  }
  document.getElementById('period-caption').textContent = t('period.caption', {
    from: formatDay(summary.period.from),
    to: formatDay(summary.period.to),
    previousFrom: formatDay(previous.period.from),
    previousTo: formatDay(previous.period.to),
  });
  renderReviewState(state.reviewState);
  renderTopStories(state.reviewState?.topStories ?? []);
  renderLanguages(totals.perLanguage ?? {});
  renderMembers(totals, previous.totals);
  renderOutlets(totals.perOutlet ?? {}, previous.totals.perOutlet ?? {});
  renderShareOfVoice(totals.perMember ?? {});
}

/** Confirmed, automatic (not yet reviewed) and manual mentions of the period, at a glance. */
function renderReviewState(counts) {
  const root = document.getElementById('review-state');
  if (!counts) {
    replaceChildren(root);
    return;
  }
  const item = (key, status) =>
    el(
      'span',
      { class: `review-count status-${status}`, testid: `review-state-${status}` },
      el('span', { class: 'muted', text: `${t(key)}: ` }),
      el('strong', { text: formatNumber(counts.byStatus?.[status] ?? 0) }),
    );
  replaceChildren(
    root,
    item('review.stateConfirmed', 'confirmed'),
    item('review.stateAuto', 'auto'),
    item('review.stateManual', 'manual'),
  );
}

/** "Title — 4 outlets, first: APA, 29 Nov 09:00": the stories most outlets carried. */
function renderTopStories(stories) {
  const list = document.getElementById('top-stories');
  if (stories.length === 0) {
    replaceChildren(list, el('li', { class: 'muted', text: t('summary.none') }));
    return;
  }
  replaceChildren(
    list,
    stories.map((story) =>
      el(
        'li',
        { testid: 'top-story' },
        el('span', { class: 'story-title', text: story.title }),
        el('span', {
          class: 'muted',
          testid: 'top-story-detail',
          text: ` — ${tp('stories.outlets', story.outlets, { count: formatNumber(story.outlets) })}, ${t(
            'stories.first',
            { outlet: story.firstOutletName, at: formatInstant(story.firstPublished) },
          )}`,
        }),
      ),
    ),
  );
}

function renderLanguages(perLanguage) {
  const parts = ['az', 'ru', 'en']
    .filter((code) => perLanguage[code])
    .map((code) => `${t(`language.${code}`)}: ${formatNumber(perLanguage[code])}`);
  document.getElementById('per-language').textContent = parts.length
    ? `${t('summary.byLanguage')} ${parts.join(' · ')}`
    : '';
}

/** Every configured member and organisation, with zero rows kept: a silent member is news too. */
function renderMembers(totals, previousTotals) {
  const rows = state.members.map((member) => {
    const key = member.kind === 'organisation' ? 'perOrganisation' : 'perMember';
    return {
      member,
      current: totals[key]?.[member.id] ?? 0,
      before: previousTotals[key]?.[member.id] ?? 0,
    };
  });
  rows.sort((a, b) => b.current - a.current || entityName(a.member).localeCompare(entityName(b.member)));
  replaceChildren(
    document.getElementById('member-rows'),
    rows.map(({ member, current, before }) =>
      el(
        'tr',
        { testid: 'member-row', dataset: { member: member.id } },
        el(
          'th',
          { scope: 'row' },
          entityName(member),
          member.kind === 'organisation' ? el('span', { class: 'tag', text: t('kind.organisation') }) : null,
        ),
        el('td', { class: 'num', testid: 'member-count', text: formatNumber(current) }),
        el('td', { class: 'num muted', text: formatNumber(before) }),
      ),
    ),
  );
}

function renderOutlets(perOutlet, previousPerOutlet) {
  const ids = Object.keys(perOutlet).filter((id) => perOutlet[id] > 0);
  ids.sort((a, b) => perOutlet[b] - perOutlet[a] || outletName(a).localeCompare(outletName(b)));
  // Outlets marked not press count nowhere; they stay listed at the end so the mark can be undone.
  const notPress = state.outlets.filter((outlet) => outlet.origin === 'search' && outlet.notPress);
  const body = document.getElementById('outlet-rows');
  if (ids.length === 0 && notPress.length === 0) {
    replaceChildren(body, el('tr', {}, el('td', { colspan: 3, class: 'muted', text: t('summary.none') })));
    return;
  }
  replaceChildren(body, [
    ...ids.map((id) => outletRow(id, perOutlet[id], previousPerOutlet[id] ?? 0)),
    ...notPress.map((outlet) => outletRow(outlet.id, 0, 0)),
  ]);
}

function outletRow(id, current, before) {
  const outlet = state.outletsById.get(id);
  const discovered = outlet?.origin === 'search';
  return el(
    'tr',
    { testid: 'outlet-row', dataset: { outlet: id, origin: outlet?.origin ?? 'manual' } },
    el(
      'th',
      { scope: 'row' },
      outletName(id),
      discovered
        ? el('span', { class: 'tag', testid: 'outlet-discovered', text: t('outlets.discovered') })
        : null,
      // A manual outlet says what it is (TV, radio, print…), so a broadcast is not read as a website.
      outlet?.origin === 'manual'
        ? el('span', {
            class: 'tag',
            testid: 'outlet-medium',
            text: (outlet.media ?? []).map((medium) => t(`medium.${medium}`)).join(', '),
          })
        : null,
      discovered && outlet.notPress
        ? el('span', { class: 'tag danger', testid: 'outlet-not-press', text: t('outlets.notPress') })
        : null,
      discovered && state.canReview
        ? el('button', {
            type: 'button',
            class: 'small secondary',
            testid: 'outlet-mark',
            text: outlet.notPress ? t('outlets.undoNotPress') : t('outlets.markNotPress'),
            onclick: () => markOutlet(outlet.id, !outlet.notPress),
          })
        : null,
    ),
    el('td', { class: 'num', text: formatNumber(current) }),
    el('td', { class: 'num muted', text: formatNumber(before) }),
  );
}

async function markOutlet(domain, notPress) {
  try {
    await outletClient.markOutlet(domain, notPress);
    await afterOutletMark();
  } catch (error) {
    showError(error);
  }
}

/** Share of voice across the people (organisations have their own row in the member table). */
function renderShareOfVoice(perMember) {
  const list = document.getElementById('share-of-voice');
  const total = Object.values(perMember).reduce((sum, n) => sum + n, 0);
  const people = state.members.filter((member) => member.kind === 'person');
  const rows = people
    .map((member) => ({ member, count: perMember[member.id] ?? 0 }))
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count);
  if (total === 0 || rows.length === 0) {
    replaceChildren(list, el('li', { class: 'muted', text: t('summary.none') }));
    return;
  }
  replaceChildren(
    list,
    rows.map(({ member, count }) => {
      const fraction = count / total;
      const fill = el('span', { class: 'bar-fill' });
      // A width through CSSOM is allowed by the CSP; an inline style attribute would not be.
      fill.style.width = `${(fraction * 100).toFixed(1)}%`;
      return el(
        'li',
        { testid: 'share-row', dataset: { member: member.id } },
        el('span', { class: 'share-name', text: entityName(member) }),
        el('span', { class: 'bar' }, fill),
        el('span', { class: 'share-value', testid: 'share-value', text: formatPercent(fraction) }),
      );
    }),
  );
}

/** Registered outlets by their name; a manual entry's free-text outlet by the name on its mentions. */
function outletName(id) {
  const registered = state.outletsById.get(id)?.name;
  if (registered) return registered;
  return state.mentions.find((mention) => mention.outletId === id)?.outletName ?? id;
}
