// Russian declension of names and of the words of an organisation's name: a stem and the endings it
// takes in the six singular cases. Feminine surname endings are never offered for a masculine stem
// (Мамедовой is someone else), and the reverse.

/** A stem and the endings that complete it. */
export interface Paradigm {
  stem: string;
  endings: string[];
}

const cut = (word: string, length: number, endings: string[]): Paradigm => ({
  stem: word.slice(0, word.length - length),
  endings,
});

/** The forms of a Russian first name (Азер: Азера, Азеру, Азером, Азере). */
export function ruFirstNameParadigm(word: string): Paradigm {
  const lower = word.toLowerCase();
  if (/[йь]$/.test(lower)) return cut(lower, 1, [lower.slice(-1), 'я', 'ю', 'ем', 'е']);
  if (/а$/.test(lower)) return cut(lower, 1, ['а', 'ы', 'и', 'е', 'у', 'ой']);
  if (/я$/.test(lower)) return cut(lower, 1, ['я', 'и', 'е', 'ю', 'ей']);
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(lower)) return cut(lower, 0, ['', 'а', 'у', 'ом', 'ем', 'е']);
  return cut(lower, 0, ['']);
}

/** The forms of a Russian surname, masculine or feminine as spelled (Мамедов: -а, -у, -ым, -е). */
export function ruSurnameParadigm(word: string): Paradigm {
  const lower = word.toLowerCase();
  if (/(ов|ев|ёв|ин|ын)$/.test(lower)) return cut(lower, 0, ['', 'а', 'у', 'ым', 'е']);
  if (/(ова|ева|ёва|ина|ына)$/.test(lower)) return cut(lower, 1, ['а', 'ой', 'у']);
  if (/(ский|цкий)$/.test(lower)) return cut(lower, 2, ['ий', 'ого', 'ому', 'им', 'ом']);
  if (/(ская|цкая)$/.test(lower)) return cut(lower, 2, ['ая', 'ой', 'ую']);
  // Azerbaijani surnames in -ли, -заде and the like do not decline; other consonants do, as nouns.
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(lower)) return cut(lower, 0, ['', 'а', 'у', 'ом', 'е']);
  return cut(lower, 0, ['']);
}

/** The forms of one word of an organisation's name: adjectives and nouns of either gender. */
export function ruWordParadigm(word: string): Paradigm {
  const lower = word.toLowerCase();
  if (/[ыио]й$/.test(lower))
    return cut(lower, 2, ['ый', 'ий', 'ой', 'ого', 'его', 'ому', 'ему', 'ым', 'им', 'ом', 'ем']);
  if (/[ая]я$/.test(lower)) return cut(lower, 2, ['ая', 'яя', 'ой', 'ей', 'ую', 'юю']);
  if (/ия$/.test(lower)) return cut(lower, 1, ['я', 'и', 'ю', 'ей']);
  if (/а$/.test(lower)) return cut(lower, 1, ['а', 'ы', 'и', 'е', 'у', 'ой']);
  if (/ь$/.test(lower)) return cut(lower, 1, ['ь', 'я', 'ю', 'ем', 'е', 'и', 'ью']);
  if (/[ое]$/.test(lower)) return cut(lower, 1, ['о', 'е', 'а', 'у', 'ом']);
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(lower)) return cut(lower, 0, ['', 'а', 'у', 'ом', 'е']);
  return cut(lower, 0, ['']);
}

/** Prepositions that end the declinable head of a Russian organisation name (совет при ...). */
export const RU_PREPOSITIONS = new Set(['при', 'под', 'в', 'во', 'на', 'у', 'по', 'для']);
