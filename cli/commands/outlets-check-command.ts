// `tracker outlets check`: polls every source of the registry once, storing nothing, and prints a
// table (or JSON lines) an operator reads to see which entries are alive, dead or moved.
import { loadOutlets, resolveOutletsPath } from '#shared/config/outlets.ts';
import { JsonFileFeedStateStore, MemoryFeedStateStore } from '#shared/feeds/poll/state-stores.ts';
import { parseCommandFlags } from '../command-flags.ts';
import type { CommandIo } from '../command-io.ts';
import { checkSources, type SourceCheck } from '../outlets/source-check.ts';
import { outletsUsage } from './outlets-command.ts';

/** "45m", "7h", "3d": how long ago the newest item was published. */
export function ageOf(iso: string | undefined, now = Date.now()): string {
  if (!iso) return '-';
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  if (minutes < 120) return `${minutes}m`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)}h`;
  return `${Math.round(minutes / 1440)}d`;
}

const columns = ['outlet', 'source', 'result', 'items', 'newest', 'cond-get', 'final url'];

function tableOf(rows: SourceCheck[], now: number): string {
  const cells = rows.map((r) => [
    r.outlet,
    r.enabled ? r.source : `${r.source} (disabled)`,
    r.result,
    String(r.items),
    ageOf(r.newest, now),
    r.conditionalGet,
    r.finalUrl ?? '',
  ]);
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]?.length ?? 0)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(columns), ...cells.map(line)].join('\n');
}

/** Runs `outlets check`; resolves to the exit code (0 when the check completed, dead sources included). */
export async function runOutletsCheck(argv: string[], io: CommandIo): Promise<number> {
  const err = (line: string) => io.stderr.write(`${line}\n`);
  const parsed = parseCommandFlags(
    argv,
    {
      outlets: { type: 'string' },
      outlet: { type: 'string', multiple: true },
      state: { type: 'string' },
      json: { type: 'boolean' },
    },
    { usage: outletsUsage },
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const flags = parsed.values;
  try {
    const registry = await loadOutlets(resolveOutletsPath(flags.outlets));
    const wanted = flags.outlet ? new Set(flags.outlet) : undefined;
    const unknown = [...(wanted ?? [])].filter((id) => !registry.outlets.some((o) => o.id === id));
    if (unknown.length > 0) {
      err(`outlets check: no outlet with id ${unknown.join(', ')} in the registry`);
      return 2;
    }
    const sources = registry.outlets
      .filter((outlet) => !wanted || wanted.has(outlet.id))
      .flatMap((outlet) => outlet.sources.map((source) => ({ outlet, source })));
    const stateStore = new MemoryFeedStateStore();
    if (flags.state) {
      // Read-only: validators of earlier dry runs make the first request conditional.
      const stored = await new JsonFileFeedStateStore(flags.state).load(
        sources.map((s) => s.source.sourceId),
      );
      for (const state of stored.values()) await stateStore.save(state);
    }
    err(`checking ${sources.length} sources of ${registry.outlets.length} outlets`);
    const rows = await checkSources({
      registry,
      sources,
      stateStore,
      onProgress: (done, total, url) => err(`[${done}/${total}] ${url}`),
    });
    if (flags.json) for (const row of rows) io.stdout.write(`${JSON.stringify(row)}\n`);
    else io.stdout.write(`${tableOf(rows, Date.now())}\n`);
    const failed = rows.filter((r) => !['ok', 'unchanged'].includes(r.result)).length;
    err(`checked ${rows.length} sources: ${rows.length - failed} answered, ${failed} did not`);
    return 0;
  } catch (error) {
    err(`outlets check: ${(error as Error).message ?? String(error)}`);
    return 1;
  }
}
