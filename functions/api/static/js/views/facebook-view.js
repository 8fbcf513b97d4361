// The Facebook panel: cards with the change from the previous period, a daily chart of posts and
// engagement, and the top posts; or a clear notice when no page is configured or the token is rejected.
import { el, replaceChildren, safeHref } from '../dom.js';
import { changeDirection, formatChange, formatDay, formatInstant, formatNumber } from '../format.js';
import { entityName, locale, t } from '../i18n.js';
import { state } from '../state.js';
import { dateNames } from './chart-view.js';

/** The panel's own data: the status's facebook part and the last summary answer. */
const view = { summary: null, generation: 0 };
let chart;

/** Loads the summary of the chosen period when a page is configured, then renders the panel. */
export async function loadFacebook(api) {
  const section = document.getElementById('facebook');
  const mine = ++view.generation;
  if (!state.status?.facebook?.configured) {
    view.summary = null;
    renderFacebook();
    return;
  }
  section.dataset.state = 'loading';
  try {
    const { from, to } = state.period;
    const summary = await api.facebookSummary({ from, to });
    if (mine !== view.generation) return;
    view.summary = summary;
    renderFacebook();
  } catch (error) {
    if (mine !== view.generation) return;
    view.summary = null;
    section.dataset.state = 'error';
    notice(`${t('facebook.loadFailed')}: ${error.message}`, 'danger');
  }
}

/** Renders the panel from the status and the last summary (also on a language switch). */
export function renderFacebook() {
  const section = document.getElementById('facebook');
  const status = state.status?.facebook;
  const content = document.getElementById('facebook-content');
  if (!status?.configured) {
    section.dataset.state = 'off';
    content.hidden = true;
    notice(t('facebook.notConfigured'));
    return;
  }
  if (status.token === 'rejected') {
    const at = status.tokenError?.at ? formatInstant(status.tokenError.at) : '';
    notice(t('facebook.tokenRejected', { at }), 'danger');
  } else if (status.token === 'missing') {
    notice(t('facebook.tokenMissing'), 'danger');
  } else {
    notice('');
  }
  if (!view.summary) return;
  section.dataset.state = status.token === 'rejected' ? 'token-rejected' : 'ready';
  content.hidden = false;
  renderCards(view.summary);
  renderChart(view.summary);
  renderTopPosts(view.summary.topPosts ?? []);
}

function notice(text, kind = 'info') {
  const node = document.getElementById('facebook-notice');
  node.textContent = text;
  node.dataset.kind = kind;
  node.hidden = !text;
}

function renderCards(summary) {
  const { previous } = summary;
  card('posts', summary.posts, previous.posts);
  const weeks = (summary.series?.length ?? 0) / 7;
  detail('posts', weeks > 0 ? t('facebook.perWeek', { count: formatDecimal(summary.posts / weeks) }) : '');
  card('engagement', summary.engagement, previous.engagement);
  detail(
    'engagement',
    t('facebook.engagementDetail', {
      reactions: formatNumber(summary.reactions),
      comments: formatNumber(summary.comments),
      shares: formatNumber(summary.shares),
      perPost: summary.posts ? formatNumber(Math.round(summary.engagement / summary.posts)) : '–',
    }),
  );
  const followers = summary.followers;
  card('followers', followers.end, followers.start, true);
  card('views', summary.mediaViews, previous.mediaViews);
  detail(
    'views',
    summary.uniqueMediaViewers === null
      ? t('facebook.uniqueUnavailable')
      : t('facebook.uniqueViewers', { count: formatNumber(summary.uniqueMediaViewers) }),
  );
}

