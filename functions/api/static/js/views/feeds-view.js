// Feed health: each source's last success, last error and failure streak; flagged sources stand out.
import { el, replaceChildren, safeHref } from '../dom.js';
import { formatInstant, formatNumber } from '../format.js';
import { t } from '../i18n.js';
import { state } from '../state.js';

/** Renders `state.feeds`, flagged and failing sources first. */
export function renderFeeds() {
  const body = document.getElementById('feed-rows');
  const feeds = [...(state.feeds ?? [])];
  if (feeds.length === 0) {
    replaceChildren(body, el('tr', {}, el('td', { colspan: 6, class: 'muted', text: t('feeds.none') })));
    return;
  }
  feeds.sort(
    (a, b) =>
      Number(b.flagged) - Number(a.flagged) ||
      b.consecutiveFailures - a.consecutiveFailures ||
      a.sourceId.localeCompare(b.sourceId),
  );
  replaceChildren(body, feeds.map(feedRow));
}

function feedRow(feed) {
  const href = safeHref(feed.url);
  const outlet = state.outletsById.get(feed.outletId)?.name ?? feed.outletId;
  const error = feed.lastError
    ? [
        el('span', { class: 'tag', testid: 'feed-error-kind', text: t(`feedError.${feed.lastError.kind}`) }),
        ` ${feed.lastError.message} · ${formatInstant(feed.lastError.at)}`,
      ]
    : '—';
  return el(
    'tr',
    {
      testid: 'feed-row',
      class: feed.flagged ? 'flagged' : '',
      dataset: { flagged: String(!!feed.flagged) },
    },
    el(
      'th',
      { scope: 'row' },
      outlet,
      feed.flagged
        ? el('span', { class: 'tag danger', testid: 'feed-flagged', text: t('feeds.flagged') })
        : null,
    ),
    el(
      'td',
      { class: 'url-cell', 'data-label': t('feeds.source') },
      href ? el('a', { href, rel: 'noopener noreferrer', target: '_blank', text: feed.url }) : feed.url,
    ),
    el('td', {
      'data-label': t('feeds.lastSuccess'),
      text: feed.lastSuccessAt ? formatInstant(feed.lastSuccessAt) : t('feeds.never'),
    }),
    el('td', { 'data-label': t('feeds.lastError') }, error),
    el('td', {
      class: 'num',
      'data-label': t('feeds.failures'),
      text: formatNumber(feed.consecutiveFailures),
    }),
    el('td', { class: 'num', 'data-label': t('feeds.items'), text: formatNumber(feed.itemsSeen) }),
  );
}
