/**
 * Knowledge: what the corpus says beyond its words — which zones each paragraph is about, which measures it
 * names, and the figures it gives. Built once per corpus from the normalized paragraphs, in two steps: what each
 * paragraph says on its own (`findInParagraph`, pure), then what the corpus says as a whole
 * (`knowledgeFromFindings`).
 */
import { sentencesOf } from '../corpus/sentences.ts';
import { RELATED_HEADLINES } from '../corpus/structure.ts';
import type { Corpus, Paragraph } from '../corpus/types.ts';
import { normalizeForMatch } from '../text/normalize.ts';
import { PhraseMatcher } from '../text/phrase-matcher.ts';
import { extractFigures, metricAfterName, type FigureMention } from './figures.ts';
import { catalogueFromNames, findMeasureNames, measureMentionForms } from './measures.ts';
import { findPlaces, leadingPlacesLength } from './places.ts';
import { bracketedAliases, countedZoneGroups, endsInZoneKind, findZoneNames, gazetteerFromNames, kindFamilyCounts, kindFamilyOf, mentionForms, shortenedAliases, type Zone, type ZoneNameMemo } from './zones.ts';

export interface MeasureInfo {
  name: string;
  variants: string[];
  /** Canonical names of the zones whose paragraphs name the measure. */
  zones: string[];
  /** Citations of the paragraphs that name it. */
  citations: string[];
}

export interface Figure {
  metric: string;
  value: string;
  unit: string;
  approx?: boolean;
  /** Value and unit as written, where that says more (150余批次, 近7000平方米). */
  written?: string;
  period?: string;
  zone?: string;
  /** The group of zones the figure is of (全国国家级经开区), no zone of its own: its name opens the metric. */
  group?: string;
  /** The sentence the figure is read from, as displayed. */
  text: string;
  citation: string;
}

export interface Knowledge {
  zones: Zone[];
  measures: MeasureInfo[];
  figures: Figure[];
  /** Per paragraph (same order as `corpus.paragraphs`): the zones it is about. */
  paragraphZones: string[][];
  /** Per paragraph: names of the measures it mentions. */
  paragraphMeasures: string[][];
  /** The divisions (济南市, 山东省, 钢城区) the corpus names, by official name: what it can say anything about. */
  places: string[];
}

/** The kinds of zone each word after 该 can refer back to. */
const REFERRED_KINDS: Record<string, Zone['kind'][]> = {
  园区: ['园区', '开发区', '自贸片区'],
  全园: ['园区', '开发区'],
  开发区: ['开发区'],
  经开区: ['开发区'],
  高新区: ['开发区'],
  片区: ['自贸片区'],
};
/** The generic word by which a text refers back to a zone of each kind. */
const GENERIC_REFERENCE: Partial<Record<Zone['kind'], string>> = { 开发区: '开发区', 园区: '园区', 自贸片区: '片区' };

/** Words that open a list of partners: 与, 同, 跟 (和 joins subjects as often as partners). */
const PARTNER_WORD = /[与同跟]/u;
const PARTNER_OPENING = new RegExp(`${PARTNER_WORD.source}$`, 'u');
/** What the clause after a list of partners goes on to: a partnership. */
const PARTNERSHIP_AFTER = /^[^。；;！？]*?(?:合作|协议|结对|共建|友好|对口|联盟)/u;
const LIST_JOINER = /^(?:[、，,和及与]|以及)?$/u;

/**
 * The zones a text names as partners: a list of zones opened by 与 and followed by a partnership (与A、B等签订合作
 * 协议), as matched. Those zones are not what the text is about.
 */
function partnerMentions(text: string, matcher: PhraseMatcher<string>): { phrase: string; value: string }[] {
  if (!PARTNER_WORD.test(text)) return [];
  const matches = matcher.findAll(text);
  const partners: { phrase: string; value: string }[] = [];
  for (let a = 0; a < matches.length; ) {
    // The run of zones a list joins: each next one only a joiner after the last.
    let b = a;
    while (b + 1 < matches.length && LIST_JOINER.test(text.slice(matches[b]!.start + matches[b]!.phrase.length, matches[b + 1]!.start))) b++;
    const end = matches[b]!.start + matches[b]!.phrase.length;
    if (PARTNER_OPENING.test(text.slice(0, matches[a]!.start)) && PARTNERSHIP_AFTER.test(text.slice(end))) partners.push(...matches.slice(a, b + 1));
    a = b + 1;
  }
  return partners;
}

/** An article's title, none for one the page gave no title. */
const titleOfArticle = (article: Corpus['articles'][number]) => (article.untitled ? '' : article.title);

