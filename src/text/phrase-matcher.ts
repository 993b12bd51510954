/**
 * Finds many known phrases (zone names, measure variants) in a text in one pass, with a trie of the phrases
 * keyed by UTF-16 unit: each position of the text walks only as deep as some phrase goes on.
 * Longest match first, matches do not overlap — `济南济北经济开发区` is one match, not also `济北`.
 */
interface TrieNode<T> {
  next?: Map<number, TrieNode<T>>;
  /** The phrase that ends here; the first given wins when the same phrase is given twice. */
  entry?: { phrase: string; value: T };
}

export class PhraseMatcher<T> {
  private readonly root: TrieNode<T> = {};
  /** 1 for each UTF-16 unit that starts a phrase: most positions of a text are rejected by this one look-up. */
  private readonly starts = new Uint8Array(0x10000);

  constructor(entries: Iterable<[phrase: string, value: T]>) {
    for (const [phrase, value] of entries) {
      if (!phrase) continue;
      this.starts[phrase.charCodeAt(0)] = 1;
      let node = this.root;
      for (let i = 0; i < phrase.length; i++) {
        const unit = phrase.charCodeAt(i);
        node.next ??= new Map();
        let child = node.next.get(unit);
        if (!child) node.next.set(unit, (child = {}));
        node = child;
      }
      node.entry ??= { phrase, value };
    }
  }

  /** The longest phrase starting at `i`, if any. */
  private matchAt(text: string, i: number): { phrase: string; value: T } | undefined {
    if (!this.starts[text.charCodeAt(i)]) return undefined;
    let match: { phrase: string; value: T } | undefined;
    let node: TrieNode<T> | undefined = this.root;
    for (let k = i; k < text.length; k++) {
      node = node.next?.get(text.charCodeAt(k));
      if (!node) break;
      if (node.entry) match = node.entry;
    }
    return match;
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
