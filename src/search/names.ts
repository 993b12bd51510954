/**
 * Name lookup over short names (zones, measures, metrics) in every form a user may type: Simplified,
 * Traditional, pinyin with or without spaces, English. Latin input goes through MiniSearch, prefix and fuzzy, so
 * partial names and typos (gangchen, jibie, "jibei kaifa") still find their entry; Han input is matched whole,
 * by prefix, by substring and as an in-order abbreviation (钢城经开 of 钢城经济开发区), never fuzzily: one character
 * off is another place (北京, 南京). Failing those, Han input is read by its sound, exactly: a character typed for
 * another of the same sound (钢成 for 钢城) is a slip, where 南 for 北 is not.
 */
import MiniSearch, { type Query } from 'minisearch';
import { pinyinSyllables } from '../text/pinyin.ts';
import { nameKey } from './name-key.ts';
import { syllableTypos, typoBudget } from './syllable-match.ts';

/** How a name was matched, best first; `score` orders matches across both scripts. */
export type MatchHow = 'exact' | 'prefix' | 'contains' | 'abbreviation' | 'fuzzy';
export interface NameMatch<T> {
  item: T;
  how: MatchHow;
  score: number;
}

const HAN = /\p{Script=Han}/u;
const LATIN = /[a-z]/u;
/** Tone marks and the like: `gāngchéng` is typed as `gangcheng` too. */
const stripMarks = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/gu, '');
/** Latin words of a text, lower case and without tone marks. */
export const latinWords = (text: string) => stripMarks(text.toLowerCase()).split(/[^a-z0-9]+/u).filter(Boolean);

/** Han matches rank by how much of the name the input covers, and by how it matched. */
const HAN_WEIGHT: Record<Exclude<MatchHow, 'fuzzy'>, number> = { exact: 100, prefix: 60, contains: 40, abbreviation: 30 };

/** Characters of `typed` appear in `name` in order, starting with its first: how Chinese names are abbreviated. */
function isAbbreviation(typed: string, name: string): boolean {
  if (typed.length < 2 || typed[0] !== name[0]) return false;
  let at = 0;
  for (const char of typed) {
    at = name.indexOf(char, at);
    if (at < 0) return false;
    at += 1;
  }
  return true;
}

/** The toneless pinyin syllables of a Han name (钢城 → gang cheng); other characters are left out. */
function syllablesOf(han: string): string[] {
  return pinyinSyllables(han).map((s) => stripMarks(s).replace(/[^a-z]/gu, '')).filter(Boolean);
}

/** Latin input this short is matched by a plain prefix scan. */
const SHORT_INPUT = 2;
/** A leading run of typed words this short names nothing by itself: jiu, gang are parts of many names. */
const MIN_LEADING_LETTERS = 6;

/** A typo's allowance: none for short words (too many near neighbours), one or two edits for longer ones. */
const fuzzyFor = (term: string) => (term.length >= 5 ? 2 : term.length >= 4 ? 1 : 0);

export class NameIndex<T> {
  private readonly items: T[];
  /** Han keys of each item, in matching form. */
  private readonly hanKeys: string[][];
  private readonly latinKeys: Set<string>[];
  private readonly search: MiniSearch<{ id: number; latin: string }>;
  /**
   * The syllables of the items' Han keys, each spelling once (a Traditional key reads as its Simplified one), by
   * their first letter: a typed name starts with its first letter.
   */
  private readonly syllablesByLetter: Map<string, { item: number; syllables: string[] }[]>;

  constructor(items: T[], formsOf: (item: T) => string[]) {
    this.items = items;
    this.hanKeys = [];
    this.latinKeys = [];
    this.search = new MiniSearch({ fields: ['latin'], tokenize: (text) => text.split(' '), processTerm: (term) => term || null });
    const documents: { id: number; latin: string }[] = [];
    items.forEach((item, id) => {
      const han = new Set<string>();
      const latin = new Set<string>();
      for (const form of formsOf(item)) {
        if (HAN.test(form)) {
          const key = nameKey(form);
          if (key) han.add(key);
        } else {
          // Both the words (`gangcheng economic development zone`) and their joined form (`jibeikaifaqu`).
          const words = latinWords(form);
          for (const w of words) latin.add(w);
          if (words.length > 1) latin.add(words.join(''));
        }
      }
      this.hanKeys.push([...han]);
      this.latinKeys.push(latin);
      if (latin.size) documents.push({ id, latin: [...latin].join(' ') });
    });
    this.search.addAll(documents);
    this.syllablesByLetter = this.spellingsByLetter();
  }

