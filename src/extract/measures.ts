/**
 * Measures: the named policy and service practices of the corpus — mostly quoted phrases (“一次办成”,
 * “保姆式”服务, “三实三不”工作法) plus the service roles written without quotes (服务专员, 帮办代办). Variants
 * are grouped: 一次办成/一次辦成 by normalization, 帮办代办/帮代办/全程帮办 by their head, 三实/三不 into 三实三不.
 */
import { tagAsBuilt } from '../text/jieba.ts';
import { findListedMeasures, PRACTICE_CATEGORY } from './listed-measures.ts';

export interface Measure {
  /** The variant the corpus uses most. */
  name: string;
  /** Every written form (Simplified), the name first. */
  variants: string[];
}

const QUOTED = /[“"「『]([^”"」』]{2,40})[”"」』]/gu;
/** Practice nouns that follow a quoted name: “保姆式”服务, “三实三不”工作法, “五个一”项目推进机制, “五个一”工程. */
const FOLLOWED_BY_PRACTICE =
  /^的?(?:精准|全程|一站式)?(?:项目推进机制|服务模式|服务机制|工作机制|工作法|推进机制|机制|模式|改革|制度|方式|服务理念|服务|帮扶|帮办|代办|工程)/u;
/** A mechanism or service named with a few words between: “进出”招商机制, “全链条”审批机制, “一对一”定制服务. */
const QUALIFIED_MECHANISM = /^的?\p{Script=Han}{1,4}?(?:机制|模式|工作法|制度|服务)/u;
/**
 * A name that itself says it is a practice: 一窗受理, 多证齐发, 首问负责制, 最多跑一次, a way of attracting investment
 * (全员招商), a way of handling a case (全程网办, 智能秒批, 就近办).
 */
const PRACTICE_ENDING =
  /(?:工作法|推进法|负责制|承诺制|机制|模式|服务|办理|受理|审批|帮办|代办|办结|开工|齐发|合一|办成|办好|通办|跑一次|专员|管家|招商|绿色通道|直通车|(?:网|秒|即|掌上|指尖|就近|马上|集成|一次|上门|跨域|跨省|异地|承诺|免申|智能|并联)办|秒批)$/u;
/** Verbs that put a practice into effect, right before the quote: 践行“一线工作法”, 推行“一窗受理”. */
const IMPLEMENTING_VERB =
  /(?:推行|实行|实施|践行|深化|启动|采取|创新出|依托|建立|开通)[^，,。；;]{0,2}$/u;
/** Service roles and practices written without quotes. */
const UNQUOTED_PRACTICE = /(?:服务|驻厂|责任|帮包|包联)专员|帮办代办|帮代办|全程帮办|容缺办理|告知承诺制|首问负责制|项目管家/gu;
/** Heads under which differently worded variants of one practice meet. */
const HEADS: [RegExp, string][] = [
  [/专员/u, '专员'],
  [/帮.?办|代办/u, '帮办代办'],
  [/管家/u, '管家'],
];
/**
 * What the text replaces or rejects is not applied: 将“A”转变为“B”, 由A转变为B, 变A为B, 从A到B (A goes, B stays),
 * 告别A, 不再A, 改变A, 取代A.
 */
const REPLACED_BEFORE = /(?:将|把|由|从|变)$/u;
const REPLACED_AFTER = /^(?:转变为|转变成|转化为|转向|变为|变成|改为|为|到|向)/u;
const REJECTED_BEFORE = /(?:告别|不再|改变|取代|摒弃|破除|打破|杜绝|变)$/u;
/** A goal or strategy (“西进北扩”战略, “四有四高”总目标) is what a zone aims at, not a practice it applies. */
const GOAL_AFTER = /^(?:战略|总目标|目标|定位|理念|思路|格局)/u;
/** Slogans and their quarters: 工业强区, 科技兴市, 人才立县 — a goal, not a practice. */
const SLOGAN = /^\p{Script=Han}{2}(?:强|兴|立|富|活)(?:区|市|县|省|园|镇|民|企)$/u;
/** 等 and a category of practices after a quote: the quotes before it list practices (“A”“B”等方式). */
const CLOSED_BY_CATEGORY = new RegExp(`^等[\\p{Script=Han}]{0,4}?${PRACTICE_CATEGORY}`, 'u');
const SENTENCE_PUNCTUATION = /[，,。！？!?；;：:…]/u;
const NAME_SHAPE = /^[\p{Script=Han}\dA-Za-z+]{2,12}$/u;
const MAX_ENUMERATION = 16;
/** A part of a quoted list this long is a name of its own (专人对接), not a fragment (一分开). */
const MIN_LISTED_PART = 4;

/** Practice names in one normalized (Simplified) text, in order of appearance. */
export function findMeasureNames(text: string): string[] {
  const names: string[] = [];
  let previousQuoteEnd = -1;
  let previousWasMeasure = false;
  let quoteRun: string[] = [];
  for (const m of text.matchAll(QUOTED)) {
    const inner = m[1]!;
    const start = m.index;
    const end = start + m[0].length;
    const after = text.slice(end, end + 10);
    const before = text.slice(Math.max(0, start - 8), start);
    // “一次办成”“多证齐发”: a quote chained to a practice is one too.
    const chained: boolean = previousWasMeasure && previousQuoteEnd === start;
    const closed = CLOSED_BY_CATEGORY.test(after);
    const context: boolean = FOLLOWED_BY_PRACTICE.test(after) || QUALIFIED_MECHANISM.test(after) || IMPLEMENTING_VERB.test(before) || chained || closed;
    // “模拟办”“提前办”“并联办”等方式: quotes in a row that a category of practices closes are each a practice.
    const run: string[] = previousQuoteEnd === start ? quoteRun : [];
    quoteRun = [...run, inner];
    if (closed && !REJECTED_BEFORE.test(before)) {
      for (const earlier of run) if (NAME_SHAPE.test(earlier) && !/[+＋]/u.test(earlier) && !SLOGAN.test(earlier) && !names.includes(earlier)) names.push(earlier);
    }
    previousQuoteEnd = end;
    previousWasMeasure = false;
    if (SENTENCE_PUNCTUATION.test(inner)) continue;
    if (GOAL_AFTER.test(after) || inner.endsWith('战略')) continue;
    if (REJECTED_BEFORE.test(before) || (REPLACED_BEFORE.test(before) && REPLACED_AFTER.test(after))) continue;
    // “容缺受理+告知承诺”审批机制, “承诺制+标准地+全代办”改革: a combination of practices, each a practice of its own,
    // where the context says they are practices or each reads as one (“产业+城市+生态” is no practice).
    if (/^[^+＋]+(?:[+＋][^+＋]+)+$/u.test(inner)) {
      const joined = inner.split(/[+＋]/u);
      // A part that is one common noun or place (互联网, 产业, 临港) is a domain, not a practice.
      const practices = (context || joined.every((p) => PRACTICE_ENDING.test(p))) && !joined.some(isOneNoun);
      if (practices && joined.every((p) => p.length >= 2 && NAME_SHAPE.test(p) && !SLOGAN.test(p))) {
        names.push(...joined);
        previousWasMeasure = true;
      }
      continue;
    }
    const parts = inner.split('、');
    if (!parts.every((p) => NAME_SHAPE.test(p)) || parts.some((p) => SLOGAN.test(p))) continue;
    if (parts.length === 1) {
      if (context || PRACTICE_ENDING.test(inner)) {
        names.push(inner);
        previousWasMeasure = true;
      }
      continue;
    }
    // A list in one quote: “一窗受理、集成服务”. Keep the parts that read as practices, when most do or the
    // context says so; a list of industries (“科技服务、现代金融、…”) stays out.
    // Parts that are not practices on their own (三集中、一分开) are one practice together, when the context says so;
    // where a verb puts the list into effect and one part is named as a practice, the others of four characters or
    // more are practices beside it (实行“专人对接、全程帮办”).
    const practical = parts.filter((p) => PRACTICE_ENDING.test(p));
    const whole = parts.join('、');
    // A list named as one model (“前台综合受理、后台分类审批”的服务模式) is that model, whole.
    const oneModel = FOLLOWED_BY_PRACTICE.test(after) || QUALIFIED_MECHANISM.test(after);
    const listOfPractices = IMPLEMENTING_VERB.test(before) && !oneModel && practical.length > 0 && parts.every((p) => p.length >= MIN_LISTED_PART);
    const keep: string[] =
      practical.length === parts.length || listOfPractices
        ? parts
        : context
          ? whole.length <= MAX_ENUMERATION
            ? [whole]
            : []
          : practical.length * 2 >= parts.length
            ? practical
            : [];
    names.push(...keep);
    previousWasMeasure = keep.length > 0;
  }
  for (const m of text.matchAll(UNQUOTED_PRACTICE)) names.push(m[0]);
  // Named without quotes where the sentence says they are practices (突出以商招商、产业招商…, 运用A、B等模式).
  for (const name of findListedMeasures(text)) if (!names.includes(name)) names.push(name);
  return names;
}

/** A word jieba knows as one noun, place or direction: 互联网, 城市, 沿海. */
function isOneNoun(text: string): boolean {
  const tokens = tagAsBuilt(text);
  return tokens.length === 1 && /^(?:n|ns|nz|f|s)$/u.test(tokens[0]!.tag);
}

/** Nouns that say the words before them name a practice: 保姆式服务, 进出招商机制. */
export const PRACTICE_NOUNS = ['服务', '模式', '机制', '改革', '制度', '工作法'];
/** Names this short that do not say they are a practice are common words too (“进出”招商机制, 进出口). */
const MAX_BARE_WORD = 3;

/**
 * How running text mentions a practice: by its name, or — for a short name that reads as a common word — only
 * inside quotes or a combination of practices, or before a practice noun.
 */
export function measureMentionForms(variant: string): string[] {
  if (variant.length > MAX_BARE_WORD || PRACTICE_ENDING.test(variant)) return [variant];
  // Inside a quoted combination too (“承诺制+标准地+全代办”), and before the practice noun it qualifies (保姆式服务).
  const marked = [`“${variant}”`, `"${variant}"`, `「${variant}」`, `『${variant}』`, `${variant}+`, `+${variant}`];
  return [...marked, ...PRACTICE_NOUNS.map((noun) => variant + noun)];
}

function headOf(name: string): string | undefined {
  // A combination (承诺制+标准地+全代办) or an enumeration is a practice of its own, not a variant of one part.
  if (/[+、]/u.test(name)) return undefined;
  return HEADS.find(([pattern]) => pattern.test(name))?.[1];
}

/** Words that qualify a practice without changing it: when (当日, 即时) and where or how far (前台, 全程). */
const MODIFIERS = /当日|当天|即时|立即|马上|前台|全程|全面|线上|线下/gu;
const MAX_MODIFIER = 3;

/**
 * The catalogue name another name varies, if any: one it contains once its modifiers are dropped, with at most a
 * few characters besides (前台一窗受理 → 一窗受理, 拿地当日即开工 → 拿地即开工). A combination (A+B) is a practice of its own.
 */
function baseOf(name: string, names: string[]): string | undefined {
  if (name.includes('+')) return undefined;
  const core = name.replace(MODIFIERS, '');
  return names.find((other) => {
    if (other === name || other.length < 3 || other.length >= name.length || other.includes('+')) return false;
    const otherCore = other.replace(MODIFIERS, '');
    return core.includes(otherCore) && core.length - otherCore.length <= MAX_MODIFIER;
  });
}

/** Groups the names found in all texts into measures, most mentioned first. */
export function buildMeasureCatalogue(texts: string[]): Measure[] {
  return catalogueFromNames(texts.map(findMeasureNames));
}

/** The measures from the practice names found in each text (`findMeasureNames`), in the texts' order. */
export function catalogueFromNames(namesPerText: Iterable<string[]>): Measure[] {
  const counts = new Map<string, number>();
  for (const names of namesPerText) for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const byCount = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || b.length - a.length);
  // Names joined by any rule below are one measure, whichever rule joined them and in whatever order.
  const parent = new Map(byCount.map((name) => [name, name]));
  const root = (name: string): string => {
    let r = name;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(name, r);
    return r;
  };
  const join = (a: string, b: string) => parent.set(root(a), root(b));
  const byHead = new Map<string, string>();
  for (const name of byCount) {
    const head = headOf(name);
    if (head) {
      const first = byHead.get(head);
      if (first) join(name, first);
      else byHead.set(head, name);
      continue;
    }
    // A short name inside a longer one is its part: 三实 of 三实三不.
    const container = name.length <= 3 ? byCount.find((other) => other !== name && other.includes(name)) : undefined;
    const related = container ?? baseOf(name, byCount);
    if (related) join(name, related);
  }
  const groups = new Map<string, string[]>();
  for (const name of byCount) {
    const key = root(name);
    const group = groups.get(key) ?? [];
    group.push(name);
    groups.set(key, group);
  }
  const total = (g: string[]) => g.reduce((sum, n) => sum + counts.get(n)!, 0);
  return [...groups.values()]
    .map((variants) => {
      const sorted = [...variants].sort((a, b) => counts.get(b)! - counts.get(a)! || b.length - a.length);
      return { name: sorted[0]!, variants: sorted };
    })
    .sort((a, b) => total(b.variants) - total(a.variants) || a.name.localeCompare(b.name));
}
