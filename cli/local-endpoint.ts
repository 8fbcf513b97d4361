// How the CLI finds the local stack's DynamoDB: DYNAMODB_ENDPOINT, else TRACKER_DYNAMODB_PORT, else the
// addresses `npm start` recorded in its data folder (TRACKER_DATA_DIR, default .local), else port 8000,
// the default `npm start` itself uses. The answer says which of these chose the address.
import { integerEnv, optionalEnv } from '#shared/config/settings.ts';
import { readStackFile, stackFilePath } from '../infra/local/stack-file.ts';
import { localTableName } from '../infra/table.ts';

/** An endpoint and table, with the reason they were chosen. */
export interface LocalEndpoint {
  endpoint: string;
  tableName: string;
  source: string;
}

/** The local DynamoDB endpoint and table name the CLI should use. */
export function localEndpoint(): LocalEndpoint {
  const explicit = optionalEnv('DYNAMODB_ENDPOINT');
  const stack = readStackFile(optionalEnv('TRACKER_DATA_DIR', '.local') as string);
  const tableName = optionalEnv('TABLE_NAME') ?? stack?.tableName ?? localTableName;
  if (explicit) return { endpoint: explicit, tableName, source: 'DYNAMODB_ENDPOINT' };
  if (process.env.TRACKER_DYNAMODB_PORT?.trim()) {
    const port = integerEnv('TRACKER_DYNAMODB_PORT', 8000);
    return { endpoint: `http://127.0.0.1:${port}`, tableName, source: 'TRACKER_DYNAMODB_PORT' };
  }
  if (stack) {
    const file = stackFilePath(optionalEnv('TRACKER_DATA_DIR', '.local') as string);
    return { endpoint: stack.dynamoEndpoint, tableName, source: `${file}, written by npm start` };
  }
  return { endpoint: 'http://127.0.0.1:8000', tableName, source: 'the default port of npm start' };
}

/** Why a connection failed, in words an operator can act on (never just the class name "Error"). */
export function connectionFailure(error: unknown): string {
  const found = causes(error).find((item) => typeof item.code === 'string');
  const code = found?.code as string | undefined;
  const words: Record<string, string> = {
    ECONNREFUSED: 'connection refused: nothing listens there',
    ECONNRESET: 'the connection was reset',
    ETIMEDOUT: 'the connection timed out',
    ENOTFOUND: 'the host name is unknown',
    EHOSTUNREACH: 'the host is unreachable',
  };
  if (code && words[code]) return `${words[code]} (${code})`;
  const named = causes(error).find((item) => item.name && item.name !== 'Error');
  if (named?.name === 'ResourceNotFoundException') return 'the table does not exist there';
  const message = causes(error).find((item) => typeof item.message === 'string' && item.message)?.message;
  return message ? String(message) : 'no answer';
}

/** The error, its causes and the members of an AggregateError, outermost first. */
function causes(error: unknown): Array<{ code?: unknown; name?: string; message?: unknown }> {
  const list: Array<{ code?: unknown; name?: string; message?: unknown }> = [];
  const visit = (value: unknown, depth: number) => {
    if (!value || typeof value !== 'object' || depth > 4) return;
    const item = value as {
      code?: unknown;
      name?: string;
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    list.push(item);
    if (Array.isArray(item.errors)) for (const inner of item.errors) visit(inner, depth + 1);
    visit(item.cause, depth + 1);
  };
  visit(error, 0);
  return list;
}
