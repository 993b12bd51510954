/** `/zone name:` — one zone's profile (names, articles, figures, measures) and the passages about it. */
import { z } from 'zod';
import type { CommandModule } from '../src/command.ts';
import { resolveZoneAsTyped } from '../src/lang/english.ts';
import { mentionForms } from '../src/extract/zones.ts';
import type { Fact, ZoneProfile } from '../src/page.ts';
import { DEFAULT_PAGE_SIZE, emptyPage, factOf, hitFor, onePerArticleFirst, pageOf, pageOption, paginate } from '../src/results.ts';
import type { Figure } from '../src/extract/knowledge.ts';

const schema = z.object({ name: z.string().trim().min(1).max(100), page: pageOption });
const KEY_FIGURES = 8;
/** Money first, then rates, then counts: what a profile reader looks for. */
const UNIT_WEIGHT = (unit: string) => (/元|美元/u.test(unit) ? 0 : unit === '%' ? 1 : 2);

function keyFigures(figures: Figure[]): Figure[] {
  return figures
    .map((f, order) => ({ f, order }))
    .sort((a, b) => UNIT_WEIGHT(a.f.unit) - UNIT_WEIGHT(b.f.unit) || a.order - b.order)
    .slice(0, KEY_FIGURES)
    .map(({ f }) => f);
}

export const zone: CommandModule<typeof schema> = {
  definition: {
    name: 'zone',
    names: { 'zh-CN': '园区', 'en-US': 'zone' },
    description: {
      'zh-CN': '查看一个开发区、园区或城区的概况与相关段落',
      'en-US': "A development zone's, park's or district's profile and passages",
    },
    textOption: 'name',
    options: [
      {
        name: 'name',
        names: { 'zh-CN': '名称', 'en-US': 'name' },
        description: { 'zh-CN': '名称、简称、繁体或拼音，如 济北、jibei', 'en-US': 'Name, short form, Traditional or pinyin, e.g. jibei' },
        type: 'string',
        required: true,
        maxLength: 100,
        autocomplete: true,
      },
    ],
  },
  schema,
  run({ engine, pageSize = DEFAULT_PAGE_SIZE }, { name, page }) {
    const { corpus, knowledge } = engine;
    const resolution = resolveZoneAsTyped(engine, name);
    if ('none' in resolution) {
      const near = resolution.near.map((z) => z.name);
      return { ...emptyPage('zone', name, { code: 'unknown-zone', detail: name }, pageSize), ...(near.length ? { candidates: near } : {}) };
    }
    if ('candidates' in resolution) {
      return { ...emptyPage('zone', name, { code: 'ambiguous-zone', detail: name }, pageSize), candidates: resolution.candidates.map((c) => c.name) };
    }
    const found = resolution.found;
    const indexes = [...engine.zoneParagraphs(found.name)];
    const about = new Set(indexes);

    // Passages: the zone's paragraphs, those that name it most prominently first.
    const query = [found.name, ...mentionForms(found)].join(' ');
    const scored = new Map(engine.search(query, { filter: (i) => about.has(i) }).hits.map((r) => [r.index, r.score]));
    indexes.sort((a, b) => (scored.get(b) ?? 0) - (scored.get(a) ?? 0) || a - b);

    const articleSet = new Set(indexes.map((i) => corpus.paragraphs[i]!.article));
    const articles = [...articleSet].map((a) => {
      const article = corpus.articles[a]!;
      return { title: article.title, file: article.file, citation: article.paragraphs[0]!, ...(article.date ? { date: article.date } : {}) };
    });
    const facts: Fact[] = keyFigures(knowledge.figures.filter((f) => f.zone === found.name)).map(factOf);
    const measureCounts = new Map<string, number>();
    for (const i of indexes) for (const m of knowledge.paragraphMeasures[i]!) measureCounts.set(m, (measureCounts.get(m) ?? 0) + 1);
    const measures = [...measureCounts].map(([name, paragraphs]) => ({ name, paragraphs })).sort((a, b) => b.paragraphs - a.paragraphs);
    const profile: ZoneProfile = { name: found.name, aliases: found.aliases, kind: found.kind, articles, measures, facts };

    // Every article that speaks of the zone shows on the first page before any article shows twice.
    const paged = paginate(onePerArticleFirst(corpus, indexes, page * pageSize), page, pageSize, indexes.length);
    return pageOf('zone', name, paged, pageSize, {
      zone: profile,
      hits: paged.items.map((i) => hitFor(engine, i, query, scored.get(i) ?? 0)),
    });
  },
};
