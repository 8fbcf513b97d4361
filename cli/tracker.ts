// The operator CLI: `npm run --silent tracker -- <command> [options]`. Data goes to stdout, logs to
// stderr. Each command's module is imported only when that command runs, so `--help` and short
// commands do not pay for the modules of the others.
import type { CommandIo } from './command-io.ts';

/** One command: a line for the usage text and the module that runs it. */
interface CommandEntry {
  usage: string;
  run: (argv: string[], io: CommandIo) => Promise<number>;
}

// Export, import and recount may work on the AWS table; digest and facebook on the local one only.
const openAnyTable = async () => (await import('./table-connection.ts')).openTable({ cloud: true });
const openLocalTable = async () => (await import('./table-connection.ts')).openTable();

const commands: Record<string, CommandEntry> = {
  export: {
    usage: 'export --out <file.jsonl>',
    run: async (argv, io) =>
      (await import('./commands/export-command.ts')).runExportCommand(argv, io, openAnyTable),
  },
  import: {
    usage: 'import --in <file.jsonl>',
    run: async (argv, io) =>
      (await import('./commands/import-command.ts')).runImportCommand(argv, io, openAnyTable),
  },
  match: {
    usage: 'match [--roster <file>]   < lines of {"id","text","lang"?}',
    run: async (argv, io) => (await import('./commands/match-command.ts')).runMatchCommand(argv, io),
  },
  outlets: {
    usage: 'outlets check [--outlets <file>] [--json] | outlets discover <homepage>... [--json]',
    run: async (argv, io) => (await import('./commands/outlets-command.ts')).runOutletsCommand(argv, io),
  },
  poll: {
    usage: 'poll [--outlets <file>] [--once] [--dry-run] [--json] [--fresh]',
    run: async (argv, io) => {
      const { runPollCommand } = await import('./commands/poll-command.ts');
      // The table, the SDK and the matcher load only for a real poll, never for a dry run.
      const openStorage = async () => (await import('./local-poll-storage.ts')).openLocalPollStorage(argv);
      return runPollCommand(argv, { openStorage, ...io });
    },
  },
  digest: {
    usage: 'digest --week <yyyy-Www> [--lang az|en|ru] [--out <file.eml>] [--send] [--resend]',
    run: async (argv, io) => {
      const [{ runDigestCommand }, { mailSenderFromEnv }] = await Promise.all([
        import('./commands/digest-command.ts'),
        import('#shared/mail/mail-senders.ts'),
      ]);
      return runDigestCommand(argv, { openTable: openLocalTable, openMail: mailSenderFromEnv, ...io });
    },
  },
  facebook: {
    usage: 'facebook sync [--since YYYY-MM-DD] [--until YYYY-MM-DD]',
    run: async (argv, io) => {
      const { runFacebookCommand } = await import('./commands/facebook-command.ts');
      return runFacebookCommand(argv, { openTable: openLocalTable, ...io });
    },
  },
  cost: {
    usage: 'cost [--sources <n>] [--json]',
    run: async (argv, io) => (await import('./commands/cost-command.ts')).runCostCommand(argv, io),
  },
  recount: {
    usage: 'recount [--check] [--json]',
    run: async (argv, io) =>
      (await import('./commands/recount-command.ts')).runRecountCommand(argv, io, openAnyTable),
  },
};

const usage = `usage: tracker <command> [options]\n${Object.values(commands)
  .map((command) => `  tracker ${command.usage}`)
  .join('\n')}\n  tracker <command> --help\n`;

// Node 20 is supported here; the SDK's notice about its future versions is noise on an operator's terminal.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// A reader that stops early (`tracker poll --json | head`) closes the pipe; like any Unix tool, end
// quietly then instead of printing an EPIPE stack trace (see pipe(7): the writer gets EPIPE).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

const [name, ...rest] = process.argv.slice(2);
const io: CommandIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
const command = name === undefined ? undefined : commands[name];

if (name === '--help' || name === '-h' || name === 'help') {
  process.stdout.write(usage);
} else if (command) {
  process.exitCode = await command.run(rest, io);
} else {
  process.stderr.write(`${name === undefined ? 'no command given' : `unknown command '${name}'`}\n${usage}`);
  process.exitCode = 2;
}
