// `tracker recount [--check] [--json]`: recomputes every day, ISO-week and month aggregate from the
// mentions. With --check it only reports, exiting 1 on drift; otherwise it repairs what drifted.
import { recountAggregates } from '#shared/store/recount.ts';
import { parseCommandFlags } from '../command-flags.ts';
import type { CommandIo } from '../command-io.ts';
import type { TransferConnection } from '../table-connection.ts';

const help = { usage: 'usage: tracker recount [--check] [--json]   (--check: report only, exit 1 on drift)' };
/** Drifted counters printed one per line; the rest are summed up. */
const shownDrift = 50;

/** Runs `recount`; resolves to the exit code. */
export async function runRecountCommand(
  argv: string[],
  io: CommandIo,
  open: () => Promise<TransferConnection>,
): Promise<number> {
  const err = (line: string) => io.stderr.write(`${line}\n`);
  const parsed = parseCommandFlags(argv, { check: { type: 'boolean' }, json: { type: 'boolean' } }, help, io);
  if (typeof parsed === 'number') return parsed;
  const flags = parsed.values;
  let table: TransferConnection | undefined;
  try {
    table = await open();
    err(`recount: scanning ${table.where}`);
    const report = await recountAggregates(table, {
      repair: !flags.check,
      progress: (scanned) => err(`recount: ${scanned} items scanned`),
    });
    if (flags.json) io.stdout.write(`${JSON.stringify(report)}\n`);
    else {
      io.stdout.write(
        `${report.mentions} mentions (${report.countedMentions} counted), ${report.aggregates} aggregates, ` +
          `drift: ${report.drift.length} counters${report.repaired ? ' (repaired)' : ''}\n`,
      );
      for (const d of report.drift.slice(0, shownDrift)) {
        io.stdout.write(`  ${d.bucket}  ${d.counter}  stored ${d.stored}  expected ${d.expected}\n`);
      }
      if (report.drift.length > shownDrift) io.stdout.write(`  … ${report.drift.length - shownDrift} more\n`);
    }
    return flags.check && report.drift.length > 0 ? 1 : 0;
  } catch (error) {
    err(`recount: ${(error as Error).message}`);
    return 1;
  } finally {
    table?.close();
  }
}
