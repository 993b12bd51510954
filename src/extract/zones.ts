/**
 * Zones: the development zones and parks the corpus speaks of, and the districts and counties it names, found by
 * rules over segmented text and the list of China's divisions (no list of zones), grouped with their spellings
 * (济北开发区 = 济南济北经济开发区 = 济北经济开发区), and given aliases: the short form where it is a name of its
 * own, the full names, Traditional forms and pinyin.
 */
import { addUserWords, cut, tagAsBuilt, type TaggedToken } from '../text/jieba.ts';
import { toTraditional } from '../text/normalize.ts';
import { pinyinSyllables } from '../text/pinyin.ts';
import { isPlaceName, isTownName, isWideRegion, leadingPlacesLength, placeOf } from './places.ts';

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
  /**
   * The name without the city or province in front (新材料产业园区 of 济南新材料产业园区), where no other zone of
   * the corpus has it: how people ask about the zone once its place is understood. Not a mention in running text,
   * where it may be another city's park of the same name.
   */
  bareForms?: string[];
  /** Everything a user may type: forms, short form, Traditional forms, pinyin. */
  aliases: string[];
  /** How many times the text names the zone. */
  mentions: number;
}

/**
 * Zone kinds as written, longest first, each with the form under which spellings of one kind meet: 经济技术开发区,
 * 经济开发区, 经开区 and 开发区 of one place are one zone; its 高新区 is another.
 */
const KINDS: [written: string, family: string][] = [
  ['高新技术产业开发区', '高新区'], ['高新技术产业园区', '高新区'], ['高新技术产业园', '高新区'], ['新技术产业开发区', '高新区'],
  ['高新技术开发区', '高新区'], ['新技术开发区', '高新区'],
  ['高新开发区', '高新区'],
  ['经济技术开发区', '开发区'], ['综合经济开发区', '开发区'], ['经济开发区', '开发区'], ['高新区', '高新区'], ['经开区', '开发区'], ['开发区', '开发区'],
  ['综合保税区', '综合保税区'], ['综保区', '综合保税区'], ['保税港区', '保税港区'], ['保税区', '保税区'],
  ['自由贸易试验区', '自贸试验区'], ['自贸试验区', '自贸试验区'], ['自由贸易区', '自贸试验区'], ['自贸区', '自贸试验区'],
  ['高科技园区', '科技园'], ['科技园区', '科技园'], ['科技园', '科技园'], ['软件园', '软件园'], ['科学城', '科学城'],
  ['产业园区', '产业园'], ['产业园', '产业园'], ['智造园', '产业园'],
  ['工业园区', '工业园'], ['工业园', '工业园'], ['园区', '园区'],
  ['产业集聚区', '集聚区'], ['工业集中区', '集中区'], ['自贸片区', '片区'], ['新片区', '片区'], ['片区', '片区'], ['新区', '新区'],
  ['示范区', '示范区'], ['经济综合实验区', '试验区'], ['综合实验区', '试验区'], ['试验区', '试验区'], ['实验区', '试验区'],
  ['合作区', '合作区'], ['工业区', '工业区'], ['度假区', '度假区'], ['出口加工区', '出口加工区'], ['投资区', '投资区'],
];
const FAMILY = new Map(KINDS);
const KIND_AT_END = new RegExp(`(?:${KINDS.map(([k]) => k).join('|')})$`, 'u');
/** Whether a word is a zone kind alone (开发区, 经开区, 园区): a reference to a zone, naming none. */
export const isZoneKind = (word: string): boolean => FAMILY.has(word);
/** Whether a text ends in a zone kind (上饶市工业园区, 重点园区). */
export const endsInZoneKind = (text: string): boolean => KIND_AT_END.test(text);
const KIND_ANYWHERE = new RegExp(KINDS.map(([k]) => k).join('|'), 'gu');
/** The family of a zone's kind (综合保税区 for 综保区), or undefined for a name without a kind. */
export const kindFamilyOf = (name: string): string | undefined => FAMILY.get(KIND_AT_END.exec(name)?.[0] ?? '');
/**
 * Whether a kind written after a zone's short form, in characters or pinyin, may still be that zone (钢城 + 园区,
 * 经开区 or jingkaiqu for 钢城经济开发区): the generic 园区 or a kind of the zone's own family, never another
 * family (钢城 + 高新区).
 */
export function kindMayName(kind: string, zoneName: string): boolean {
  const family = FAMILY.get(kind) ?? FAMILY_BY_PINYIN().get(kind.replace(/\s+/gu, ''));
  return family !== undefined && (family === '园区' || family === kindFamilyOf(zoneName));
}
let familyByPinyin: Map<string, string> | undefined;
/** The kinds' families by the kinds' pinyin (jingkaiqu → 开发区), built on first use. */
const FAMILY_BY_PINYIN = () => (familyByPinyin ??= new Map(KINDS.map(([written, family]) => [toPinyin(written), family])));
/** How often a text writes each family of zone kinds, in names and alone (综保区 ×10, 自贸试验区 ×1). */
export function kindFamilyCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(KIND_ANYWHERE)) {
    const family = FAMILY.get(m[0])!;
    counts.set(family, (counts.get(family) ?? 0) + 1);
  }
  return counts;
}
const COUNTED_ZONES = new RegExp(`(?:\\d+|[两一二三四五六七八九十百]+)[个家]([^\\s，。；：、,;:“”]{0,6}?(?:${KINDS.map(([k]) => k).join('|')}))`, 'gu');
/**
 * Zones counted as a group (11个重点园区, 三个国家级开发区): where one is a sentence's subject, its figures are the
 * group's together, no one zone's. Each with where the count starts and the group's words.
 */
