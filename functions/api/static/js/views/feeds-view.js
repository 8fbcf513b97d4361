// Feed health: each source's last success, last error and failure streak; flagged sources stand out.
import { el, replaceChildren, safeHref } from '../dom.js';
import { formatInstant, formatNumber } from '../format.js';
import { hasText, t } from '../i18n.js';
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
  const error = feed.lastError ? feedError(feed.lastError) : '—';
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

/**
 * A source's last error: its kind as a tag and a sentence in the interface language, then when. The
 * server's message (English, for operators) stays one click away in a details element.
 */
function feedError(error) {
  const status = error.kind === 'http-status' ? /^HTTP (\d{3})\b/.exec(error.message ?? '')?.[1] : undefined;
  const key = status ? 'feedError.sentence.http-status-code' : `feedError.sentence.${error.kind}`;
  const sentence = hasText(key) ? t(key, { status }) : error.message;
  return [
    el('span', { class: 'tag', testid: 'feed-error-kind', text: t(`feedError.${error.kind}`) }),
    ' ',
    el('span', { testid: 'feed-error-text', title: error.message ?? '', text: sentence }),
    ` · ${formatInstant(error.at)}`,
    error.message
      ? el(
          'details',
          { class: 'server-detail', testid: 'feed-error-detail' },
          el('summary', { text: t('feeds.serverMessage') }),
          el('span', { lang: 'en', text: error.message }),
        )
      : null,
  ];
}
