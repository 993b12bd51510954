/**
 * Zones: the development zones, parks and districts the corpus speaks of, found by rules over segmented text
 * (no hand-written list), grouped with their variants (济北开发区 = 济南济北经济开发区), and given aliases: the
 * short form, the full names, Traditional forms and pinyin.
 */
import { createRequire } from 'node:module';
import { tag, cut, type TaggedToken } from '../text/jieba.ts';
import { toTraditional } from '../text/normalize.ts';

export type ZoneKind = '开发区' | '园区' | '自贸片区' | '行政区';

export interface Zone {
  /** The form the corpus uses most, e.g. `济北开发区`. */
  name: string;
  kind: ZoneKind;
  /** The longest form seen, e.g. `济南济北经济开发区`. */
  fullName: string;
  /** Every surface form seen in the text (Simplified). */
  forms: string[];
  /** Short form such as `济北`, when it is a word of its own. */
  short?: string;
  /** Everything a user may type: forms, short form, Traditional forms, pinyin. */
  aliases: string[];
  /** How many times the text names the zone. */
  mentions: number;
}

/** Tokens that end a zone name: a park, a zone, a free-trade area block. */
const ZONE_SUFFIX = /(?:开发区|产业园区|工业园区|产业园|园区|试验区|片区|新区|高新区)$/u;
/** Area words that end in 区 but name no particular place. */
const GENERIC_AREA =
  /^(?:全|我|本|该|各|两|辖|市|城|社|小|街|地|山|景|校|老|中心城|北部中心城|城|主城|新城|示范|功能|核心)区$/u;
/** Part-of-speech tags that cannot be inside a name: verbs, prepositions, particles, numbers, time, etc. */
const STOP_TAG = /^(?:v|vd|vn|p|c|u\w*|d|ad|f|m|mq|q|t|r|z|y|e|o|w)$/u;
/** Words that qualify a zone without naming it. */
const GENERIC_WORD = /^(?:全区|全省|全市|全国|省级|国家级|以上|主要|现代化|一流|优质|新型|特色|该|本|首批)$/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;
/** Where a name may start, beyond which the text is a city or country naming the zone's location. */
const LOCATION_PREFIX = /^(?:中国|山东|山东省|济南|济南市)/u;
const MAX_NAME = 14;

function isZoneSuffixToken(word: string): boolean {
  return ZONE_SUFFIX.test(word);
}

function isDistrictToken(t: TaggedToken): boolean {
  return t.word.length >= 3 && t.word.endsWith('区') && !ZONE_SUFFIX.test(t.word) && !GENERIC_AREA.test(t.word);
}

/**
 * Where jieba cuts a text into pieces that it segments independently (cppjieba's separators: space, tab, newline,
 * `，`, `。`). Tagging a text piece by piece therefore gives the same tokens as tagging it whole.
 */
const JIEBA_SEPARATORS = /[ \t\n，。]/u;
/**
 * Every token that ends a name ends in 区 or 园 (see ZONE_SUFFIX, isDistrictToken), and a name never reaches
 * across a separator (not Han), so a piece without either character holds no name and need not be tagged.
 */
const NAME_END_CHARACTER = /[区园]/u;

/**
 * Zone names in one normalized (Simplified) text, in order of appearance, as they are written there.
 * `济北开发区`, `济南济北经济开发区`, `历下区`, `自贸试验区济南片区`, `苏州工业园区`.
 */
export function findZoneNames(text: string, memo?: ZoneNameMemo): string[] {
  const names: string[] = [];
  // Tagging is most of the cost of building knowledge: only the pieces that can hold a name are tagged, and a
  // piece the corpus repeats (reposts, teasers, stock phrases) only once.
  for (const piece of text.split(JIEBA_SEPARATORS)) {
    if (!NAME_END_CHARACTER.test(piece)) continue;
    let found = memo?.get(piece);
    if (!found) {
      found = zoneNamesInTokens(tag(piece));
      memo?.set(piece, found);
    }
    names.push(...found);
  }
  return names;
}

/**
 * Zone names already found per piece of text. Valid for one pass over a corpus only: a word added to jieba's
 * dictionary (addUserWords) changes how pieces are cut.
 */
export type ZoneNameMemo = Map<string, string[]>;

/** Zone names in the tagged tokens of a text. */
function zoneNamesInTokens(tokens: TaggedToken[]): string[] {
  const names: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let word = t.word;
    // `产业园` + `区` is how the default dictionary cuts 产业园区.
    if (word === '产业园' && tokens[i + 1]?.word === '区') {
      word = '产业园区';
      i++;
    }
    if (isDistrictToken(t)) {
      names.push(t.word);
      continue;
    }
    if (word === '区' && i > 0 && tokens[i - 1]!.tag === 'ns') {
      names.push(tokens[i - 1]!.word + '区');
      continue;
    }
    if (!isZoneSuffixToken(word)) continue;
    // Extend to the left over the words of the name.
    let name = word;
    const freeTradeBlock = word === '片区';
    for (let k = (word === '产业园区' && t.word === '产业园' ? i - 2 : i - 1); k >= 0; k--) {
      const prev = tokens[k]!;
      const crossesFreeTrade = freeTradeBlock && (prev.word === '试验区' || prev.word === '自贸');
      if (!crossesFreeTrade) {
        if (!HAN_ONLY.test(prev.word) || STOP_TAG.test(prev.tag) || GENERIC_WORD.test(prev.word)) break;
        if (isZoneSuffixToken(prev.word) || prev.word.endsWith('区')) break;
      }
      if (name.length + prev.word.length > MAX_NAME) break;
      name = prev.word + name;
    }
    // A bare suffix (园区, 开发区) names no zone; a single token does when the dictionary knows it as a place.
    if (name !== word || (word === t.word && /^n[stz]$/u.test(t.tag) && word.replace(ZONE_SUFFIX, '').length >= 2)) {
      names.push(name);
    }
  }
  return names;
}

