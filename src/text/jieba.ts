/**
 * The one door to nodejieba. Its dictionary is global to the process, so user words (zone names, measures)
 * are added here and remembered, which lets a snapshot restore exactly the dictionary it was built with.
 */
import nodejieba from 'nodejieba';

const userWords = new Set<string>();

export interface TaggedToken {
  word: string;
  tag: string;
}

export function cut(text: string): string[] {
  return nodejieba.cut(text, true);
}

export function tag(text: string): TaggedToken[] {
  return nodejieba.tag(text);
}

/** Adds words to the segmentation dictionary so that, e.g., `济北` stays one token. Idempotent. */
export function addUserWords(words: Iterable<string>): void {
  for (const word of words) {
    if (!word || userWords.has(word) || /\s/u.test(word)) continue;
    nodejieba.insertWord(word);
    userWords.add(word);
  }
}

export function userWordList(): string[] {
  return [...userWords];
}
