/**
 * `/measure [name:]` — with a name, the zones that apply the measure and the passages naming it; without one,
 * the catalogue of measures with how many zones and paragraphs mention each.
 */
import { z } from 'zod';
import type { CommandModule } from '../src/command.ts';
import { PRACTICE_NOUNS } from '../src/extract/measures.ts';
import { resolveMeasure } from '../src/extract/resolve.ts';
import type { MeasureInfo } from '../src/extract/knowledge.ts';
import type { SearchEngine } from '../src/search/engine.ts';
import type { MeasureEntry, Notice } from '../src/page.ts';
import { rewritePinyin, soundsIn } from '../src/search/pinyin-query.ts';
import { words } from '../src/search/tokenize.ts';
import { normalizeForMatch } from '../src/text/normalize.ts';
import { DEFAULT_PAGE_SIZE, emptyPage, hitFor, onePerArticleFirst, pageOf, pageOption, paginate } from '../src/results.ts';

const schema = z.object({ name: z.string().trim().max(100).optional(), page: pageOption });

/** Whether one text is the other with one character more, the shorter of four characters at least. */
function oneCharacterApart(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 1 || short.length < 4) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

const entry = (m: MeasureInfo): MeasureEntry => ({ name: m.name, variants: m.variants, zones: m.zones, paragraphs: m.citations.length });

/** The passages of a catalogued measure, one per article first, so the first page shows every place it is applied. */
function measurePage(engine: SearchEngine, found: MeasureInfo, name: string, page: number, pageSize: number, notice?: Notice) {
  const { corpus, knowledge } = engine;
  const naming = engine.measureParagraphs(found.name);
  const query = [name, ...found.variants].join(' ');
  // Best match first (the search's order), then any naming paragraph the query did not reach, in corpus order.
  const { hits } = engine.search(query, { filter: (i) => knowledge.paragraphMeasures[i]!.includes(found.name) });
  const scores = new Map(hits.map((h) => [h.index, h.score]));
  function* ranked() {
    for (const h of hits) yield h.index;
    for (const i of naming) if (!scores.has(i)) yield i;
  }
  const ordered = onePerArticleFirst(corpus, ranked(), page * pageSize);
  const paged = paginate(ordered, page, pageSize, naming.length);
  return pageOf('measure', name, paged, pageSize, {
    ...(notice ? { notice } : {}),
    measure: entry(found),
    hits: paged.items.map((i) => hitFor(engine, i, query, scores.get(i) ?? 0)),
  });
}

export const measure: CommandModule<typeof schema> = {
  definition: {
    name: 'measure',
    names: { 'zh-CN': '举措', 'en-US': 'measure' },
    description: {
      'zh-CN': '查看一项服务举措在哪些园区施行；不填名称则列出全部举措',
      'en-US': 'Which zones apply a service measure; without a name, the catalogue of measures',
    },
    textOption: 'name',
    options: [
      {
        name: 'name',
        names: { 'zh-CN': '名称', 'en-US': 'name' },
        description: { 'zh-CN': '举措名称，如 一次办成、一窗受理', 'en-US': 'Measure name, e.g. 一次办成' },
        type: 'string',
        required: false,
        maxLength: 100,
        autocomplete: true,
      },
    ],
  },
  schema,
  run({ engine, pageSize = DEFAULT_PAGE_SIZE }, { name, page }) {
    const { corpus, knowledge } = engine;
    if (!name) {
      const paged = paginate(knowledge.measures, page, pageSize);
      return pageOf('measure', '', paged, pageSize, { hits: [], catalogue: paged.items.map(entry) });
    }
    const resolution = resolveMeasure(name, knowledge.measures);
    if ('none' in resolution) {
      // Not a catalogued measure: the passages that use its words and the nearest catalogue entries, so that a
      // practice the text names but the catalogue left out (or a near miss of a name) is still answered.
      const near = resolution.near.length ? { candidates: resolution.near.map((m) => m.name) } : {};
      // A name typed in pinyin is read into the corpus's words; syllables no word spells (zhou, yue: 周 or 州, 月 or
      // 约) are then checked by sound in the passages that hold the words read.
      const typedLatin = /[a-z]/iu.test(name);
      const read = typedLatin ? rewritePinyin(name, engine) : name;
      // Passages that hold all of some words, searched for with `query`.
      const holding = (query: string, wanted: string[]) => {
        const holdsAll = (i: number) =>
          wanted.every((w) => corpus.paragraphs[i]!.normalized.includes(w)) && (!typedLatin || soundsIn(corpus.paragraphs[i]!.normalized, name));
        return wanted.length ? engine.search(query, { filter: holdsAll, limit: page * pageSize }) : { hits: [], total: 0 };
      };
      // Every word of the name, not just some of its characters; failing those, the practice itself as it is typed
      // (多库联动 of 多库联动机制): the text may name a practice without the noun that says it is one.
      const practice = PRACTICE_NOUNS.map((noun) => (name.endsWith(noun) ? normalizeForMatch(name.slice(0, -noun.length)) : '')).find((rest) => rest.length >= 2);
      const readWords = words(normalizeForMatch(read)).filter((w) => !typedLatin || /\p{Script=Han}/u.test(w));
      let { hits, total } = holding(read, readWords);
      if (total === 0 && practice) ({ hits, total } = holding(practice, [practice]));
      // Nothing holds the name, and one catalogue entry is the name with a character more or less (一线工作方法 →
      // 一线工作法): that one, said so. A character changed may be another practice (一网通办, 一网通管).
      const typed = normalizeForMatch(name);
      const slips = resolution.near.filter((m) => oneCharacterApart(typed, normalizeForMatch(m.name)));
      if (total === 0 && slips.length === 1) return measurePage(engine, slips[0]!, name, page, pageSize, { code: 'measure-nearest', detail: slips[0]!.name });
      if (total === 0) return { ...emptyPage('measure', name, { code: 'unknown-measure', detail: name }, pageSize), ...near };
      const paged = paginate(hits, page, pageSize, total);
      return pageOf('measure', name, paged, pageSize, {
        notice: { code: 'measure-not-catalogued', detail: name },
        ...near,
        hits: paged.items.map((h) => hitFor(engine, h.index, name, h.score)),
      });
    }
    if ('candidates' in resolution) {
      return { ...emptyPage('measure', name, { code: 'unknown-measure', detail: name }, pageSize), candidates: resolution.candidates.map((c) => c.name) };
    }
    return measurePage(engine, resolution.found, name, page, pageSize);
  },
};
