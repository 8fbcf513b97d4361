// The only place that builds and reads the table's keys: every item's PK/SK, index keys, partitions
// and aggregate counter names come from here, and so do the decoders that read them back.
import { bakuDay, bakuMonth, isoWeekLabel } from '../time/baku-calendar.ts';

/** Sort key of an article item. */
const articleSortKey = 'ART';
/** Sort key of every aggregate item. */
const aggregateSortKey = 'AGG';
const aggregatePrefix = 'AGG#';
/** The partition-key prefix shared by every aggregate item (for a begins_with filter). */
export const aggregatePartitionPrefix = aggregatePrefix;

/** The key of an article item. */
export const articleKey = (articleId: string) => ({ PK: `ART#${articleId}`, SK: articleSortKey });

/** The key of a mention item, stored beside its article. */
export const mentionKey = (articleId: string, entityId: string) => ({
  PK: `ART#${articleId}`,
  SK: `M#${entityId}`,
});

/** Width of the review number in history sort keys, so they sort as numbers. */
const reviewNumberWidth = 8;

/** The key of one review of a mention: beside the mention, numbered in the order the reviews were made. */
export const reviewKey = (articleId: string, entityId: string, reviewNumber: number) => ({
  PK: `ART#${articleId}`,
  SK: `${reviewSortPrefix(entityId)}${String(reviewNumber).padStart(reviewNumberWidth, '0')}`,
});

/** The sort-key prefix shared by every review of one mention (for a begins_with query). */
export const reviewSortPrefix = (entityId: string) => `R#${entityId}#`;

/** The number of a review from its sort key, or undefined when it is no review of that entity. */
export function reviewNumberOf(sortKey: string, entityId: string): number | undefined {
  const prefix = reviewSortPrefix(entityId);
  const digits = sortKey.startsWith(prefix) ? sortKey.slice(prefix.length) : '';
  return /^\d+$/.test(digits) ? Number(digits) : undefined;
}

/** Sort key shared by the mention indexes: newest first when read backwards. */
const byPublished = (published: string, articleId: string, entityId: string) =>
  `${published}#${articleId}#${entityId}`;

/** Index keys of a mention: by member (GSI1), by Baku month (GSI2), by outlet (GSI3). */
export function mentionIndexKeys(m: {
  published: string;
  articleId: string;
  entityId: string;
  outletId: string;
}) {
  const sort = byPublished(m.published, m.articleId, m.entityId);
  return {
    GSI1PK: memberPartition(m.entityId),
    GSI1SK: sort,
    GSI2PK: monthPartition(bakuMonth(m.published)),
    GSI2SK: sort,
    GSI3PK: outletPartition(m.outletId),
    GSI3SK: sort,
  };
}

/** The GSI1 partition of a member's mentions. */
export const memberPartition = (entityId: string) => `MEM#${entityId}`;
/** The GSI2 partition of a Baku month's mentions (`yyyy-mm`). */
export const monthPartition = (month: string) => `MON#${month}`;
/** The GSI3 partition of an outlet's mentions. */
export const outletPartition = (outletId: string) => `OUT#${outletId}`;

/** A mention index. */
export type MentionIndex = 'GSI1' | 'GSI2' | 'GSI3';

