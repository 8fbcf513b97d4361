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

/** Keeps state in a JSON file (the dry run's `.local/poll-state.json`), written atomically. */
export class JsonFileFeedStateStore implements FeedStateStore {
  private loading: Promise<Map<string, SourceState>> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly path: string) {}

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
    all.set(state.sourceId, state);
    // Writes are chained so two saves never interleave; rename makes each one atomic.
    this.writing = this.writing
      .catch(() => {})
      .then(async () => {
        const snapshot = JSON.stringify(Object.fromEntries(all), null, 2);
        await mkdir(dirname(this.path), { recursive: true });
        await writeFile(`${this.path}.tmp`, snapshot);
        await rename(`${this.path}.tmp`, this.path);
      });
    await this.writing;
  }
}

/** Wraps a store so nothing is loaded (a `--fresh` run) while new state is still saved. */
export function ignoringStoredState(store: FeedStateStore): FeedStateStore {
  return { load: async () => new Map(), save: (state) => store.save(state) };
}
