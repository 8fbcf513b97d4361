// `tracker import --in <file>`: checks the whole file, puts every item, then recomputes the aggregates.
import { constants, createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { fileReadReason } from '#shared/config/file-read-reason.ts';
import { importTable } from '#shared/store/table-transfer.ts';
import { parseCommandFlags, usageError } from '../command-flags.ts';
import type { CommandIo } from '../command-io.ts';
import type { TransferConnection } from '../table-connection.ts';

const help = {
  usage: 'usage: tracker import --in <file.jsonl>   (a file written by `tracker export`; safe to repeat)',
};

/** Runs `import`; resolves to the exit code (1 on a bad file, with nothing written). */
export async function runImportCommand(
  argv: string[],
  io: CommandIo,
  open: () => Promise<TransferConnection>,
): Promise<number> {
  const err = (line: string) => io.stderr.write(`${line}\n`);
  const parsed = parseCommandFlags(argv, { in: { type: 'string' } }, help, io);
  if (typeof parsed === 'number') return parsed;
  const file = parsed.values.in;
  if (!file) return usageError(io, '--in is required', help);
  let table: TransferConnection | undefined;
  try {
    // Said before any connection is made, so a mistyped path is never mistaken for a storage problem.
    await access(file, constants.R_OK).catch((error: unknown) => {
      throw new Error(`${file}: cannot read: ${fileReadReason(error)}`);
    });
    table = await open();
    err(`import: checking ${file}, then writing to ${table.where}`);
    const readLines = () =>
      createInterface({
        input: createReadStream(file, { encoding: 'utf8' }),
        crlfDelay: Number.POSITIVE_INFINITY,
      });
    const report = await importTable(table, readLines, (done) => err(`import: ${done} items`));
    err(
      `import: wrote ${report.items} items; ${report.skippedAggregates} aggregate items in the file ignored; ` +
        `aggregates recounted from ${report.recount.mentions} mentions, ${report.recount.drift.length} counters corrected`,
    );
    return 0;
  } catch (error) {
    err(`import: ${(error as Error).message}`);
    return 1;
  } finally {
    table?.close();
  }
}