export function countedZoneGroups(text: string): { start: number; end: number; group: string }[] {
  return [...text.matchAll(COUNTED_ZONES)].map((m) => {
    // A region before the count (东部地区103家国家级经开区) says which of the zones are meant: it names the group.
    const region = REGION_BEFORE.exec(text.slice(Math.max(0, m.index - 6), m.index))?.[0] ?? '';
    return { start: m.index - region.length, end: m.index + m[0].length, group: region + m[1]! };
  });
}
/** Regions of the country, which are no division: 东部地区, 中西部, 东部沿海, and the whole of it (全国). */
const REGION_BEFORE = /(?:东部|中部|西部|东北|中西部|东中西部)(?:沿海|地区)?$|(?:沿海|沿边)地区$|全国$/u;
/** Kinds of free-trade zones: a 片区 after one is a block of that zone (自贸试验区济南片区). */
const FREE_TRADE = /(?:自由贸易试验区|自贸试验区|自由贸易区|自贸区)$/u;
/** Part-of-speech tags that cannot be inside a name: verbs, prepositions, particles, numbers, time, etc. */
const STOP_TAG = /^(?:v|vd|vg|p|c|u\w*|d|ad|f|m|mq|q|t|r|z|y|e|o|w|l|i)$/u;
/** Words that qualify a zone without naming it: 国家级开发区, 重点园区, 全省开发区. */
const GENERIC_WORD =
  /^(?:全区|全省|全市|全国|全县|省级|市级|国家级|国家|以上|重点|主要|现代化|现代|一流|优质|新型|特色|首批|各类|各级|各大|各个|各|各家|多个|所有|部分|个别|少数|众多|其他|其它|若干|综合|中心|城市|地方|国际|世界|海外|乡村|农村|城乡|城区|省内|市内|区内|境内|我国|本地|当地|外地|周边|沿海|内陆|边境)$/u;
/** Tags of words a dictionary does not know or knows as names: proper names of areas (济北, 张江) are among them. */
const NAME_TAG = /^(?:x|nz|nt|nrt)$/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;
/** Tags of a person's or brand's name: a place right after one is inside a longer name (富士康武汉科技园). */
const PERSONAL_NAME_TAG = /^(?:nr|nrt|nrfg)$/u;
/** Verbs that name an industry inside a park's name (装备制造产业园): jieba tags them as verbs. */
const INDUSTRY_VERB = /^(?:制造|智造|加工|孵化|研发)$/u;
/** The longest name before its kind, in characters. */
const MAX_NAME = 14;

/**
 * A word a zone's name can start with: a division (济南, 钢城区), a place the dictionary knows (东湖, 中关村), or a
 * proper name it does not know (济北).
 */
function isPlaceLike(t: TaggedToken): boolean {
  // A direction (南部片区) is no place, though a county is short-named 南部; a town's name jieba takes for one
  // (前海/f) is.
  if (t.tag === 'f') return isDirectionTown(t);
  if (isPlaceName(t.word) || leadingPlacesLength(t.word) > 0) return true;
  if (GENERIC_WORD.test(t.word) || !HAN_ONLY.test(t.word)) return false;
  if (t.tag === 'ns') return t.word.length >= 2;
  // A town's name jieba takes for a person's (梅山/nr 保税港区).
  if (t.tag === 'nr') return isTownName(t.word);
  return NAME_TAG.test(t.tag) && t.word.length >= 2 && t.word.length <= 6;
}

/** A town's name jieba tags as a direction (前海/f 深港合作区): two characters or more, a town of the division list. */
function isDirectionTown(t: TaggedToken): boolean {
  return t.tag === 'f' && t.word.length >= 2 && isTownName(t.word);
}

const DASH = /^[—–－-]$/u;
/**
 * Two or three one-character names of provinces, Hong Kong, Macao, Taiwan or partner countries, run together: the
 * partners a cross-region park is named for (粤澳, 京津冀, 川渝, 中新, 中德).
 */
const REGION_INITIALS = /^[京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀黔滇藏陕秦甘陇宁港澳台中新德韩欧俄日法意以马泰越印哈]{2,3}$/u;

/** A word jieba cut off the front of a proper name: a province's one-character short form, or a town's name. */
function startsProperName(t: TaggedToken): boolean {
  return (t.tag === 'j' && t.word.length === 1) || (t.word.length >= 2 && !GENERIC_WORD.test(t.word) && isTownName(t.word));
}

/**
 * Where jieba cuts a text into pieces that it segments independently (cppjieba's separators: space, tab, newline,
 * `，`, `。`). Tagging a text piece by piece therefore gives the same tokens as tagging it whole.
 */