/** One card; `withinPeriod` compares the end of the period with its start rather than with the previous period. */
function card(id, current, before, withinPeriod = false) {
  const root = document.querySelector(`[data-testid="fb-card-${id}"]`);
  const change = root.querySelector('.card-change');
  if (current === null || current === undefined) {
    root.querySelector('.card-value').textContent = '–';
    change.textContent = t('facebook.unavailable');
    change.dataset.direction = 'same';
    return;
  }
  root.querySelector('.card-value').textContent = formatNumber(current);
  if (before === null || before === undefined) {
    change.textContent = '';
    change.dataset.direction = 'same';
    return;
  }
  const suffix = withinPeriod ? t('facebook.inPeriod') : t('change.vsPrevious');
  change.textContent = `${formatChange(current, before)} ${suffix}`;
  change.dataset.direction = changeDirection(current, before);
}

/** A number with at most one decimal, in the interface language. */
function formatDecimal(value) {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(value);
}

function detail(id, text) {
  document.querySelector(`[data-testid="fb-card-${id}-detail"]`).textContent = text;
}

function renderTopPosts(posts) {
  const list = document.getElementById('facebook-top-posts');
  if (posts.length === 0) {
    replaceChildren(list, el('li', { class: 'muted', text: t('facebook.noPosts') }));
    return;
  }
  replaceChildren(
    list,
    posts.map((post) => {
      const href = safeHref(post.permalink);
      const title = post.text || t('facebook.noText');
      const names = (post.members ?? []).map((id) => entityName(state.membersById.get(id), id));
      return el(
        'li',
        { testid: 'facebook-post', dataset: { post: post.id } },
        href
          ? el('a', { href, target: '_blank', rel: 'noopener noreferrer', text: title })
          : el('span', { text: title }),
        el('span', {
          class: 'fb-counts',
          text: [
            formatDay(bakuDayOf(post.created)),
            t('facebook.postCounts', {
              reactions: formatNumber(post.reactions),
              comments: formatNumber(post.comments),
              shares: formatNumber(post.shares),
            }),
            names.length ? `${t('facebook.names')} ${names.join(', ')}` : null,
          ]
            .filter(Boolean)
            .join(' · '),
        }),
      );
    }),
  );
}

/** The Baku day (UTC+4, no daylight saving since 2016) of an ISO instant. */
function bakuDayOf(iso) {
  return new Date(Date.parse(iso) + 4 * 3_600_000).toISOString().slice(0, 10);
}

function renderChart(summary) {
  const container = document.getElementById('facebook-chart');
  chart?.destroy();
  chart = undefined;
  const uPlot = globalThis.uPlot;
  if (!uPlot) {
    container.textContent = t('chart.unavailable');
    return;
  }
  replaceChildren(container);
  const series = summary.series ?? [];
  container.dataset.points = String(series.length);
  container.setAttribute('role', 'img');
  container.setAttribute('aria-label', t('facebook.chartTitle'));
  const xs = series.map((point) => Date.parse(`${point.day}T00:00:00+04:00`) / 1000);
  const whole = (_u, ticks) => ticks.map((tick) => (Number.isInteger(tick) ? tick : ''));
  chart = new uPlot(
    {
      width: Math.max(280, container.clientWidth),
      height: 240,
      tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Asia/Baku'),
      fmtDate: (template) => uPlot.fmtDate(template, dateNames()),
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: true },
        posts: { range: (_u, _min, max) => [0, Math.max(1, max)] },
        engagement: { range: (_u, _min, max) => [0, Math.max(1, max)] },
      },
      axes: [
        {},
        { scale: 'posts', values: whole },
        { scale: 'engagement', side: 1, values: whole, grid: { show: false } },
      ],
      series: [
        {},
        { label: t('facebook.posts'), scale: 'posts', stroke: '#1877f2', width: 2, points: { show: true } },
        {
          label: t('facebook.engagement'),
          scale: 'engagement',
          stroke: '#c2410c',
          fill: 'rgba(194, 65, 12, 0.12)',
          width: 2,
          points: { show: series.length <= 60 },
        },
      ],
    },
    [xs, series.map((point) => point.posts), series.map((point) => point.engagement)],
    container,
  );
}
