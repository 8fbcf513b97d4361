// Azerbaijani case and possessive endings of a name, chosen by vowel harmony and joined with the
// buffer consonants n, y and s after a vowel (Allahverənovun, Rəhimliyə, İctimai Şurasının).

const FRONT = new Set(['e', 'ə', 'i', 'ö', 'ü']);
const FOUR_WAY: Record<string, string> = {
  a: 'ı',
  ı: 'ı',
  o: 'u',
  u: 'u',
  e: 'i',
  ə: 'i',
  i: 'i',
  ö: 'ü',
  ü: 'ü',
};

/** Lower-cases with the Azerbaijani dotted İ and dotless I. */
export function azLower(word: string): string {
  return word.replace(/İ/g, 'i').replace(/I/g, 'ı').toLowerCase();
}

/**
 * The endings a word may carry in Azerbaijani text, spelled to follow its last vowel. The plural
 * (-lar, -lər) only with `plural`: on a person's name it names the family (Allahverənovlar).
 */
export function azEndings(word: string, plural = true): string[] {
  const lower = azLower(word);
  const vowels = [...lower].filter((char) => char in FOUR_WAY);
  const last = vowels.at(-1) ?? 'a';
  const i = FOUR_WAY[last] ?? 'ı';
  const a = FRONT.has(last) ? 'ə' : 'a';
  const endsInVowel = (lower.at(-1) ?? '') in FOUR_WAY;
  const n = endsInVowel ? 'n' : '';
  const y = endsInVowel ? 'y' : '';
  const s = endsInVowel ? 's' : '';
  const cases = [`${n}${i}n`, `${n}${i}`, `${y}${a}`, `d${a}`, `d${a}n`, `${y}l${a}`, `d${a}k${i}`, `d${i}r`];
  // The possessive (Şurası) takes its own case endings with the pronominal n (Şurasının, Şurasına).
  const possessive = `${s}${i}`;
  const possessiveCases = [`n${i}n`, `n${i}`, `n${a}`, `nd${a}`, `nd${a}n`, `yl${a}`].map(
    (end) => possessive + end,
  );
  // A name already spelled with its possessive (İctimai Şurası) takes the pronominal n directly.
  const pronominal = endsInVowel ? [`n${a}`, `nd${a}`, `nd${a}n`] : [];
  const plurals = plural ? [`l${a}r`, `l${a}r${i}`] : [];
  return [...new Set([...cases, possessive, ...possessiveCases, ...pronominal, ...plurals])];
}

/**
 * The Azerbaijani dative of a Slavic-style surname (Məmmədov + a) is spelled like the feminine
 * surname, so the matcher accepts it only with the first name or in Azerbaijani text.
 */
export function isDativeLikeFeminine(word: string, ending: string): boolean {
  return (ending === 'a' || ending === 'ə') && /(ov|ev|yev|in)$/.test(azLower(word));
}