const JIEBA_SEPARATORS = /[ \t\n，。]/u;
/** Every kind ends in 区, 园 or 城, so a piece without any holds no zone and need not be tagged. */
const NAME_END_CHARACTER = /[区园城]/u;
const DISTRICT_END = /[区县]$/u;
/** A kind's last character and a locative, which jieba cuts as one word (园内, 城中). */
const LOCATIVE_AFTER_KIND = /^[区园城][内外中里]$/u;
/** Honours and rankings that read like names: 中国最具投资价值园区, 十佳开发区, 先进园区, 示范园区. */
const HONOUR = /最|十佳|百强|先进(?!制造)|优秀|示范|标杆|样板|一流/u;
/** A former name (其前身为…昌吉经济技术开发区) is no mention of a zone of its own: the zone is the one renamed. */
const FORMER_NAME = /前身|原名|原称|曾用名|旧称/u;
/** An investment said of the name just before it (投资70亿元的…产业园, 投资额最大的…): a project, not a zone. */
const PROJECT_BEFORE = /(?:[\d.]+(?:余|多)?[十百千万亿]*(?:元|美元)的|投资额?最[多大高]的)$/u;
/** The kinds a place's national zone is named with, 国家 before them (玉溪国家高新区, 长春国家经开区). */
const NATIONAL_FAMILIES = new Set(['高新区', '开发区']);
const NATIONAL_BEFORE_KIND = new RegExp(`国家(?=${KINDS.filter(([, f]) => NATIONAL_FAMILIES.has(f)).map(([k]) => k).join('|')}$)`, 'u');
/** A company's name before a kind (裕森石材有限公司智慧建材产业园): the park is the company's project, no zone. */
const COMPANY = /(?:公司|集团)$/u;
/** A zone's level written in brackets inside its name: 西宁(国家级)经济技术开发区. */
const BRACKETED_LEVEL = /[（(](?:国家级|省级|市级)[）)]/u;

/**
 * Zone names in one normalized (Simplified) text, in order of appearance, as they are written there: a place or
 * proper name plus a zone kind (`济北开发区`, `济南济北经济开发区`, `苏州工业园区`, `自贸试验区济南片区`), and the
 * districts and counties of the division list (`历下区`). A kind alone (`开发区`, `国家高新区`, `重点园区`) names
 * no zone.
 */
export function findZoneNames(text: string, memo?: ZoneNameMemo): string[] {
  addKindWords();
  const names: string[] = [];
  // Tagging is most of the cost of building knowledge: only the pieces that can hold a name are tagged, and a
  // piece the corpus repeats (reposts, teasers, stock phrases) only once.
  for (const piece of text.split(JIEBA_SEPARATORS)) {
    if (!NAME_END_CHARACTER.test(piece)) continue;
    let found = memo?.get(piece);
    if (!found) {
      found = zoneNamesInPiece(piece);
      memo?.set(piece, found);
    }
    names.push(...found);
  }
  return names;
}

let kindWordsAdded = false;
/**
 * The kinds as words of the dictionary: jieba does not know 经开区 or 综保区 and cuts 经开区的 as 经开|区的, so the
 * kind would not end a word. (`tagAsBuilt` hands them back as the tokens they were, which end where the kind does.)
 */
function addKindWords(): void {
  if (kindWordsAdded) return;
  addUserWords(KINDS.map(([written]) => written));
  kindWordsAdded = true;
}

/**
 * Zone names already found per piece of text. Valid for one pass over a corpus only: a word added to jieba's
 * dictionary (addUserWords) changes how pieces are cut.
 */
export type ZoneNameMemo = Map<string, string[]>;

interface Located extends TaggedToken {
  start: number;
  end: number;
}

/** The tokens with their offsets, added in place (jieba's token objects are fresh on every call). */
function locate(tokens: TaggedToken[], offset = 0): Located[] {
  let at = offset;
  for (const t of tokens as Located[]) {
    t.start = at;
    t.end = at += t.word.length;
  }
  return tokens as Located[];
}