  /** The items the typed text may name, best first. */
  find(typed: string, limit = 25): NameMatch<T>[] {
    const matches = LATIN.test(stripMarks(typed.toLowerCase())) && !HAN.test(typed) ? this.findLatin(typed, limit) : this.findHan(typed);
    return matches.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  /**
   * The first items (in list order) with a key starting with a letter or two: a prefix that short stands for
   * thousands of words, which MiniSearch would each look up and score.
   */
  private startingWith(prefix: string, limit: number): NameMatch<T>[] {
    const matches: NameMatch<T>[] = [];
    for (let i = 0; i < this.items.length && matches.length < limit; i++) {
      const keys = this.latinKeys[i]!;
      if (keys.has(prefix)) matches.push({ item: this.items[i]!, how: 'exact', score: 2 });
      else if ([...keys].some((k) => k.startsWith(prefix))) matches.push({ item: this.items[i]!, how: 'prefix', score: 1 });
    }
    return matches;
  }

  private findHan(typed: string): NameMatch<T>[] {
    const key = nameKey(typed);
    if (!key) return [];
    const matches: NameMatch<T>[] = [];
    this.hanKeys.forEach((keys, i) => {
      let best: NameMatch<T> | undefined;
      for (const k of keys) {
        const how: Exclude<MatchHow, 'fuzzy'> | undefined =
          k === key ? 'exact' : k.startsWith(key) ? 'prefix' : k.includes(key) ? 'contains' : isAbbreviation(key, k) ? 'abbreviation' : undefined;
        if (!how) continue;
        // A shorter name covers more of itself with the same input: 济北 before 济北开发区工委 for 济北.
        const score = HAN_WEIGHT[how] + (10 * key.length) / k.length;
        if (!best || score > best.score) best = { item: this.items[i]!, how, score };
      }
      if (best) matches.push(best);
    });
    // A name typed with a wrong character of the same sound (钢成 for 钢城, 开发去 for 开发区) is the commonest slip of
    // a pinyin keyboard: the name it sounds like, spelled exactly, syllable by syllable.
    return matches.length ? matches : this.bySyllables(syllablesOf(key).join(''), 0);
  }

  private findLatin(typed: string, limit: number): NameMatch<T>[] {
    const words = latinWords(typed);
    if (!words.length) return [];
    const joined = words.join('');
    if (joined.length <= SHORT_INPUT) return this.startingWith(joined, limit);
    const found = this.findLatinWords(words, limit);
    if (found.length) return found;
    // A whole name with more words typed after it (san shi san bu gongzuofa: 三实三不 and 工作法), as Han input may
    // hold a name: the longest leading run of whole words, a name's length at least, that finds one.
    for (let n = words.length - 1; n >= 1; n--) {
      const lead = words.slice(0, n);
      if (lead.join('').length < MIN_LEADING_LETTERS) break;
      // A name the run only begins (a prefix) is not one typed whole.
      const named = this.findLatinWords(lead, limit).filter((m) => m.how !== 'prefix');
      // Found whole, the name is contained in the input; found by a typo, it stays a typo's match.
      if (named.length) return named.map((m) => (m.how === 'fuzzy' ? m : { ...m, how: 'contains' as const }));
    }
    return [];
  }

  /** Items that Latin words name: through MiniSearch, prefix and fuzzy, else syllable by syllable. */
  private findLatinWords(words: string[], limit: number): NameMatch<T>[] {
    const joined = words.join('');
    const options = { prefix: true, fuzzy: fuzzyFor };
    // The input as one word (`jibei kaifa` → jibeikaifa, a prefix of jibeikaifaqu) or as all of its words.
    const query: Query = {
      combineWith: 'OR',
      queries: [
        { ...options, queries: [joined] },
        ...(words.length > 1 ? [{ ...options, combineWith: 'AND' as const, queries: words }] : []),
      ],
    };
    const found = this.search.search(query).map((r) => {
      const keys = this.latinKeys[r.id as number]!;
      const how: MatchHow = keys.has(joined) ? 'exact' : [...keys].some((k) => k.startsWith(joined)) ? 'prefix' : 'fuzzy';
      return { item: this.items[r.id as number]!, how, score: r.score * (how === 'exact' ? 4 : how === 'prefix' ? 2 : 1) };
    });
    return found.length ? found : this.bySyllables(joined);
  }

  /**
   * Items whose Han name the letters spell syllable by syllable, abbreviated or with a typo or two (gangchneg
   * jingkaiqu → 钢城经济开发区), fewest typos first: what word-level fuzzy matching misses when a name is
   * abbreviated in pinyin as it is in characters.
   */
  private bySyllables(letters: string, budget = typoBudget(letters.length)): NameMatch<T>[] {
    if (!letters) return [];
    const fewest = new Map<number, number>();
    for (const { item, syllables } of this.syllablesByLetter.get(letters[0]!) ?? []) {
      const before = fewest.get(item);
      const typos = syllableTypos(letters, syllables, before === undefined ? budget : before - 1);
      if (typos !== undefined) fewest.set(item, typos);
    }
    return [...fewest].map(([item, typos]) => ({ item: this.items[item]!, how: 'fuzzy' as const, score: 1 / (1 + typos) }));
  }

  private spellingsByLetter(): Map<string, { item: number; syllables: string[] }[]> {
    const byLetter = new Map<string, { item: number; syllables: string[] }[]>();
    this.hanKeys.forEach((keys, item) => {
      const seen = new Set<string>();
      for (const key of keys) {
        const syllables = syllablesOf(key);
        const spelled = syllables.join(' ');
        if (!syllables.length || seen.has(spelled)) continue;
        seen.add(spelled);
        const letter = syllables[0]![0]!;
        const list = byLetter.get(letter) ?? [];
        list.push({ item, syllables });
        byLetter.set(letter, list);
      }
    });
    return byLetter;
  }
}

/** One index per list of items, built on first use: a large corpus has thousands of names. */
const indexes = new WeakMap<object, NameIndex<unknown>>();
export function nameIndex<T>(items: T[], formsOf: (item: T) => string[]): NameIndex<T> {
  let index = indexes.get(items) as NameIndex<T> | undefined;
  if (!index) indexes.set(items, (index = new NameIndex(items, formsOf)));
  return index;
}
