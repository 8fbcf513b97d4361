// The mentions time series, drawn with uPlot (loaded as a global by index.html) in Baku time.
import { replaceChildren } from '../dom.js';
import { azNames } from '../format.js';
import { language, locale, t } from '../i18n.js';
import { state } from '../state.js';

let chart;
let observer;

/** Draws `state.summary.series` into #chart, replacing any previous chart. */
export function renderChart() {
  const container = document.getElementById('chart');
  const summary = state.summary;
  if (!summary) return;
  chart?.destroy();
  chart = undefined;
  const uPlot = globalThis.uPlot;
  if (!uPlot) {
    // The chart is an extra; without the library the numbers are still in the cards and tables.
    container.textContent = t('chart.unavailable');
    return;
  }
  replaceChildren(container);
  const series = summary.series ?? [];
  const xs = series.map((point) => bucketSeconds(point.bucket));
  const ys = series.map((point) => point.mentions);
  container.dataset.points = String(series.length);
  container.setAttribute('aria-label', t('chart.title'));
  container.setAttribute('role', 'img');
  const names = dateNames();
  chart = new uPlot(
    {
      width: Math.max(280, container.clientWidth),
      height: 240,
      tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Asia/Baku'),
      fmtDate: (template) => uPlot.fmtDate(template, names),
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes: [{}, { values: (_u, ticks) => ticks.map((tick) => (Number.isInteger(tick) ? tick : '')) }],
      series: [
        {},
        {
          label: t('cards.mentions'),
          stroke: '#1f6f8b',
          fill: 'rgba(31, 111, 139, 0.15)',
          width: 2,
          points: { show: series.length <= 60 },
        },
      ],
    },
    [xs, ys],
    container,
  );
  observer?.disconnect();
  observer = new ResizeObserver(() =>
    chart?.setSize({ width: Math.max(280, container.clientWidth), height: 240 }),
  );
  observer.observe(container);
}

/** A bucket (`yyyy-mm-dd` or `yyyy-mm`) as its first instant in Baku (UTC+4), in seconds. */
function bucketSeconds(bucket) {
  const day = bucket.length === 7 ? `${bucket}-01` : bucket;
  return Date.parse(`${day}T00:00:00+04:00`) / 1000;
}

/** Month and weekday names in the interface language, for the axis labels. */
export function dateNames() {
  if (language() === 'az') {
    const { months, monthsShort, weekdays, weekdaysShort } = azNames;
    return { MMMM: months, MMM: monthsShort, WWWW: weekdays, WWW: weekdaysShort };
  }
  const format = (options, date) =>
    new Intl.DateTimeFormat(locale(), { ...options, timeZone: 'UTC' }).format(date);
  const months = Array.from({ length: 12 }, (_, month) => new Date(Date.UTC(2026, month, 15)));
  // 2026-11-01 is a Sunday; uPlot counts weekdays from Sunday.
  const days = Array.from({ length: 7 }, (_, day) => new Date(Date.UTC(2026, 10, 1 + day)));
  return {
    MMMM: months.map((date) => format({ month: 'long' }, date)),
    MMM: months.map((date) => format({ month: 'short' }, date)),
    WWWW: days.map((date) => format({ weekday: 'long' }, date)),
    WWW: days.map((date) => format({ weekday: 'short' }, date)),
  };
}
