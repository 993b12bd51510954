/**
 * Questions that set something aside (除了责任意识，还让各部门强化哪种意识): what they name after 除了 is not the
 * answer. The sentence that names it is often the one the question's words match best; the answer is another, or
 * another part of that sentence (效率最大化、效果最优化 for 除了图效率，还想让效果咋样).
 */
import { queryTerms } from './tokenize.ts';

/** 除了 X, then the part that asks (还, 也, 又, 另外 …). */
const BESIDES = /除了(.{1,16}?)(?:之外|以外|外)?[，,\s]*(?:还|也|又|另外)/u;

/** The words the set-aside part names that the rest of the question does not: they are no answer's words. */
export function setAsideWords(normalizedQuestion: string): string[] {
  const m = BESIDES.exec(normalizedQuestion);
  if (!m) return [];
  const rest = new Set(queryTerms(normalizedQuestion.slice(0, m.index) + normalizedQuestion.slice(m.index + m[0].length)).words);
  return queryTerms(m[1]!).words.filter((w) => w.length >= 2 && !rest.has(w));
}

/** A sentence with the set-aside words blanked out, to judge what else it says. */
export function withoutWords(sentence: string, words: string[]): string {
  let text = sentence;
  for (const w of words) text = text.split(w).join(' ');
  return text;
}

/** Whether a set-aside word is an item of a list in the sentence, a 、 beside it. */
export function inList(sentence: string, words: string[]): boolean {
  return words.some((w) => {
    for (let at = sentence.indexOf(w); at >= 0; at = sentence.indexOf(w, at + 1)) {
      const before = sentence.slice(Math.max(0, at - 6), at);
      const after = sentence.slice(at + w.length, at + w.length + 6);
      if (/、[^，,。；;、]*$/u.test(before) || /^[^，,。；;、]*、/u.test(after)) return true;
    }
    return false;
  });
}