/** Zone and district names in one piece of text (no separator inside), left to right. */
function zoneNamesInPiece(piece: string): string[] {
  const tokens = locate(tagAsBuilt(piece));
  const found: { name: string; start: number }[] = [];
  tokens.forEach((t, i) => {
    // A district or county written whole (历下区, or 济阳 + 区 as jieba cuts it); its short form alone is too
    // ambiguous in running text.
    const next = tokens[i + 1];
    const joined = next !== undefined && (next.word === '区' || next.word === '县');
    if (!joined && !DISTRICT_END.test(t.word)) return;
    const word = joined ? t.word + next.word : t.word;
    if (word.length >= 3 && placeOf(word)?.level === 'county') found.push({ name: word, start: t.start });
  });
  for (const m of piece.matchAll(KIND_ANYWHERE)) {
    const start = m.index;
    const end = start + m[0].length;
    // The kind must end a word (开发区 in 开发区内, not 新区 in 新区域), or end where jieba joins its last character
    // to a locative (产业|园内, 科技|城中).
    if (!tokens.some((t) => t.end === end || (t.start === end - 1 && t.end === end + 1 && LOCATIVE_AFTER_KIND.test(t.word)))) continue;
    // 天桥区 and 历下区 are found as districts; a token that is a county name is not a kind.
    if (tokens.some((t) => t.start < end && t.end >= end && placeOf(t.word)?.level === 'county')) continue;
    const name = nameEndingAt(piece, tokens, start, end);
    if (name) found.push({ name, start: end - name.length });
  }
  // A name inside a longer one found here is part of it (中国(山东)自由贸易试验区 of its 济南片区).
  const inside = (a: { name: string; start: number }, b: { name: string; start: number }) =>
    a !== b && a.start >= b.start && a.start + a.name.length <= b.start + b.name.length && a.name.length < b.name.length;
  return found
    .filter((f) => !found.some((other) => inside(f, other)) && !FORMER_NAME.test(piece.slice(0, f.start)) && !PROJECT_BEFORE.test(piece.slice(0, f.start)))
    .sort((a, b) => a.start - b.start)
    .map((f) => f.name);
}

/** The name whose kind is `piece[kindStart, kindEnd)`, read leftwards over the words of the name, if any. */
function nameEndingAt(piece: string, tokens: Located[], kindStart: number, kindEnd: number): string | undefined {
  const kind = piece.slice(kindStart, kindEnd);
  const level = new RegExp(`${BRACKETED_LEVEL.source}$`, 'u').exec(piece.slice(0, kindStart));
  const wordsEnd = level ? kindStart - level[0].length : kindStart;
  // The words before the kind; a word the kind starts inside (张江高|科技园区) gives its left part, tagged anew.
  // Only the words a name can reach (MAX_NAME characters, and a word it may start inside) are looked at.
  const from = kindStart - MAX_NAME - 4;
  const before: Located[] = [];
  for (const t of tokens) {
    if (t.end <= from) continue;
    if (t.start >= wordsEnd) break;
    if (t.end <= wordsEnd) before.push(t);
    else before.push(...locate(tagAsBuilt(piece.slice(t.start, wordsEnd)), t.start));
  }
  // The national pilot zones are named 中国（place）…: 中国(驻马店)国际农产品加工产业园, 中国(山东)自由贸易试验区.
  const national = NATIONAL_PREFIX.exec(piece.slice(0, kindStart));
  if (national && isPlaceName(national[1]!)) return national[0] + kind;
  const partnered = partneredName(piece.slice(0, kindStart));
  if (partnered) return partnered + kind;
  // A free-trade zone's block whose own name holds a kind (广东自贸区南沙新区片区).
  if (FAMILY.get(kind) === '片区') {
    const block = freeTradeName(piece, kindEnd);
    if (block) return block;
  }
  const words: Located[] = [];
  let freeTradeBlock = false;
  const walked = joinPlaceTokens(before);
  for (let k = walked.length - 1; k >= 0; k--) {
    const t = walked[k]!;
    // Two places joined by a dash name one zone (广西—东盟经开区).
    if (DASH.test(t.word) && words.length && k > 0 && isPlaceLike(walked[k - 1]!)) {
      words.unshift(t);
      continue;
    }
    // A division's name is a name whatever jieba takes it for (万年/m, 繁峙/v); so is a town's it takes for a
    // direction (前海/f).
    // 高新 (of 成都高新综合保税区, the high-tech zone's short form) is a name's word, though jieba takes it for an adverb.
    // So are an industry's verbs (装备制造产业园, 食品加工产业园), which name what the park is for.
    // A generic word right after a place, with the name's own words between it and the kind, is part of the
    // name (鹤壁国家农业科技园区, 乌什边境贸易合作加工工业园区, 许昌现代服务业开发区, though jieba takes 现代 for a time
    // word); right before the kind it makes a class (济南市国家级开发区).
    const inName = GENERIC_WORD.test(t.word) && words.length > 0 && k > 0 && isPlaceLike(walked[k - 1]!) && !GENERIC_WORD.test(walked[k - 1]!.word);
    // jieba cuts a place name's last character off as a measure word (瓯江|口, tagged q): right after a place, it
    // ends the place's name.
    const endsPlace = t.tag === 'q' && t.word.length === 1 && k > 0 && /^ns/u.test(walked[k - 1]!.tag);
    const stops = STOP_TAG.test(t.tag) && !inName && !endsPlace && !placeOf(t.word) && !isDirectionTown(t) && t.word !== '高新' && !INDUSTRY_VERB.test(t.word);
    // 国家 between a place and a high-tech or development zone's kind is part of the name (玉溪国家高新区: the city
    // has one); 国家级 there still makes a class (济南市国家级开发区).
    const national = t.word === '国家' && words.length === 0 && k > 0 && isPlaceLike(walked[k - 1]!) && NATIONAL_FAMILIES.has(FAMILY.get(kind)!);
    if (!HAN_ONLY.test(t.word) || stops || (GENERIC_WORD.test(t.word) && !inName && !national) || COMPANY.test(t.word)) break;
    // Another zone's name ends here: it is not part of this one, except a free-trade zone's block.
    if (KIND_AT_END.test(t.word) && placeOf(t.word)?.level !== 'county') {
      if (!(FAMILY.get(kind) === '片区' && FREE_TRADE.test(piece.slice(0, t.end)))) break;
      freeTradeBlock = true;
    }
    if (kindEnd - t.start > MAX_NAME + kind.length) break;
    words.unshift(t);
  }
  if (freeTradeBlock) return freeTradeName(piece, kindEnd);
  // The name starts at its first place or proper name; words before it (项目, 落户) are the sentence's, but for a
  // piece jieba cuts off the proper name: a province's one-character short form (苏|里格 经济开发区) or a town's
  // name it takes for a common noun (横琴/n 粤澳深度合作区).
  let first = words.findIndex(isPlaceLike);
  if (first < 0) return undefined;
  // A word jieba does not know right before a division (赋权|大同高新区) is the sentence's verb, not the name's start.
  // (jieba's own place tag is no evidence here: it tags 深度 of 粤澳深度合作区 as one.)
  // Regions' one-character names run together (粤澳|合作产业园, where 合作 is also a county) are the name's start.
  const unknownBeforeDivision =
    words[first]!.tag === 'x' && !placeOf(words[first]!.word) && !REGION_INITIALS.test(words[first]!.word) && words[first + 1] && placeOf(words[first + 1]!.word);
  if (unknownBeforeDivision) first += 1;
  if (first > 0 && startsProperName(words[first - 1]!)) first -= 1;
  // One-character region names run on (川|渝 合作示范区).
  const regionInitial = (w: Located) => w.tag === 'j' && w.word.length === 1;
  while (first > 0 && regionInitial(words[first]!) && regionInitial(words[first - 1]!)) first -= 1;
  // A name jieba cut before the place (富士|康 武汉科技园: a brand's park) starts where no rule can tell.
  if (first > 0 && PERSONAL_NAME_TAG.test(words[first - 1]!.tag)) return undefined;
  const name = piece.slice(words[first]!.start, kindEnd);
  if (HONOUR.test(piece.slice(words[first]!.start, wordsEnd))) return undefined;
  // A province names no zone of its own (广东省综保区, 河北省装备制造业开发区 are classes of the province's zones):
  // the name needs a narrower place or a proper name after it, except a province's free-trade zone.
  // A partner's name after a dash (广西—东盟) is as particular as a narrower place.
  const narrower = words.slice(first).some((w) => (isPlaceLike(w) && !isWideRegion(w.word)) || DASH.test(w.word));
  if (!narrower && !(FREE_TRADE.test(name) && words.slice(first).some((w) => w.word !== '中国'))) return undefined;
  return name;
}


