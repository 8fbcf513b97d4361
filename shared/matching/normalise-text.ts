// Folds a text into the matching skeleton in one pass, keeping for every skeleton byte the UTF-16
// range it came from, so a match found in the skeleton maps back to the original text exactly.
import { foldTable, LETTER, SEP, SPECIAL, ZERO } from './fold-table.ts';

/** A text folded into skeleton bytes and words; the arrays are valid until the next call. */
export interface NormalisedText {
  text: string;
  sk: Uint8Array;
  origStart: Int32Array;
  origEnd: Int32Array;
  wordStart: Int32Array;
  wordEnd: Int32Array;
  wordCount: number;
}

const H = 104;
const C = 99;
const D = 100;
// Digraphs of English and Russian transliteration meet the Azerbaijani letter: sh/ş, ch/ç, zh/j, kh/x, gh/ğ.
const BEFORE_H: Record<number, number> = { 115: 115, 99: 99, 122: 99, 107: 104, 103: 103 };
const BLOCK_TAGS = new Set(
  'p br div li ul ol h1 h2 h3 h4 h5 h6 tr td th table section article header footer blockquote hr title figure figcaption dd dt'.split(
    ' ',
  ),
);

let sk = new Uint8Array(1024);
let origStart = new Int32Array(1024);
let origEnd = new Int32Array(1024);
let wordStart = new Int32Array(512);
let wordEnd = new Int32Array(512);

function ensureCapacity(length: number): void {
  const need = length * 2 + 8;
  if (sk.length >= need) return;
  sk = new Uint8Array(need);
  origStart = new Int32Array(need);
  origEnd = new Int32Array(need);
  wordStart = new Int32Array(length + 8);
  wordEnd = new Int32Array(length + 8);
}

/** How a markup tag at `at` behaves (block tags break words, inline tags do not), and where it ends. */
function readTag(text: string, at: number): { end: number; kind: number } | undefined {
  const next = text.charCodeAt(at + 1);
  const isStart = (next >= 97 && next <= 122) || (next >= 65 && next <= 90) || next === 47 || next === 33;
  if (!isStart) return undefined;
  const limit = Math.min(text.length, at + 300);
  for (let i = at + 1; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (code === 60) return undefined;
    if (code !== 62) continue;
    const name = /^<\/?([a-zA-Z0-9]+)/.exec(text.slice(at, i + 1))?.[1]?.toLowerCase() ?? '';
    return { end: i, kind: BLOCK_TAGS.has(name) ? SEP : ZERO };
  }
  return undefined;
}

/** An HTML entity at `at`: soft hyphens stay inside the word, anything else separates. */
function readEntity(text: string, at: number): { end: number; kind: number } | undefined {
  const match = /^&(#x?[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/.exec(text.slice(at, at + 12));
  if (!match) return undefined;
  const name = match[1]?.toLowerCase();
  const kind = name === 'shy' || name === '#173' || name === '#xad' ? ZERO : SEP;
  return { end: at + match[0].length - 1, kind };
}

/** A hyphen that breaks a word at a line end ("Allahvera-\nnov") joins the halves. */
function readLineBreakHyphen(text: string, at: number): { end: number; kind: number } | undefined {
  let i = at + 1;
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (text[i] === '\r') i++;
  if (text[i] !== '\n') return undefined;
  i++;
  while (text[i] === ' ' || text[i] === '\t') i++;
  const next = text[i] ?? '';
  const isLowerLetter = (foldTable()[next.charCodeAt(0)] ?? 0) & LETTER && next !== next.toUpperCase();
  return isLowerLetter ? { end: i - 1, kind: ZERO } : undefined;
}

/** Folds `text` into skeleton bytes and words, with exact UTF-16 offsets per byte. */
export function normaliseText(text: string): NormalisedText {
  const length = text.length;
  ensureCapacity(length);
  let m = 0;
  let words = 0;
  let inWord = false;
  let first = 0;
  const folds = foldTable();

  const emit = (byte: number, start: number, end: number): void => {
    if (m > first) {
      const prev = sk[m - 1] as number;
      const merged = byte === H ? BEFORE_H[prev] : byte === C && prev === D ? C : undefined;
      if (byte === prev || merged !== undefined) {
        // A doubled letter (Məmmədov/Mamedov) or a digraph collapses into the byte already written.
        if (merged !== undefined) sk[m - 1] = merged;
        origEnd[m - 1] = end;
        if (merged === C && m - 2 >= first && sk[m - 2] === D) {
          sk[m - 2] = C; // "dzh" and "дж" arrive as d + zh.
          origEnd[m - 2] = end;
          m--;
        }
        return;
      }
    }
    sk[m] = byte;
    origStart[m] = start;
    origEnd[m] = end;
    m++;
  };
  const closeWord = (): void => {
    if (!inWord) return;
    inWord = false;
    wordStart[words] = first;
    wordEnd[words] = m;
    words++;
  };

  for (let i = 0; i < length; i++) {
    const fold = folds[text.charCodeAt(i)] as number;
    let kind = fold & 3;
    if (kind === SPECIAL) {
      const code = text.charCodeAt(i);
      const special =
        code === 60
          ? readTag(text, i)
          : code === 38
            ? readEntity(text, i)
            : inWord
              ? readLineBreakHyphen(text, i)
              : undefined;
      kind = special?.kind ?? SEP;
      if (special) i = special.end;
    }
    if (kind === LETTER) {
      if (!inWord) {
        inWord = true;
        first = m;
      }
      emit((fold >> 8) & 255, i, i + 1);
      const second = fold >>> 16;
      if (second) emit(second, i, i + 1);
    } else if (kind === SEP) {
      closeWord();
    }
  }
  closeWord();
  return { text, sk, origStart, origEnd, wordStart, wordEnd, wordCount: words };
}

/** The skeleton of word `index` as a string. */
export function wordText(norm: NormalisedText, index: number): string {
  const start = norm.wordStart[index] as number;
  const end = norm.wordEnd[index] as number;
  let out = '';
  for (let i = start; i < end; i++) out += String.fromCharCode(norm.sk[i] as number);
  return out;
}

/** The UTF-16 range of word `index` in the original text. */
export function wordRange(norm: NormalisedText, index: number): [number, number] {
  return [
    norm.origStart[norm.wordStart[index] as number] as number,
    norm.origEnd[(norm.wordEnd[index] as number) - 1] as number,
  ];
}

/** The words of a short phrase, each with its skeleton and its original spelling. */
export function skeletonWords(phrase: string): { sk: string; original: string }[] {
  const norm = normaliseText(phrase);
  const out: { sk: string; original: string }[] = [];
  const folds = foldTable();
  for (let w = 0; w < norm.wordCount; w++) {
    const [start, wordEnd] = wordRange(norm, w);
    // A final letter that folds to nothing (the ь of Игорь) still belongs to the word as written.
    let end = wordEnd;
    while (end < phrase.length && ((folds[phrase.charCodeAt(end)] as number) & 3) === ZERO) end++;
    out.push({ sk: wordText(norm, w), original: phrase.slice(start, end) });
  }
  return out;
}
