// `tracker poll`: polls the registry once and prints one line per source, so an operator can try
// a new outlet entry. Data goes to stdout, logs to stderr.
import { fileURLToPath } from 'node:url';
import { disabledSources, loadOutlets, type Outlet, resolveOutletsPath } from '#shared/config/outlets.ts';
import { loadRoster, resolveRosterPath } from '#shared/config/roster.ts';
import { AppError } from '#shared/errors.ts';
import { pollSources, type SourceReport } from '#shared/feeds/poll/poll-sources.ts';
import type { FeedStateStore, ItemSink, PollStorage } from '#shared/feeds/poll/ports.ts';
import { ignoringStoredState, JsonFileFeedStateStore } from '#shared/feeds/poll/state-stores.ts';
import type { IngestionStorage } from '#shared/ingest/open-ingestion.ts';
import { compileMatcher, type Matcher } from '#shared/matching/index.ts';
import { createAttributor, type OutletAttributor } from '#shared/reach/outlet-attribution.ts';
import type { SearchReport } from '#shared/reach/poll-searches.ts';
import { runSearches } from '#shared/reach/run-searches.ts';
import { searchTargets } from '#shared/reach/search-sources.ts';
import { parseCommandFlags, usageError } from '../command-flags.ts';

/** Where dry runs keep their ETag and Last-Modified validators (git-ignored). */
export const dryRunStatePath: string = fileURLToPath(
  new URL('../../.local/poll-state.json', import.meta.url),
);

const usage =
  'usage: tracker poll [--outlets <file>] [--roster <file>] [--once] [--dry-run] [--json] [--fresh] [--state <file>] [--concurrency <n>]';

/** What the command needs from its host. */
export interface PollCommandDeps {
  openStorage: () => Promise<PollStorage | IngestionStorage>;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

// A sink that stores nothing: the dry run shows items as they would be stored.
const nothingSink: ItemSink = { store: async () => ({ written: 0 }) };

/** How items are labelled in the output: the outlet's registrable domain and the members matched. */
export interface ItemLabels {
  matcher?: Matcher;
  attributor?: OutletAttributor;
  outlets?: Map<string, Outlet>;
}

/** The JSON line of one source, in the shape the documented format gives. */
export function reportLine(report: SourceReport, labels: ItemLabels = {}): Record<string, unknown> {
  switch (report.status) {
    case 'items': {
      const outlet = labels.attributor?.domainOf(report.outletId) ?? report.outletId;
      const lang = labels.outlets?.get(report.outletId)?.languages[0];
      return {
        url: report.url,
        items: (report.items ?? []).map((i) => ({
          title: i.title,
          link: i.link,
          guid: i.identity,
          published: i.published,
          outlet,
          members: membersIn(labels.matcher, `${i.title}\n\n${i.text}`, i.language ?? lang),
        })),
        ...(report.itemsCut ? { itemsCut: report.itemsCut } : {}),
      };
    }
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

/** The JSON line of one search query: its items carry the outlet they are attributed to. */
export function searchLine(report: SearchReport): Record<string, unknown> {
  const base = { url: report.url, search: report.searchId, query: report.query };
  switch (report.status) {
    case 'items':
      return {
        ...base,
        items: (report.items ?? []).map((r) => ({
          title: r.title,
          link: r.link,
          ...(r.engineLink && r.engineLink !== r.link ? { engineLink: r.engineLink } : {}),
          published: r.published,
          outlet: r.outlet,
          outletName: r.outletName,
          registered: r.registered,
          members: r.members,
        })),
      };
    case 'error':
      return { ...base, error: report.error };
    case 'deferred':
      return { ...base, deferred: true, until: report.deferredUntil, items: [] };
    default:
      return { ...base, [report.status]: true, items: [] };
  }
}

function membersIn(matcher: Matcher | undefined, text: string, language: string | undefined): string[] {
  if (!matcher) return [];
  const lang = language === 'en' || language === 'az' || language === 'ru' ? language : undefined;
  return [...new Set(matcher.match(text, lang ? { lang } : {}).map((hit) => hit.entityId))];
}

function humanSearchLine(report: SearchReport): string {
  const where = `${report.searchId} ${report.query}`;
  if (report.status === 'items')
    return `ok        ${where}  ${report.items?.length ?? 0} items, ${report.written ?? 0} new, ${report.leads ?? 0} leads`;
  if (report.status === 'error') return `error     ${where}  ${report.error?.kind}: ${report.error?.message}`;
  return `${report.status.padEnd(9)} ${where}`;
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
  const parsed = parseCommandFlags(
    argv,
    {
      outlets: { type: 'string' },
      roster: { type: 'string' },
      once: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      fresh: { type: 'boolean' },
      state: { type: 'string' },
      concurrency: { type: 'string' },
    },
    { usage },
    deps,
  );
  if (typeof parsed === 'number') return parsed;
  const flags = parsed.values;
  const concurrency = flags.concurrency === undefined ? undefined : Number(flags.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0)) {
    return usageError(deps, '--concurrency must be a positive integer', { usage });
  }
  let storage: (PollStorage & Partial<IngestionStorage>) | undefined;
  let stateFile: JsonFileFeedStateStore | undefined;
  try {
    const registry = await loadOutlets(resolveOutletsPath(flags.outlets));
    const roster = loadRoster(resolveRosterPath(flags.roster));
    const matcher = compileMatcher(roster);
    const labels: ItemLabels = {
      matcher,
      attributor: createAttributor(registry),
      outlets: new Map(registry.outlets.map((outlet) => [outlet.id, outlet])),
    };
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
      deps.stdout.write(`${flags.json ? JSON.stringify(reportLine(report, labels)) : humanLine(report)}\n`);
    }
    const searches = await runSearches({
      registry,
      targets: searchTargets(registry, roster),
      stateStore,
      matcher,
      ...(storage?.searches ? { sink: storage.searches.sink } : {}),
      onlyDue: !flags.once,
      log: err,
    });
    for (const report of searches) {
      deps.stdout.write(`${flags.json ? JSON.stringify(searchLine(report)) : humanSearchLine(report)}\n`);
    }
    await stateFile?.flush();
    // Listed but never polled, so the operator sees every entry of the registry.
    for (const { source } of disabledSources(registry)) {
      deps.stdout.write(
        `${flags.json ? JSON.stringify({ url: source.url, disabled: true }) : `disabled  ${source.url}`}\n`,
      );
    }
    const failed = [...reports, ...searches].filter((r) => r.status === 'error').length;
    err(`polled ${reports.length} sources and ${searches.length} search queries, ${failed} failed`);
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