/** The index a mention-list partition lives in, or undefined when the text is no such partition. */
export function mentionIndexOf(partition: string): MentionIndex | undefined {
  if (partition.startsWith('MEM#')) return 'GSI1';
  if (/^MON#\d{4}-\d{2}$/.test(partition)) return 'GSI2';
  if (partition.startsWith('OUT#')) return 'GSI3';
  return undefined;
}

/** The key attribute names of a mention index query's ExclusiveStartKey: table keys plus the index keys. */
export const mentionIndexKeyNames = (index: MentionIndex) =>
  ['PK', 'SK', `${index}PK`, `${index}SK`] as const;

/** The aggregate items a mention published at `published` counts in: its Baku day, ISO week and month. */
export function aggregateKeysFor(published: string) {
  const day = bakuDay(published);
  return [aggregateKey(day), aggregateKey(isoWeekLabel(day)), aggregateKey(bakuMonth(published))];
}

/** The key of the aggregate of a day (`yyyy-mm-dd`), ISO week (`yyyy-Www`) or month (`yyyy-mm`). */
export const aggregateKey = (bucket: string) => ({ PK: `${aggregatePrefix}${bucket}`, SK: aggregateSortKey });

/** The bucket (day, ISO week or month) an aggregate item's partition key names. */
export function aggregateBucketOf(partitionKey: string): string | undefined {
  return partitionKey.startsWith(aggregatePrefix) ? partitionKey.slice(aggregatePrefix.length) : undefined;
}

/** Counter attribute names inside an aggregate item. */
export const counterName = {
  total: 'total',
  entity: (kind: 'person' | 'organisation', entityId: string) =>
    `${kind === 'person' ? 'p' : 'g'}#${entityId}`,
  outlet: (outletId: string) => `o#${outletId}`,
  language: (language: string) => `l#${language}`,
};

/** What a counter name counts: the total, or mentions of one person, organisation, outlet or language. */
export type DecodedCounter =
  | { kind: 'total' }
  | { kind: 'person' | 'organisation' | 'outlet' | 'language'; id: string };

const counterKinds = { p: 'person', g: 'organisation', o: 'outlet', l: 'language' } as const;

/** Reads a counter name built by {@link counterName}; undefined for any other attribute. */
export function decodeCounterName(name: string): DecodedCounter | undefined {
  if (name === counterName.total) return { kind: 'total' };
  const separator = name.indexOf('#');
  const prefix = name.slice(0, Math.max(separator, 0));
  if (separator === name.length - 1 || !Object.hasOwn(counterKinds, prefix)) return undefined;
  return { kind: counterKinds[prefix as keyof typeof counterKinds], id: name.slice(separator + 1) };
}

/** All source states share one partition, so feed health is one Query, never a table scan. */
export const feedStatePartition = 'FEEDS';

/** The key of a press source's fetch state and health. */
export const feedStateKey = (sourceId: string) => ({ PK: feedStatePartition, SK: `SRC#${sourceId}` });

/** The key recording the last run of a schedule. */
export const scheduleRunKey = (scheduleId: string) => ({ PK: `RUN#${scheduleId}`, SK: 'LAST' });

/** The record of one week's digest: created before the first send, with each recipient's result. */
export const digestKey = (isoWeek: string) => ({ PK: `DIGEST#${isoWeek}`, SK: 'SENT' });

/** The partition holding one Facebook page's snapshots: its days, its posts and its sync state. */
export const facebookPartition = (pageId: string) => `FB#${pageId}`;

/** The key of a page's day: its totals on that day and each daily insight value. */
export const facebookDayKey = (pageId: string, day: string) => ({
  PK: facebookPartition(pageId),
  SK: `DAY#${day}`,
});

/**
 * The key of a post's latest counts. The creation instant leads the sort key, so the posts of a
 * period are one range query; a post's creation time never changes, so its key does not either.
 */
export const facebookPostKey = (pageId: string, created: string, postId: string) => ({
  PK: facebookPartition(pageId),
  SK: `POST#${created}#${postId}`,
});

/** Sort-key bounds of the posts created from `fromInstant` (included) to `toInstant` (excluded). */
export const facebookPostRange = (fromInstant: string, toInstant: string) => ({
  start: `POST#${fromInstant}`,
  // '#' sorts before every digit, so this bound excludes posts created at `toInstant` itself.
  end: `POST#${toInstant}`,
});

/** Sort-key bounds of the days `from`..`to`, both included. */
export const facebookDayRange = (from: string, to: string) => ({ start: `DAY#${from}`, end: `DAY#${to}` });

/** The key of a page's sync state: token verdict, rate-limit backoff, retired metrics. */
export const facebookStateKey = (pageId: string) => ({ PK: facebookPartition(pageId), SK: 'STATE' });

/** Leads share one partition, so the review list is one Query; they are few beside mentions. */
export const leadPartition = 'LEADS';

/** The key of a lead: a search result the matcher could not confirm. */
export const leadKey = (leadId: string) => ({ PK: leadPartition, SK: `LEAD#${leadId}` });

/** Discovered outlets share one partition, so the outlet table is one Query. */
export const discoveredOutletPartition = 'OUTLETS';

/** The key of an outlet first seen through search, by its registrable domain. */
export const discoveredOutletKey = (domain: string) => ({
  PK: discoveredOutletPartition,
  SK: `OUTLET#${domain}`,
});

/** Alert subscriptions share one partition: the alerts run and the settings page each read it in one Query. */
export const alertSubscriptionPartition = 'ALERTSUBS';

/** The key of one alert subscription: who is alerted, about which members, through which channel. */
export const alertSubscriptionKey = (subscriptionId: string) => ({
  PK: alertSubscriptionPartition,
  SK: `SUB#${subscriptionId}`,
});

/**
 * The record that makes one alert go out at most once: the subject (a mention id, or a member's spike
 * of one day) and the channel (the subscription that delivers it), written with a condition before sending.
 */
export const alertKey = (subject: string, channel: string) => ({
  PK: `ALERT#${subject}#${channel}`,
  SK: 'ALERT',
});

/** The subject of a spike alert: one per member and Baku day. */
export const spikeSubject = (entityId: string, day: string) => `spike~${entityId}~${day}`;
/** The key of an outreach event. */
export const eventKey = (eventId: string) => ({ PK: `EVENT#${eventId}`, SK: 'EVENT' });

/** The sort-key prefix of an event's history items. */
export const eventHistoryPrefix = 'H#';

/** The key of one change of an event, numbered by the event's version after the change. */
export const eventHistoryKey = (eventId: string, version: number) => ({
  PK: `EVENT#${eventId}`,
  SK: `${eventHistoryPrefix}${String(version).padStart(reviewNumberWidth, '0')}`,
});

/**
 * Month-index keys of an event: its own partition per Baku month in GSI2, apart from the mentions'
 * `MON#` partitions, so a month's events are one Query and never show up in the mention list.
 */
export const eventIndexKeys = (date: string, eventId: string) => ({
  GSI2PK: eventMonthPartition(date.slice(0, 7)),
  GSI2SK: `${date}#${eventId}`,
});

/** The GSI2 partition of a Baku month's outreach events (`yyyy-mm`). */
export const eventMonthPartition = (month: string) => `EVMON#${month}`;
/** Outlets typed by hand share one partition, so the names typed before are one Query. */
export const manualOutletPartition = 'MANUAL_OUTLETS';

/** The key of an outlet typed by hand, by its id (manual-… from its folded name). */
export const manualOutletKey = (outletId: string) => ({
  PK: manualOutletPartition,
  SK: `OUTLET#${outletId}`,
});
