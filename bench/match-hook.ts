// Loaded inside the poll benchmark's poller process: matches every polled item's title and text
// against the default roster, so the timed poll includes matching as a real poll does.
import { defaultRosterPath, loadRoster } from '#shared/config/roster.ts';
import type { FeedItem } from '#shared/feeds/poll/ports.ts';
import { compileMatcher } from '#shared/matching/index.ts';

const matcher = compileMatcher(loadRoster(defaultRosterPath));
let found = 0;

/** Matches the items; the count keeps the work from being optimised away. */
export function onItems(items: FeedItem[]): number {
  for (const item of items) found += matcher.match(item.title).length + matcher.match(item.text).length;
  return found;
}
