/**
 * Pinyin inside a question (`jibei开发区签约了多少`, `xincailiao chanyeyuanqu 审批大厅`, `gāngchéng`): each run of
 * Latin letters that spells corpus words in pinyin, with or without spaces and tones, becomes those words. The
 * table is built from the corpus's own words and the zones' names, once per engine, on the first question that
 * has Latin letters; a pinyin key that two different words share is ambiguous and left out, so nothing is
 * guessed.
 */
import { nameStem, toPinyin } from '../extract/zones.ts';
import { pinyinSyllables } from '../text/pinyin.ts';
import type { SearchEngine } from './engine.ts';
import { segment } from './tokenize.ts';

/** A table from pinyin keys (lower case, no tones, no spaces) to the one word each spells. */
export type PinyinTable = Map<string, string>;

/** Lower case, tone marks and ü's dots off: what a key is compared in. */
export const plainLatin = (text: string) => text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/gu, '');

/** Builds the table from words; a key two words share is dropped. */
export function buildPinyinTable(words: Iterable<string>): PinyinTable {
  const table: PinyinTable = new Map();
  const ambiguous = new Set<string>();
  for (const word of words) {
    const key = toPinyin(word).replace(/[^a-z]/gu, '');
    if (key.length < 2 || ambiguous.has(key)) continue;
    const other = table.get(key);
    if (other === undefined) table.set(key, word);
    else if (other !== word) {
      table.delete(key);
      ambiguous.add(key);
    }
  }
  return table;
}

const tables = new WeakMap<SearchEngine, PinyinTable>();
/** The engine's table: its corpus words and its zones' names and short forms. */
export function pinyinTableOf(engine: SearchEngine): PinyinTable {
  let table = tables.get(engine);
  if (!table) {
    const zoneWords = engine.knowledge.zones.flatMap((z) => {
      const bare = z.bareForms ?? [];
      return [z.name, z.fullName, ...z.forms, ...bare, ...(z.short ? [z.short] : []), ...[z.name, ...bare].map(nameStem)];
    });
    tables.set(engine, (table = buildPinyinTable(new Set([...engine.words(), ...zoneWords]))));
  }
  return table;
}

/** Longest key, in letters: words of more than this many are not looked for inside a run. */
const MAX_KEY = 40;

/**
 * A run of letters as a sequence of table keys, longest keys first with backtracking (`xincailiaochanyeyuanqu`
 * → 新材料 产业园区), or undefined when it is not wholly made of keys.
 */
function splitIntoWords(run: string, table: PinyinTable): string[] | undefined {
  const memo = new Map<number, string[] | undefined>();
  const from = (start: number): string[] | undefined => {
    if (start === run.length) return [];
    if (memo.has(start)) return memo.get(start);
    let found: string[] | undefined;
    for (let end = Math.min(run.length, start + MAX_KEY); end >= start + 2 && !found; end--) {
      const word = table.get(run.slice(start, end));
      if (word === undefined) continue;
      const rest = from(end);
      if (rest) found = [word, ...rest];
    }
    memo.set(start, found);
    return found;
  };
  return from(0);
}

