// The flag handling every command shares: node:util parseArgs in strict mode plus `--help`/`-h`, so
// that a bad flag prints the reason and the usage (exit 2) and `--help` prints the usage (exit 0) the
// same way in every command.
import { type ParseArgsConfig, parseArgs } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;
type FlagValue<O> = O extends { type: 'boolean'; multiple: true }
  ? boolean[]
  : O extends { type: 'boolean' }
    ? boolean
    : O extends { multiple: true }
      ? string[]
      : string;
/** The values of the flags `T` declares, each absent unless given. */
export type FlagValues<T extends Options> = { [K in keyof T]?: FlagValue<T[K]> };

/** What a command's usage says: one line or several, printed for `--help` and after a usage error. */
export interface CommandUsage {
  usage: string;
  /** More lines for `--help` only. */
  more?: string;
}

/** Where a command prints. */
interface Out {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * Parses `argv` against `options`. Gives the values and positionals, or the exit code the command
 * ends with: 0 after printing the usage for `--help`, 2 after a bad flag (or a positional where the
 * command takes none).
 */
export function parseCommandFlags<const T extends Options>(
  argv: string[],
  options: T,
  help: CommandUsage,
  out: Out,
  allowPositionals = false,
): { values: FlagValues<T>; positionals: string[] } | number {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return usageError(out, (error as Error).message, help);
  }
  if (parsed.values.help) {
    out.stdout.write(`${help.usage}\n${help.more ? `${help.more}\n` : ''}`);
    return 0;
  }
  if (!allowPositionals && parsed.positionals.length > 0) {
    return usageError(out, `Unexpected argument '${parsed.positionals[0]}'`, help);
  }
  return { values: parsed.values as FlagValues<T>, positionals: parsed.positionals };
}

/** Prints a usage error with the usage; gives the exit code 2. */
export function usageError(out: Pick<Out, 'stderr'>, message: string, help: CommandUsage): 2 {
  out.stderr.write(`${message}\n${help.usage}\n`);
  return 2;
}
