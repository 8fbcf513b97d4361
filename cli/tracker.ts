// The operator CLI: `npm run --silent tracker -- <command> [options]`. Data goes to stdout, logs to stderr.
//   match --roster <file>                                   JSON lines in, mentions out
//   poll --outlets <file> --once [--dry-run] [--json] [--fresh]   poll every source once
import { runMatchCommand } from './commands/match-command.ts';
import { runPollCommand } from './commands/poll-command.ts';
import { openLocalPollStorage } from './local-poll-storage.ts';

// Node 20 is supported here; the SDK's notice about its future versions is noise on an operator's terminal.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const [command, ...rest] = process.argv.slice(2);
const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };

switch (command) {
  case 'match':
    process.exitCode = await runMatchCommand(rest, io);
    break;
  case 'poll':
    process.exitCode = await runPollCommand(rest, {
      openStorage: () => openLocalPollStorage(rest),
      stdout: process.stdout,
      stderr: process.stderr,
    });
    break;
  default:
    process.stderr.write(
      'usage:\n' +
        '  tracker match [--roster <file>]   < lines of {"id","text","lang"?}\n' +
        '  tracker poll --outlets <file> --once [--dry-run] [--json] [--fresh]\n',
    );
    process.exitCode = 2;
}