/** Tokens that together spell a division jieba cut apart (莲|都 → 莲都, 云|和 → 云和) made one place token. */
function joinPlaceTokens(tokens: Located[]): Located[] {
  const joined: Located[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let merged: Located | undefined;
    for (let j = Math.min(tokens.length, i + 3); j > i + 1 && !merged; j--) {
      const word = tokens.slice(i, j).map((t) => t.word).join('');
      if (placeOf(word)) merged = { word, tag: 'ns', start: tokens[i]!.start, end: tokens[j - 1]!.end };
      if (merged) i = j - 1;
    }
    joined.push(merged ?? tokens[i]!);
  }
  return joined;
}

const NATIONAL_PREFIX = /中国[（(](\p{Script=Han}{2,8})[）)]\p{Script=Han}{0,10}$/u;
/** A park one place builds in another, the host in brackets: 深圳(河源)产业园, 广州(清远)产业园. */
const PARTNERED = /(\p{Script=Han}{2,8})[（(](\p{Script=Han}{2,4})[）)]\p{Script=Han}{0,4}$/u;

/** The words of a partnered park's name before its kind, from the builder's place on, if they are one. */
function partneredName(before: string): string | undefined {
  const m = PARTNERED.exec(before);
  if (!m || !isPlaceName(m[2]!)) return undefined;
  const builder = m[1]!;
  for (let i = 0; i + 2 <= builder.length; i++) {
    if (leadingPlacesLength(builder.slice(i)) > 0) return before.slice(m.index + i);
  }
  return undefined;
}

/** 中国(山东)自由贸易试验区济南片区, 自贸试验区济南片区: the block of a free-trade zone, from the zone's start. */
function freeTradeName(piece: string, end: number): string | undefined {
  const m = /(?:中国[（(]\p{Script=Han}{2,3}[）)]|\p{Script=Han}{2,3})?(?:自由贸易试验区|自贸试验区|自由贸易区|自贸区)\p{Script=Han}{2,4}?(?:新片区|片区)$/u.exec(piece.slice(0, end));
  if (!m) return undefined;
  // The block's own name must be a place or proper name: 济南片区, 临港新片区; not 核心片区.
  const block = m[0].replace(/^.*(?:自由贸易试验区|自贸试验区|自由贸易区|自贸区)/u, '').replace(/新?片区$/u, '');
  const words = tagAsBuilt(block);
  if (!words.length || !isPlaceLike(words[0]!)) return undefined;
  const prefix = m[0].match(/^\p{Script=Han}{2,3}(?=自)/u)?.[0];
  // A prefix that is not a place (新设自贸试验区…) is not part of the name.
  return prefix && !isPlaceName(prefix) ? m[0].slice(prefix.length) : m[0];
}

