// Where a running local stack listens, written by `npm start` into its data folder so the operator CLI
// reaches the same DynamoDB Local whatever ports the stack was given (TRACKER_DYNAMODB_PORT, --port).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The addresses of one running local stack. */
export interface StackAddresses {
  apiUrl: string;
  dynamoEndpoint: string;
  tableName: string;
  pid: number;
}

/** The file that holds the running stack's addresses inside `dataDir`. */
export function stackFilePath(dataDir: string): string {
  return join(dataDir, 'stack.json');
}

/** Records the running stack's addresses. */
export function writeStackFile(dataDir: string, addresses: StackAddresses): void {
  writeFileSync(stackFilePath(dataDir), `${JSON.stringify(addresses, null, 2)}\n`);
}

/** Forgets the addresses when the stack stops, so a later CLI run does not trust a dead port. */
export function removeStackFile(dataDir: string): void {
  rmSync(stackFilePath(dataDir), { force: true });
}

/** The addresses a running stack recorded, or undefined when there is no readable record. */
export function readStackFile(dataDir: string): StackAddresses | undefined {
  try {
    const value = JSON.parse(readFileSync(stackFilePath(dataDir), 'utf8')) as Partial<StackAddresses>;
    return typeof value.dynamoEndpoint === 'string' && typeof value.tableName === 'string'
      ? (value as StackAddresses)
      : undefined;
  } catch {
    return undefined;
  }
}
