/**
 * What a question is about, as far as places go: the corpus's zones it names, whose passages come first, and the
 * zones or places it names that the corpus says nothing about, which the page must say before offering anything
 * (a passage about another zone is not the answer to a question about this one).
 */
import type { Knowledge } from '../extract/knowledge.ts';
import { findPlaces, placeOf, placesSpelled, type Place } from '../extract/places.ts';
import { findZoneNames, toPinyin, zoneKey } from '../extract/zones.ts';
import { cut } from '../text/jieba.ts';
import { normalizeForMatch } from '../text/normalize.ts';
import type { SearchEngine, SearchHit } from './engine.ts';

export interface QuestionScope {
  /** Names of the corpus's zones (and districts) the question names. */
  zones: string[];
  /** Zones and places the question names, as it writes them, that the corpus does not speak of. */
  missing: string[];
}

const zonesByKey = new WeakMap<Knowledge, Map<string, string>>();

/** The corpus's zones by the key their spellings meet under, so 东营经开区 in a question finds 东营经济技术开发区. */
function zoneByKey(knowledge: Knowledge): Map<string, string> {
  let map = zonesByKey.get(knowledge);
  if (!map) {
    map = new Map();
    for (const zone of knowledge.zones) for (const form of zone.forms) map.set(zoneKey(form), zone.name);
    zonesByKey.set(knowledge, map);
  }
  return map;
}

const zonesBySound = new WeakMap<Knowledge, Map<string, string | undefined>>();

/**
 * The corpus's zones by the sound of their keys: 钢成经开区, typed with a character of the same sound, is 钢城经济
 * 开发区. A sound two zones share names neither (undefined).
 */
function zoneBySound(knowledge: Knowledge, keys: Map<string, string>): Map<string, string | undefined> {
  let map = zonesBySound.get(knowledge);
  if (!map) {
    map = new Map();
    for (const [key, zone] of keys) {
      const sound = toPinyin(key);
      map.set(sound, map.has(sound) && map.get(sound) !== zone ? undefined : zone);
    }
    zonesBySound.set(knowledge, map);
  }
  return map;
}

/** A place written in Latin letters (Pudong, pudong xinqu): one word of five letters or more, or two joined. */
const LATIN_WORD = /[A-Za-z]+/gu;
const MIN_LATIN_PLACE = 5;

/**
 * Places a question names in pinyin or English (Pudong New Area, jinan), which reading it into the corpus's words
 * drops when the corpus has no such word: each with the official names it may spell.
 */
function latinPlaces(question: string): { written: string; places: Place[] }[] {
  const words = [...question.matchAll(LATIN_WORD)].map((m) => m[0]);
  const found: { written: string; places: Place[] }[] = [];
  for (let i = 0; i < words.length; i++) {
    const pair = words[i + 1] ? words[i]! + words[i + 1]! : '';
    for (const written of [pair, words[i]!]) {
      const places = written.length >= MIN_LATIN_PLACE ? placesSpelled(written.toLowerCase(), toPinyin) : [];
      if (places.length) {
        found.push({ written: written === pair ? `${words[i]} ${words[i + 1]}` : written, places });
        if (written === pair) i++;
        break;
      }
    }
  }
  return found;
}

/**
 * `question` is what /ask searches (the corpus's words); `asked`, when given, the question as typed, whose
 * pinyin or English place names reading may have dropped.
 */
export function scopeOf(engine: SearchEngine, question: string, asked?: string): QuestionScope {
  const zones = new Set(engine.zonesNamedIn(question));
  const missing: string[] = [];
  let rest = normalizeForMatch(question);
  const known = zoneByKey(engine.knowledge);
  for (const name of findZoneNames(rest)) {
    const key = zoneKey(name);
    const zone = known.get(key) ?? zoneBySound(engine.knowledge, known).get(toPinyin(key));
    if (zone) zones.add(zone);
    else missing.push(name);
    rest = rest.replace(name, ' ');
  }
  // A place inside a zone's name (济南 of 济南新材料产业园区) is that zone's, not a question of its own.
  for (const zone of zones) for (const form of engine.zoneForms(zone)) rest = rest.replaceAll(form, ' ');
  const named = findPlaces(rest).map((m) => ({ place: m.place, written: rest.slice(m.start, m.end) }));
  // A district's or county's short name (浦东, 海门) as a word of the question: in running text such names are too
  // often the start of a common word to look for, but a question's words are few and cut by jieba.
  for (const word of cut(rest)) {
    const place = placeOf(word);
    if (place?.level === 'county' && !named.some((n) => n.written.includes(word))) named.push({ place, written: word });
  }
  for (const { place, written } of named) {
    if (!missing.includes(written) && !corpusNames(engine, place.name, written)) missing.push(written);
  }
  // A place in Latin letters is missing when none of the places it may spell is named by the corpus.
  if (asked && asked !== question) {
    for (const { written, places } of latinPlaces(asked)) {
      const short = (p: Place) => p.name.replace(/(?:省|市|区|县|新区)$/u, '');
      if (!zones.size && !places.some((p) => corpusNames(engine, p.name, short(p)))) missing.push(written);
    }
  }
  return { zones: [...zones], missing };
}

/**
 * Whether the corpus names a place in any form: the divisions its text names, a zone named after it (钢城 of
 * 钢城经济开发区), or a word of its index. A place named only in passing is named: the notice is for places the
 * corpus never mentions.
 */
function corpusNames(engine: SearchEngine, official: string, written: string): boolean {
  if (engine.knowledge.places.includes(official)) return true;
  if (engine.knowledge.zones.some((z) => z.forms.some((f) => f.includes(written)))) return true;
  return engine.search(written, { limit: 0 }).total > 0;
}

/**
 * The best `limit` hits for a question, those about the named zones first (each group in the index's order),
 * and how many matched in all.
 */
export function searchFirstAbout(engine: SearchEngine, question: string, zones: string[], limit: number): { hits: SearchHit[]; total: number } {
  if (!zones.length) return engine.search(question, { limit });
  const about = new Set(zones.flatMap((zone) => engine.zoneParagraphs(zone)));
  const first = engine.search(question, { filter: (i) => about.has(i), limit });
  // The best `limit` of all: the total, and the best of the others in order, which are the best others there are.
  const all = engine.search(question, { limit });
  const others = all.hits.filter((h) => !about.has(h.index));
  if (first.hits.length + others.length >= limit || all.hits.length === all.total) {
    return { hits: [...first.hits, ...others].slice(0, limit), total: all.total };
  }
  const rest = engine.search(question, { filter: (i) => !about.has(i), limit: limit - first.hits.length });
  return { hits: [...first.hits, ...rest.hits], total: all.total };
}
