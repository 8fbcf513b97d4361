// The digest's plain-text part: the same view as the HTML part, one fact a line, links written out.
import { safeUrl, plainLine as t } from './digest-escape.ts';
import type { DigestView } from './digest-view.ts';

/** Renders the view as plain text (lines of at most one item; URLs on lines of their own). */
export function renderDigestText(view: DigestView): string {
  const lines: string[] = [
    t(view.title),
    t(view.dates),
    '',
    `${t(view.headline.mentions)} · ${t(view.headline.outlets)}`,
  ];
  lines.push(t(view.headline.change), '');
  for (const note of view.notes) lines.push(t(note), '');
  section(
    view.perMember.heading,
    view.perMember.rows.map((row) => `${t(row.label)}: ${t(row.value)}`),
  );
  for (const member of view.members) {
    const stories = member.stories.flatMap((story) => {
      const url = safeUrl(story.url);
      return [
        `- ${t(story.title)}`,
        `  ${t(story.date)} · ${t(story.reach)}: ${story.outlets.map((outlet) => t(outlet.name)).join(', ')}`,
        ...(url ? [`  ${url}`] : []),
      ];
    });
    section(`${t(member.name)} · ${t(member.count)}`, [...stories, ...(member.more ? [t(member.more)] : [])]);
  }
  section(
    view.topOutlets.heading,
    view.topOutlets.rows.map((row) => `${t(row.label)}: ${t(row.value)}`),
  );
  if (view.facebook) {
    section(view.facebook.heading, [
      ...view.facebook.rows.map((row) => `${t(row.label)}: ${t(row.value)}`),
      ...(view.facebook.none ? [t(view.facebook.none)] : []),
    ]);
  }
  section(view.review.heading, view.review.lines.map(t));
  section(view.feedHealth.heading, view.feedHealth.lines.map(t));
  const dashboard = safeUrl(view.dashboard.url);
  if (dashboard) lines.push(`${t(view.dashboard.label)}:`, dashboard, '');
  lines.push('--', t(view.footer), '');
  return lines.join('\n');

  function section(heading: string, body: string[]) {
    if (body.length === 0) return;
    lines.push(t(heading), '='.repeat(Math.min(60, t(heading).length)), ...body, '');
  }
}
