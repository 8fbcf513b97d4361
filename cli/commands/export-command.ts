// `tracker export --out <file>`: writes every item of the table as DynamoDB JSON lines, progress on stderr.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { exportTable } from '#shared/store/table-transfer.ts';
import { parseCommandFlags, usageError } from '../command-flags.ts';
import type { CommandIo } from '../command-io.ts';
import type { TransferConnection } from '../table-connection.ts';

const help = { usage: 'usage: tracker export --out <file.jsonl>   (DynamoDB JSON lines, one item each)' };

/** Runs `export`; resolves to the exit code. */
export async function runExportCommand(
  argv: string[],
  io: CommandIo,
  open: () => Promise<TransferConnection>,
): Promise<number> {
  const err = (line: string) => io.stderr.write(`${line}\n`);
  const parsed = parseCommandFlags(argv, { out: { type: 'string' } }, help, io);
  if (typeof parsed === 'number') return parsed;
  const out = parsed.values.out;
  if (!out) return usageError(io, '--out is required', help);
  let table: TransferConnection | undefined;
  try {
    table = await open();
    err(`export: reading ${table.where}`);
    const file = createWriteStream(out, { encoding: 'utf8' });
    const failed = once(file, 'error').then(([error]) => Promise.reject(error));
    failed.catch(() => {});
    const write = async (line: string) => {
      if (!file.write(`${line}\n`)) await Promise.race([once(file, 'drain'), failed]);
    };
    const count = await exportTable(table, write, (done) => err(`export: ${done} items`));
    file.end();
    await Promise.race([once(file, 'finish'), failed]);
    err(`export: wrote ${count} items to ${out}`);
    return 0;
  } catch (error) {
    err(`export: ${(error as Error).message}`);
    return 1;
  } finally {
    table?.close();
  }
}
