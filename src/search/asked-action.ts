/**
 * How-questions (怎么对接, 如何缩短, 会咋处理): the verb right after the question word is what is asked about, so the
 * sentence that says it (…的严肃处理) answers before one that shares only the question's other words (干部,
 * 营商环境), which set the scene.
 */
import { isStopWord } from './tokenize.ts';

const HOW = new Set(['怎么', '怎样', '如何', '咋', '怎']);

/** The verb a how-question asks about: the word right after its question word, if it is a word of two characters or more. */
export function askedAction(tokens: string[]): string | undefined {
  const at = tokens.findIndex((token) => HOW.has(token));
  const next = at >= 0 ? tokens[at + 1] : undefined;
  return next && next.length >= 2 && !isStopWord(next) ? next : undefined;
}