/** Counts less what is taken away, without the keys left at none. */
function subtractCounts(counts: Map<string, number>, taken: Iterable<string>): Map<string, number> {
  const left = new Map(counts);
  for (const key of taken) {
    const n = (left.get(key) ?? 0) - 1;
    if (n > 0) left.set(key, n);
    else left.delete(key);
  }
  return left;
}

function countOccurrences(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Who a figure can belong to, as a sentence names it: a zone or district of the gazetteer, a place (a city, a
 * province: its figures are no zone's), or a word that means the zone being written about (全区, 我区, 开发区)
 * or a place (全市, 全省, 全国).
 */
type Holder =
  | { kind: 'zone'; name: string }
  | { kind: 'place'; name: string }
  | { kind: 'group'; name: string }
  | { kind: 'this' }
  /** 该园区, 该开发区: the zone last named before it, which may not be the one the paragraph names most. */
  | { kind: 'that'; word: string }
  /** Zones named together (重庆两江新区、四川天府新区…): what they did together is no one zone's. */
  | { kind: 'several' };

/** Words for the area the article is about, and words for wider places. */
const THIS_AREA = /全区|我区|本区|该区|全园|园区|开发区|高新区|经开区|片区/gu;
const WIDER_AREA = /全市|我市|本市|全省|我省|本省|全国|全县|我县|本县/gu;
/** A place that names a newspaper or station (长沙晚报讯) is who reports, not who has the figures. */
const MEDIA_AFTER = /^(?:晚报|日报|晚報|日報|商报|新闻|新聞|电视台|電視台|广播电视台|融媒体|发布)/u;
/** Words after which a place is a figure's term of comparison or distance, not its holder. */
const RELATION_BEFORE = /(?:占|占到|到|距离|距|离|比|较|与|同|高于|低于|超过|快于|慢于)$/u;
/** Where a clause ends: the figure's subject is named in its own clause, or else earlier in its sentence. */
const CLAUSE_BOUNDARY = /[,;:，；：]/u;

/** The words of a list item after a place and before it: up to the next list mark or 等, back to the last mark. */
const ITEM_REST = /^(\p{Script=Han}*?)(?=、|等|[^\p{Script=Han}]|$)/u;
const ITEM_LEAD = /、(\p{Script=Han}*)$/u;
/**
 * Whether a place sits in a longer item of a list (青岛特来电新能源 among the companies that signed): it is part
 * of a company's or a project's name, not who holds the figures. A place that is a whole item (济南、青岛等城市)
 * stays a place.
 */
export function inNamedListItem(sentence: string, start: number, end: number): boolean {
  const rest = ITEM_REST.exec(sentence.slice(end))![1]!;
  const lead = ITEM_LEAD.exec(sentence.slice(0, start));
  const listed = lead !== null || /^(?:、|等)/u.test(sentence.slice(end + rest.length));
  return listed && (rest.length > 0 || (lead?.[1]?.length ?? 0) > 0);
}

/**
 * Zones named in one list (重庆两江新区、福州新区和哈尔滨新区) hold together what the sentence says of them: each
 * becomes `several`. A zone listed only with districts (广州开发区、黄埔区) is one body governed with them: they
 * all stand for the zone.
 */
function markListedZones(sentence: string, zones: { start: number; end: number; holder: Holder }[], isDistrict: (name: string) => boolean): void {
  const nameOf = (z: { holder: Holder }) => (z.holder as { name: string }).name;
  for (let first = 0; first < zones.length; ) {
    let last = first;
    while (last + 1 < zones.length && /^(?:、|和|与|及|以及|同)$/u.test(sentence.slice(zones[last]!.end, zones[last + 1]!.start))) last++;
    const run = zones.slice(first, last + 1);
    first = last + 1;
    const names = new Set(run.map(nameOf));
    const zonesProper = [...names].filter((name) => !isDistrict(name));
    // A list going on past what is recognized (…新区、四川天府新区、福州新区) is a list too.
    const openList = sentence[run[0]!.start - 1] === '、' || sentence[run.at(-1)!.end] === '、';
    if (names.size >= 2 && zonesProper.length === 1 && !openList) {
      for (const z of run) z.holder = { kind: 'zone', name: zonesProper[0]! };
    } else if (names.size >= 2 || openList) {
      for (const z of run) z.holder = { kind: 'several' };
    }
  }
}

function figureHolders(
  sentence: string,
  zoneMatcher: PhraseMatcher<string>,
  isDistrict: (name: string) => boolean,
): { start: number; end: number; holder: Holder }[] {
  const zones = zoneMatcher.findAll(sentence).map((m) => ({ start: m.start, end: m.start + m.phrase.length, holder: { kind: 'zone', name: m.value } as Holder }));
  markListedZones(sentence, zones, isDistrict);
  const groups = countedZoneGroups(sentence)
    .map((g) => ({ start: g.start, end: g.end, holder: { kind: 'group', name: g.group } as Holder }))
    .filter((g) => !zones.some((z) => z.start < g.end && g.start < z.end));
  // Words inside a zone's name or a group (园区 of 重点园区) are part of it, not holders of their own; nor is what
  // a figure is compared with or measured from (占西宁市…的比重, 距离天津港140公里).
  const inside = (start: number) => [...zones, ...groups].some((z) => start >= z.start && start < z.end) || RELATION_BEFORE.test(sentence.slice(0, start));
  const others = [
    ...findPlaces(sentence)
      .filter((m) => !MEDIA_AFTER.test(sentence.slice(m.end)) && !inNamedListItem(sentence, m.start, m.end))
      .map((m) => ({ start: m.start, end: m.end, holder: { kind: 'place', name: m.place.name } as Holder })),
    ...[...sentence.matchAll(THIS_AREA)].map((m) => {
      // 该区 may be a district's: only 该 before a zone's kind (该园区, 该开发区) refers back to a zone.
      const that = m[0] !== '该区' && sentence[m.index - 1] === '该';
      const start = that ? m.index - 1 : m.index;
      return { start, end: m.index + m[0].length, holder: (that ? { kind: 'that', word: m[0] } : { kind: 'this' }) as Holder };
    }),
    ...[...sentence.matchAll(WIDER_AREA)].map((m) => ({ start: m.index, end: m.index + m[0].length, holder: { kind: 'place', name: m[0] } as Holder })),
  ].filter((h) => !inside(h.start));
  // A place right before a group (全省 + 6个省级高新区) is the group's scope: the group holds the figures.
  for (const g of groups) {
    const scope = others.findIndex((h) => h.end === g.start);
    if (scope >= 0) g.start = others.splice(scope, 1)[0]!.start;
  }
  return [...zones, ...groups, ...others].sort((a, b) => a.start - b.start);
}

/** The group whose count stands at `at` (19 of 全省19个国家级开发区), if a number there counts one. */
function countedGroupAt(holders: { start: number; end: number; holder: Holder }[], at: number): Holder | undefined {
  return holders.find((h) => h.holder.kind === 'group' && h.start <= at && at < h.end)?.holder;
}

/**
 * The holder of a figure at `at`: the last one named before it in its own clause; else the sentence's subject,
 * the first one it names (a place named later, 位于旺苍县, is where the subject is); undefined when the
 * sentence names none before the figure.
 */
function holderOf(holders: { start: number; end: number; holder: Holder }[], sentence: string, at: number): Holder | undefined {
  // The count of a group (全省19个国家级开发区) is the group's own figure.
  const counted = countedGroupAt(holders, at);
  if (counted) return counted;
  const before = holders.filter((h) => h.end <= at);
  if (!before.length) return undefined;
  const clauseStart = clauseStartOf(sentence, at);
  const inClause = before.filter((h) => h.start >= clauseStart);
  // Else the subject of the nearest clause before that opens with one: a page without full stops runs several
  // sentences into one, whose first subject (与…，内蒙古满洲里一起) is not this clause's.
  return inClause.length ? inClause.at(-1)!.holder : subjectOf([...before].reverse(), sentence);
}

/** Words that open a paragraph continuing the one before: its subject is that paragraph's. */
const CONTINUATION = /^(?:同时|与此同时|此外|另外|同期)[,，]/u;
/** A share after a place (在西安市占比): the place is what the share is of. */
const SHARE_AFTER = /^(?:的)?(?:占比|比重)/u;
/** A word that may come before a clause's subject (而滨海新区…, 在全区…). */
const BEFORE_SUBJECT = /^[在而从据于由]?$/u;

/** Where the clause holding `at` starts. */
function clauseStartOf(sentence: string, at: number): number {
  let start = at;
  while (start > 0 && !CLAUSE_BOUNDARY.test(sentence[start - 1]!)) start--;
  return start;
}

/**
 * The subject of a sentence: the first holder that opens a clause. A place inside a name (投资6亿元的河南…物流园)
 * opens none.
 */
function subjectOf(holders: { start: number; end: number; holder: Holder }[], sentence: string): Holder | undefined {
  for (const h of holders) {
    // 在西安市占比达50%: the place is what the share is of, not who has it.
    if (BEFORE_SUBJECT.test(sentence.slice(clauseStartOf(sentence, h.start), h.start)) && !SHARE_AFTER.test(sentence.slice(h.end))) return h.holder;
  }
  return undefined;
}

/** Words for a wider area opening a subject (全省开发区). */
const WIDER_OPENING = new RegExp(`^(?:${WIDER_AREA.source}|该市|该县)`, 'u');

/**
 * The zones a subject speaks of over a place, when it names no one zone: 上饶市工业园区 → 工业园区, 全省开发区 →
 * 开发区, 海南自贸港重点园区 → 自贸港重点园区. Their figures are the place's zones' together, not one zone's.
 */
function zonesOfPlace(subject: string, zoneMatcher: PhraseMatcher<string>): string {
  if (zoneMatcher.findAll(subject).some((m) => m.start + m.phrase.length === subject.length)) return '';
  const rest = subject.slice(leadingPlacesLength(subject)).replace(WIDER_OPENING, '');
  return rest !== subject && rest.length >= 2 && endsInZoneKind(rest) ? rest : '';
}

/** Kinds any zone is called by (园区, 开发区): no sign that a text is about zones of another kind. */
const UNIVERSAL_FAMILIES = new Set(['园区', '开发区']);
/** Parks of one family are often made of parks of another (工业园区 of three 产业园): the same kind of zone. */
const PARK_FAMILIES = new Set(['产业园', '工业园', '科技园']);
const otherKind = (family: string, f: string) => f !== family && !UNIVERSAL_FAMILIES.has(f) && !(PARK_FAMILIES.has(f) && PARK_FAMILIES.has(family));

/** Where a clause starts: the text's start, or after punctuation that ends one (a time may open it: 今年以来,). */
const CLAUSE_OPENING = /(?:^|[，,。；;：:！!？?])(?:[^，,。；;]{0,10}(?:年|月|日|以来|期间|上半年|下半年)[，,]?)?$/u;
/** Whether one of the mentions opens a clause: what the clause is about. */
function opensClause(text: string, mentions: { start: number }[]): boolean {
  return mentions.some((m) => CLAUSE_OPENING.test(text.slice(0, m.start)));
}

/** A text is about one zone when that zone has at least this share of its zone mentions. */
const DOMINANT_SHARE = 0.75;
/** Words for a whole city, province or county: what a text about the division rather than a zone says. */
/**
 * The division as a whole (全市, 全省, 全县), but not as the yardstick of a comparison (比全市占比高, 高于全省平均):
 * a zone's figures measured against its city are still the zone's.
 */
const WHOLE_DIVISION = /(?<![比较于])全[市省县]/gu;

/** What one paragraph says on its own, before the corpus is seen as a whole. */
interface ParagraphFindings {
  /** Zone names as written (`findZoneNames`). */
  zoneNames: string[];
  /** Practice names (`findMeasureNames`). */
  measureNames: string[];
  /** Figures by index of the sentence in `sentencesOf(paragraph)`, for the sentences that give any. */
  figures: [sentence: number, figures: FigureMention[]][];
  /** Official names of the divisions it names. */
  places: string[];
  /** Divisions written as one body with a zone (金湾区(珠海经济技术开发区)): official name and the zone as written. */
  sameBodies: [place: string, zone: string][];
  /** Zone names written as one zone's, one in the other's brackets (`bracketedAliases`). */
  sameZones: [string, string][];
}

/**
 * A district and a zone written one inside the other's brackets (珠海市金湾区(珠海经济技术开发区), 宁波经济技术开发区
 * (北仑区)) are one body governed together: what the text says of the district it says of the zone.
 */
function sameBodiesIn(text: string, zoneNames: string[], places: ReturnType<typeof findPlaces>): [string, string][] {
  const pairs: [string, string][] = [];
  for (const m of places) {
    if (m.place.level === 'province') continue;
    for (const zone of new Set(zoneNames)) {
      const inBrackets = text.startsWith(`(${zone})`, m.end) || (text[m.end] === ')' && text.slice(0, m.start).endsWith(`${zone}(`));
      if (inBrackets) pairs.push([m.place.name, zone]);
    }
  }
  return pairs;
}

/**
 * The findings of one paragraph from its normalized text and its sentences' normalized texts. Tagging with jieba
 * makes this the costly step; `memo` spares tagging a piece of text twice in one build.
 */
function findInParagraph(normalized: string, sentences: string[], memo?: ZoneNameMemo): ParagraphFindings {
  const figures: [number, FigureMention[]][] = [];
  sentences.forEach((sentence, i) => {
    const found = extractFigures(sentence);
    if (found.length) figures.push([i, found]);
  });
  const placesFound = findPlaces(normalized);
  const places = [...new Set(placesFound.map((m) => m.place.name))];
  const zoneNames = findZoneNames(normalized, memo);
  return {
    zoneNames,
    measureNames: findMeasureNames(normalized),
    figures,
    places,
    sameBodies: sameBodiesIn(normalized, zoneNames, placesFound),
    sameZones: bracketedAliases(normalized, zoneNames),
  };
}

export function buildKnowledge(corpus: Corpus): Knowledge {
  const memo: ZoneNameMemo = new Map();
  return knowledgeFromFindings(
    corpus,
    corpus.paragraphs.map((p) => (isRelatedHeadline(p) ? NO_FINDINGS : findInParagraph(p.normalized, sentencesOf(p).map((s) => s.normalized), memo))),
  );
}

/** A related headline reports another story: it names zones, but gives no zone, figure or measure of its page. */
const isRelatedHeadline = (p: Paragraph) => p.section === RELATED_HEADLINES;
const NO_FINDINGS: ParagraphFindings = { zoneNames: [], measureNames: [], figures: [], places: [], sameBodies: [], sameZones: [] };

/** Knowledge from the findings of every paragraph (same order as `corpus.paragraphs`). */
function knowledgeFromFindings(corpus: Corpus, findings: ParagraphFindings[]): Knowledge {
  const texts = corpus.paragraphs.map((p) => p.normalized);
  // What a page applies is read from its own text only.
  const ownTexts = corpus.paragraphs.map((p) => (isRelatedHeadline(p) ? '' : p.normalized));
  // A page's source line (来源：某某经济技术开发区) names the zone that published it, which its text may call 经开区
  // throughout: the source counts as a mention, as the title does.
  const sources = corpus.articles.map((a) => (a.source ? normalizeForMatch(a.source) : ''));
  // A section's head (梅山保税港区 over the lines of its figures) names the zone its section is about.
  const headings = new Map<string, string>();
  for (const p of corpus.paragraphs) if (p.section && !isRelatedHeadline(p) && !headings.has(p.section)) headings.set(p.section, normalizeForMatch(p.section));
  // An article writes one zone's name in full and shortened (屏东农业生物科技园区, 屏东生物科技园区).
  const namesByArticle: string[][] = corpus.articles.map(() => []);
  corpus.paragraphs.forEach((p, i) => namesByArticle[p.article]!.push(...findings[i]!.zoneNames));
  const zones = gazetteerFromNames(
    [
      ...findings.map((f) => f.zoneNames),
      ...sources.map((source) => (source ? findZoneNames(source) : [])),
      ...[...headings.values()].map((heading) => findZoneNames(heading)),
    ],
    2,
    [...findings.flatMap((f) => f.sameZones), ...namesByArticle.flatMap(shortenedAliases)],
  );
  const kindOf = new Map(zones.map((z) => [z.name, z.kind]));
  const isDistrict = (name: string) => kindOf.get(name) === '行政区';
  const zoneMatcher = new PhraseMatcher(zones.flatMap((z) => mentionForms(z).map((form): [string, string] => [form, z.name])));

  // Paragraphs that say only 园区 or 开发区 are about the zone their section, or else their article, is about.
  const mentioned = texts.map((t) => zoneMatcher.count(t));
  // The mentions that say what a text is about: not the partners it names (与乌鲁木齐经开区、拉萨经开区等建立友好合作关系).
  const partners = texts.map((t) => partnerMentions(t, zoneMatcher));
  const topicalMentions = mentioned.map((counts, i) => (partners[i]!.length ? subtractCounts(counts, partners[i]!.map((m) => m.value)) : counts));
  // Occurrences of each generic word (开发区, and 全市 …) per paragraph, counted when first asked for: a paragraph is
  // part of both its article and its section. (No such word holds a line break, so counts per paragraph add up to the count
  // in the paragraphs joined by line breaks.)
  const genericCounts = new Map<string, Int32Array>();
  const countGeneric = (generic: string, indexes: number[]): number => {
    let counts = genericCounts.get(generic);
    if (!counts) genericCounts.set(generic, (counts = new Int32Array(texts.length).fill(-1)));
    let sum = 0;
    for (const i of indexes) {
      if (counts[i]! < 0) counts[i] = countOccurrences(texts[i]!, generic);
      sum += counts[i]!;
    }
    return sum;
  };
  const mainZone = (indexes: number[], extra = ''): string | undefined => {
    const totals = new Map<string, number>();
    for (const [name, n] of zoneMatcher.count(extra)) totals.set(name, n + 2);
    for (const i of indexes) for (const [name, n] of mentioned[i]!) totals.set(name, (totals.get(name) ?? 0) + n);
    if (totals.size === 0) return undefined;
    // A generic 园区 / 开发区 refers to the named zone of that kind the text is about.
    const sums = new Map<string, number>();
    for (const [name, n] of totals) {
      const generic = GENERIC_REFERENCE[kindOf.get(name)!];
      if (!generic) continue;
      let sum = sums.get(generic);
      if (sum === undefined) sums.set(generic, (sum = countGeneric(generic, indexes)));
      totals.set(name, n + sum);
    }
    return [...totals].sort((a, b) => b[1] - a[1])[0]![0];
  };
  const byArticle = new Map<number, number[]>();
  const bySection = new Map<string, number[]>();
  corpus.paragraphs.forEach((p, i) => {
    if (isRelatedHeadline(p)) return;
    push(byArticle, p.article, i);
    push(bySection, `${p.article}/${p.section ?? ''}`, i);
  });
  const articleMain = corpus.articles.map((a) => mainZone(byArticle.get(a.index) ?? [], `${a.title} ${sources[a.index]}`));
  const headingOf = (indexes: number[]) => headings.get(corpus.paragraphs[indexes[0]!]!.section ?? '') ?? '';
  const sectionMain = new Map([...bySection].map(([key, indexes]) => [key, mainZone(indexes, headingOf(indexes))]));
  const paragraphZones = corpus.paragraphs.map((p, i) => {
    const own = [...mentioned[i]!].sort((a, b) => b[1] - a[1]).map(([name]) => name);
    if (isRelatedHeadline(p)) return own;
    const inherited = (p.section ? sectionMain.get(`${p.article}/${p.section}`) : undefined) ?? articleMain[p.article];
    if (!inherited) return own;
    if (!own.length) return [inherited];
    // A paragraph naming only a district is about its article's zone too where it speaks of 园区 (为天桥区贡献力量)
    // or names the district only inside a clause (广聚济阳区资源要素), not as what a clause is about.
    if (!own.every(isDistrict) || own.includes(inherited)) return own;
    const generic = GENERIC_REFERENCE[kindOf.get(inherited)!];
    const inZone = (generic !== undefined && texts[i]!.includes(generic)) || !opensClause(texts[i]!, zoneMatcher.findAll(texts[i]!));
    return inZone ? [...own, inherited] : own;
  });

  const catalogue = catalogueFromNames(findings.map((f) => f.measureNames));
  const measureMatcher = new PhraseMatcher(catalogue.flatMap((m) => m.variants.flatMap((v) => measureMentionForms(v).map((form): [string, string] => [form, m.name]))));
  const paragraphMeasures = ownTexts.map((t) => [...measureMatcher.count(t).keys()]);
  const measureParagraphs = new Map<string, number[]>();
  paragraphMeasures.forEach((names, i) => names.forEach((name) => push(measureParagraphs, name, i)));
  const measures: MeasureInfo[] = catalogue.map((m) => {
    const indexes = measureParagraphs.get(m.name) ?? [];
    const zoneNames = new Set<string>();
    for (const i of indexes) for (const zone of paragraphZones[i]!) zoneNames.add(zone);
    return {
      name: m.name,
      variants: m.variants,
      zones: [...zoneNames],
      citations: indexes.map((i) => corpus.paragraphs[i]!.citation),
    };
  });

  // Kinds of zone each paragraph writes, counted when first asked for.
  const familyCounts: Map<string, number>[] = [];
  // A partner's kind (与十堰经济技术开发区签订协议) is not the kind the text speaks of.
  const familiesOf = (i: number) =>
    (familyCounts[i] ??= subtractCounts(kindFamilyCounts(texts[i]!), partners[i]!.flatMap((m) => [...kindFamilyCounts(m.phrase).keys()])));
  // A text that writes another kind of zone more often than the kind of the one zone it names (广东综保区 ×10,
  // 广东自贸试验区 ×1) is about zones it does not name: its 区内 and 全区 are not the named one's.
  const familyTotals = (indexes: number[], normalizedHeadline: string): Map<string, number> => {
    const totals = new Map<string, number>();
    const add = (counts: Map<string, number>) => counts.forEach((n, f) => totals.set(f, (totals.get(f) ?? 0) + n));
    if (normalizedHeadline) add(kindFamilyCounts(normalizedHeadline));
    for (const i of indexes) add(familiesOf(i));
    return totals;
  };
  const speaksOfOtherKind = (family: string | undefined, totals: Map<string, number>): boolean => {
    if (!family) return false;
    const own = totals.get(family) ?? 0;
    return [...totals].some(([f, n]) => otherKind(family, f) && n >= 3 && n > 2 * own);
  };
  // A text that says 全市 or 全省 far more often than it names its one zone or its kind (广州 外资 figures, 南沙片区
  // once) is about the division: its unnamed figures are the division's.
  const wholeDivisionCounts: number[] = [];
  const speaksOfWholeDivision = (family: string | undefined, totals: Map<string, number>, indexes: number[], normalizedHeadline: string): boolean => {
    let whole = (normalizedHeadline.match(WHOLE_DIVISION) ?? []).length;
    for (const i of indexes) whole += (wholeDivisionCounts[i] ??= (texts[i]!.match(WHOLE_DIVISION) ?? []).length);
    return whole >= 3 && whole > 2 * (family ? (totals.get(family) ?? 0) : 0);
  };
  // The zone a stretch of text is about, where its zone names (not its districts: they are places) are mostly one
  // zone's; none when they name none, undefined when they name several.
  const dominantZone = (indexes: number[], headline = '', framing = ''): string | null | undefined => {
    const counts = new Map<string, number>();
    const add = (names: Map<string, number>) => {
      for (const [name, n] of names) if (!isDistrict(name)) counts.set(name, (counts.get(name) ?? 0) + n);
    };
    const normalizedHeadline = headline ? normalizeForMatch(headline) : '';
    if (normalizedHeadline) add(zoneMatcher.count(normalizedHeadline));
    for (const i of indexes) add(topicalMentions[i]!);
    if (counts.size === 0) return null;
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const [top, n] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    if (n < DOMINANT_SHARE * total) return undefined;
    const family = kindFamilyOf(top);
    const totals = familyTotals(indexes, framing ? `${normalizedHeadline} ${normalizeForMatch(framing)}` : normalizedHeadline);
    return speaksOfOtherKind(family, totals) || speaksOfWholeDivision(family, totals, indexes, normalizedHeadline) ? undefined : top;
  };
  // What 开发区 or 全区 in a paragraph refers to: the zone of the paragraph, else of its section, else of its article.
  // A page cut into several articles (a headline list, a second story) is still one page: its file is the last
  // context.
  const byFile = new Map<string, number[]>();
  corpus.paragraphs.forEach((p, i) => isRelatedHeadline(p) || push(byFile, p.file, i));
  const articleZone = corpus.articles.map((a) => dominantZone(byArticle.get(a.index) ?? [], `${titleOfArticle(a)} ${sources[a.index]}`));
  // A section's kinds of zone are read with its article's title, which frames every section (高新区: … over a body
  // that names one other zone once).
  const titleOf = (indexes: number[]) => titleOfArticle(corpus.articles[corpus.paragraphs[indexes[0]!]!.article]!);
  const sectionZone = new Map([...bySection].map(([key, indexes]) => [key, dominantZone(indexes, headingOf(indexes), titleOf(indexes))]));
  const fileZone = new Map([...byFile].map(([file, indexes]) => [file, dominantZone(indexes)]));
  // Within its paragraph, a figure is of a zone named before it: one first named after it (与十堰经开区合作, a list
  // of other zones closing the paragraph) is what the paragraph goes on to, not what the figure is of.
  const contextZone = (i: number, before: string): string | undefined => {
    const p = corpus.paragraphs[i]!;
    const ofParagraph = dominantZone([i]);
    const namedBefore = ofParagraph ? zoneMatcher.count(before).has(ofParagraph) : true;
    for (const zone of [namedBefore ? ofParagraph : null, sectionZone.get(`${p.article}/${p.section ?? ''}`), articleZone[p.article], fileZone.get(p.file)]) {
      if (zone !== null) return zone;
    }
    return undefined;
  };
  const lastSubjectOf = (paragraph: Paragraph): Holder | undefined => {
    for (const sentence of [...sentencesOf(paragraph)].reverse()) {
      const subject = subjectOf(figureHolders(sentence.normalized, zoneMatcher, isDistrict), sentence.normalized);
      if (subject) return subject;
    }
    return undefined;
  };
  // Per article, the districts written as one body with a zone, and that zone.
  const sameBody = new Map<number, Map<string, string>>();
  corpus.paragraphs.forEach((p, i) => {
    for (const [place, written] of findings[i]!.sameBodies) {
      const zone = zoneMatcher.findAll(written).find((m) => m.phrase.length === written.length)?.value;
      if (!zone) continue;
      let ofArticle = sameBody.get(p.article);
      if (!ofArticle) sameBody.set(p.article, (ofArticle = new Map()));
      ofArticle.set(place, zone);
    }
  });
  // 该片区 is a free-trade block, 该开发区 a development zone; 该园区 may be any zone but a district.
  const fits = (word: string, name: string) => REFERRED_KINDS[word]?.includes(kindOf.get(name)!) ?? false;
  const figures: Figure[] = [];
  // A sentence copied from an earlier paragraph states its figures once.
  const seenFigures = new Set<string>();
  corpus.paragraphs.forEach((p, i) => {
    const sentences = sentencesOf(p);
    // The subject of a sentence carries on into the next ones that name none (滨海新区完成GDP…。完成工业总产值…),
    // and into a paragraph that opens by continuing the one before (同时，实现合同外资…).
    let topic = CONTINUATION.test(p.normalized) && corpus.paragraphs[i - 1]?.article === p.article ? lastSubjectOf(corpus.paragraphs[i - 1]!) : undefined;
    // Each sentence's holders are found once: for its own figures and as the subject it hands on.
    const holdersAt: ReturnType<typeof figureHolders>[] = [];
    const holdersOf = (k: number) => (holdersAt[k] ??= referredZones(figureHolders(sentences[k]!.normalized, zoneMatcher, isDistrict), k));
    let read = 0;
    const topicBefore = (index: number): Holder | undefined => {
      for (; read < index; read++) topic = subjectOf(holdersOf(read), sentences[read]!.normalized) ?? topic;
      return topic;
    };
    // The zone 该园区 refers back to: the last named before it, in its sentence, its paragraph, then its article.
    // Resolved where it is written, so that a sentence carrying it on as its subject carries that zone.
    function referredZones(holders: ReturnType<typeof figureHolders>, index: number): ReturnType<typeof figureHolders> {
      for (const h of holders) {
        if (h.holder.kind !== 'that') continue;
        const name = zoneNamedBefore(holders, index, h.start, h.holder.word);
        if (name) h.holder = { kind: 'zone', name };
      }
      return holders;
    }
    function zoneNamedBefore(holders: ReturnType<typeof figureHolders>, index: number, at: number, word: string): string | undefined {
      const isZone = (h: { holder: Holder }) => h.holder.kind === 'zone' && fits(word, h.holder.name);
      const inSentence = holders.filter((h) => h.end <= at && isZone(h)).at(-1);
      if (inSentence) return (inSentence.holder as { name: string }).name;
      for (let k = index - 1; k >= 0; k--) {
        const last = holdersOf(k).filter(isZone).at(-1);
        if (last) return (last.holder as { name: string }).name;
      }
      for (let j = i - 1; j >= 0 && corpus.paragraphs[j]!.article === p.article; j--) {
        const last = zoneMatcher.findAll(corpus.paragraphs[j]!.normalized).filter((m) => fits(word, m.value)).at(-1);
        if (last) return last.value;
      }
      return undefined;
    }
    // The paragraph's text before a figure at `at` in sentence `index`.
    const textBefore = (index: number, at: number) => sentences.slice(0, index).map((s) => s.normalized).join('') + sentences[index]!.normalized.slice(0, at);
    for (const [index, found] of findings[i]!.figures) {
      const sentence = sentences[index]!;
      const holders = holdersOf(index);
      const carried = topicBefore(index);
      for (const f of found) {
        const key = `${f.metric}|${f.value}|${f.unit}|${sentence.normalized}`;
        if (seenFigures.has(key)) continue;
        seenFigures.add(key);
        let holder = holderOf(holders, sentence.normalized, f.start) ?? carried;
        const district = holder?.kind === 'place' || (holder?.kind === 'zone' && isDistrict(holder.name)) ? holder.name : '';
        const bodyZone = district ? sameBody.get(p.article)?.get(district) : undefined;
        if (bodyZone) holder = { kind: 'zone', name: bodyZone };
        let metric = f.metric;
        // A zone's name opening the metric (平和科技产业园已签约项目) is its holder, not part of what is measured.
        const opening = zoneMatcher.findAll(metric).find((m) => m.start === 0);
        const rest = opening ? metricAfterName(metric, opening.phrase.length) : '';
        if (opening && rest) {
          metric = rest;
          holder = { kind: 'zone', name: opening.value };
        }
        const ofPlace =
          holder?.kind === 'group' ? holder.name : f.subject && holder?.kind !== 'zone' ? zonesOfPlace(f.subject.text, zoneMatcher) : '';
        // The count of a group (东部地区103家国家级经开区, 在全国154个综合保税区中) is the group's own figure: its name
        // is the metric, whatever words come before the count.
        if (holder?.kind === 'group' && countedGroupAt(holders, f.start) === holder) metric = ofPlace;
        else if (ofPlace && !metric.includes(ofPlace)) metric = ofPlace + metric;
        const zone = ofPlace
          ? undefined
          : holder === undefined || holder.kind === 'this' || holder.kind === 'that' ? contextZone(i, textBefore(index, f.start)) : holder.kind === 'zone' ? holder.name : undefined;
        const figure: Figure = { metric, value: f.value, unit: f.unit, text: sentence.display, citation: p.citation };
        if (f.approx) figure.approx = true;
        if (f.written !== f.value + f.unit) figure.written = f.written;
        if (f.period) figure.period = f.period;
        if (zone) figure.zone = zone;
        if (holder?.kind === 'group') figure.group = holder.name;
        figures.push(figure);
      }
    }
  });

  const places = [...new Set(findings.flatMap((f) => f.places))].sort();
  return { zones, measures, figures, paragraphZones, paragraphMeasures, places };
}
