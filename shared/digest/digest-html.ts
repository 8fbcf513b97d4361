// The digest's HTML part, written for mail clients: one column of tables with inline styles, bars
// drawn with table cells, no scripts, no images and no external styles, so it reads the same in a
// narrow client and with images off. Every value from the view is escaped here.
import { escapeHtml as e, safeUrl } from './digest-escape.ts';
import type { DigestView, StoryLine } from './digest-view.ts';

const font = 'font-family:Arial,Helvetica,sans-serif;color:#1a202c;';
const muted = 'color:#4a5568;font-size:13px;';
const accent = '#2b6cb0';

/** Renders the view as a complete HTML document. */
export function renderDigestHtml(view: DigestView): string {
  const sections = [
    headline(view),
    ...view.notes.map((note) => paragraph(note, 'font-size:15px;')),
    barSection(view.perMember.heading, view.perMember.rows),
    ...view.members.map(memberSection),
    barSection(view.topOutlets.heading, view.topOutlets.rows),
    view.facebook ? facebookSection(view.facebook) : '',
    listSection(view.review.heading, view.review.lines),
    listSection(view.feedHealth.heading, view.feedHealth.lines),
    button(view.dashboard.label, view.dashboard.url),
    paragraph(view.footer, muted),
  ];
  return `<!DOCTYPE html>
<html lang="${view.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(view.subject)}</title>
</head>
<body style="margin:0;padding:0;background:#edf2f7;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#edf2f7;">
<tr><td align="center" style="padding:12px 8px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:640px;width:100%;background:#ffffff;${font}">
<tr><td style="padding:20px 20px 8px 20px;border-top:4px solid ${accent};">
<h1 style="margin:0;font-size:22px;line-height:1.3;${font}">${e(view.title)}</h1>
<p style="margin:4px 0 0 0;${muted}">${e(view.dates)}</p>
</td></tr>
${sections
  .filter(Boolean)
  .map((section) => `<tr><td style="padding:8px 20px;">${section}</td></tr>`)
  .join('\n')}
</table>
</td></tr>
</table>
</body>
</html>
`;
}

function headline(view: DigestView): string {
  const figure = (text: string) =>
    `<td style="padding:12px;background:#ebf4ff;font-size:20px;font-weight:bold;${font}" width="50%">${e(text)}</td>`;
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="4" border="0"><tr>${figure(
    view.headline.mentions,
  )}${figure(view.headline.outlets)}</tr></table>
<p style="margin:6px 0 0 0;${muted}" data-part="change">${e(view.headline.change)}</p>`;
}

function heading(text: string): string {
  return `<h2 style="margin:12px 0 6px 0;font-size:17px;${font}">${e(text)}</h2>`;
}

function paragraph(text: string, style = ''): string {
  return `<p style="margin:6px 0;font-size:14px;line-height:1.45;${style}">${e(text)}</p>`;
}

function link(text: string, url: string | null, style = ''): string {
  const href = safeUrl(url);
  return href ? `<a href="${e(href)}" style="color:${accent};${style}">${e(text)}</a>` : e(text);
}

/** A labelled bar per row: the filled cell's width is the row's share of the largest. */
function barSection(title: string, rows: Array<{ label: string; value: string; share: number }>): string {
  if (rows.length === 0) return '';
  const bar = (share: number) => {
    const percent = Math.max(2, Math.round(share * 100));
    const rest = 100 - percent;
    return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td width="${percent}%" bgcolor="${accent}" style="background:${accent};height:10px;font-size:1px;line-height:10px;">&nbsp;</td>${
      rest > 0 ? `<td width="${rest}%" style="font-size:1px;line-height:10px;">&nbsp;</td>` : ''
    }</tr></table>`;
  };
  const body = rows
    .map(
      (row) =>
        `<tr><td style="padding:3px 8px 3px 0;font-size:14px;${font}" width="45%">${e(row.label)}</td><td style="padding:3px 8px 3px 0;font-size:14px;font-weight:bold;text-align:right;${font}" width="15%">${e(row.value)}</td><td style="padding:3px 0;" width="40%">${bar(row.share)}</td></tr>`,
    )
    .join('');
  return `${heading(title)}<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">${body}</table>`;
}

function memberSection(member: DigestView['members'][number]): string {
  const stories = member.stories.map(storyBlock).join('');
  const more = member.more ? paragraph(member.more, muted) : '';
  return `${heading(`${member.name} · ${member.count}`)}${stories}${more}`;
}

function storyBlock(story: StoryLine): string {
  const outlets = story.outlets.map((outlet) => link(outlet.name, outlet.url)).join(', ');
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 8px 0;"><tr><td style="border-left:3px solid #bee3f8;padding:2px 0 2px 10px;${font}">
<p style="margin:0;font-size:15px;line-height:1.4;font-weight:bold;">${link(story.title, story.url, 'text-decoration:none;')}</p>
<p style="margin:2px 0 0 0;${muted}">${e(story.date)} · ${e(story.reach)}</p>
<p style="margin:2px 0 0 0;font-size:13px;">${outlets}</p>
</td></tr></table>`;
}

function facebookSection(facebook: NonNullable<DigestView['facebook']>): string {
  const rows = facebook.rows
    .map(
      (row) =>
        `<tr><td style="padding:3px 8px 3px 0;font-size:14px;${font}">${e(row.label)}</td><td style="padding:3px 0;font-size:14px;font-weight:bold;text-align:right;${font}">${e(row.value)}</td></tr>`,
    )
    .join('');
  return `${heading(facebook.heading)}${
    rows
      ? `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">${rows}</table>`
      : ''
  }${facebook.none ? paragraph(facebook.none, muted) : ''}`;
}

function listSection(title: string, lines: string[]): string {
  return `${heading(title)}${lines.map((line) => paragraph(line)).join('')}`;
}

function button(label: string, url: string): string {
  const href = safeUrl(url);
  if (!href) return '';
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0;"><tr><td bgcolor="${accent}" style="background:${accent};padding:10px 16px;"><a href="${e(href)}" style="color:#ffffff;font-weight:bold;text-decoration:none;font-size:15px;${font}color:#ffffff;">${e(label)}</a></td></tr></table>
<p style="margin:0;${muted}word-break:break-all;">${e(href)}</p>`;
}
