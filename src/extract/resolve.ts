/**
 * Resolving what a user typed to one zone or one measure: any alias — Simplified, Traditional, pinyin with or
 * without spaces, English, short or full — or, failing an exact match, the names that contain it or that it
 * contains; failing those, the name index (prefix, abbreviation, typos) offers what the user may have meant.
 */
import { nameKey } from '../search/name-key.ts';
import { latinWords, nameIndex, type NameIndex, type NameMatch } from '../search/names.ts';
import { editDistance } from '../search/syllable-match.ts';
import { placesSpelled } from './places.ts';
import type { Figure, MeasureInfo } from './knowledge.ts';
import { kindSpellings, nameStem, toPinyin, type Zone } from './zones.ts';

/** `near`: what the user may have meant when nothing matched (names sharing a part with what was typed). */
export type Resolution<T> = { found: T } | { candidates: T[] } | { none: true; near: T[] };

export { nameKey };

/**
 * The name keys of a list's items, computed once per list and way of naming: normalizing every alias per query is
 * the cost. `namesOf` must be one function for all calls (not a closure made per call), or nothing is kept.
 */
const keyCache = new WeakMap<(item: never) => string[], WeakMap<object, { item: unknown; keys: string[] }[]>>();
export function keyedNames<T extends object>(items: T[], namesOf: (item: T) => string[]): { item: T; keys: string[] }[] {
  let byList = keyCache.get(namesOf);
  if (!byList) keyCache.set(namesOf, (byList = new WeakMap()));
  let keyed = byList.get(items);
  if (!keyed) byList.set(items, (keyed = items.map((item) => ({ item, keys: [...new Set(namesOf(item).map(nameKey).filter(Boolean))] }))));
  return keyed as { item: T; keys: string[] }[];
}

/**
 * The English words of a zone's kind, by the ending of its name, longest ending first: Gangcheng Economic
 * Development Zone, Jinan New Materials Industrial Park, Lixia District.
 */
const KIND_ENGLISH: [ending: RegExp, english: string][] = [
  [/经济技术开发区$/u, 'economic and technological development zone'],
  [/经济开发区$/u, 'economic development zone'],
  [/高新技术产业开发区$|高新区$/u, 'high tech zone'],
  [/开发区$/u, 'development zone'],
  [/产业园区$|产业园$|工业园区$|工业园$/u, 'industrial park'],
  [/园区$|园$/u, 'park'],
  [/自贸试验区$|自由贸易试验区$/u, 'pilot free trade zone'],
  [/片区$/u, 'area'],
  [/新区$/u, 'new area'],
  [/区$/u, 'district'],
];

/** The proper part of a zone's name, before its kind: `钢城` of 钢城经济开发区. */
export function properPart(name: string): string | undefined {
  const kind = KIND_ENGLISH.find(([ending]) => ending.test(name));
  return (kind && name.replace(kind[0], '')) || undefined;
}

/** A Han name in English: the pinyin of its proper part and the English of its kind (`钢城经济开发区` → gangcheng economic development zone). */
export function englishName(name: string): string | undefined {
  const kind = KIND_ENGLISH.find(([ending]) => ending.test(name));
  const proper = properPart(name);
  return kind && proper ? `${toPinyin(proper)} ${kind[1]}` : undefined;
}

/** Everything a user may type for a zone: its aliases and the English of its names. */
export function zoneForms(zone: Zone): string[] {
  const english = [zone.name, zone.fullName, ...zone.forms].map(englishName).filter((e) => e !== undefined);
  // What the zone is named after (钢城 of 钢城经济开发区) serves what users type, though not running text, where
  // it may name the district: two zones of one place then both come back as candidates.
  const stem = zone.kind === '行政区' ? [] : [nameStem(zone.name)].filter((s) => s.length >= 2);
  return [...zone.aliases, ...new Set(english), ...stem, ...stem.map(toPinyin)];
}

/** A name and its pinyin (`一窗受理`, `yichuangshouli`). */
const withPinyin = (names: string[]) => [...names, ...names.filter((n) => /\p{Script=Han}/u.test(n)).map(toPinyin)];

export const measureForms = (m: MeasureInfo) => withPinyin([m.name, ...m.variants]);
export const metricForms = (metric: { metric: string }) => withPinyin([metric.metric]);

/** Metric names, most used first: counted once per list of figures. */
const metricLists = new WeakMap<Figure[], { metric: string }[]>();
export function metricList(figures: Figure[]): { metric: string }[] {
  let metrics = metricLists.get(figures);
  if (!metrics) {
    const counts = new Map<string, number>();
    for (const f of figures) counts.set(f.metric, (counts.get(f.metric) ?? 0) + 1);
    metrics = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)!).map((metric) => ({ metric }));
    metricLists.set(figures, metrics);
  }
  return metrics;
}

/**
 * A metric typed in pinyin (`qianyuee`, `shiji shiyong waizi`) as the metric it names, best match first; Han
 * text is returned as it is, for the figures' own matching.
 */
export function metricFromLatin(typed: string, figures: Figure[]): string {
  if (/\p{Script=Han}/u.test(typed) || !/[a-z]/iu.test(typed)) return typed;
  const metrics = metricList(figures);
  return metricNames(metrics).find(typed, 1)[0]?.item.metric ?? typed;
}

