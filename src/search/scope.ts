/**
 * What a question is about, as far as places go: the corpus's zones it names, whose passages come first, and the
 * zones or places it names that the corpus says nothing about, which the page must say before offering anything
 * (a passage about another zone is not the answer to a question about this one).
 */
import type { Knowledge } from '../extract/knowledge.ts';
import { findPlaces } from '../extract/places.ts';
import { findZoneNames, zoneKey } from '../extract/zones.ts';
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

export function scopeOf(engine: SearchEngine, question: string): QuestionScope {
  const zones = new Set(engine.zonesNamedIn(question));
  const missing: string[] = [];
  let rest = normalizeForMatch(question);
  const known = zoneByKey(engine.knowledge);
  for (const name of findZoneNames(rest)) {
    const zone = known.get(zoneKey(name));
    if (zone) zones.add(zone);
    else missing.push(name);
    rest = rest.replace(name, ' ');
  }
  // A place inside a zone's name (济南 of 济南新材料产业园区) is that zone's, not a question of its own.
  for (const zone of zones) for (const form of engine.zoneForms(zone)) rest = rest.replaceAll(form, ' ');
  const covered = new Set(engine.knowledge.places);
  for (const m of findPlaces(rest)) {
    const written = rest.slice(m.start, m.end);
    if (!covered.has(m.place.name) && !missing.includes(written)) missing.push(written);
  }
  return { zones: [...zones], missing };
}

/**
 * The best `limit` hits for a question, those about the named zones first (each group in the index's order),
 * and how many matched in all.
 */
export function searchFirstAbout(engine: SearchEngine, question: string, zones: string[], limit: number): { hits: SearchHit[]; total: number } {
  if (!zones.length) return engine.search(question, { limit });
  const about = new Set(zones.flatMap((zone) => engine.zoneParagraphs(zone)));
  const first = engine.search(question, { filter: (i) => about.has(i), limit });
  if (first.hits.length >= limit) return { hits: first.hits, total: engine.search(question, { limit: 0 }).total };
  const rest = engine.search(question, { filter: (i) => !about.has(i), limit: limit - first.hits.length });
  return { hits: [...first.hits, ...rest.hits], total: first.total + rest.total };
}