/** A name that starts with a place-name token is a name even when the text writes it once. */
function startsWithPlace(name: string): boolean {
  return tag(name)[0]?.tag === 'ns';
}

function kindOf(name: string): ZoneKind {
  if (/片区$|试验区$/u.test(name)) return '自贸片区';
  if (/开发区$|高新区$|新区$/u.test(name)) return '开发区';
  if (/园区?$/u.test(name)) return '园区';
  return '行政区';
}

/**
 * The key under which variants of one zone meet: the location prefix and 经济/经济技术 dropped, 产业园区 read as
 * 产业园. `济南济北经济开发区` and `济北开发区` → `济北开发区`.
 */
export function zoneKey(name: string): string {
  let key = name.replace(/经济技术开发区$|经济开发区$/u, '开发区').replace(/产业园区$/u, '产业园');
  const withoutLocation = key.replace(LOCATION_PREFIX, '');
  if (withoutLocation.length >= 3 && ZONE_SUFFIX.test(withoutLocation) && withoutLocation !== key) {
    const rest = withoutLocation.replace(ZONE_SUFFIX, '');
    if (rest.length >= 2) key = withoutLocation;
  }
  return key;
}

/** The distinctive part of a zone's name: `济北` of 济北开发区, `历下` of 历下区. */
function shortForm(key: string): string | undefined {
  const short = key.replace(/(?:开发区|高新区|新区|产业园|园区|片区|试验区|区)$/u, '');
  return short.length >= 2 && short !== key && !/区/u.test(short) ? short : undefined;
}

/** pinyin-pro, loaded on first use: only building aliases needs it, not answering from a snapshot. */
let pinyinPro: typeof import('pinyin-pro') | undefined;

export function toPinyin(text: string): string {
  pinyinPro ??= createRequire(import.meta.url)('pinyin-pro') as typeof import('pinyin-pro');
  return pinyinPro.pinyin(text, { toneType: 'none', type: 'array' }).join('').toLowerCase();
}

/**
 * Builds the gazetteer from the normalized paragraphs of the corpus. A name must be written at least twice, or
 * start with a place name, so that a phrase that only once looks like a name does not become a zone.
 */
export function buildGazetteer(texts: string[], minMentions = 2): Zone[] {
  const memo: ZoneNameMemo = new Map();
  return gazetteerFromNames(texts.map((text) => findZoneNames(text, memo)), minMentions);
}

/** The gazetteer from the zone names found in each text (`findZoneNames`), in the texts' order. */
export function gazetteerFromNames(namesPerText: Iterable<string[]>, minMentions = 2): Zone[] {
  const groups = new Map<string, Map<string, number>>();
  for (const names of namesPerText) {
    for (const name of names) {
      const key = zoneKey(name);
      const forms = groups.get(key) ?? new Map<string, number>();
      forms.set(name, (forms.get(name) ?? 0) + 1);
      groups.set(key, forms);
    }
  }
  const zones: Zone[] = [];
  for (const [key, formCounts] of groups) {
    const mentions = [...formCounts.values()].reduce((a, b) => a + b, 0);
    if (mentions < minMentions && ![...formCounts.keys()].some(startsWithPlace)) continue;
    const forms = [...formCounts.keys()].sort((a, b) => formCounts.get(b)! - formCounts.get(a)! || a.length - b.length);
    const name = forms[0]!;
    const fullName = [...forms].sort((a, b) => b.length - a.length || a.localeCompare(b))[0]!;
    const short = shortForm(key);
    const simplified = new Set([...forms, key, ...(short ? [short] : [])]);
    const aliases = new Set<string>(simplified);
    for (const form of simplified) {
      aliases.add(toTraditional(form));
      aliases.add(toPinyin(form));
    }
    const zone: Zone = { name, kind: kindOf(name), fullName, forms, aliases: [...aliases], mentions };
    if (short) zone.short = short;
    zones.push(zone);
  }
  return zones.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

/**
 * The strings that mark a mention of the zone in normalized text: its written forms and, where it is a word of
 * its own (one token, as `济北` or `钢城`), its short form. A district's short form (`市中`) is too ambiguous in
 * running text and is only used to resolve what users type.
 */
export function mentionForms(zone: Zone): string[] {
  const forms = new Set([...zone.forms, zoneKey(zone.name)]);
  if (zone.short && zone.kind !== '行政区' && cut(zone.short).length === 1) forms.add(zone.short);
  return [...forms];
}