export const zoneNames = (zones: Zone[]): NameIndex<Zone> => nameIndex(zones, zoneForms);
export const metricNames = (metrics: { metric: string }[]): NameIndex<{ metric: string }> => nameIndex(metrics, metricForms);
export const measureNames = (measures: MeasureInfo[]): NameIndex<MeasureInfo> => nameIndex(measures, measureForms);

/** How many "did you mean" candidates a name that resolves to nothing gets. */
const CANDIDATES = 5;

const HAN_PAIR = /^\p{Script=Han}{2}$/u;

/** Character pairs of a Han key, after the kind ending (开发区, 产业园 …) that many names share. */
function properPairs(key: string): Set<string> {
  let proper = key;
  for (const [ending] of KIND_ENGLISH) proper = proper.replace(ending, '');
  const pairs = new Set<string>();
  // Pairs of characters, not of letters: two Latin letters in common (ch, an) say nothing of nearness.
  for (let i = 0; i + 2 <= proper.length; i++) if (HAN_PAIR.test(proper.slice(i, i + 2))) pairs.add(proper.slice(i, i + 2));
  return pairs;
}

/**
 * Names that share a pair of characters with what was typed, most shared first: the nearest entries for a
 * name that matches none (一窗办理 → 一窗受理). Whole pairs only: one character in common is not nearness.
 */
/** The pairs of every key of a list, computed once per list: ten endings replaced per key is the cost. */
const pairsCache = new WeakMap<object, Set<string>[][]>();

function nearByPairs<T extends object>(key: string, keyed: { item: T; keys: string[] }[]): T[] {
  const typed = properPairs(key);
  if (!typed.size) return [];
  let pairsOfKeys = pairsCache.get(keyed);
  if (!pairsOfKeys) pairsCache.set(keyed, (pairsOfKeys = keyed.map(({ keys }) => keys.map(properPairs))));
  const scored: { item: T; share: number }[] = [];
  for (const [i, { item }] of keyed.entries()) {
    let share = 0;
    for (const pairs of pairsOfKeys[i]!) {
      let common = 0;
      for (const p of pairs) if (typed.has(p)) common++;
      if (common) share = Math.max(share, common / Math.max(pairs.size, typed.size));
    }
    if (share) scored.push({ item, share });
  }
  return scored.sort((a, b) => b.share - a.share).slice(0, CANDIDATES).map((s) => s.item);
}

function resolveByNames<T extends object>(
  query: string,
  items: T[],
  namesOf: (item: T) => string[],
  names: () => NameIndex<T>,
  isSlip: (match: NameMatch<T>) => boolean = () => true,
): Resolution<T> {
  const key = nameKey(query);
  if (!key) return { none: true, near: [] };
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
  // Nothing by its letters: abbreviations, partial pinyin, typos. One such match is the name; several are offered.
  const near = names().find(query, CANDIDATES).filter(isSlip);
  if (near.length === 1) return { found: near[0]!.item };
  if (near.length > 1) return { candidates: near.map((m) => m.item) };
  return { none: true, near: nearByPairs(key, keyed) };
}

/**
 * Whether a name matched by a typo is a slip for that zone: not when a typed word spells a city or province
 * exactly that the zone's names do not (liaocheng is 聊城, not a slip for licheng, 历城区).
 */
function isZoneSlip(query: string): (match: NameMatch<Zone>) => boolean {
  const placeWords = latinWords(query).filter((w) => w.length >= 4 && placesSpelled(w, toPinyin).some((p) => p.level !== 'county'));
  if (!placeWords.length) return () => true;
  return ({ item, how }) => how !== 'fuzzy' || placeWords.every((w) => zoneForms(item).some((f) => f.toLowerCase().replace(/\s+/gu, '').includes(w)));
}

/** A zone's names with every spelling of its kind (钢城经开区 beside 钢城经济开发区): what a typo is measured against. */
const spelledZoneNames = (zone: Zone) => [...zoneForms(zone), ...zone.forms.flatMap(kindSpellings)];
/**
 * The one zone whose name the whole text is but for one character mistyped, added or left out (钢城经开去 for
 * 钢城经开区), if exactly one is. Names of three characters or more only: in two, one character is half the name.
 */
export function zoneMistyped(text: string, zones: Zone[]): Zone | undefined {
  const key = nameKey(text);
  if (key.length < 3) return undefined;
  const near = keyedNames(zones, spelledZoneNames).filter(({ keys }) =>
    keys.some((k) => k.length >= 3 && Math.abs(k.length - key.length) <= 1 && editDistance(key, k) <= 1),
  );
  return near.length === 1 ? near[0]!.item : undefined;
}

/** The names a resolution that found none offers: the candidates it could not choose between, or the nearest. */
export const offeredNames = (resolution: Exclude<Resolution<{ name: string }>, { found: unknown }>): string[] =>
  ('candidates' in resolution ? resolution.candidates : resolution.near).map((c) => c.name);

export function resolveZone(query: string, zones: Zone[]): Resolution<Zone> {
  return resolveByNames(query, zones, zoneForms, () => zoneNames(zones), isZoneSlip(query));
}

/** A measure's names as written, for matching a typed name by its letters. */
const measureWritten = (m: MeasureInfo) => [m.name, ...m.variants];
export function resolveMeasure(query: string, measures: MeasureInfo[]): Resolution<MeasureInfo> {
  return resolveByNames(query, measures, measureWritten, () => measureNames(measures));
}
