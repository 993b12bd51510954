/**
 * The measure word the corpus counts a noun in (14家企业, 76名党员干部, 签约项目14个 → 企业: 家, 干部: 名, 项目: 个):
 * a question that names what it counts without a measure word (an English `how many companies`) is answered in
 * the unit the text uses for it. Read from the paragraphs that hold the noun, when it is asked about.
 */
import { MEASURE_WORDS } from './asked-unit.ts';
import type { SearchEngine } from './engine.ts';

const UNIT = `(${MEASURE_WORDS.join('|')})`;
/** A count in digits or characters; 一 alone is left out, since 一个 is as often `a` as `one`. */
const COUNT = '(?:\\d+|[二两三四五六七八九十百千][一二两三四五六七八九十百千]*|一[十百千][一二两三四五六七八九十百千]*)(?:余|多)?';
/** Words a count may stand after its noun with (企业数达到14家, 项目共12个). */
const LINK = '(?:数|数量)?(?:达到|达|为|共|共计|合计)?';
/** How many characters of modifiers may stand between a count and its noun (76名党员干部). */
const MODIFIER = '\\p{Script=Han}{0,4}?';

/** The measure word the corpus counts any of these nouns in most often; undefined when it never counts them. */
export function measureWordOf(engine: SearchEngine, nouns: string[]): string | undefined {
  const names = nouns.filter((noun) => noun.length >= 2);
  if (!names.length) return undefined;
  const alternatives = names.map((noun) => noun.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|');
  const before = new RegExp(`${COUNT}${UNIT}${MODIFIER}(?:${alternatives})`, 'gu');
  const after = new RegExp(`(?:${alternatives})${LINK}${COUNT}${UNIT}`, 'gu');
  const tally = new Map<string, number>();
  const paragraphs = new Set(names.flatMap((noun) => [...engine.paragraphsHolding(noun)]));
  for (const i of paragraphs) {
    const text = engine.corpus.paragraphs[i]!.normalized;
    for (const pattern of [before, after]) for (const m of text.matchAll(pattern)) tally.set(m[1]!, (tally.get(m[1]!) ?? 0) + 1);
  }
  let best: [string, number] | undefined;
  for (const entry of tally) if (!best || entry[1] > best[1]) best = entry;
  return best?.[0];
}
