// DynamoDB JSON lines, the format of DynamoDB's own export to S3 (`{"Item":{...}}` per line, binary as
// base64; DynamoDB developer guide, "DynamoDB JSON" export format). Numbers stay strings, so nothing
// loses precision, and every attribute type round-trips without knowing what kind of item it is.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { ValidationError } from '../errors.ts';

/** A raw table item, as the low-level client reads and writes it. */
export type RawItem = Record<string, AttributeValue>;

/** One line of an export file for `item` (without the newline). */
export function itemToJsonLine(item: RawItem): string {
  return JSON.stringify({ Item: item }, (_key, value) =>
    value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value,
  );
}

/** Reads one line of an export file back into an item; throws ValidationError naming the line. */
export function itemFromJsonLine(line: string, lineNumber: number): RawItem {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    throw new ValidationError(`line ${lineNumber}: not JSON (${(error as Error).message})`);
  }
  const item = (parsed as { Item?: unknown } | null)?.Item;
  if (!isPlainObject(item)) throw new ValidationError(`line ${lineNumber}: expected {"Item":{...}}`);
  const decoded: RawItem = {};
  for (const [name, value] of Object.entries(item)) {
    decoded[name] = decodeValue(value, `line ${lineNumber}: attribute ${name}`);
  }
  if (!decoded.PK?.S || !decoded.SK?.S) {
    throw new ValidationError(`line ${lineNumber}: the item has no string PK and SK`);
  }
  return decoded;
}

function decodeValue(value: unknown, where: string): AttributeValue {
  const fail = (): never => {
    throw new ValidationError(`${where}: not a DynamoDB JSON attribute value`);
  };
  if (!isPlainObject(value)) return fail();
  const entries = Object.entries(value);
  if (entries.length !== 1) return fail();
  const [type, inner] = entries[0] as [string, unknown];
  const strings = (list: unknown) =>
    Array.isArray(list) && list.every((entry) => typeof entry === 'string') ? (list as string[]) : fail();
  switch (type) {
    case 'S':
      return typeof inner === 'string' ? { S: inner } : fail();
    case 'N':
      return typeof inner === 'string' && Number.isFinite(Number(inner)) ? { N: inner } : fail();
    case 'BOOL':
      return typeof inner === 'boolean' ? { BOOL: inner } : fail();
    case 'NULL':
      return inner === true ? { NULL: true } : fail();
    case 'B':
      return typeof inner === 'string' ? { B: Buffer.from(inner, 'base64') } : fail();
    case 'SS':
      return { SS: strings(inner) };
    case 'NS':
      return { NS: strings(inner) };
    case 'BS':
      return { BS: strings(inner).map((entry) => Buffer.from(entry, 'base64')) };
    case 'L':
      return Array.isArray(inner) ? { L: inner.map((entry) => decodeValue(entry, where)) } : fail();
    case 'M':
      if (!isPlainObject(inner)) return fail();
      return {
        M: Object.fromEntries(Object.entries(inner).map(([key, entry]) => [key, decodeValue(entry, where)])),
      };
    default:
      return fail();
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
