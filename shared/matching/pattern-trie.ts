// The compiled roster: a trie over skeleton words, where each edge is a stem plus the endings it may
// take. Text words are split into stem and ending by hash lookups, so the cost per word does not
// depend on how many people the roster holds.

/** The ending is allowed on a word in Latin script. */
export const LATIN_OK = 1;
/** The ending is allowed on a word in Cyrillic script. */
export const CYRILLIC_OK = 2;
/** The ending makes a surname look feminine (Azerbaijani dative Məmmədova); see the matcher's rules. */
export const DATIVE = 4;

/** How a pattern names its entity, which decides the checks a hit must pass. */
export type PatternKind =
  | 'full'
  | 'surname-first'
  | 'initial'
  | 'initial-after'
  | 'surname'
  | 'alias'
  | 'organisation'
  | 'context';

/** One word slot of a pattern: a skeleton stem and its allowed skeleton endings. */
export interface TokenSpec {
  stem: string;
  endings: Map<string, number>;
  /** An initial: one or two letters followed by a full stop in the text. */
  initial?: boolean;
}

/** A pattern to compile: alternatives per slot, expanded into every combination. */
export interface PatternSpec {
  ref: number;
  kind: PatternKind;
  slots: TokenSpec[][];
  /** After slot 0 the text may carry a patronymic (Kərim oğlu, Керимович) before the next slot. */
  patronymicAfterFirst?: boolean;
  /** After slot 0 (an initial) the text may carry a second initial (A.K. Allahveranov). */
  secondInitialAfterFirst?: boolean;
}

/** What ends at a trie node. */
export interface Terminal {
  ref: number;
  kind: PatternKind;
}

/** An edge: a stem with its endings, leading to the next node. */
export interface Edge {
  endings: Map<string, number>;
  initial: boolean;
  next: TrieNode;
}

/** A trie node. */
export interface TrieNode {
  children: Map<string, Edge[]>;
  terminals: Terminal[];
  skipPatronymic: boolean;
  skipInitial: boolean;
}

/** The compiled patterns with the lookup sets for splitting words and the fast word filter. */
export interface PatternIndex {
  root: TrieNode;
  stems: Set<string>;
  suffixes: Set<string>;
  maxSuffix: number;
  /** Words of four skeleton bytes or more: 1 when some pattern's first word starts with these four bytes. */
  prefix4: Uint8Array;
  /** Words shorter than four bytes: 1 when some pattern's first word is exactly this. */
  short: Uint8Array;
}

const newNode = (): TrieNode => ({
  children: new Map(),
  terminals: [],
  skipPatronymic: false,
  skipInitial: false,
});

/** Five-bit code of a skeleton byte, for the prefix tables. */
export const code5 = (byte: number): number => (byte >= 97 && byte <= 122 ? byte - 96 : byte <= 57 ? 27 : 28);

/** Table index of a word's first four bytes, or of the whole word when shorter. */
export function wordKey(word: string): number {
  let key = 0;
  for (let i = 0; i < Math.min(4, word.length); i++) key = key * 32 + code5(word.charCodeAt(i));
  return key;
}

const signature = (token: TokenSpec): string =>
  `${token.stem}|${token.initial ? 1 : 0}|${[...token.endings].map(([end, flags]) => `${end}:${flags}`).join(',')}`;

/** Builds the trie and lookup tables from pattern specs. */
export function buildPatternIndex(specs: PatternSpec[]): PatternIndex {
  const root = newNode();
  const stems = new Set<string>();
  const suffixes = new Set<string>();
  const prefix4 = new Uint8Array(1 << 20);
  const short = new Uint8Array(1 << 15);
  const edgeKeys = new WeakMap<TrieNode, Map<string, Edge>>();

  const addEdge = (node: TrieNode, token: TokenSpec): TrieNode => {
    const keys = edgeKeys.get(node) ?? new Map<string, Edge>();
    edgeKeys.set(node, keys);
    const key = signature(token);
    const existing = keys.get(key);
    if (existing) return existing.next;
    const edge: Edge = { endings: token.endings, initial: token.initial ?? false, next: newNode() };
    keys.set(key, edge);
    node.children.set(token.stem, [...(node.children.get(token.stem) ?? []), edge]);
    stems.add(token.stem);
    for (const ending of token.endings.keys()) {
      if (ending) suffixes.add(ending);
      // Only a pattern's first word starts a walk; later words are looked up from the trie itself.
      if (node !== root) continue;
      const word = token.stem + ending;
      if (word.length >= 4) prefix4[wordKey(word)] = 1;
      else short[wordKey(word)] = 1;
    }
    return edge.next;
  };

  const insert = (spec: PatternSpec, node: TrieNode, slot: number): void => {
    if (slot === spec.slots.length) {
      if (!node.terminals.some((t) => t.ref === spec.ref && t.kind === spec.kind)) {
        node.terminals.push({ ref: spec.ref, kind: spec.kind });
      }
      return;
    }
    for (const token of spec.slots[slot] ?? []) {
      const next = addEdge(node, token);
      if (slot === 0 && spec.patronymicAfterFirst) next.skipPatronymic = true;
      if (slot === 0 && spec.secondInitialAfterFirst) next.skipInitial = true;
      insert(spec, next, slot + 1);
    }
  };

  for (const spec of specs) insert(spec, root, 0);
  const maxSuffix = Math.max(0, ...[...suffixes].map((s) => s.length));
  return { root, stems, suffixes, maxSuffix, prefix4, short };
}
