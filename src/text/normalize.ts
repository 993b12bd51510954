/**
 * Text normalization: the one place that decides how corpus text and queries are made comparable.
 *
 * Display text keeps the source's script (a Traditional article is shown in Traditional) minus pinyin
 * annotations; the matching form is NFKC + Simplified + lower case, without invisible characters. Both corpus
 * and queries go through `normalizeForMatch`, so Traditional meets Simplified and full-width meets ASCII.
 */
import * as OpenCC from 'opencc-js/t2cn';
import * as OpenCCToTraditional from 'opencc-js/cn2t';

const traditionalToSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
/** Made on first use: only building the gazetteer's aliases needs it, and making it costs ~140 ms of a cold start. */
let simplifiedToTraditional: ((text: string) => string) | undefined;

const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const PINYIN_LETTERS = 'a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ';
/**
 * A pinyin syllable in parentheses right after a Han character: `濟(jì)南`. Only lower-case pinyin letters,
 * one syllable (≤ 6 letters), so real parentheses such as `(李小梦 摄)` or `(EPC)` are left alone.
 */
const PINYIN_ANNOTATION = new RegExp(`(?<=[${HAN}])[(（][${PINYIN_LETTERS}]{1,6}[)）]`, 'gu');

export function stripPinyinAnnotations(text: string): string {
  // Most text has no parenthesis: looking for one is much cheaper than the look-behind at every position.
  if (!text.includes('(') && !text.includes('（')) return text;
  return text.replace(PINYIN_ANNOTATION, '');
}

/** Zero-width, bidi-control and other invisible characters that only hide differences between strings. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;
/** C0/C1 control characters except tab and newline. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu;

export function removeInvisible(text: string): string {
  return text.replace(INVISIBLE, '').replace(CONTROL, ' ');
}

export function toSimplified(text: string): string {
  return traditionalToSimplified(text);
}

export function toTraditional(text: string): string {
  const convert = (simplifiedToTraditional ??= OpenCCToTraditional.Converter({ from: 'cn', to: 't' }));
  return convert(text);
}

/** The matching form of a text: what the index, the extractors and the queries compare. */
export function normalizeForMatch(text: string): string {
  return normalizeWithOffsets(text).text;
}

/** The matching form of each character seen: corpus text repeats a few thousand characters millions of times. */
const matchingForms = new Map<string, string>();
/** Enough for every character a real corpus uses; past it, forms are computed without being remembered. */
const MAX_MATCHING_FORMS = 100_000;

/** NFKC, visible, lower case: the matching form of one character (one code point). */
function matchingForm(ch: string): string {
  let form = matchingForms.get(ch);
  if (form === undefined) {
    form = removeInvisible(ch.normalize('NFKC')).toLowerCase();
    if (matchingForms.size < MAX_MATCHING_FORMS) matchingForms.set(ch, form);
  }
  return form;
}

/** Width in UTF-16 units of the code point at `i`, as the string iterator steps: 2 for a surrogate pair, else 1. */
function codePointWidth(text: string, i: number): 1 | 2 {
  const unit = text.charCodeAt(i);
  if (unit < 0xd800 || unit > 0xdbff || i + 1 >= text.length) return 1;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/** Per UTF-16 unit outside the surrogates: 1 when the character is its own matching form, 2 when not, 0 unknown. */
const keepsFormByUnit = new Uint8Array(0x10000);

function keepsForm(unit: number): boolean {
  let status = keepsFormByUnit[unit]!;
  if (status === 0) {
    const ch = String.fromCharCode(unit);
    keepsFormByUnit[unit] = status = matchingForm(ch) === ch ? 1 : 2;
  }
  return status === 1;
}

/**
 * The matching forms of a text's characters joined, and for every UTF-16 unit of the result the offset of the
 * character it came from. Most characters are their own form: runs of them are copied from the text as they are.
 */
function matchingText(source: string): { joined: string; offsets: number[] } {
  const offsets: number[] = [];
  let joined = '';
  let copiedTo = 0;
  for (let offset = 0; offset < source.length; ) {
    const unit = source.charCodeAt(offset);
    if ((unit < 0xd800 || unit > 0xdfff) && keepsForm(unit)) {
      offsets.push(offset++);
      continue;
    }
    const width = codePointWidth(source, offset);
    const form = matchingForm(source.slice(offset, offset + width));
    joined += source.slice(copiedTo, offset) + form;
    for (let k = 0; k < form.length; k++) offsets.push(offset);
    offset += width;
    copiedTo = offset;
  }
  joined += source.slice(copiedTo);
  offsets.push(source.length);
  return { joined, offsets };
}

/**
 * Normalizes and keeps, for every UTF-16 unit of the result, the offset of the display character it came
 * from, so that terms matched in the normalized text can be marked in the display text.
 */
export function normalizeWithOffsets(display: string): { text: string; offsets: number[] } {
  const source = stripPinyinAnnotations(display);
  const { joined, offsets } = matchingText(source);
  // Whole-string conversion lets OpenCC use its phrase tables; fall back to character by character when a
  // phrase changed the length, which would break the offset map.
  const converted = toSimplified(joined);
  if (converted.length === joined.length) return { text: converted, offsets };
  const pieces: string[] = [];
  const pieceOffsets: number[] = [];
  for (let offset = 0; offset < source.length; ) {
    const width = codePointWidth(source, offset);
    const piece = toSimplified(matchingForm(source.slice(offset, offset + width)));
    pieces.push(piece);
    for (let k = 0; k < piece.length; k++) pieceOffsets.push(offset);
    offset += width;
  }
  pieceOffsets.push(source.length);
  return { text: pieces.join(''), offsets: pieceOffsets };
}

/** Sentence ends: Chinese and ASCII full stops, question and exclamation marks, semicolons, ellipses. */
const SENTENCE_END = /[。！？!?；;…]+[”’」』)）]*/gu;

/** [start, end) offsets of each sentence of `text`, spaces around it left out, closing marks kept with it. */
export function sentenceBounds(text: string): [number, number][] {
  const bounds: [number, number][] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/u.test(text[start]!)) start++;
    while (end > start && /\s/u.test(text[end - 1]!)) end--;
    if (end > start) bounds.push([start, end]);
  };
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    push(start, end);
    start = end;
  }
  push(start, text.length);
  return bounds;
}

/** Splits display text into sentences, keeping the closing punctuation and quotes with each sentence. */
export function splitSentences(text: string): string[] {
  return sentenceBounds(text).map(([start, end]) => text.slice(start, end));
}

/** The Chinese numerals one to ten, in order. */
export const HAN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** The Chinese numeral of 1 to 10 (3 → 三), as names and numbered items write it. */
export const hanNumeral = (n: number): string | undefined => HAN_NUMERALS[n - 1];
