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
  private states: Map<string, SourceState> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly path: string) {}

  private async all(): Promise<Map<string, SourceState>> {
    if (!this.states) {
      let entries: SourceState[] = [];
      try {
        entries = Object.values(JSON.parse(await readFile(this.path, 'utf8')) as Record<string, SourceState>);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      this.states = new Map(entries.map((s) => [s.sourceId, s]));
    }
    return this.states;
  }

  async load(sourceIds: string[]): Promise<Map<string, SourceState>> {
    const all = await this.all();
    return new Map(sourceIds.flatMap((id) => (all.has(id) ? [[id, all.get(id) as SourceState]] : [])));
  }

  async save(state: SourceState): Promise<void> {
    (await this.all()).set(state.sourceId, state);
    // Writes are chained so two saves never interleave; rename makes each one atomic.
    this.writing = this.writing.then(async () => {
      const snapshot = JSON.stringify(Object.fromEntries(this.states ?? []), null, 2);
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
