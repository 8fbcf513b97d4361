// Sentences of a text, found only when a namesake rule needs them: which sentence an offset falls
// in, and whether a sentence names some other person.

// Sentence ends: punctuation before a space, a line break, or a block tag. A capital letter or two
// before the dot is an initial or an abbreviation (A. Allahveranov, Dr.), not an end.
const BOUNDARY = /([.!?…]+)["'»”)\]]*\s+|\n|<\/?(?:p|br|div|li|h\d|tr|td)\b[^>]*>/giu;
// Two capitalised words in a row: a person's name, as far as this rule needs to know.
const NAME_PAIR = /(?<!\p{L})\p{Lu}\p{Ll}+[ \u00a0]+\p{Lu}\p{Ll}+(?!\p{L})/gu;

/** The sentences of one text, computed on first use. */
export class Sentences {
  #starts: number[] | undefined;

  constructor(private readonly text: string) {}

  /** Offsets where sentences start. */
  get starts(): number[] {
    if (this.#starts) return this.#starts;
    const starts = [0];
    for (const match of this.text.matchAll(BOUNDARY)) {
      const at = match.index ?? 0;
      if (match[1] && /(?<!\p{L})\p{Lu}\p{Ll}?$/u.test(this.text.slice(Math.max(0, at - 3), at))) continue;
      starts.push(at + match[0].length);
    }
    this.#starts = starts;
    return starts;
  }

  /** The index of the sentence holding offset `at`. */
  indexOf(at: number): number {
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= at) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** The offsets of sentences `from..to`, clipped to the text. */
  range(from: number, to: number): [number, number] {
    const starts = this.starts;
    return [starts[Math.max(0, from)] ?? 0, starts[to + 1] ?? this.text.length];
  }

  /** True when sentence `index` holds a capitalised name outside the `skip` spans. */
  namesSomeoneElse(index: number, skip: { start: number; end: number }[]): boolean {
    const [from, to] = this.range(index, index);
    for (const match of this.text.slice(from, to).matchAll(NAME_PAIR)) {
      const start = from + (match.index ?? 0);
      const end = start + match[0].length;
      if (!skip.some((span) => span.start < end && start < span.end)) return true;
    }
    return false;
  }
}
