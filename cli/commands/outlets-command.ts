// `tracker outlets <check|discover>`: keeps the outlet registry true. Each subcommand's module is
// imported only when it runs.
import type { CommandIo } from '../command-io.ts';

/** Usage of every subcommand. */
export const outletsUsage = [
  'usage: tracker outlets check [--outlets <file>] [--outlet <id>]... [--state <file>] [--json]',
  '       tracker outlets discover <homepage>... [--allow-private <address-or-cidr>]... [--outlets <file>] [--json]',
].join('\n');

/** Runs `outlets`; resolves to the exit code. */
export async function runOutletsCommand(argv: string[], io: CommandIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    (sub === undefined ? io.stderr : io.stdout).write(`${outletsUsage}\n`);
    return sub === undefined ? 2 : 0;
  }
  if (sub === 'check') return (await import('./outlets-check-command.ts')).runOutletsCheck(rest, io);
  if (sub === 'discover') return (await import('./outlets-discover-command.ts')).runOutletsDiscover(rest, io);
  io.stderr.write(`unknown subcommand 'outlets ${sub}'\n${outletsUsage}\n`);
  return 2;
}
