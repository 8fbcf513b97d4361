// The ways outlets write an organisation that sits under a parent body, derived from its names the
// way a person's inflections are: the council and its parent joined by any connector of the language
// (Public Council within the SMS, the SMS's Public Council; Общественный совет в составе ГМС, при ГМС
// Общественный совет; DMX nəzdində İctimai Şura, DMX-nin İctimai Şurası). Every form keeps the
// parent, so another body's council never matches.
import { cyrillicToken, latinToken, nameWords } from './name-variants.ts';
import type { TokenSpec } from './pattern-trie.ts';
import { ruWordParadigm } from './ru-declension.ts';

type Slots = TokenSpec[][];

const EN_CONNECTORS = ['under', 'of', 'at', 'within', 'attached to', 'affiliated with', 'by', 'in'];
const AZ_CONNECTORS = ['yanında', 'nəzdində', 'tərkibində', 'yanında fəaliyyət göstərən'];
const RU_CONNECTORS = ['при', 'в составе', 'в структуре'];
const EN_SPLIT = /^(.+?)\s+(under|of|at|within|attached to|affiliated with|by)\s+(.+)$/iu;
const AZ_SPLIT = /^(.+?)\s+(yanında|nəzdində|tərkibində)\s+(.+)$/iu;
const RU_SPLIT = /^(.+?)\s+(при|в составе)\s+(.+)$/iu;
// Azerbaijani genitive written after a hyphen on an abbreviation (DMX-nin): a word of its own.
const AZ_GENITIVE_WORDS = ['nin', 'nın', 'in', 'ın', 'un', 'nun', 'ün', 'nün'];

const ADJECTIVE = /(ого|его|ому|ему|ой|ый|ий|ая|яя|ое|ее|ым|им|ую|юю|ых|их)$/u;
const ADJECTIVE_ENDINGS = 'ый ий ой ая яя ое ее ого его ому ему ым им ую юю ых их'.split(' ');
const NOUN_ENDINGS = ['', 'а', 'я', 'е', 'ы', 'и', 'у', 'ю', 'ой', 'ей', 'ом', 'ем', 'ою'];

const words = (phrase: string): string[] => nameWords(phrase).map((word) => word.original);
const isCyrillic = (phrase: string): boolean => /[\u0400-\u052f]/u.test(phrase);

/** A Russian word of the parent's name in any case, whichever case the roster spelled it in. */
function ruAnyCase(word: string): TokenSpec[] {
  const lower = word.toLowerCase();
  if (word === word.toUpperCase()) return cyrillicToken({ stem: lower, endings: [''] });
  const adjective = ADJECTIVE.exec(lower);
  if (adjective) return cyrillicToken({ stem: lower.slice(0, adjective.index), endings: ADJECTIVE_ENDINGS });
  return cyrillicToken({ stem: lower.replace(/(ой|ей|ом|ем|ью|[аяеыиуюоьй])$/u, ''), endings: NOUN_ENDINGS });
}

/** Latin slots: fixed words, the last one taking the Azerbaijani endings when `inflectLast`. */
const latinSlots = (phrase: string, inflectLast: boolean): Slots =>
  words(phrase).map((word, i, all) => latinToken(word, inflectLast && i === all.length - 1));

/** The heads (the council) and parents (the Service) the organisation's names are built from. */
function splitNames(names: string[]) {
  const found = {
    en: { heads: new Set<string>(), parents: new Set<string>() },
    az: { heads: new Set<string>(), parents: new Set<string>() },
    ru: { heads: new Set<string>(), parents: new Set<string>() },
  };
  for (const name of names) {
    const ru = RU_SPLIT.exec(name);
    const az = AZ_SPLIT.exec(name);
    const en = EN_SPLIT.exec(name);
    if (isCyrillic(name) && ru) {
      found.ru.heads.add(ru[1] as string);
      found.ru.parents.add(ru[3] as string);
    } else if (az) {
      found.az.parents.add(az[1] as string);
      found.az.heads.add(az[3] as string);
    } else if (en) {
      found.en.heads.add(en[1] as string);
      found.en.parents.add((en[3] as string).replace(/^the\s+/iu, ''));
    }
  }
  // "SMS Public Council": a name ending in a known head names its parent before it.
  for (const name of names) {
    for (const head of found.en.heads) {
      if (name !== head && name.endsWith(` ${head}`) && !EN_SPLIT.test(name))
        found.en.parents.add(name.slice(0, -head.length - 1).replace(/^the\s+/iu, ''));
    }
  }
  return found;
}

/** Pattern slots of every derived form of an organisation whose names have a parent. */
export function organisationFormSlots(names: string[]): Slots[] {
  const { en, az, ru } = splitNames(names);
  const forms: Slots[] = [];
  for (const head of en.heads) {
    for (const parent of en.parents) {
      for (const connector of EN_CONNECTORS) {
        forms.push([...latinSlots(`${head} ${connector}`, false), ...latinSlots(parent, true)]);
        forms.push([...latinSlots(`${head} ${connector} the`, false), ...latinSlots(parent, true)]);
      }
      forms.push([...latinSlots(`${parent} s`, false), ...latinSlots(head, true)]);
      forms.push([...latinSlots(parent, false), ...latinSlots(head, true)]);
    }
  }
  const genitive = AZ_GENITIVE_WORDS.flatMap((word) => latinToken(word, false));
  for (const head of az.heads) {
    for (const parent of az.parents) {
      for (const connector of AZ_CONNECTORS)
        forms.push([...latinSlots(`${parent} ${connector}`, false), ...latinSlots(head, true)]);
      forms.push([...latinSlots(parent, true), ...latinSlots(head, true)]);
      forms.push([...latinSlots(parent, false), genitive, ...latinSlots(head, true)]);
    }
  }
  for (const head of ru.heads) {
    const headSlots = words(head).map((word) => cyrillicToken(ruWordParadigm(word)));
    for (const parent of ru.parents) {
      const parentSlots = words(parent).map(ruAnyCase);
      for (const connector of RU_CONNECTORS) {
        const connectorSlots = words(connector).map((word) => cyrillicToken({ stem: word, endings: [''] }));
        forms.push([...headSlots, ...connectorSlots, ...parentSlots]);
        forms.push([...connectorSlots, ...parentSlots, ...headSlots]);
      }
      forms.push([...headSlots, ...parentSlots]);
      forms.push([...parentSlots, ...headSlots]);
    }
  }
  return forms;
}
