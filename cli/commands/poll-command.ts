// `tracker poll`: polls the registry once and prints one line per source, so an operator can try
// a new outlet entry. Data goes to stdout, logs to stderr.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { disabledSources, loadOutlets, resolveOutletsPath } from '#shared/config/outlets.ts';
import { AppError } from '#shared/errors.ts';
import { pollSources, type SourceReport } from '#shared/feeds/poll/poll-sources.ts';
import type { FeedStateStore, ItemSink, PollStorage } from '#shared/feeds/poll/ports.ts';
import { ignoringStoredState, JsonFileFeedStateStore } from '#shared/feeds/poll/state-stores.ts';

/** Where dry runs keep their ETag and Last-Modified validators (git-ignored). */
export const dryRunStatePath: string = fileURLToPath(
  new URL('../../.local/poll-state.json', import.meta.url),
);

const usage =
  'usage: tracker poll [--outlets <file>] [--once] [--dry-run] [--json] [--fresh] [--state <file>] [--concurrency <n>]';

/** What the command needs from its host. */
export interface PollCommandDeps {
  openStorage: () => Promise<PollStorage>;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

// A sink that stores nothing: the dry run shows items as they would be stored.
const nothingSink: ItemSink = { store: async () => ({ written: 0 }) };

/** The JSON line of one source, in the shape the issue specifies. */
export function reportLine(report: SourceReport): Record<string, unknown> {
  switch (report.status) {
    case 'items':
      return {
        url: report.url,
        items: (report.items ?? []).map((i) => ({
          title: i.title,
          link: i.link,
          guid: i.identity,
          published: i.published,
        })),
        ...(report.itemsCut ? { itemsCut: report.itemsCut } : {}),
      };
    case 'unchanged':
      return { url: report.url, unchanged: true, items: [] };
    case 'deferred':
      return { url: report.url, deferred: true, until: report.deferredUntil, items: [] };
    case 'skipped':
      return { url: report.url, skipped: true, items: [] };
    case 'not-polled':
      return { url: report.url, notPolled: true, items: [] };
    default:
      return { url: report.url, error: report.error };
  }
}

function humanLine(report: SourceReport): string {
  switch (report.status) {
    case 'items':
      return `ok        ${report.url}  ${report.items?.length ?? 0} items, ${report.written ?? 0} new`;
    case 'error':
      return `error     ${report.url}  ${report.error?.kind}: ${report.error?.message}`;
    default:
      return `${report.status.padEnd(9)} ${report.url}${report.deferredUntil ? `  until ${report.deferredUntil}` : ''}`;
  }
}

/** Runs `poll`; resolves to the exit code (0 when the run completed, even with failed sources). */
export async function runPollCommand(argv: string[], deps: PollCommandDeps): Promise<number> {
  const err = (line: string) => deps.stderr.write(`${line}\n`);
  let flags: {
    outlets?: string;
    once?: boolean;
    'dry-run'?: boolean;
    json?: boolean;
    fresh?: boolean;
    state?: string;
    concurrency?: string;
    help?: boolean;
  };
  try {
    flags = parseArgs({
      args: argv,
      options: {
        outlets: { type: 'string' },
        once: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
        fresh: { type: 'boolean' },
        state: { type: 'string' },
        concurrency: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (error) {
    err(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (flags.help) {
    deps.stdout.write(`${usage}\n`);
    return 0;
  }
  const concurrency = flags.concurrency === undefined ? undefined : Number(flags.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0)) {
    err(`--concurrency must be a positive integer\n${usage}`);
    return 2;
  }
  let storage: PollStorage | undefined;
  let stateFile: JsonFileFeedStateStore | undefined;
  try {
    const registry = await loadOutlets(resolveOutletsPath(flags.outlets));
    let stateStore: FeedStateStore;
    let sink: ItemSink;
    if (flags['dry-run']) {
      stateFile = new JsonFileFeedStateStore(flags.state ?? dryRunStatePath);
      stateStore = stateFile;
      sink = nothingSink;
    } else {
      storage = await deps.openStorage();
      ({ stateStore, sink } = storage);
    }
    if (flags.fresh) stateStore = ignoringStoredState(stateStore);
    const reports = await pollSources({
      registry,
      stateStore,
      sink,
      onlyDue: !flags.once,
      ...(concurrency ? { concurrency } : {}),
      log: err,
    });
    for (const report of reports) {
      deps.stdout.write(`${flags.json ? JSON.stringify(reportLine(report)) : humanLine(report)}\n`);
    }
    await stateFile?.flush();
    // Listed but never polled, so the operator sees every entry of the registry.
    for (const { source } of disabledSources(registry)) {
      deps.stdout.write(
        `${flags.json ? JSON.stringify({ url: source.url, disabled: true }) : `disabled  ${source.url}`}\n`,
      );
    }
    const failed = reports.filter((r) => r.status === 'error').length;
    err(`polled ${reports.length} sources, ${failed} failed`);
    return 0;
  } catch (error) {
    err(
      error instanceof AppError || error instanceof Error
        ? `poll: ${error.message}`
        : `poll: ${String(error)}`,
    );
    return 1;
  } finally {
    // Written once above; again here only when the run stopped early, so finished sources keep their validators.
    await Promise.all([
      storage?.close(),
      stateFile?.flush().catch((error: Error) => err(`poll: state file: ${error.message}`)),
    ]);
  }
}
