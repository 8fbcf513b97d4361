// Shared pieces of the property-based tests: a bound on how long one call may take, and text that
// looks like what hostile feeds and clients send.
import fc from 'fast-check';

/** Resolves to the call's outcome, or rejects when it takes longer than `ms` (a hang). */
export async function within<T>(ms: number, call: () => Promise<T> | T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([Promise.resolve().then(call), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Fragments that parsers find awkward: markup, entities, quotes, surrogates, Azerbaijani and Cyrillic. */
export const awkwardFragment = fc.constantFrom(
  '<',
  '>',
  '&',
  '&amp;',
  '&#0;',
  '&#xD800;',
  '&nbsp;',
  ']]>',
  '<![CDATA[',
  '<!--',
  '-->',
  '<!DOCTYPE x [<!ENTITY e "e">]>',
  '<item>',
  '</item>',
  '<entry>',
  '<link>',
  '</channel>',
  '"',
  "'",
  '\u0000',
  '\uD800',
  '\uFEFF',
  '\r\n',
  'ə',
  'İ',
  'Ш',
  '{',
  '}',
  '[',
  ']',
  'null',
  '%',
  '?',
  '#',
);

/** A string built from awkward fragments and arbitrary text. */
export const awkwardText = fc
  .array(
    fc.oneof(awkwardFragment, fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 })),
    {
      maxLength: 30,
    },
  )
  .map((parts) => parts.join(''));

/** `text` changed at a few random places: a slice cut, replaced or repeated. */
export function mutated(text: string) {
  const edit = fc.record({
    at: fc.nat({ max: text.length }),
    length: fc.nat({ max: 40 }),
    kind: fc.constantFrom('cut', 'insert', 'repeat'),
    insert: awkwardText,
  });
  return fc.array(edit, { minLength: 1, maxLength: 5 }).map((edits) =>
    edits.reduce((current, { at, length, kind, insert }) => {
      const start = Math.min(at, current.length);
      const end = Math.min(current.length, start + length);
      if (kind === 'cut') return current.slice(0, start) + current.slice(end);
      if (kind === 'insert') return current.slice(0, start) + insert + current.slice(start);
      return current.slice(0, end) + current.slice(start, end) + current.slice(end);
    }, text),
  );
}
