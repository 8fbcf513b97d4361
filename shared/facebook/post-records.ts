// Turns a Graph post into the stored record: counts, first line, permalink, and the roster entities
// it names, found by the same matcher as the press.
import type { Matcher } from '../matching/index.ts';
import { bakuDay } from '../time/baku-calendar.ts';
import type { StoredPost } from './facebook-records.ts';
import type { GraphPost } from './graph-types.ts';

/** Enough of a post's text for the dashboard and digest; the matcher reads the whole message. */
const storedTextChars = 1000;

const count = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;

/** The stored record of a post, or undefined when Graph gave no usable id or creation time. */
export function toStoredPost(post: GraphPost, matcher: Matcher, now: Date): StoredPost | undefined {
  const createdMs = Date.parse(post.created_time ?? '');
  if (typeof post.id !== 'string' || !post.id || Number.isNaN(createdMs)) return undefined;
  const created = new Date(createdMs).toISOString();
  const message = typeof post.message === 'string' ? post.message : '';
  const members = [...new Set(matcher.match(message).map((hit) => hit.entityId))].sort();
  const permalink =
    typeof post.permalink_url === 'string' && /^https?:\/\//.test(post.permalink_url)
      ? post.permalink_url
      : null;
  return {
    id: post.id,
    created,
    day: bakuDay(created),
    text: message.slice(0, storedTextChars),
    permalink,
    reactions: count(post.reactions?.summary?.total_count),
    comments: count(post.comments?.summary?.total_count),
    shares: count(post.shares?.count),
    members,
    refreshedAt: now.toISOString(),
  };
}

/** A post's first non-empty line, for lists. */
export function firstLine(text: string, maxChars = 200): string {
  const line = text.split(/\r?\n/).find((candidate) => candidate.trim()) ?? '';
  const trimmed = line.trim();
  return trimmed.length > maxChars ? `${trimmed.slice(0, maxChars - 1)}…` : trimmed;
}
