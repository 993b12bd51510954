/**
 * Resolving what a user typed to one zone or one measure: any alias — Simplified, Traditional, pinyin with or
 * without spaces, short or full — or, failing an exact match, the names that contain it or that it contains.
 */
import { normalizeForMatch } from '../text/normalize.ts';
import type { MeasureInfo } from './knowledge.ts';
import type { Zone } from './zones.ts';

export type Resolution<T> = { found: T } | { candidates: T[] } | { none: true };

/** The comparable key of a name: normalized, without spaces, apostrophes or tone marks. */
export function nameKey(text: string): string {
  return normalizeForMatch(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[\s'’·\-_]/gu, '');
}

/** The name keys of a list's items, computed once per list: normalizing every alias per query is the cost. */
const keyCache = new WeakMap<object, { item: unknown; keys: string[] }[]>();
export function keyedNames<T extends object>(items: T[], namesOf: (item: T) => string[]): { item: T; keys: string[] }[] {
  let keyed = keyCache.get(items);
  if (!keyed) keyCache.set(items, (keyed = items.map((item) => ({ item, keys: [...new Set(namesOf(item).map(nameKey).filter(Boolean))] }))));
  return keyed as { item: T; keys: string[] }[];
}

function resolveByNames<T extends object>(query: string, items: T[], namesOf: (item: T) => string[]): Resolution<T> {
  const key = nameKey(query);
  if (!key) return { none: true };
  const keyed = keyedNames(items, namesOf);
  const exact = keyed.filter(({ keys }) => keys.includes(key));
  if (exact.length === 1) return { found: exact[0]!.item };
  if (exact.length > 1) return { candidates: exact.map((e) => e.item) };
  // 济北开发区的情况 contains a name; 济 is contained in several: both are candidates.
  const partial = keyed.filter(({ keys }) => keys.some((k) => key.includes(k) || (key.length >= 1 && k.includes(key))));
  if (partial.length === 1) return { found: partial[0]!.item };
  if (partial.length > 1) {
    // Prefer names the query contains (the user typed a whole name plus words) over names containing the query.
    const contained = partial.filter(({ keys }) => keys.some((k) => key.includes(k) && k.length >= 2));
    if (contained.length === 1) return { found: contained[0]!.item };
    return { candidates: partial.map((p) => p.item) };
  }
  return { none: true };
}

export function resolveZone(query: string, zones: Zone[]): Resolution<Zone> {
  return resolveByNames(query, zones, (z) => z.aliases);
}

export function resolveMeasure(query: string, measures: MeasureInfo[]): Resolution<MeasureInfo> {
  return resolveByNames(query, measures, (m) => [m.name, ...m.variants]);
}
