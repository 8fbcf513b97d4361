// Drops the mappings of bundled packages from a source map, keeping those of the project's own
// sources. Node parses a whole map the first time any stack is formatted, and the packages' part
// is most of it; frames inside packages then show the built file's position instead.
// Format: Source Map Revision 3 (https://tc39.es/ecma426/), "mappings" in base64 VLQ.

const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const digitValue = new Map([...digits].map((char, index) => [char, index]));

/** The numbers of one VLQ segment (each: 5 data bits a digit, continuation bit 32, sign in bit 0). */
function decodeSegment(text) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = digitValue.get(char);
    if (digit === undefined) throw new Error(`invalid base64 VLQ digit "${char}"`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

function encodeValue(value) {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let text = '';
  do {
    let digit = rest & 31;
    rest >>>= 5;
    if (rest > 0) digit |= 32;
    text += digits[digit];
  } while (rest > 0);
  return text;
}

/** A copy of `map` keeping only segments whose source satisfies `keepSource(path)`. */
export function trimSourceMap(map, keepSource) {
  const keep = map.sources.map((source) => keepSource(source));
  // Absolute values of the fields that are relative across the whole map.
  const read = { source: 0, line: 0, column: 0, name: 0 };
  const written = { source: 0, line: 0, column: 0, name: 0 };
  const lines = map.mappings.split(';').map((line) => {
    let readColumn = 0;
    let writtenColumn = 0;
    const kept = [];
    for (const segment of line ? line.split(',') : []) {
      const [column, source, origLine, origColumn, name] = decodeSegment(segment);
      readColumn += column;
      if (source === undefined) continue;
      read.source += source;
      read.line += origLine;
      read.column += origColumn;
      if (name !== undefined) read.name += name;
      if (!keep[read.source]) continue;
      let text = encodeValue(readColumn - writtenColumn) + encodeValue(read.source - written.source);
      text += encodeValue(read.line - written.line) + encodeValue(read.column - written.column);
      if (name !== undefined) {
        text += encodeValue(read.name - written.name);
        written.name = read.name;
      }
      writtenColumn = readColumn;
      Object.assign(written, { source: read.source, line: read.line, column: read.column });
      kept.push(text);
    }
    return kept.join(',');
  });
  return { ...map, mappings: lines.join(';') };
}
