// Feed state stores for tests and dry runs; the DynamoDB one lives with the repository.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FeedStateStore, SourceState } from './ports.ts';

/** Keeps state in memory, for tests and one-off runs. */
export class MemoryFeedStateStore implements FeedStateStore {
  readonly states = new Map<string, SourceState>();

  async load(sourceIds: string[]): Promise<Map<string, SourceState>> {
    return new Map(
      sourceIds.flatMap((id) =>
        this.states.has(id) ? [[id, structuredClone(this.states.get(id) as SourceState)]] : [],
      ),
    );
  }

  async save(state: SourceState): Promise<void> {
    this.states.set(state.sourceId, structuredClone(state));
  }
}

/** How many sources the dry run's state file keeps by default: the most recently polled win. */
export const defaultMaxStateEntries = 2000;

/**
 * Keeps state in a JSON file (the dry run's `.local/poll-state.json`). Saves go to memory; `flush()`
 * writes the file once, atomically, keeping only the `maxEntries` most recently polled sources, so
 * a run costs one write whatever its size and the file stays bounded across runs.
 */
export class JsonFileFeedStateStore implements FeedStateStore {
  private loading: Promise<Map<string, SourceState>> | undefined;
  private dirty = false;

  constructor(
    private readonly path: string,
    private readonly maxEntries: number = defaultMaxStateEntries,
  ) {}

  // One read per instance, shared by concurrent callers, so two early saves cannot each load a map.
  private all(): Promise<Map<string, SourceState>> {
    this.loading ??= readFile(this.path, 'utf8').then(
      (text) =>
        new Map(Object.values(JSON.parse(text) as Record<string, SourceState>).map((s) => [s.sourceId, s])),
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return new Map<string, SourceState>();
        throw error;
      },
    );
    return this.loading;
  }

  async load(sourceIds: string[]): Promise<Map<string, SourceState>> {
    const all = await this.all();
    return new Map(sourceIds.flatMap((id) => (all.has(id) ? [[id, all.get(id) as SourceState]] : [])));
  }

  async save(state: SourceState): Promise<void> {
    const all = await this.all();
    // Re-inserting moves the source to the end, so insertion order is least to most recently saved.
    all.delete(state.sourceId);
    all.set(state.sourceId, state);
    this.dirty = true;
  }

  /** Writes the saved states to the file (temporary file, then rename); a no-op when nothing changed. */
  async flush(): Promise<void> {
    if (!this.dirty) return;
    const all = await this.all();
    const kept = newestStates([...all.values()], this.maxEntries);
    // One source a line: small, still readable, and diffable by an operator.
    const lines = kept.map((s) => `${JSON.stringify(s.sourceId)}:${JSON.stringify(s)}`);
    await mkdir(dirname(this.path), { recursive: true });
    await writeFile(`${this.path}.tmp`, `{\n${lines.join(',\n')}\n}\n`);
    await rename(`${this.path}.tmp`, this.path);
    this.dirty = false;
  }
}

/** The `max` states polled most recently (by `lastPolledAt`, then by save order), in save order. */
function newestStates(states: SourceState[], max: number): SourceState[] {
  if (states.length <= max) return states;
  const rank = states.map((state, order) => ({
    state,
    order,
    at: Date.parse(state.lastPolledAt ?? '') || 0,
  }));
  const keep = new Set(
    [...rank]
      .sort((a, b) => b.at - a.at || b.order - a.order)
      .slice(0, max)
      .map((r) => r.order),
  );
  return rank.filter((r) => keep.has(r.order)).map((r) => r.state);
}

/** Wraps a store so nothing is loaded (a `--fresh` run) while new state is still saved. */
export function ignoringStoredState(store: FeedStateStore): FeedStateStore {
  return { load: async () => new Map(), save: (state) => store.save(state) };
}
