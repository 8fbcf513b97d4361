// Export lines: every DynamoDB attribute type survives a line and back; a damaged line is refused
// with its number and the attribute at fault.
import { describe, expect, it } from 'vitest';
import { itemFromJsonLine, itemToJsonLine } from '#shared/store/dynamodb-json.ts';

describe('DynamoDB JSON lines', () => {
  it('carries every attribute type unchanged, binary as base64 and numbers as written', () => {
    const item = {
      PK: { S: 'LEAD#1' },
      SK: { S: 'META' },
      n: { N: '12345678901234567890.000001' },
      b: { B: Uint8Array.from([0, 1, 254, 255]) },
      bs: { BS: [Uint8Array.from([7]), Uint8Array.from([])] },
      ss: { SS: ['ə', 'ш'] },
      ns: { NS: ['-1', '1e3'] },
      ok: { BOOL: false },
      none: { NULL: true as const },
      m: { M: { l: { L: [{ S: '' }, { M: {} }] } } },
    };
    const line = itemToJsonLine(item);
    expect(JSON.parse(line).Item.b).toEqual({ B: 'AAH+/w==' });
    const back = itemFromJsonLine(line, 1);
    expect({ ...back, b: { B: Uint8Array.from(back.b?.B ?? []) } }).toEqual({
      ...item,
      bs: { BS: [Buffer.from([7]), Buffer.from([])] },
    });
  });

  it.each([
    ['not json', 'line 4: not JSON'],
    ['{"Items":{}}', 'line 4: expected {"Item":{...}}'],
    ['{"Item":{"PK":{"S":"A"}}}', 'line 4: the item has no string PK and SK'],
    ['{"Item":{"PK":{"S":"A"},"SK":{"N":"x"}}}', 'line 4: attribute SK: not a DynamoDB JSON attribute value'],
    ['{"Item":{"PK":{"S":"A"},"SK":{"S":"B"},"x":{"S":"a","N":"1"}}}', 'line 4: attribute x:'],
    ['{"Item":{"PK":{"S":"A"},"SK":{"S":"B"},"x":{"L":[{"Z":1}]}}}', 'line 4: attribute x:'],
  ])('refuses %s', (line, message) => {
    expect(() => itemFromJsonLine(line, 4)).toThrow(message);
  });
});
