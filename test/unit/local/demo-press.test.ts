// The demo press looks like a real quarter: its feeds spread their articles over the last 120 days,
// name every roster member in az, ru and en, give every working outlet items, and one outlet fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOutlets } from '#shared/config/outlets.ts';
import { defaultRosterPath, loadRoster } from '#shared/config/roster.ts';
import { pollSources } from '#shared/feeds/poll/poll-sources.ts';
import type { SourceReport } from '#shared/feeds/poll/source-run.ts';
import { MemoryFeedStateStore } from '#shared/feeds/poll/state-stores.ts';
import { compileMatcher } from '#shared/matching/compile-matcher.ts';
import { bakuDay } from '#shared/time/baku-calendar.ts';
import { pressMembers } from '../../../infra/local/press-articles.ts';
import {
  demoWindowDays,
  type PressSimulator,
  startPressSimulator,
} from '../../../infra/local/press-simulator.ts';

const roster = loadRoster(defaultRosterPath);
const now = Date.UTC(2026, 10, 30, 9, 30);
const sink = { store: async (_o: unknown, _s: unknown, items: unknown[]) => ({ written: items.length }) };
let press: PressSimulator;
let reports: SourceReport[];

beforeAll(async () => {
  // The demo's own shape: six outlets and one that fails, as `npm start -- --demo` starts it.
  press = await startPressSimulator({
    outlets: 6,
    failing: 1,
    members: pressMembers(roster),
    now: () => now,
  });
  reports = await pollSources({
    registry: parseOutlets(press.registry, 'demo'),
    stateStore: new MemoryFeedStateStore(),
    sink,
    now: new Date(now),
  });
}, 60_000);

afterAll(() => press?.close());

const itemsOf = (report: SourceReport | undefined) => report?.items ?? [];

describe('the demo press', () => {
  it('spreads the articles over at least 100 of the last 120 days, none in the future', () => {
    const published = reports.flatMap((r) => itemsOf(r).map((i) => Date.parse(String(i.published))));
    const days = new Set(published.map((t) => bakuDay(new Date(t))));

    expect(published.every((t) => t <= now && now - t <= demoWindowDays * 86_400_000)).toBe(true);
    expect(days.size).toBeGreaterThanOrEqual(100);
    // Not one spike today: no day carries more than a tenth of the quarter.
    const perDay = new Map<string, number>();
    for (const t of published) perDay.set(bakuDay(new Date(t)), (perDay.get(bakuDay(new Date(t))) ?? 0) + 1);
    expect(Math.max(...perDay.values())).toBeLessThan(published.length / 10);
  });

  it('names every roster member in each of az, ru and en, as the matcher finds them', () => {
    const matcher = compileMatcher(roster);
    const found = new Set<string>();
    const mentionDays = new Set<string>();
    for (const report of reports) {
      for (const item of itemsOf(report)) {
        const hits = matcher.match(`${item.title}\n${item.text}`);
        for (const hit of hits) found.add(`${hit.entityId} ${item.language}`);
        if (hits.length) mentionDays.add(bakuDay(new Date(String(item.published))));
      }
    }
    const ids = [...roster.people, ...roster.organisations].map((entry) => entry.id);
    const expected = ids.flatMap((id) => ['az', 'ru', 'en'].map((lang) => `${id} ${lang}`));

    expect([...expected].filter((key) => !found.has(key))).toEqual([]);
    // The mentions too are spread over the quarter, so the chart shows weeks, not a day.
    expect(mentionDays.size).toBeGreaterThanOrEqual(90);
  });

  it('gives every working outlet items and exactly one outlet a failure feed health records', () => {
    const failed = reports.filter((r) => r.status !== 'items');

    expect(reports).toHaveLength(7);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ status: 'error', error: { kind: 'unparseable' } });
    for (const report of reports.filter((r) => r.status === 'items')) {
      expect(itemsOf(report).length, report.outletId).toBeGreaterThan(100);
    }
  });

  it('serves the same articles from a second simulator on other ports, so a restart stores nothing twice', async () => {
    const again = await startPressSimulator({
      outlets: 6,
      failing: 1,
      members: pressMembers(roster),
      now: () => now,
    });
    try {
      const second = await pollSources({
        registry: parseOutlets(again.registry, 'demo'),
        stateStore: new MemoryFeedStateStore(),
        sink,
        now: new Date(now),
      });
      const key = (r: SourceReport) =>
        itemsOf(r).map((i) => `${r.outletId} ${i.identity} ${i.published} ${i.title}`);

      expect(again.urls[0]).not.toBe(press.urls[0]);
      expect(second.flatMap(key)).toEqual(reports.flatMap(key));
    } finally {
      await again.close();
    }
  });
});
