// The Facebook page's week as digest lines: each metric the page reported, none of those it did not.
import type { DigestContent } from './digest-content.ts';
import type { DigestWords } from './digest-i18n.ts';
import type { DigestView } from './digest-view.ts';

/** The Facebook page's week in the reader's words: null when no page port is wired; unavailable metrics left out. */
export function facebookSection(content: DigestContent, words: DigestWords): DigestView['facebook'] {
  if (content.facebook === undefined) return null;
  const p = words.phrases;
  const page = content.facebook;
  if (page === null) return { heading: p.facebook, rows: [], none: p.facebookNone };
  if (page === 'unavailable') return { heading: p.facebook, rows: [], none: p.facebookUnavailable };
  const rows: Array<{ label: string; value: string }> = [];
  const add = (label: string, value: number | null | undefined, signed = false) => {
    if (value === null || value === undefined) return;
    rows.push({ label, value: `${signed && value > 0 ? '+' : ''}${words.number(value)}` });
  };
  add(p.fb.posts, page.posts);
  add(p.fb.reactions, page.reactions);
  add(p.fb.comments, page.comments);
  add(p.fb.shares, page.shares);
  add(p.fb.engagement, page.engagement);
  if (page.followers?.end !== null && page.followers?.end !== undefined) {
    const change = page.followers.change;
    rows.push({
      label: p.fb.followers,
      value: `${words.number(page.followers.end)}${
        change !== null && change !== 0 ? ` (${change > 0 ? '+' : '−'}${words.number(Math.abs(change))})` : ''
      }`,
    });
  }
  add(p.fb.mediaViews, page.mediaViews);
  add(p.fb.uniqueMediaViewers, page.uniqueMediaViewers);
  return { heading: p.facebook, rows, none: rows.length === 0 ? p.facebookNone : null };
}
