// The operator CLI: `npm run --silent tracker -- <command> [options]`.
import { runMatchCommand } from './commands/match-command.ts';

const [command, ...rest] = process.argv.slice(2);
const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };

switch (command) {
  case 'match':
    process.exitCode = await runMatchCommand(rest, io);
    break;
  default:
    process.stderr.write('usage: tracker match [--roster <file>]\n');
    process.exitCode = 2;
}
