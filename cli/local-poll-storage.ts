// Opens the table of the local stack for `tracker poll` without --dry-run: the endpoint `npm start`
// recorded (or DYNAMODB_ENDPOINT; see local-endpoint.ts), through the same opener as the other commands.
import { loadOutlets, resolveOutletsPath } from '#shared/config/outlets.ts';
import { loadRoster, resolveRosterPath } from '#shared/config/roster.ts';
import { dynamoPollStorage, type IngestionStorage } from '#shared/ingest/open-ingestion.ts';
import { compileMatcher } from '#shared/matching/index.ts';
import { openTable } from './table-connection.ts';

/** Connects to the local table and builds the matcher from ROSTER_FILE or the default roster. */
export async function openLocalPollStorage(argv: string[]): Promise<IngestionStorage> {
  const { client, table } = await openTable({
    alternative: 'set DYNAMODB_ENDPOINT and TABLE_NAME, or use --dry-run',
  });
  const roster = loadRoster(resolveRosterPath(flagValue(argv, '--roster')));
  const registry = await loadOutlets(resolveOutletsPath(flagValue(argv, '--outlets')));
  return dynamoPollStorage(client, table, compileMatcher(roster), { registry, roster });
}

/** The value after `name` in argv (`--name value` or `--name=value`), if any. */
function flagValue(argv: string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  if (index >= 0) return argv[index + 1];
  return argv.find((arg) => arg.startsWith(`${name}=`))?.slice(name.length + 1);
}
