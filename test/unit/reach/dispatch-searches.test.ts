import { describe, expect, it } from 'vitest';
import { parseOutlets } from '#shared/config/outlets.ts';
import { parseRoster } from '#shared/config/roster.ts';
import { MemoryFeedStateStore } from '#shared/feeds/poll/state-stores.ts';
import { dispatchDueSources, searchesPerBatch } from '#shared/ingest/dispatch-due-sources.ts';
import type { PollBatch } from '#shared/ingest/poll-queue.ts';
import { searchTargets } from '#shared/reach/search-sources.ts';

const roster = parseRoster(
  {
    people: Array.from({ length: 7 }, (_, i) => ({ id: `p-${i}`, names: { az: `Ad${i} Soyad${i}` } })),
    organisations: [],
  },
  'roster',
);
const registry = parseOutlets(
  {
    outlets: [
      {
        id: 'o',
        name: 'O',
        languages: ['az'],
        homepage: 'https://o.az',
        sources: [{ type: 'feed', url: 'https://o.az/rss' }],
      },
    ],
    searches: [
      {
        id: 'g',
        engine: 'google-news',
        url: 'https://news.google.com/rss/search?q={query}&hl=az',
        language: 'az',
      },
    ],
  },
  'registry',
);

describe('dispatchDueSources with searches', () => {
  it('queues due queries in batches of their own, and skips a query polled within the hour', async () => {
    const stateStore = new MemoryFeedStateStore();
    const [recent] = searchTargets(registry, roster);
    const now = new Date('2026-11-30T12:00:00Z');
    await stateStore.save({
      sourceId: recent?.sourceId ?? '',
      url: '',
      outletId: 'g',
      consecutiveFailures: 0,
      itemsSeen: 3,
      lastPolledAt: '2026-11-30T11:30:00Z',
    });
    const queued: PollBatch[] = [];
    const result = await dispatchDueSources({
      registry,
      roster,
      stateStore,
      queue: { enqueue: async (batches) => void queued.push(...batches) },
      now,
    });

    expect(result).toEqual({ sources: 1 + 6, batches: 1 + 2 });
    expect(queued[0]?.sourceIds).toEqual([registry.outlets[0]?.sources[0]?.sourceId]);
    expect(queued.slice(1).map((batch) => batch.sourceIds.length)).toEqual([searchesPerBatch, 1]);
    expect(queued.flatMap((batch) => batch.sourceIds)).not.toContain(recent?.sourceId);
  });
});
