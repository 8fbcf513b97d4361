// The most frequent Azerbaijani surnames and first names. A roster member bearing one of them has
// namesakes in the news, so the matcher weighs what the text says about the person (see
// namesake-rules.ts) unless the roster sets `commonName` itself. Written in Azerbaijani Latin; the
// matcher folds them to skeletons, where the Russian and English renderings meet them
// (Məmmədov, Mammadov, Mamedov, Мамедов).
import { latinToken, nameWords } from './name-variants.ts';

/** Surnames carried by the most people in Azerbaijan. */
export const COMMON_SURNAMES: readonly string[] = `
Məmmədov Əliyev Həsənov Hüseynov Quliyev İsmayılov Abbasov Bağırov Cəfərov Qasımov Rzayev Musayev
Babayev Kərimov Mustafayev Əhmədov Nəsirov Rəhimov Sadıqov Orucov Süleymanov İbrahimov Vəliyev
Nağıyev Zeynalov Novruzov Hacıyev Əsədov Allahverdiyev Rüstəmov Məhərrəmov Səfərov Salahov Qurbanov
Həmidov Şükürov Cəlilov Əsgərov Paşayev Xəlilov Yusifov Məmmədli Həsənli Əliyeva Məmmədova
`
  .split(/\s+/)
  .filter(Boolean);

/** First names given most often in Azerbaijan. */
export const COMMON_FIRST_NAMES: readonly string[] = `
Əli Məhəmməd Hüseyn Həsən Elçin Elnur Rəşad Orxan Anar Tural Kamran Vüqar Fərid Ramil Samir Nicat
Ruslan Emin Mübariz İlham Natiq Vaqif Zaur Elşən Fuad Rövşən Şahin Tofiq Yusif Cavid Azər İlqar
Pərviz Sahib Rauf Vüsal Kamal Aydın Elxan Ceyhun Aqil Nurlan Rəhim Murad İbrahim Rasim Rafiq Əhməd
Aynur Günel Leyla Sevinc Nigar Aysel Gülnar Səbinə Nərmin Könül Ülviyyə Aygün Gülnarə Samirə
`
  .split(/\s+/)
  .filter(Boolean);

/** Skeletons of words in every ə spelling (Məmmədov: mamedov, memedov, …). */
export const skeletonSet = (words: string[]): Set<string> =>
  new Set(words.flatMap((word) => latinToken(word, false).map((token) => token.stem)));
const COMMON_SURNAME_SKELETONS = skeletonSet([...COMMON_SURNAMES]);
const COMMON_FIRST_SKELETONS = skeletonSet([...COMMON_FIRST_NAMES]);

/** Whether the person's first name or surname, in any of the roster's spellings, is a common one. */
export function hasCommonName(names: string[]): boolean {
  return names.some((name) => {
    const words = nameWords(name);
    if (words.length < 2) return false;
    return (
      COMMON_FIRST_SKELETONS.has(words[0]?.sk ?? '') || COMMON_SURNAME_SKELETONS.has(words.at(-1)?.sk ?? '')
    );
  });
}
