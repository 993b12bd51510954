/**
 * Finds many known phrases (zone names, measure variants) in a text in one pass: phrases are grouped by their
 * first character, so each position of the text is compared only with the phrases that could start there.
 * Longest match first, matches do not overlap — `济南济北经济开发区` is one match, not also `济北`.
 */
export class PhraseMatcher<T> {
  /** Keyed by the first UTF-16 unit's code: a number key spares a one-character string per text position. */
  private readonly byFirstUnit = new Map<number, { phrase: string; value: T }[]>();

  constructor(entries: Iterable<[phrase: string, value: T]>) {
    for (const [phrase, value] of entries) {
      if (!phrase) continue;
      const first = phrase.charCodeAt(0);
      const list = this.byFirstUnit.get(first) ?? [];
      list.push({ phrase, value });
      this.byFirstUnit.set(first, list);
    }
    for (const list of this.byFirstUnit.values()) list.sort((a, b) => b.phrase.length - a.phrase.length);
  }

  /** The longest phrase starting at `i`, if any. */
  private matchAt(text: string, i: number): { phrase: string; value: T } | undefined {
    const candidates = this.byFirstUnit.get(text.charCodeAt(i));
    if (!candidates) return undefined;
    for (const c of candidates) if (text.startsWith(c.phrase, i)) return c;
    return undefined;
  }

  /** Every non-overlapping match, left to right. */
  findAll(text: string): { phrase: string; value: T; start: number }[] {
    const found: { phrase: string; value: T; start: number }[] = [];
    for (let i = 0; i < text.length; ) {
      const match = this.matchAt(text, i);
      if (match) {
        found.push({ phrase: match.phrase, value: match.value, start: i });
        i += match.phrase.length;
      } else i++;
    }
    return found;
  }

  /** How often each value is matched in the text. */
  count(text: string): Map<T, number> {
    const counts = new Map<T, number>();
    for (let i = 0; i < text.length; ) {
      const match = this.matchAt(text, i);
      if (match) {
        counts.set(match.value, (counts.get(match.value) ?? 0) + 1);
        i += match.phrase.length;
      } else i++;
    }
    return counts;
  }
}
