// `tracker cost [--sources N] [--json]`: measures a poll of N loopback sources on the local dispatch →
// queue → worker path against DynamoDB Local, then prints the monthly bill at 200 and 10,000 sources.

import { parseCommandFlags, usageError } from '../command-flags.ts';
import type { CommandIo } from '../command-io.ts';
import { defaultAssumptions } from '../cost/cost-model.ts';

const help = {
  usage:
    'usage: tracker cost [--sources <n>] [--json]   (measures n loopback sources, default 200; needs Java for DynamoDB Local)',
};

/** Runs `cost`; resolves to the exit code. */
export async function runCostCommand(argv: string[], io: CommandIo): Promise<number> {
  const err = (line: string) => io.stderr.write(`${line}\n`);
  const parsed = parseCommandFlags(
    argv,
    { sources: { type: 'string' }, json: { type: 'boolean' } },
    help,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const flags = parsed.values;
  const sources = Number(flags.sources ?? 200);
  if (!Number.isInteger(sources) || sources < 1 || sources > 5000) {
    return usageError(io, `--sources: a whole number from 1 to 5000, not '${flags.sources}'`, help);
  }
  const [{ measurePollRun }, { costReport }] = await Promise.all([
    import('../cost/measure-poll-run.ts'),
    import('../cost/cost-report.ts'),
  ]);
  const measurement = await measurePollRun(sources, err);
  const assumptions = defaultAssumptions;
  if (flags.json) io.stdout.write(`${JSON.stringify({ measurement, assumptions })}\n`);
  else io.stdout.write(costReport(measurement, [200, 10_000], assumptions));
  return 0;
}