/** Runs of Latin letters (with tone marks), spaces and apostrophes between them. */
const LATIN_RUN = /[a-zA-Z\u00c0-\u024f\u0300-\u036f]+(?:[\s'’-]+[a-zA-Z\u00c0-\u024f\u0300-\u036f]+)*/gu;

/**
 * The words of a run of Latin words: the longest span of consecutive words that spells corpus words joined
 * (`jibei kaifaqu`, `xin cailiao`), else the word as it was typed. `keep` says which words are better left as
 * they are (English words, in an English question).
 */
export function pinyinWords(words: string[], table: PinyinTable, keep: (word: string) => boolean = () => false): { text: string; han: boolean; words: number }[] {
  const out: { text: string; han: boolean; words: number }[] = [];
  for (let i = 0; i < words.length; ) {
    let matched = false;
    for (let j = words.length; j > i && !matched; j--) {
      const span = words.slice(i, j);
      if (span.every(keep)) continue;
      const han = splitIntoWords(span.map(plainLatin).join(''), table);
      if (!han) continue;
      out.push({ text: han.join(''), han: true, words: j - i });
      i = j;
      matched = true;
    }
    if (!matched) out.push({ text: words[i++]!, han: false, words: 1 });
  }
  return out;
}

/** How many paragraphs holding a neighbour are read to spell a word by sound next to it. */
const MAX_NEIGHBOUR_PARAGRAPHS = 300;
/** How many characters a word spelled next to a neighbour may have: a word, not a phrase. */
const MAX_SPELLED = 6;

/**
 * The Han text the corpus writes right before (`side` -1) or after (+1) `neighbour` that sounds as `latin`, when
 * there is exactly one: `yidadui` after 国测 is 一大队, `shijianzhan` after 文明 is 实践站 (新时代文明实践站), though
 * neither is a word of the index and 实践 alone sounds as 时间. Undefined when the corpus has none or several.
 */
export function spelledNextTo(engine: SearchEngine, neighbour: string, latin: string, side: -1 | 1): string | undefined {
  const key = plainLatin(latin).replace(/[^a-z]/gu, '');
  if (key.length < 2) return undefined;
  // The neighbour's rarest word says which paragraphs may hold it: the paragraphs holding that word.
  const held = segment(neighbour).map((word) => ({ word, paragraphs: engine.paragraphsWith(word) })).filter((w) => w.paragraphs > 0);
  const rarest = held.sort((a, b) => a.paragraphs - b.paragraphs)[0]?.word;
  if (!rarest) return undefined;
  const found = new Set<string>();
  for (const i of engine.paragraphsHolding(rarest).subarray(0, MAX_NEIGHBOUR_PARAGRAPHS)) {
    const text = engine.corpus.paragraphs[i]!.normalized;
    for (let at = text.indexOf(neighbour); at >= 0; at = text.indexOf(neighbour, at + 1)) {
      // The Han characters touching the neighbour on that side, nearest last before it and first after it.
      const han = side > 0
        ? (/^\p{Script=Han}+/u.exec(text.slice(at + neighbour.length, at + neighbour.length + MAX_SPELLED))?.[0] ?? '')
        : (/\p{Script=Han}+$/u.exec(text.slice(Math.max(0, at - MAX_SPELLED), at))?.[0] ?? '');
      const syllables = pinyinSyllables(han);
      // Two characters next to the neighbour, then one more at a time, until they spell the key.
      for (let n = 2; n <= han.length; n++) {
        const [chars, sounds] = side > 0 ? [han.slice(0, n), syllables.slice(0, n)] : [han.slice(-n), syllables.slice(-n)];
        const spelled = sounds.join('');
        if (spelled === key) found.add(chars);
        if (spelled.length >= key.length) break;
      }
    }
    if (found.size > 1) return undefined;
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** A word made of pinyin syllables (toneless): an initial, if any, and a final, again and again. */
const PINYIN_WORD =
  /^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|an|ao|ei|en|er|ia|ie|in|iu|ou|ua|ue|ui|un|uo|ve|a|e|i|o|u|v))+$/u;

/**
 * Words no table key spells, read by their sound next to a neighbour that was read (国测 yidadui → 国测一大队), as
 * long as one more can be: the corpus's own text decides, character by character, what a word of pinyin is.
 */
function spellByNeighbours(engine: SearchEngine, parts: { text: string; han: boolean }[]): void {
  for (let changed = true; changed; ) {
    changed = false;
    parts.forEach((part, k) => {
      if (part.han || !PINYIN_WORD.test(plainLatin(part.text))) return;
      const before = parts[k - 1];
      const after = parts[k + 1];
      const han = (before?.han ? spelledNextTo(engine, before.text, part.text, 1) : undefined) ?? (after?.han ? spelledNextTo(engine, after.text, part.text, -1) : undefined);
      if (han) [part.text, part.han, changed] = [han, true, true];
    });
  }
}

/**
 * Whether a stretch of a text's Han characters sounds as the typed pinyin, the punctuation between them skipped:
 * `zhou diaodu yue guanmo` is in 实行周调度、月观摩. For checking text already found by the words that were read.
 */
export function soundsIn(text: string, latin: string): boolean {
  const key = plainLatin(latin).replace(/[^a-z]/gu, '');
  const han = text.replace(/\P{Script=Han}+/gu, '');
  return key.length > 0 && pinyinSyllables(han).join('').includes(key);
}

/** The question with its pinyin turned into the corpus's words; the question itself when it has none. */
export function rewritePinyin(question: string, engine: SearchEngine): string {
  if (!/[a-zA-Z]/u.test(question)) return question;
  const table = pinyinTableOf(engine);
  return question.replace(LATIN_RUN, (run) => {
    const parts = pinyinWords(run.split(/[\s'’-]+/u).filter(Boolean), table);
    spellByNeighbours(engine, parts);
    // Han words join without spaces, so that `jibei开发区` reads as `济北开发区`; Latin words keep theirs.
    let text = '';
    parts.forEach((part, k) => {
      const previous = parts[k - 1];
      text += (previous && !(previous.han && part.han) ? ' ' : '') + part.text;
    });
    return text;
  });
}
