// Cursors of the mention list. A cursor carries the index position where the next page starts and a
// digest of the filters that produced it, so it only continues the query it came from: a cursor of
// another query, or one made up, is refused with a 400 before any read (DynamoDB would otherwise
// fail on a start key outside the key condition).
import { createHash } from 'node:crypto';
import { ValidationError } from '../errors.ts';
import { type MentionIndex, mentionIndexKeyNames, mentionIndexOf } from './keys.ts';

/** The filters a cursor is bound to; `from`/`to` are UTC instants, `to` exclusive. */
export interface CursorQuery {
  member?: string | undefined;
  outlet?: string | undefined;
  language?: string | undefined;
  status?: string | undefined;
  q?: string | undefined;
  from: string;
  to: string;
}

/** Where the next page starts: a partition of the list and the index key to continue after. */
export interface CursorPosition {
  partition: string;
  startKey?: Record<string, unknown> | undefined;
}

interface CursorPayload extends CursorPosition {
  /** Digest of the query's filters. */
  query: string;
}

/** Key attributes longer than this are not keys this table builds. */
const maxKeyLength = 300;

/** Encodes the position of the next page of `query`. */
export function encodeCursor(query: CursorQuery, position: CursorPosition): string {
  const payload: CursorPayload = { query: queryDigest(query), ...position };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

/** Decodes a cursor of `query` whose partition is one of `partitions`, or throws a 400. */
export function decodeCursor(text: string, query: CursorQuery, partitions: string[]): CursorPosition {
  let payload: Partial<CursorPayload> | undefined;
  try {
    payload = JSON.parse(Buffer.from(text, 'base64url').toString()) as Partial<CursorPayload>;
  } catch {
    payload = undefined;
  }
  if (
    payload &&
    typeof payload === 'object' &&
    payload.query === queryDigest(query) &&
    typeof payload.partition === 'string' &&
    partitions.includes(payload.partition) &&
    (payload.startKey === undefined || isStartKeyOf(payload.startKey, payload.partition, query))
  ) {
    return { partition: payload.partition, startKey: payload.startKey };
  }
  throw new ValidationError('cursor: the cursor does not belong to this query', {
    details: { field: 'cursor' },
  });
}

/** The same filters always give the same digest, whatever their order or absent fields. */
function queryDigest(query: CursorQuery): string {
  const normalised = [
    query.member ?? '',
    query.outlet ?? '',
    query.language ?? '',
    query.status ?? '',
    query.q?.toLocaleLowerCase('az') ?? '',
    query.from,
    query.to,
  ];
  return createHash('sha256').update(JSON.stringify(normalised)).digest('base64url').slice(0, 22);
}

/**
 * A start key is exactly the four string keys of the partition's index, inside that partition, with
 * an index sort key inside the query's period: anything else cannot continue this query.
 */
function isStartKeyOf(startKey: unknown, partition: string, query: CursorQuery): boolean {
  if (typeof startKey !== 'object' || startKey === null || Array.isArray(startKey)) return false;
  const index = mentionIndexOf(partition) as MentionIndex;
  const expected = [...mentionIndexKeyNames(index)].sort();
  const key = startKey as Record<string, unknown>;
  const names = Object.keys(key).sort();
  if (JSON.stringify(names) !== JSON.stringify(expected)) return false;
  if (!Object.values(key).every((v) => typeof v === 'string' && v.length > 0 && v.length <= maxKeyLength))
    return false;
  const sortKey = key[`${index}SK`] as string;
  return key[`${index}PK`] === partition && sortKey >= query.from && sortKey <= query.to;
}
