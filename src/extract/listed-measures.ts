/**
 * Practices news names without quotes, where the sentence itself says they are practices:
 *
 * - ways of attracting investment, each a name ending in 招商 with a modifier of its own, listed together
 *   (突出以商招商、产业招商和展会招商) or one put into effect by a verb (持续开展精准招商). 招商 in 招商引资, 招商局
 *   or 招商活动 is another word; a place or the zone itself before it (上海招商, 园区招商) says where, not how.
 * - a list closed by a category of practices (灵活运用预审预验、容缺办理等模式, 实行A制度、B制度等改革举措),
 *   when most of its parts end in a practice head.
 *
 * A clause that speaks of what is given up (传统的坐地招商、政策招商早已不再…, 告别…, 由A转向B) names nothing here.
 */
import { isPlaceName } from './places.ts';
import { endsInZoneKind } from './zones.ts';
import { tagAsBuilt, type TaggedToken } from '../text/jieba.ts';

const CLAUSE = /[^，,。；;！？!?：:\n]+/gu;
/** Words that say the practices of a clause are given up, or were the old way. */
const GIVEN_UP = /告别|不再|摒弃|改变|取代|破除|打破|杜绝|传统|以往|过去|原有|老路|转变为|转向|变为|变成|改为|而非|不是/u;
/** Verbs that put a practice into effect, right before what they put into effect. */
const IMPLEMENTING = new Set([
  '推行', '实行', '实施', '践行', '深化', '采取', '采用', '运用', '推进', '推广', '推出', '开展', '突出', '坚持',
  '创新', '探索', '建立', '强化', '制定', '通过', '试行', '用好',
]);
const SEPARATORS = new Set(['、', '和', '及', '与', '以及']);
/** Tags that end a name read leftwards from its head: verbs, adverbs, conjunctions, particles, pronouns, numbers, times, places. */
const STOP_TAG = /^(?:v|vd|d|ad|c|u|uj|ul|ud|uz|ug|uv|r|m|mq|q|t|tg|ns|nr|p|y|e|o|zg|w)$/u;
/** Nouns after 招商 that make it a modifier (招商平台, 招商工作): only a practice category leaves it the head. */
const CATEGORY = /^(?:模式|方式|机制|新模式|新方式|体系|路径)$/u;
const HEAD = '招商';
const MAX_MODIFIER = 6;
const NAME_SHAPE = /^[\p{Script=Han}A-Za-z]{2,12}$/u;

/** The zone, its area or a whole place (园区, 全区, 我市): where the investment is sought, not how. */
function saysWhere(modifier: string): boolean {
  return endsInZoneKind(modifier) || /^(?:[全本我该各](?:区|市|县|省|镇|园)|园区|区域|全域|域外|境外|海外|国外|省外|市外|县外)$/u.test(modifier) || isPlaceName(modifier);
}

/** The modifier of one investment method (the tokens before its 招商), or undefined when it is no name. */
function modifierOk(words: TaggedToken[]): string | undefined {
  const modifier = words.map((t) => t.word).join('');
  if (modifier.length < 2 || modifier.length > MAX_MODIFIER || !NAME_SHAPE.test(modifier)) return undefined;
  // 以 says by what means (以产业园招商); without it, a zone or place says where.
  if (!modifier.startsWith('以') && saysWhere(modifier)) return undefined;
  return modifier;
}

interface Method {
  name: string;
  /** Right after a verb that puts it into effect (开展精准招商). */
  ledByVerb: boolean;
  /** Words follow its 招商 in the same item (…基金招商并举): the list ends with it. */
  ends: boolean;
}

/**
 * One list item as an investment method: its 招商 must end a noun phrase (not 招商平台), with a modifier before it.
 * The first item of a list is read leftwards from its 招商 to the verb before it; a later one is the whole item.
 */