/**
 * A name whose first words are a place: it names a zone even when the text writes it once. The stem is tagged
 * without its kind: once a build has added the whole name to jieba's dictionary, the name is one unknown word.
 */
function startsWithPlace(name: string): boolean {
  const { stem } = splitKind(name);
  if (leadingPlacesLength(stem) > 0) return true;
  const first = tagAsBuilt(stem)[0];
  return first !== undefined && !GENERIC_WORD.test(first.word) && (first.tag === 'ns' || placeOf(first.word) !== undefined);
}

function kindOf(name: string): ZoneKind {
  const family = kindFamilyOf(name);
  // A district named a 新区 (浦东新区, 滨海新区) is a national new area: a zone, as news reports it.
  if (placeOf(name)?.level === 'county' && family !== '新区') return '行政区';
  if (family === '片区' || family === '自贸试验区') return '自贸片区';
  if (family === '产业园' || family === '工业园' || family === '科技园' || family === '软件园' || family === '科学城' || family === '园区') return '园区';
  return '开发区';
}

/** The name without its kind, and the kind's family: 济南济北经济开发区 → 济南济北, 开发区. */
function splitKind(name: string): { stem: string; family: string } {
  const kind = KIND_AT_END.exec(name)?.[0];
  if (!kind) return { stem: name, family: '' };
  return { stem: name.slice(0, -kind.length), family: FAMILY.get(kind)! };
}

/**
 * The stem that says which zone it is: the places in front dropped where a proper name follows them (济南济北 →
 * 济北), kept where only common words do (济南新材料 stays, or every city's 新材料 park would be one); a stem that is
 * only places keeps the last, most particular one (山东东营 → 东营).
 */
function distinctiveStem(stem: string): string {
  const placesLength = leadingPlacesLength(stem);
  if (placesLength === 0) return stem;
  const rest = stem.slice(placesLength);
  if (rest) {
    const first = tagAsBuilt(rest)[0];
    if (first && isPlaceLike(first)) return rest;
    return lastPlace(stem.slice(0, placesLength)) + rest;
  }
  return lastPlace(stem);
}

/** The last division in a run of divisions, in its short form: 山东省东营市 → 东营. */
function lastPlace(run: string): string {
  for (let i = 0; i < run.length - 1; i++) {
    const tail = run.slice(i).replace(/^[（(]|[）)]$/gu, '');
    const place = placeOf(tail);
    if (place) return tail.replace(/(?:省|市|县|区)$/u, '') || tail;
  }
  return run;
}

/**
 * What a zone is named after, without kind or province: 钢城 of 钢城经济开发区, 济北 of 济南济北经济开发区. Unlike
 * the short form it may be a division's name; it serves to read what users type (pinyin), not running text.
 */
export function nameStem(name: string): string {
  return splitKind(zoneKey(name)).stem;
}

/** A zone's name with each kind its family is written as: 钢城经开区, 钢城经济开发区 … for 钢城经济开发区. */
export function kindSpellings(name: string): string[] {
  const { stem, family } = splitKind(name);
  return family ? KINDS.filter(([, f]) => f === family).map(([written]) => stem + written) : [];
}

/**
 * The key under which spellings of one zone meet: the distinctive stem and the kind's family.
 * `济南济北经济开发区`, `济北经济开发区` and `济北开发区` → `济北开发区`; `东营经开区` → `东营开发区`;
 * `中国(山东)自由贸易试验区济南片区` → `自贸试验区济南片区`.
 */
export function zoneKey(written: string): string {
  const name = written.replace(BRACKETED_LEVEL, '').replace(NATIONAL_BEFORE_KIND, '');
  if (placeOf(name)?.level === 'county') return name;
  // 福州自贸片区 is the 福州 block of its province's free-trade zone.
  const block = /^(?:中国[（(]\p{Script=Han}{2,3}[）)])?(\p{Script=Han}{2,4}?)自贸片区$/u.exec(name);
  if (block) return `自贸试验区${block[1]!}片区`;
  if (/片区$/u.test(name) && FREE_TRADE.test(name.replace(/\p{Script=Han}{2,4}?新?片区$/u, ''))) {
    return '自贸试验区' + name.replace(/^.*(?:自由贸易试验区|自贸试验区|自由贸易区|自贸区)/u, '').replace(/新片区$/u, '片区');
  }
  const { stem, family } = splitKind(name);
  return distinctiveStem(stem) + family;
}

/**
 * The distinctive part of a zone's name, where it is a name of its own: `济北` of 济北开发区, `东湖` of 东湖高新区.
 * A city's or district's name is not a zone's short form (`东营` of 东营经开区 names the city; `钢城` the district):
 * typed alone, it asks about the place. A district's short form (`历下`) serves to resolve what users type.
 */
