/**
 * Matched terms are underlined as whole words: a mark that starts or ends inside a word (`今[年]8月`, `[2024年]度`)
 * is widened to the words it touches, so that no underline cuts a word in two. Words are jieba's, as the index
 * segments text; marks that meet or overlap after widening become one.
 */
import type { Marks } from '../page.ts';
import { cut } from '../text/jieba.ts';

export function wholeWordMarks(text: string, marks: Marks): Marks {
  if (marks.length === 0) return marks;
  const words = cut(text);
  if (words.join('') !== text) return marks; // segmentation that does not cover the text: keep the marks as they are
  const bounds = [0];
  for (const word of words) bounds.push(bounds.at(-1)! + word.length);
  const widened: Marks = [];
  for (const [start, end] of [...marks].sort((a, b) => a[0] - b[0])) {
    const from = bounds.filter((b) => b <= start).at(-1) ?? 0;
    const to = bounds.find((b) => b >= end) ?? text.length;
    const last = widened.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else widened.push([from, to]);
  }
  return widened;
}
