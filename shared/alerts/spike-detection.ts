// Finds the members whose Baku day is a spike, from the day aggregates: one batched read of the days
// judged and the fortnight before them, whatever the number of mentions.
import type { Roster } from '../config/roster.ts';
import { readAggregates } from '../store/aggregate-reads.ts';
import { counterName } from '../store/keys.ts';
import type { TableContext } from '../store/table-context.ts';
import { addDays } from '../time/baku-calendar.ts';
import { isSpike, trailingDays } from './spike-rule.ts';

/** One member's spike day. */
export interface SpikeDay {
  entityId: string;
  day: string;
  count: number;
  average: number;
}

/** The spikes of `days` (Baku days) among `entityIds`. */
export async function detectSpikes(
  table: TableContext,
  roster: Roster,
  entityIds: readonly string[],
  days: readonly string[],
): Promise<SpikeDay[]> {
  if (entityIds.length === 0 || days.length === 0) return [];
  const sorted = [...days].sort();
  const first = addDays(sorted[0] as string, -trailingDays);
  const wanted = new Set<string>();
  for (let day = first; day <= (sorted.at(-1) as string); day = addDays(day, 1)) wanted.add(day);
  const aggregates = await readAggregates(table, { days: [...wanted], months: [] });
  const organisations = new Set(roster.organisations.map((organisation) => organisation.id));
  const spikes: SpikeDay[] = [];
  for (const entityId of entityIds) {
    const counter = counterName.entity(organisations.has(entityId) ? 'organisation' : 'person', entityId);
    const countOn = (day: string) => aggregates.get(day)?.[counter] ?? 0;
    for (const day of sorted) {
      const trailing = Array.from({ length: trailingDays }, (_, i) => countOn(addDays(day, -(i + 1))));
      const count = countOn(day);
      if (isSpike(count, trailing)) {
        spikes.push({ entityId, day, count, average: trailing.reduce((a, b) => a + b, 0) / trailingDays });
      }
    }
  }
  return spikes;
}
