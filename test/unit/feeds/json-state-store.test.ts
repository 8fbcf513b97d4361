// The dry run's state file: saves during a run stay in memory, one flush writes the file, and the
// file keeps only the most recently polled sources, so a run costs one write and the file stays small.
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceState } from '#shared/feeds/poll/ports.ts';
import { JsonFileFeedStateStore } from '#shared/feeds/poll/state-stores.ts';

function state(id: string, polledAt: string, etag = `"${id}"`): SourceState {
  return {
    sourceId: id,
    url: `https://press.example/${id}`,
    outletId: 'press',
    etag,
    consecutiveFailures: 0,
    itemsSeen: 1,
    lastPolledAt: polledAt,
  };
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

describe('JsonFileFeedStateStore', () => {
  it('writes nothing while sources are saved and everything on flush', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'state-')), 'nested', 'poll-state.json');
    const store = new JsonFileFeedStateStore(path);

    for (let i = 0; i < 50; i++) await store.save(state(`s${i}`, '2026-11-30T10:00:00.000Z'));
    expect(await exists(path)).toBe(false);

    await store.flush();
    const again = new JsonFileFeedStateStore(path);
    const loaded = await again.load(['s0', 's49', 'unknown']);
    expect([...loaded.keys()]).toEqual(['s0', 's49']);
    expect(loaded.get('s49')?.etag).toBe('"s49"');
  });

  it('does not rewrite the file when nothing was saved', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'state-')), 'poll-state.json');
    const store = new JsonFileFeedStateStore(path);
    await store.save(state('a', '2026-11-30T10:00:00.000Z'));
    await store.flush();
    const before = (await stat(path)).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));

    await store.flush();
    await new JsonFileFeedStateStore(path).flush();

    expect((await stat(path)).mtimeMs).toBe(before);
  });

  it('keeps only the most recently polled sources across runs', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'state-')), 'poll-state.json');
    const first = new JsonFileFeedStateStore(path, 3);
    await first.save(state('old-1', '2026-11-01T00:00:00.000Z'));
    await first.save(state('old-2', '2026-11-02T00:00:00.000Z'));
    await first.save(state('kept', '2026-11-03T00:00:00.000Z'));
    await first.flush();

    const second = new JsonFileFeedStateStore(path, 3);
    await second.save(state('new-1', '2026-11-30T00:00:00.000Z'));
    await second.save(state('old-1', '2026-11-30T00:00:01.000Z', '"changed"'));
    await second.flush();

    const text = await readFile(path, 'utf8');
    const ids = Object.keys(JSON.parse(text));
    expect(ids.sort()).toEqual(['kept', 'new-1', 'old-1']);
    expect((await new JsonFileFeedStateStore(path).load(['old-1'])).get('old-1')?.etag).toBe('"changed"');
  });

  it('reads a file it did not write, as earlier versions wrote it', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'state-')), 'poll-state.json');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path, JSON.stringify({ a: state('a', '2026-11-30T10:00:00.000Z') }, null, 2));

    const loaded = await new JsonFileFeedStateStore(path).load(['a']);

    expect(loaded.get('a')?.url).toBe('https://press.example/a');
  });
});
