/**
 * Toneless pinyin of Chinese text, one syllable per character (钢城 → gang, cheng), by pinyin-pro. The library is
 * loaded on first use: building aliases and name indexes needs it, answering from a snapshot does not.
 */
import { createRequire } from 'node:module';

let pinyinPro: typeof import('pinyin-pro') | undefined;

/** The toneless, lower-case syllables of a text, one per character (other characters as they are). */
export function pinyinSyllables(text: string): string[] {
  pinyinPro ??= createRequire(import.meta.url)('pinyin-pro') as typeof import('pinyin-pro');
  return pinyinPro.pinyin(text, { toneType: 'none', type: 'array' }).map((s) => s.toLowerCase());
}
