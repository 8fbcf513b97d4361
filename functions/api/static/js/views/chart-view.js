// The mentions time series, drawn with uPlot (loaded as a global by index.html) in Baku time.
import { replaceChildren } from '../dom.js';
import { azNames } from '../format.js';
import { language, locale, t } from '../i18n.js';
import { state } from '../state.js';
import { lineColours, lineNames, renderChartMembers } from './chart-members.js';

let chart;
let observer;

/** Draws `state.summary.series`, and a line per chosen member, into #chart, replacing any previous chart. */
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
  // Days after today have not happened: drawn as a gap, not as a fall to zero.
  const now = Date.now() / 1000;
  const past = (values) => values.map((value, index) => ((xs[index] ?? 0) > now ? null : value));
  const ys = past(series.map((point) => point.mentions));
  // Member lines on demand, in the order chosen; a member whose series has not come yet is left out.
  const byMember = new Map((summary.memberSeries ?? []).map((entry) => [entry.member, entry.series]));
  const members = state.chartMembers.filter((id) => byMember.has(id));
  const memberYs = members.map((id) => {
    const counts = new Map(byMember.get(id).map((point) => [point.bucket, point.mentions]));
    return past(series.map((point) => counts.get(point.bucket) ?? 0));
  });
  const names = lineNames(members);
  renderChartMembers();
  const granularity = summary.period?.granularity ?? 'day';
  container.dataset.points = String(series.length);
  // The axis is drawn on a canvas; its labels and the days not yet come are also kept readable here.
  container.dataset.xLabels = bucketTicks(xs, Math.max(280, container.clientWidth))
    .map((tick) => bucketLabel(tick, granularity))
    .join('|');
  container.dataset.future = String(ys.filter((y) => y === null).length);
  // The lines drawn, by name, and each line's sum, so what the canvas shows can be read and checked.
  container.dataset.series = names.join('|');
  container.dataset.seriesTotals = [ys, ...memberYs]
    .map((values) => values.reduce((sum, value) => sum + (value ?? 0), 0))
    .join('|');
  container.setAttribute('aria-label', t('chart.title'));
  container.setAttribute('role', 'img');
  const dates = dateNames();
  chart = new uPlot(
    {
      width: Math.max(280, container.clientWidth),
      height: 240,
      tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Asia/Baku'),
      fmtDate: (template) => uPlot.fmtDate(template, dates),
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes: [
        {
          // One tick per bucket (thinned to fit), labelled as a date in the interface language,
          // so a week of daily data never shows hours.
          splits: () => bucketTicks(xs, Math.max(280, container.clientWidth)),
          values: (_u, ticks) => ticks.map((tick) => bucketLabel(tick, granularity)),
        },
        { values: (_u, ticks) => ticks.map((tick) => (Number.isInteger(tick) ? tick : '')) },
      ],
      series: [
        {},
        {
          label: names[0],
          stroke: lineColours[0],
          fill: 'rgba(31, 111, 139, 0.15)',
          width: 2,
          points: { show: series.length <= 60 },
        },
        ...members.map((_, index) => ({
          label: names[index + 1],
          stroke: lineColours[(index + 1) % lineColours.length],
          width: 2,
          points: { show: series.length <= 60 },
        })),
      ],
    },
    [xs, ys, ...memberYs],
    container,
  );
  observer?.disconnect();
  observer = new ResizeObserver(() =>
    chart?.setSize({ width: Math.max(280, container.clientWidth), height: 240 }),
  );
  observer.observe(container);
}

/** The bucket starts to label: every one when they fit, else every n-th so labels never overlap. */
export function bucketTicks(xs, width) {
  const room = Math.max(2, Math.floor(width / 72));
  const step = Math.ceil(xs.length / room);
  return xs.filter((_, index) => index % step === 0);
}

/** A bucket start (seconds) as "29 noy" / "29 Nov" / "29 нояб.", or the month for monthly data. */
function bucketLabel(seconds, granularity) {
  const date = new Date(seconds * 1000 + 4 * 3_600_000);
  const day = date.getUTCDate();
  const month = date.getUTCMonth();
  if (language() === 'az') {
    return granularity === 'month'
      ? `${azNames.monthsShort[month]} ${date.getUTCFullYear()}`
      : `${day} ${azNames.monthsShort[month]}`;
  }
  const options =
    granularity === 'month' ? { month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short' };
  return new Intl.DateTimeFormat(locale(), { ...options, timeZone: 'UTC' }).format(date);
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
