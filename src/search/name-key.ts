/** The comparable form of a name, shared by resolution and the name index. */
import { hanNumeral, normalizeForMatch } from '../text/normalize.ts';

/** The comparable key of a name: normalized, without spaces, apostrophes or tone marks. */
export function nameKey(text: string): string {
  return normalizeForMatch(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[\s'’·\-_]/gu, '')
    .replace(LONE_DIGIT_BEFORE_HAN, (digit) => hanNumeral(Number(digit))!);
}

/**
 * A digit standing alone before a character (5个一 for 五个一, 3张清单): names count in Chinese numerals, users often
 * type digits. A digit of a longer number (2024年) or before a letter (5G) stays.
 */
const LONE_DIGIT_BEFORE_HAN = /(?<![\d.])[1-9](?=\p{Script=Han})/gu;
