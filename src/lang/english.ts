/**
 * An English question read into the corpus's Chinese words, for the index and the answer picker: zone names
 * through their English and pinyin forms, other words through CC-CEDICT restricted to the corpus's words (the
 * most specific senses first), numbers as they are, and the question words that tell the answer picker what
 * kind of answer is wanted (how many → 多少, how long → 多久, when → 什么时候, which/who → 哪个). The bot still never
 * writes an English sentence: the Chinese terms serve the search, and their glosses are shown beside the cited text.
 */
import { englishName, properPart, resolveZone, type Resolution } from '../extract/resolve.ts';
import type { Zone } from '../extract/zones.ts';
import type { SearchEngine } from '../search/engine.ts';
import { pinyinTableOf, pinyinWords, plainLatin } from '../search/pinyin-query.ts';
import { measureWordOf } from '../search/measure-words.ts';
import { rewriteNumbers } from './english-numbers.ts';
import { englishWords, FUNCTION_WORDS, loadCorpusDictionary, stem, type CorpusDictionary, type Sense } from './dictionary.ts';

export interface EnglishReading {
  /** The question in the corpus's words. */
  query: string;
  /** The Chinese terms the question was read into, with the English they stand for. */
  glosses: Map<string, string>;
}

/** Question words and the Chinese ones the answer picker reads. */
const ASKING: [pattern: RegExp, chinese: string][] = [
  [/\bhow (?:many|much|big|large)\b|\bnumber of\b|\bwhat (?:is|was|were) the (?:total|amount|value|size|number|share|rate)\b/iu, '多少'],
  [/\bhow long\b/iu, '多久'],
  [/\bhow (?:fast|quickly|soon)\b/iu, '多快'],
  // When asks for a date, how long for a span: a date never answers how long.
  // When asks a time only before its verb (when did …, when was …): a when-clause (When Jibei switched to …,
  // what …; how do they … when they collect …) asks none.
  [/\bwhen\s+(?:did|does|do|is|was|were|are|will|would|can|could|has|have|had|should)\b|\bwhat time\b|\bwhat date\b/iu, '什么时候'],
  [/\bwhat year\b|\bwhich year\b/iu, '哪一年'],
  // Which two, which three …: a list of that many answers (哪三个原则).
  [/\b(?:which|what) two\b/iu, '哪两个'],
  [/\b(?:which|what) three\b/iu, '哪三个'],
  [/\b(?:which|what) four\b/iu, '哪四个'],
  // Who took a photo: its caption's credit (张群 摄) answers.
  [/\bwho (?:took|shot|photographed)\b|\bphotographer\b|\bphoto (?:credit|by)\b/iu, '谁拍的'],
  [/\bwho\b/iu, '谁'],
  // Which company (which Jinan company's line …): a name ending in 公司 answers, as for 哪家公司. Which types of
  // companies asks for a kind, not a name.
  [/\b(?:which|what)\s+(?:(?!(?:types?|kinds?|sorts?|categor\w*)\b)[\w'’-]+\s+){0,3}?(?:company|companies|firms?|enterprises?)\b/iu, '哪家公司'],
  [/\b(?:which|what)\s+(?:[\w'’-]+\s+){0,2}?(?:official|officials|leader|leaders|person|people|engineer|manager|director)\b/iu, '谁'],
  [/\bwhich\b/iu, '哪个'],
  [/\bwhat rank\b|\branking\b|\brank(?:ed)?\b/iu, '第几'],
  // Why, and what a fact shows: a stated reason or meaning answers.
  [/\bwhy\b|\bwhat (?:does|did|do) (?:[\w'’-]+\s+){1,6}?(?:show|mean|signal|signify|indicate|say about)\b/iu, '为什么'],
  // A question opening with what, why, where or how asks nothing the words above name: a `when` or `which` after it
  // opens a clause (what ideas does it follow when building …). Last, so that `what year` at the start is read above.
  [/^\W*(?:what|why|where|how)\b/iu, ''],
];

/**
 * A heading in English: a section's when the question speaks of a section or part, else the article's. Heading as a
 * verb (heading into its next stage) asks none.
 */
const HEADING =
  /\b(?:sub-?)?headings?\b(?!\s+(?:into|to|towards?|for|out|off|back|up|down|on)\b)|\bheadlines?\b|\bheads\s+(?:the|that|this)\s+(?:section|part)\b|\btitle of (?:the|that|this) (?:article|piece|story|report|feature)\b/iu;
const SECTION = /\bsub-?heading|\bsection\b|\bpart\b/iu;
function headingAsked(question: string): string | undefined {
  if (!HEADING.test(question)) return undefined;
  return SECTION.test(question) ? '小标题' : '标题';
}

/**
 * Words a question uses about the text rather than about zones (per the Jibei article, what's the first thing it
 * mentions; what did he say): the dictionary reads them as content (piece → 新篇, thing → 事, say → 云), which finds
 * passages that say so.
 */
const ABOUT_THE_TEXT = new Set(
  'article articles piece pieces story stories per according mention mentions mentioned thing things stuff describe describes described characterise characterises characterize characterizes say says said'.split(' '),
);

/** A question is English when most of its letters are Latin and it has a few words. */
export function isEnglish(question: string): boolean {
  const latin = (question.match(/[a-zA-Z]/gu) ?? []).length;
  const han = (question.match(/\p{Script=Han}/gu) ?? []).length;
  return latin >= 8 && latin > 3 * han && (question.match(/[a-zA-Z]+/gu) ?? []).length >= 2;
}

/** How many Chinese terms one English word may stand for: its most specific senses only. */
const TERMS_PER_WORD = 4;
/** How many words a phrase looked up whole may have. */
const MAX_PHRASE = 4;

/**
 * The senses an English word or phrase may mean, best first: a sense that is just these words before one where
 * they are a part (specificity), and among those the words the corpus uses more (a word it names once is seldom
 * what a reader means).
 */
function bestSenses(engine: SearchEngine, senses: Sense[], words: number): Sense[] {
  const byTerm = new Map<string, { sense: Sense; weight: number }>();
  for (const sense of senses) {
    const weight = (words / sense.words.length) * Math.log(2 + engine.paragraphsWith(sense.term));
    const seen = byTerm.get(sense.term);
    if (!seen || weight > seen.weight) byTerm.set(sense.term, { sense, weight });
  }
  const ranked = [...byTerm.values()].sort((a, b) => b.weight - a.weight || a.sense.term.length - b.sense.term.length);
  const top = ranked[0]?.weight ?? 0;
  return ranked.filter((r) => r.weight >= top / 3).slice(0, TERMS_PER_WORD).map((r) => r.sense);
}

/**
 * A zone's names: the forms the text writes it in, and the name without its city (新材料产业园区 of 济南新材料产业
 * 园区), how people name a zone once its place is known.
 */
const zoneNamesOf = (z: SearchEngine['knowledge']['zones'][number]) => [...new Set([z.name, z.fullName, ...z.forms, ...(z.bareForms ?? [])])];

/**
 * English forms of the zones, by their words, to each zone's name: the pinyin of the proper part (`gangcheng
 * economic development zone`) and its English where the dictionary has its parts (`jinan new material
 * industrial park`).
 */
function zoneEnglish(engine: SearchEngine, dictionary: CorpusDictionary): Map<string, string> {
  const forms = new Map<string, string>();
  // Shortened kinds (the New Materials park, the Gangcheng zone), kept only where one zone has them.
  const short = new Map<string, string | null>();
  const add = (words: string[], zone: string) => {
    const form = words.join(' ');
    forms.set(form, zone);
    const kind = SHORT_KIND.exec(form);
    if (!kind) return;
    const key = `${form.slice(0, kind.index)}${kind[1] ? 'park' : 'zone'}`;
    short.set(key, short.has(key) && short.get(key) !== zone ? null : zone);
  };
  for (const z of engine.knowledge.zones) {
    for (const name of zoneNamesOf(z)) {
      const pinyinForm = englishName(name);
      if (!pinyinForm) continue;
      add(englishWords(pinyinForm), z.name);
      const proper = properPart(name);
      const translated = proper ? dictionary.namesInEnglish.get(proper) : undefined;
      if (translated) add([...translated, ...englishWords(pinyinForm).slice(1)], z.name);
    }
  }
  for (const [key, zone] of short) if (zone && !forms.has(key)) forms.set(key, zone);
  return forms;
}
/** Zone kinds as English speakers write them, to the Chinese kind of their family; bare zone and park fit any zone. */
const ENGLISH_KINDS: [RegExp, string][] = [
  [/^(?:edz|etdz|dev zone|(?:economic (?:and technological )?)?development zone)$/u, '开发区'],
  [/^(?:hdz|hi ?tech zone|high ?tech zone|high ?tech (?:industrial )?(?:development zone|park)|hi ?tech park)$/u, '高新区'],
  [/^(?:ftz|(?:pilot )?free trade (?:zone|area))$/u, '自贸试验区'],
  [/^(?:zone|park|industrial park)$/u, '园区'],
];
/** The Chinese zone kind an English kind (EDZ, high-tech zone, park) stands for, if it is one. */
export function chineseKindOf(english: string): string | undefined {
  const words = english.toLowerCase().replace(/[^a-z]+/gu, ' ').trim();
  return ENGLISH_KINDS.find(([pattern]) => pattern.test(words))?.[1];
}
/** A kind's English that people shorten: industrial park to park, a development or high-tech zone to zone. */
const SHORT_KIND = /(?:(industrial park)|economic and technological development zone|economic development zone|development zone|high tech zone)$/u;

interface Lexicon {
  dictionary: CorpusDictionary;
  zones: Map<string, string>;
}
const lexicons = new WeakMap<SearchEngine, Lexicon>();
/** The engine's lexicon, built on its first English question. */
export function lexiconOf(engine: SearchEngine): Lexicon {
  let lexicon = lexicons.get(engine);
  if (!lexicon) {
    const proper = engine.knowledge.zones.flatMap(zoneNamesOf).map(properPart).filter((p) => p !== undefined);
    const dictionary = loadCorpusDictionary(engine.words(), proper);
    lexicons.set(engine, (lexicon = { dictionary, zones: zoneEnglish(engine, dictionary) }));
  }
  return lexicon;
}

/** What a how-many question counts: the words after it, up to the verb or preposition that ends the phrase. */
const COUNTED_PHRASE = /\b(?:how many|number of)\s+([^?.!,;:]+)/iu;
const PHRASE_END = new Set(
  'is are was were be been do does did have has had will would can could should shall may might must in on at to for by with from into over under than that which who whom per since during between within across after before'.split(' '),
);

/**
 * The noun a how-many question counts: the first plural in its phrase (how many of Gangcheng's signed projects
 * have → projects; how many party cadres → cadres), since English counts in the plural. None when the phrase has
 * no plural (how many people, staff): then no unit is guessed.
 */
export function countedNoun(question: string): string | undefined {
  const phrase = COUNTED_PHRASE.exec(question)?.[1] ?? '';
  for (const raw of phrase.split(/\s+/u)) {
    const word = raw.toLowerCase().replace(/['’]s?$/u, '');
    if (PHRASE_END.has(word)) return undefined;
    if (/^[a-z-]+$/u.test(word) && !FUNCTION_WORDS.has(word) && stem(word) !== word && word.endsWith('s')) return word;
  }
  return undefined;
}

/** The measure word a how-many question counts in: the one the corpus counts the noun's Chinese words in (companies → 企业 → 家). */
function countUnit(engine: SearchEngine, dictionary: CorpusDictionary, question: string): string | undefined {
  const noun = countedNoun(question);
  if (!noun) return undefined;
  return measureWordOf(engine, bestSenses(engine, dictionary.byWord.get(stem(noun)) ?? [], 1).map((sense) => sense.term));
}

/** Endings that derive one English word from another (register → registration, invest → investor). */
const DERIVING_SUFFIX = new Set(
  ['ation', 'ration', 'ition', 'tion', 'sion', 'ion', 'ment', 'ance', 'ence', 'ity', 'ility', 'ness', 'al', 'ive', 'or', 'er', 'ing', 'ly', 'ally', 'ure'],
);
/** What a word drops before a deriving ending (register → regist|ration, alleviate → allevi|ation). */
const DROPPED_ENDINGS = ['', 'e', 'le', 'er', 'ate', 'y'];

/**
 * The dictionary's word an English word is derived from, where the dictionary lacks the word itself
 * (registration from register, investor from invest, accountability from accountable); the longest such.
 */
export function derivedFrom(word: string, dictionary: CorpusDictionary): string {
  if (word.length < 6 || !/^[a-z]+$/u.test(word)) return '';
  let best = '';
  for (const candidate of dictionary.byWord.keys()) {
    if (candidate.length <= best.length || candidate.length >= word.length) continue;
    const derives = DROPPED_ENDINGS.some((ending) => {
      if (!candidate.endsWith(ending)) return false;
      const base = candidate.slice(0, candidate.length - ending.length);
      return base.length >= 4 && word.startsWith(base) && DERIVING_SUFFIX.has(word.slice(base.length));
    });
    if (derives) best = candidate;
  }
  return best;
}

export function readEnglish(engine: SearchEngine, question: string): EnglishReading {
  const { dictionary, zones } = lexiconOf(engine);
  const table = pinyinTableOf(engine);
  const glosses = new Map<string, string>();
  const parts: string[] = [];
  // The question word that comes first is what is asked: `when they travel` in a how-many question is a clause.
  const asked = ASKING.map(([pattern, chinese]) => ({ at: pattern.exec(question)?.index ?? Infinity, chinese })).sort((a, b) => a.at - b.at)[0]!;
  if (asked.at < Infinity && asked.chinese) parts.push(asked.chinese === '多少' ? `多少${countUnit(engine, dictionary, question) ?? ''}` : asked.chinese);
  // A heading asked for, whatever the question word: a section's (the subheading, the heading over a section) or the
  // article's (the headline).
  const heading = headingAsked(question);
  if (heading) parts.push(heading);

  // Raw words (for pinyin and zone names) beside their comparable forms (for the dictionary).
  // Amounts and months are written as the corpus writes them (100 million yuan → 1亿元, January to June → 1-6月).
  const raw = (rewriteNumbers(question).match(/[a-zA-Z\u00c0-\u024f\u0300-\u036f]+|\d+(?:\.\d+)?(?:-\d+)?(?:%|\p{Script=Han}+)?/gu) ?? []).filter(
    (w) => !FUNCTION_WORDS.has(w.toLowerCase()) && !ABOUT_THE_TEXT.has(w.toLowerCase()),
  );
  const words = raw.map((w) => stem(plainLatin(w)));
  const isEnglishWord = (i: number) => dictionary.byWord.has(words[i]!);
  for (let i = 0; i < words.length; ) {
    const word = words[i]!;
    if (/^\d/u.test(word)) {
      parts.push(raw[i]!);
      i++;
      continue;
    }
    // A zone's English name, longest first.
    let next = i;
    for (let j = Math.min(words.length, i + 8); j > i + 1 && next === i; j--) {
      const zone = zones.get(words.slice(i, j).join(' '));
      if (zone) {
        parts.push(zone);
        next = j;
      }
    }
    // Pinyin of corpus words (Jibei, Gangcheng), when the word is not an English word of the dictionary.
    if (next === i && !isEnglishWord(i)) {
      const [first] = pinyinWords(raw.slice(i), table, (w) => dictionary.byWord.has(stem(plainLatin(w))));
      if (first?.han) {
        parts.push(first.text);
        next = i + first.words;
      }
    }
    // A phrase the dictionary has whole (`foreign investment`, `square meter`), longest first.
    for (let j = Math.min(words.length, i + MAX_PHRASE); j > i + 1 && next === i; j--) {
      const senses = dictionary.byPhrase.get(words.slice(i, j).join(' '));
      if (!senses) continue;
      for (const sense of bestSenses(engine, senses, j - i)) {
        parts.push(sense.term);
        glosses.set(sense.term, sense.text);
      }
      next = j;
    }
    if (next === i) {
      const senses = dictionary.byWord.get(word) ?? dictionary.byWord.get(derivedFrom(word, dictionary)) ?? [];
      for (const sense of bestSenses(engine, senses, 1)) {
        parts.push(sense.term);
        if (!glosses.has(sense.term)) glosses.set(sense.term, sense.text);
      }
      next = i + 1;
    }
    i = next;
  }
  return { query: parts.join(' '), glosses };
}

/**
 * A zone's name as typed into /zone or /stats: by its names, pinyin and typos first; where none matches and the name
 * is English (Jinan New Materials Park), by the zone an English question with those words would name, if it names
 * exactly one. Only then is the dictionary read.
 */
export function resolveZoneAsTyped(engine: SearchEngine, typed: string): Resolution<Zone> {
  const resolution = resolveZone(typed, engine.knowledge.zones);
  if (!('none' in resolution) || !isEnglish(typed)) return resolution;
  const byName = new Map(engine.knowledge.zones.map((z) => [z.name, z]));
  const named = new Set(readEnglish(engine, typed).query.split(' ').filter((w) => byName.has(w)));
  return named.size === 1 ? { found: byName.get([...named][0]!)! } : resolution;
}
