// The outlet sources the parser tests read fixtures through: a feed, and an HTML listing whose items
// are <article>s with a <time datetime>.
import type { OutletSource } from '#shared/config/outlets.ts';

export const feedSource = {
  type: 'feed',
  url: 'https://x.example/feed',
  timeZone: 'Asia/Baku',
  enabled: true,
  sourceId: 'x:1',
} as OutletSource;

export const listingSource = {
  ...feedSource,
  type: 'html',
  selectors: { item: 'article', link: 'a', title: 'h2', date: 'time' },
  dateAttribute: 'datetime',
} as OutletSource;