function shortForm(key: string, kind: ZoneKind): string | undefined {
  if (kind === '行政区') {
    const short = key.replace(/[区县]$/u, '');
    return short.length >= 2 ? short : undefined;
  }
  const { stem } = splitKind(key);
  if (stem.length < 2 || stem === key || /区/u.test(stem) || /^自贸试验区/u.test(key)) return undefined;
  return isPlaceName(stem) || leadingPlacesLength(stem) > 0 ? undefined : stem;
}

export function toPinyin(text: string): string {
  return pinyinSyllables(text).join('');
}

/**
 * Builds the gazetteer from the normalized paragraphs of the corpus. A name must be written at least twice, or
 * start with a place name, so that a phrase that only once looks like a name does not become a zone.
 */
export function buildGazetteer(texts: string[], minMentions = 2): Zone[] {
  const memo: ZoneNameMemo = new Map();
  return gazetteerFromNames(texts.map((text) => findZoneNames(text, memo)), minMentions);
}

/**
 * The gazetteer from the zone names found in each text (`findZoneNames`), in the texts' order; `sameNames` are
 * pairs of names the texts write as one zone's (`bracketedAliases`).
 */
export function gazetteerFromNames(namesPerText: Iterable<string[]>, minMentions = 2, sameNames: Iterable<[string, string]> = []): Zone[] {
  const groups = new Map<string, Map<string, number>>();
  for (const names of namesPerText) {
    for (const name of names) {
      const key = zoneKey(name);
      const forms = groups.get(key) ?? new Map<string, number>();
      forms.set(name, (forms.get(name) ?? 0) + 1);
      groups.set(key, forms);
    }
  }
  mergeSameNames(groups, sameNames);
  mergeFreeTradeBlocks(groups);
  mergeBareParks(groups);
  const bare = bareFormsOf(groups);
  const zones: Zone[] = [];
  for (const [key, formCounts] of groups) {
    const mentions = [...formCounts.values()].reduce((a, b) => a + b, 0);
    if (mentions < minMentions && ![...formCounts.keys()].some(startsWithPlace)) continue;
    const forms = [...formCounts.keys()].sort((a, b) => formCounts.get(b)! - formCounts.get(a)! || a.length - b.length);
    const name = forms[0]!;
    const fullName = [...forms].sort((a, b) => b.length - a.length || a.localeCompare(b))[0]!;
    const kind = kindOf(name);
    const short = shortForm(key, kind);
    const bareForms = bare.get(key);
    const simplified = new Set([...forms, key, ...(short ? [short] : []), ...(bareForms ?? [])]);
    const aliases = new Set<string>(simplified);
    for (const form of simplified) {
      aliases.add(toTraditional(form));
      aliases.add(toPinyin(form));
    }
    const zone: Zone = { name, kind, fullName, forms, aliases: [...aliases], mentions };
    if (short) zone.short = short;
    if (bareForms) zone.bareForms = bareForms;
    zones.push(zone);
  }
  return zones.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

/** Each zone's names without the places in front, left out where two zones share one (every city's 高新区). */
/** A park's kind, which people shorten to 园区 (新材料产业园区 → 新材料园区). */
const PARK_KIND = /(?:产业|工业)园区?$/u;

function bareFormsOf(groups: Map<string, Map<string, number>>): Map<string, string[]> {
  const owners = new Map<string, Set<string>>();
  for (const [key, forms] of groups) {
    for (const written of forms.keys()) {
      const form = written.replace(BRACKETED_LEVEL, '');
      const placesLength = leadingPlacesLength(form);
      const bare = form.slice(placesLength);
      // What remains must still say which zone it is: more than a kind (高新区) and not a district's name.
      if (!placesLength || splitKind(bare).stem.length < 2 || placeOf(bare)) continue;
      // As written, in its kind's short spelling (新材料产业园区, 新材料产业园), and as people shorten a park's kind
      // (新材料园区).
      for (const spelling of new Set([bare, zoneKey(bare), bare.replace(PARK_KIND, '园区')])) {
        const keys = owners.get(spelling) ?? new Set<string>();
        keys.add(key);
        owners.set(spelling, keys);
      }
    }
  }
  const bare = new Map<string, string[]>();
  for (const [form, keys] of owners) {
    if (keys.size !== 1) continue;
    const [key] = keys;
    bare.set(key!, [...(bare.get(key!) ?? []), form]);
  }
  return bare;
}

/**
 * Zone names a text writes one in the other's brackets, of one family of kinds (杭州余杭经济技术开发区(钱江经济技术开发区),
 * an old name or a second name of the same zone): pairs of the names as written. A zone of another kind in
 * brackets (航空港实验区(新郑综合保税区)) is a zone within it, not the same one.
 */
export function bracketedAliases(text: string, zoneNames: string[]): [string, string][] {
  const pairs: [string, string][] = [];
  const names = [...new Set(zoneNames)];
  for (const outer of names) {
    const family = kindFamilyOf(outer);
    if (!family) continue;
    for (const inner of names) {
      if (inner !== outer && kindFamilyOf(inner) === family && text.includes(`${outer}(${inner})`)) pairs.push([outer, inner]);
    }
  }
  return pairs;
}

/**
 * Zone names one article writes as one zone's, the shorter a word of the longer dropped (屏东生物科技园区 for
 * 屏东农业生物科技园区): the same place first, the same kind written, and the dropped word a common one. A dropped
 * place or proper name (广州南沙开发区 beside 广州开发区) makes another zone.
 */
export function shortenedAliases(names: string[]): [string, string][] {
  const pairs: [string, string][] = [];
  const unique = [...new Set(names)];
  for (const long of unique) {
    const longKind = KIND_AT_END.exec(long)?.[0];
    if (!longKind) continue;
    const longStem = long.slice(0, -longKind.length);
    for (const short of unique) {
      if (short === long || !short.endsWith(longKind)) continue;
      const shortStem = short.slice(0, -longKind.length);
      const dropped = droppedRun(longStem, shortStem);
      if (dropped && isCommonWord(dropped)) pairs.push([long, short]);
    }
  }
  return pairs;
}

/** The run of two characters or more that `long` has inside, past its first two, and `short` lacks; else undefined. */
function droppedRun(long: string, short: string): string | undefined {
  const extra = long.length - short.length;
  if (extra < 2 || short.length < 3) return undefined;
  for (let at = 2; at + extra <= long.length; at++) {
    if (long.slice(0, at) + long.slice(at + extra) === short) return long.slice(at, at + extra);
  }
  return undefined;
}

/** A common noun or adjective, no place or name (农业 of 屏东农业生物科技园区). */
function isCommonWord(run: string): boolean {
  if (placeOf(run) || isPlaceName(run)) return false;
  return tagAsBuilt(run).every((t) => /^(?:n|vn|a|an|b)$/u.test(t.tag));
}

/** Moves a group's forms, with their counts, into another group: one zone's names. */
function moveForms(groups: Map<string, Map<string, number>>, from: string, target: Map<string, number>): void {
  for (const [form, n] of groups.get(from)!) target.set(form, (target.get(form) ?? 0) + n);
  groups.delete(from);
}

/** Joins the groups of names written as one zone's, following earlier joins (A = B, B = C: one group). */
function mergeSameNames(groups: Map<string, Map<string, number>>, sameNames: Iterable<[string, string]>): void {
  const movedTo = new Map<string, string>();
  const home = (key: string) => {
    while (movedTo.has(key)) key = movedTo.get(key)!;
    return key;
  };
  for (const [a, b] of sameNames) {
    const [into, from] = [home(zoneKey(a)), home(zoneKey(b))];
    const target = groups.get(into);
    const source = groups.get(from);
    if (into === from || !target || !source) continue;
    moveForms(groups, from, target);
    movedTo.set(from, into);
  }
}

/** A free-trade zone's block named in full: the block's own name is what follows the zone's kind. */
const FREE_TRADE_BLOCK = /(?:自由贸易试验区|自贸试验区|自由贸易区|自贸区)(\p{Script=Han}{2,8}(?:片区|区块))$/u;

/**
 * `钦州港片区` is the block the text also names in full (中国(广西)自由贸易试验区钦州港片区): one zone, named by its
 * commoner form, with the full name kept. So is the city's 自贸区 for a block named after the city (营口自贸区 for
 * 中国(辽宁)自由贸易试验区营口片区): the province's zone has a block there, and the city no zone of its own.
 */
function mergeFreeTradeBlocks(groups: Map<string, Map<string, number>>): void {
  for (const [key, forms] of [...groups]) {
    const block = [...forms.keys()].map((form) => FREE_TRADE_BLOCK.exec(form)?.[1]).find((b) => b !== undefined);
    if (!block || !groups.has(key)) continue;
    const blockKey = zoneKey(block);
    const named = groups.get(blockKey);
    if (named && blockKey !== key) moveForms(groups, key, named);
    const home = named ?? forms;
    const cityKey = zoneKey(`${block.replace(/(?:片区|区块)$/u, '')}自贸区`);
    const city = groups.get(cityKey);
    if (city && city !== home) moveForms(groups, cityKey, home);
  }
}

/**
 * `苏州园区` is the 园区 of 苏州 the text names elsewhere in full (苏州工业园区), when it names exactly one; so is a
 * county's (肇源县园区) the one park named after the county (肇源大广工业园区), when there is exactly one.
 */
function mergeBareParks(groups: Map<string, Map<string, number>>): void {
  for (const key of [...groups.keys()]) {
    if (!key.endsWith('园区')) continue;
    const stem = key.slice(0, -2);
    const parks = ['产业园', '工业园', '科技园'].map((family) => stem + family).filter((k) => groups.has(k));
    const named = isPlaceName(stem) ? [...groups.keys()].filter((k) => k !== key && k.startsWith(stem) && PARK_KEY.test(k)) : [];
    const park = parks.length === 1 ? parks[0] : parks.length === 0 && named.length === 1 ? named[0] : undefined;
    if (park) moveForms(groups, key, groups.get(park)!);
  }
}
/** A park's key: its kind's family is a park's. */
const PARK_KEY = /(?:产业园|工业园|科技园)$/u;

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