function methodOf(words: TaggedToken[], first: boolean): Method | undefined {
  const head = first ? words.map((t) => t.word).lastIndexOf(HEAD) : words.findIndex((t) => t.word === HEAD);
  if (head < 0) return undefined;
  const after = words[head + 1];
  if (after && /^(?:n|vn|nz|ng|l)/u.test(after.tag) && !CATEGORY.test(after.word)) return undefined;
  let from = 0;
  let ledByVerb = false;
  if (first) {
    from = head;
    while (from > 0 && !STOP_TAG.test(words[from - 1]!.tag)) from--;
    // 以 starts a name (以商招商, 以产业园招商), though it is a preposition.
    if (from > 0 && words[from - 1]!.word === '以') from--;
    ledByVerb = from > 0 && IMPLEMENTING.has(words[from - 1]!.word);
  }
  const modifier = modifierOk(words.slice(from, head));
  return modifier ? { name: modifier + HEAD, ledByVerb, ends: head < words.length - 1 } : undefined;
}

/**
 * Investment methods in one clause's tokens: runs of list items ending in 招商 (two or more), or one such item
 * right after a verb that puts it into effect.
 */
function investmentMethods(tokens: TaggedToken[]): string[] {
  const items: TaggedToken[][] = [[]];
  for (const t of tokens) {
    if (SEPARATORS.has(t.word)) items.push([]);
    else items.at(-1)!.push(t);
  }
  const names: string[] = [];
  let run: Method[] = [];
  const close = () => {
    if (run.length >= 2 || (run.length === 1 && run[0]!.ledByVerb)) names.push(...run.map((r) => r.name));
    run = [];
  };
  for (const item of items) {
    let method = run.length ? methodOf(item, false) : undefined;
    if (!method) {
      close();
      method = methodOf(item, true);
    }
    if (!method) continue;
    run.push(method);
    if (method.ends) close();
  }
  close();
  return names;
}

/** A list closed by a category of practices (等模式, 等招商方式, 等改革举措): the text before 等 is the list. */
/** Words for a category of practices that closes a list of them (等模式, 等改革举措). */
export const PRACTICE_CATEGORY = '(?:模式|方式|举措|措施|机制|制度|改革|做法)';
const CLOSED_LIST = new RegExp(`^(.*?)等[\\p{Script=Han}]{0,4}?${PRACTICE_CATEGORY}`, 'u');
/** What a practice's name ends in, for the lists closed by a category. */
const LIST_HEAD =
  /(?:招商|审批|受理|办理|帮办|代办|通办|网办|办结|制度|负责制|承诺制|备案制|认缴制|机制|模式|服务|齐发|合一|即开工|一件事|跑一次)$/u;
const MAX_ITEM = 10;

/** The parts of a list closed by a category of practices, when most of them are named as practices. */
function closedList(clause: string): string[] {
  const m = CLOSED_LIST.exec(clause);
  if (!m) return [];
  const parts = m[1]!.split('、');
  if (parts.length < 2) return [];
  // The first part follows the verb that puts the list into effect: 灵活运用|预审预验.
  const lead = parts[0]!;
  let cut = -1;
  for (const verb of IMPLEMENTING) {
    const at = lead.lastIndexOf(verb);
    if (at >= 0 && at + verb.length > cut) cut = at + verb.length;
  }
  if (cut < 0) return [];
  parts[0] = lead.slice(cut);
  if (!parts.every((p) => NAME_SHAPE.test(p) && p.length <= MAX_ITEM && !/[的和与及对把将]/u.test(p))) return [];
  const named = parts.filter((p) => LIST_HEAD.test(p)).length;
  return named * 2 >= parts.length ? parts : [];
}

/** Practices named without quotes in one normalized text, in order of appearance. */
export function findListedMeasures(text: string): string[] {
  const names: string[] = [];
  for (const [clause] of text.matchAll(CLAUSE)) {
    if (GIVEN_UP.test(clause) || /[“”"「」『』]/u.test(clause)) continue;
    if (clause.includes(HEAD)) names.push(...investmentMethods(tagAsBuilt(clause)));
    for (const p of closedList(clause)) if (!names.includes(p)) names.push(p);
  }
  return names;
}
