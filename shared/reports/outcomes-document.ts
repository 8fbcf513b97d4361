// The pdfmake document of the outcomes report: opening sentences, then the tables and a bar chart of
// the trend drawn as vectors. Pure: takes the report, returns the document definition.
import type { OutcomesReport } from './outcomes-report.ts';
import { reportWords } from './outcomes-text.ts';

type Cell = string | { text: string; style?: string; alignment?: string };
type Node = Record<string, unknown> | string;

const chartWidth = 515;
const chartHeight = 110;

/** The document definition of a report. */
export function outcomesDocument(report: OutcomesReport): Record<string, unknown> {
  const words = reportWords[report.lang];
  const c = words.columns;
  const totals = report.summary.totals;
  const content: Node[] = [
    { text: words.title, style: 'title' },
    { text: words.period(report.period.from, report.period.to), style: 'period' },
    ...report.sentences.map((sentence) => ({ text: sentence, margin: [0, 0, 0, 6] })),
    heading(words.headings.overview),
    table(
      [c.mentions, c.outlets, c.member],
      [[num(totals.mentions), num(totals.distinctOutlets), num(totals.membersMentioned)]],
    ),
    heading(words.headings.trend),
    trendChart(report.summary.series),
    heading(words.headings.members),
    table(
      [c.member, c.mentions],
      report.members.map((m) => [m.name, num(m.mentions)]),
      words.none,
    ),
    heading(words.headings.outlets),
    table(
      [c.outlet, c.mentions],
      report.outlets.map((o) => [o.name, num(o.mentions)]),
      words.none,
    ),
    heading(words.headings.languages),
    table(
      [c.language, c.mentions],
      report.languages.map((l) => [l.language, num(l.mentions)]),
      words.none,
    ),
    heading(words.headings.stories),
    table(
      [c.story, c.outlets],
      report.stories.map((s) => [`${s.published.slice(0, 10)} ${s.title}`, s.outlets.join(', ')]),
      words.none,
    ),
    ...facebookPart(report),
    heading(words.headings.byType),
    table(
      [c.type, c.count, c.participants, c.beneficiaries, c.coverage, c.figures],
      [
        ...report.eventTypes.map((t) => [
          words.types[t.type],
          num(t.count),
          num(t.participants),
          num(t.beneficiaries),
          num(t.coverage),
          t.figures.map((f) => `${f.label}: ${f.value}`).join('; '),
        ]),
        ...(report.eventTypes.length > 0
          ? [
              [
                { text: 'Σ', style: 'strong' },
                num(report.eventTotals.count),
                num(report.eventTotals.participants),
                num(report.eventTotals.beneficiaries),
                num(report.eventTotals.coverage),
                report.eventTotals.figures.map((f) => `${f.label}: ${f.value}`).join('; '),
              ],
            ]
          : []),
      ],
      words.none,
    ),
    heading(words.headings.events),
    table(
      [c.date, c.event, c.type, c.coverage],
      report.events.map((e) => [
        e.date,
        e.place ? `${e.title} (${e.place})` : e.title,
        words.types[e.type],
        num(e.coverageCount),
      ]),
      words.none,
    ),
  ];
  return {
    info: { title: `${words.title} ${report.period.from} – ${report.period.to}` },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 48],
    defaultStyle: { font: 'DejaVu', fontSize: 9.5 },
    styles: {
      title: { fontSize: 17, bold: true, margin: [0, 0, 0, 4] },
      period: { fontSize: 10, color: '#555555', margin: [0, 0, 0, 10] },
      heading: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] },
      head: { bold: true, fillColor: '#eef2f7' },
      strong: { bold: true },
    },
    footer: (page: number, pages: number) => ({
      text: `${page} / ${pages}`,
      alignment: 'center',
      fontSize: 8,
    }),
    content,
  };
}

function facebookPart(report: OutcomesReport): Node[] {
  const facebook = report.facebook;
  if (!facebook) return [];
  const words = reportWords[report.lang];
  const f = words.facebook;
  return [
    heading(words.headings.facebook),
    table(
      [f.posts, f.engagement, f.followers, f.mediaViews],
      [
        [
          num(facebook.posts),
          num(facebook.engagement),
          facebook.followers.end === null ? '–' : String(facebook.followers.end),
          facebook.mediaViews === null ? '–' : String(facebook.mediaViews),
        ],
      ],
    ),
  ];
}

function heading(text: string): Node {
  return { text, style: 'heading' };
}

function num(value: number): Cell {
  return { text: String(value), alignment: 'right' };
}

function table(head: string[], rows: Cell[][], empty?: string): Node {
  if (rows.length === 0 && empty) return { text: empty, italics: true };
  return {
    table: {
      headerRows: 1,
      widths: head.map((_, index) => (index === 0 ? '*' : 'auto')),
      body: [head.map((text) => ({ text, style: 'head' })), ...rows],
    },
    layout: 'lightHorizontalLines',
  };
}

function trendChart(series: Array<{ bucket: string; mentions: number }>): Node {
  const highest = Math.max(1, ...series.map((point) => point.mentions));
  const slot = chartWidth / Math.max(1, series.length);
  const bars = series.map((point, index) => {
    const height = (point.mentions / highest) * chartHeight;
    return {
      type: 'rect',
      x: index * slot + slot * 0.1,
      y: chartHeight - height,
      w: Math.max(0.5, slot * 0.8),
      h: height,
      color: '#2f6db5',
    };
  });
  const first = series[0]?.bucket ?? '';
  const last = series.at(-1)?.bucket ?? '';
  return {
    stack: [
      {
        canvas: [
          ...bars,
          { type: 'line', x1: 0, y1: chartHeight, x2: chartWidth, y2: chartHeight, lineWidth: 0.5 },
        ],
      },
      {
        columns: [
          { text: first, fontSize: 7 },
          { text: `max ${highest}`, fontSize: 7, alignment: 'center' },
          { text: last, fontSize: 7, alignment: 'right' },
        ],
      },
    ],
  };
}
