/**
 * A paragraph's sentences, display and matching text, sliced from the paragraph by its sentence ends when first
 * asked for and remembered while the paragraph lives.
 */
import type { Paragraph, Sentence } from './types.ts';

const cache = new WeakMap<Paragraph, Sentence[]>();

export function sentencesOf(p: Paragraph): Sentence[] {
  let sentences = cache.get(p);
  if (sentences) return sentences;
  sentences = [];
  let display = 0;
  let normalized = 0;
  for (const [displayEnd, normalizedEnd] of p.sentenceEnds) {
    const text = p.display.slice(display, displayEnd).trim();
    const match = p.normalized.slice(normalized, normalizedEnd).trim();
    if (text) sentences.push({ display: text, normalized: match });
    display = displayEnd;
    normalized = normalizedEnd;
  }
  cache.set(p, sentences);
  return sentences;
}
