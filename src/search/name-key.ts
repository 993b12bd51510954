/** The comparable form of a name, shared by resolution and the name index. */
import { normalizeForMatch } from '../text/normalize.ts';

/** The comparable key of a name: normalized, without spaces, apostrophes or tone marks. */
export function nameKey(text: string): string {
  return normalizeForMatch(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[\s'’·\-_]/gu, '');
}
