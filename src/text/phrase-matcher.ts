/**
 * Finds many known phrases (zone names, measure variants) in a text in one pass: phrases are grouped by their
 * first character, so each position of the text is compared only with the phrases that could start there.
 * Longest match first, matches do not overlap — `济南济北经济开发区` is one match, not also `济北`.
 */
export class PhraseMatcher<T> {
  private readonly byFirstChar = new Map<string, { phrase: string; value: T }[]>();

  constructor(entries: Iterable<[phrase: string, value: T]>) {
    for (const [phrase, value] of entries) {
      if (!phrase) continue;
      const list = this.byFirstChar.get(phrase[0]!) ?? [];
      list.push({ phrase, value });
      this.byFirstChar.set(phrase[0]!, list);
    }
    for (const list of this.byFirstChar.values()) list.sort((a, b) => b.phrase.length - a.phrase.length);
  }

  /** Every non-overlapping match, left to right. */
  findAll(text: string): { phrase: string; value: T; start: number }[] {
    const found: { phrase: string; value: T; start: number }[] = [];
    for (let i = 0; i < text.length; ) {
      const match = this.byFirstChar.get(text[i]!)?.find((c) => text.startsWith(c.phrase, i));
      if (match) {
        found.push({ ...match, start: i });
        i += match.phrase.length;
      } else i++;
    }
    return found;
  }

  /** How often each value is matched in the text. */
  count(text: string): Map<T, number> {
    const counts = new Map<T, number>();
    for (const { value } of this.findAll(text)) counts.set(value, (counts.get(value) ?? 0) + 1);
    return counts;
  }
}
