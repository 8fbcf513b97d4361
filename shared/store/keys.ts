// The only place that builds the table's keys: every item's PK/SK and index keys come from here.
import { bakuDay, bakuMonth, isoWeekLabel } from '../time/baku-calendar.ts';

/** The key of an article item. */
export const articleKey = (articleId: string) => ({ PK: `ART#${articleId}`, SK: 'ART' });

/** The key of a mention item, stored beside its article. */
export const mentionKey = (articleId: string, entityId: string) => ({
  PK: `ART#${articleId}`,
  SK: `M#${entityId}`,
});

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

export const memberPartition = (entityId: string) => `MEM#${entityId}`;
export const monthPartition = (month: string) => `MON#${month}`;
export const outletPartition = (outletId: string) => `OUT#${outletId}`;

/** The aggregate items a mention published at `published` counts in: its Baku day, ISO week and month. */
export function aggregateKeysFor(published: string) {
  const day = bakuDay(published);
  return [aggregateKey(day), aggregateKey(isoWeekLabel(day)), aggregateKey(bakuMonth(published))];
}

/** The key of the aggregate of a day (`yyyy-mm-dd`), ISO week (`yyyy-Www`) or month (`yyyy-mm`). */
export const aggregateKey = (bucket: string) => ({ PK: `AGG#${bucket}`, SK: 'AGG' });

/** Counter attribute names inside an aggregate item. */
export const counterName = {
  total: 'total',
  entity: (kind: 'person' | 'organisation', entityId: string) =>
    `${kind === 'person' ? 'p' : 'g'}#${entityId}`,
  outlet: (outletId: string) => `o#${outletId}`,
  language: (language: string) => `l#${language}`,
};

/** All source states share one partition, so feed health is one Query, never a table scan. */
export const feedStatePartition = 'FEEDS';

/** The key of a press source's fetch state and health. */
export const feedStateKey = (sourceId: string) => ({ PK: feedStatePartition, SK: `SRC#${sourceId}` });

/** The key recording the last run of a schedule. */
export const scheduleRunKey = (scheduleId: string) => ({ PK: `RUN#${scheduleId}`, SK: 'LAST' });

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
