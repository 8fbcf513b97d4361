// The outcomes report: a period (quarter, year, the council's term or custom) and a report language,
// shown as a printable page built from /api/reports/outcomes, printed by the browser or downloaded
// as the API's PDF. The page's words come with the report, in the report's language.
import { el, replaceChildren, safeHref } from '../dom.js';
import { addDays, bakuToday, presetRange } from '../period.js';
import { showError } from '../toast.js';

let client;
/** The council's term is two years (the council's own report covers its two-year term). */
const termDays = 2 * 365;

/** Wires the form to the API. */
export function initReportView(api) {
  client = api;
  const preset = document.getElementById('report-preset');
  const lang = document.getElementById('report-lang');
  lang.value = document.documentElement.lang || 'en';
  applyPreset(preset.value);
  preset.addEventListener('change', () => applyPreset(preset.value));
  for (const id of ['report-from', 'report-to']) {
    document.getElementById(id).addEventListener('input', () => {
      preset.value = 'custom';
    });
  }
  document.getElementById('report-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void showReport();
  });
  document.getElementById('report-print').addEventListener('click', () => window.print());
  document.getElementById('report-pdf').addEventListener('click', () => void downloadPdf());
}

function applyPreset(preset) {
  if (preset === 'custom') return;
  const today = bakuToday();
  const range =
    preset === 'term' ? { from: addDays(today, -termDays + 1), to: today } : presetRange(preset, today);
  document.getElementById('report-from').value = range.from;
  document.getElementById('report-to').value = range.to;
}

function query() {
  return {
    from: document.getElementById('report-from').value,
    to: document.getElementById('report-to').value,
    lang: document.getElementById('report-lang').value,
  };
}

async function showReport() {
  const section = document.getElementById('report');
  section.dataset.state = 'loading';
  try {
    const report = await client.outcomesReport(query());
    renderReportPage(document.getElementById('report-page'), report);
    document.getElementById('report-print').disabled = false;
    section.dataset.state = 'ready';
  } catch (error) {
    section.dataset.state = 'error';
    showError(error);
  }
}

async function downloadPdf() {
  try {
    const current = query();
    const blob = await client.outcomesPdf(current);
    const link = el('a', {
      href: URL.createObjectURL(blob),
      download: `outcomes-${current.from}-${current.to}-${current.lang}.pdf`,
    });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  } catch (error) {
    showError(error);
  }
}

/** Renders a report answer into `page`. */
export function renderReportPage(page, report) {
  const w = report.labels;
  const c = w.columns;
  const totals = report.summary.totals;
  page.lang = report.lang;
  replaceChildren(
    page,
    el('h2', { class: 'report-title', text: w.title }),
    el('p', { class: 'muted', text: w.period }),
    report.sentences.map((sentence) =>
      el('p', { class: 'report-sentence', testid: 'report-sentence', text: sentence }),
    ),
    el('h3', { text: w.headings.overview }),
    table(
      [c.mentions, c.outlets, c.member],
      [[totals.mentions, totals.distinctOutlets, totals.membersMentioned]],
    ),
    el('h3', { text: w.headings.trend }),
    trend(report.summary.series),
    el('h3', { text: w.headings.members }),
    table(
      [c.member, c.mentions],
      report.members.map((m) => [m.name, m.mentions]),
      w.none,
    ),
    el('h3', { text: w.headings.outlets }),
    table(
      [c.outlet, c.mentions],
      report.outlets.map((o) => [o.name, o.mentions]),
      w.none,
    ),
    el('h3', { text: w.headings.languages }),
    table(
      [c.language, c.mentions],
      report.languages.map((l) => [l.language, l.mentions]),
      w.none,
    ),
    el('h3', { text: w.headings.stories }),
    storyList(report.stories, w.none),
    report.facebook
      ? [
          el('h3', { text: w.headings.facebook }),
          table(
            [w.facebook.posts, w.facebook.engagement, w.facebook.followers, w.facebook.mediaViews],
            [
              [
                report.facebook.posts,
                report.facebook.engagement,
                report.facebook.followers.end ?? '–',
                report.facebook.mediaViews ?? '–',
              ],
            ],
          ),
        ]
      : null,
    el('h3', { text: w.headings.byType }),
    table(
      [c.type, c.count, c.participants, c.beneficiaries, c.coverage, c.figures],
      [
        ...report.eventTypes.map((row) => [
          w.types[row.type],
          row.count,
          row.participants,
          row.beneficiaries,
          row.coverage,
          figures(row.figures),
        ]),
        ...(report.eventTypes.length
          ? [
              [
                'Σ',
                report.eventTotals.count,
                report.eventTotals.participants,
                report.eventTotals.beneficiaries,
                report.eventTotals.coverage,
                figures(report.eventTotals.figures),
              ],
            ]
          : []),
      ],
      w.none,
    ),
    el('h3', { text: w.headings.events }),
    table(
      [c.date, c.event, c.type, c.coverage],
      report.events.map((e) => [
        e.date,
        e.place ? `${e.title} (${e.place})` : e.title,
        w.types[e.type],
        e.coverageCount,
      ]),
      w.none,
    ),
  );
  page.hidden = false;
}

function figures(list) {
  return list.map((f) => `${f.label}: ${f.value}`).join('; ');
}

function table(head, rows, empty) {
  if (rows.length === 0 && empty) return el('p', { class: 'muted', text: empty });
  return el(
    'div',
    { class: 'table-wrap' },
    el(
      'table',
      { class: 'report-table' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          head.map((text) => el('th', { scope: 'col', text })),
        ),
      ),
      el(
        'tbody',
        {},
        rows.map((row) =>
          el(
            'tr',
            {},
            row.map((cell) =>
              el('td', { class: typeof cell === 'number' ? 'num' : undefined, text: String(cell) }),
            ),
          ),
        ),
      ),
    ),
  );
}

function storyList(stories, empty) {
  if (stories.length === 0) return el('p', { class: 'muted', text: empty });
  return el(
    'ol',
    { class: 'report-stories' },
    stories.map((story) => {
      const href = safeHref(story.url);
      return el(
        'li',
        {},
        href ? el('a', { href, rel: 'noopener noreferrer', text: story.title }) : story.title,
        el('span', {
          class: 'muted',
          text: ` · ${story.published.slice(0, 10)} · ${story.outlets.join(', ')}`,
        }),
      );
    }),
  );
}

/** Bars drawn with elements (heights set through the CSSOM, which the CSP allows), so print keeps them. */
function trend(series) {
  const highest = Math.max(1, ...series.map((point) => point.mentions));
  return el(
    'div',
    {
      class: 'report-trend',
      role: 'img',
      'aria-label': series.map((p) => `${p.bucket}: ${p.mentions}`).join(', '),
    },
    series.map((point) => {
      const bar = el('span', { class: 'report-bar', title: `${point.bucket}: ${point.mentions}` });
      bar.style.height = `${Math.round((point.mentions / highest) * 100)}%`;
      return bar;
    }),
  );
}
