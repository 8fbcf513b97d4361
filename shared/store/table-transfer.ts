// Export and import of the whole table as DynamoDB JSON lines. Both are generic over item kinds: every
// item is carried as it is stored, whatever its key prefix, except the aggregates, which an import
// recomputes from the mentions instead of trusting the file. An import puts items by key, so running
// it twice leaves the same table.
import { BatchWriteItemCommand, type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { itemFromJsonLine, itemToJsonLine, type RawItem } from './dynamodb-json.ts';
import { aggregateBucketOf } from './keys.ts';
import { type RecountReport, recountAggregates } from './recount.ts';
import type { TableContext } from './table-context.ts';

/** Both clients of one table: the raw one carries items as stored, the document one recounts. */
export interface TransferTable extends TableContext {
  client: DynamoDBClient;
}

/** Called with a running count of items handled. */
export type Progress = (done: number) => void;

/** Writes every item of the table, one line each; resolves to the number of items written. */
export async function exportTable(
  table: TransferTable,
  writeLine: (line: string) => Promise<void> | void,
  progress: Progress = () => {},
): Promise<number> {
  let count = 0;
  let startKey: RawItem | undefined;
  do {
    const page = await table.client.send(
      new ScanCommand({ TableName: table.tableName, ExclusiveStartKey: startKey, ConsistentRead: true }),
    );
    for (const item of page.Items ?? []) await writeLine(itemToJsonLine(item));
    count += page.Items?.length ?? 0;
    progress(count);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}

/** What an import did. */
export interface ImportReport {
  items: number;
  skippedAggregates: number;
  recount: RecountReport;
}

/** BatchWriteItem takes at most 25 puts (DynamoDB API reference, BatchWriteItem). */
const itemsPerBatch = 25;
const batchesInFlight = 4;

/**
 * Checks every line first (a bad file writes nothing), then puts the items and recounts the aggregates.
 * `readLines` is called twice: once to check, once to write.
 */
export async function importTable(
  table: TransferTable,
  readLines: () => AsyncIterable<string>,
  progress: Progress = () => {},
): Promise<ImportReport> {
  await eachItem(readLines, () => {});
  let items = 0;
  let skippedAggregates = 0;
  let batch: RawItem[] = [];
  // A few batches in flight; a failed one is kept and rethrown, so no rejection goes unhandled.
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  const flush = async () => {
    const write: Promise<void> = writeBatch(table, batch)
      .catch((error) => {
        failure ??= error;
      })
      .finally(() => inFlight.delete(write));
    inFlight.add(write);
    batch = [];
    if (inFlight.size >= batchesInFlight) await Promise.race(inFlight);
    if (failure) throw failure;
  };
  await eachItem(readLines, async (item) => {
    if (aggregateBucketOf(item.PK?.S ?? '') !== undefined) {
      skippedAggregates++;
      return;
    }
    batch.push(item);
    items++;
    if (batch.length === itemsPerBatch) await flush();
    if (items % 1000 === 0) progress(items);
  });
  if (batch.length > 0) await flush();
  await Promise.all(inFlight);
  if (failure) throw failure;
  if (items % 1000 !== 0) progress(items);
  const recount = await recountAggregates(table, { repair: true });
  return { items, skippedAggregates, recount };
}

async function eachItem(
  readLines: () => AsyncIterable<string>,
  visit: (item: RawItem) => Promise<void> | void,
): Promise<void> {
  let lineNumber = 0;
  for await (const line of readLines()) {
    lineNumber++;
    if (line.trim() === '') continue;
    await visit(itemFromJsonLine(line, lineNumber));
  }
}

/** Puts one batch, sending unprocessed items again after a growing pause, as DynamoDB advises. */
async function writeBatch(table: TransferTable, items: RawItem[]): Promise<void> {
  let pending = items.map((Item) => ({ PutRequest: { Item } }));
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 50 * 2 ** attempt)));
    const output = await table.client.send(
      new BatchWriteItemCommand({ RequestItems: { [table.tableName]: pending } }),
    );
    pending = (output.UnprocessedItems?.[table.tableName] ?? []) as typeof pending;
  }
}
