/**
 * `/measure [name:]` — with a name, the zones that apply the measure and the passages naming it; without one,
 * the catalogue of measures with how many zones and paragraphs mention each.
 */
import { z } from 'zod';
import type { CommandModule } from '../src/command.ts';
import { resolveMeasure } from '../src/extract/resolve.ts';
import type { MeasureEntry } from '../src/page.ts';
import { DEFAULT_PAGE_SIZE, emptyPage, hitFor, pageOf, pageOption, paginate } from '../src/results.ts';

const schema = z.object({ name: z.string().trim().max(100).optional(), page: pageOption });

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
    const entry = (m: (typeof knowledge.measures)[number]): MeasureEntry => ({
      name: m.name,
      variants: m.variants,
      zones: m.zones,
      paragraphs: m.citations.length,
    });
    if (!name) {
      const paged = paginate(knowledge.measures, page, pageSize);
      return pageOf('measure', '', paged, pageSize, { hits: [], catalogue: paged.items.map(entry) });
    }
    const resolution = resolveMeasure(name, knowledge.measures);
    if ('none' in resolution) return emptyPage('measure', name, { code: 'unknown-measure', detail: name }, pageSize);
    if ('candidates' in resolution) {
      return { ...emptyPage('measure', name, { code: 'unknown-measure', detail: name }, pageSize), candidates: resolution.candidates.map((c) => c.name) };
    }
    const found = resolution.found;
    const indexes = found.citations.map((c) => engine.paragraphIndex(c)).filter((i) => i !== undefined);
    const naming = new Set(indexes);
    const query = [name, ...found.variants].join(' ');
    const scores = new Map(engine.search(query, { filter: (i) => naming.has(i) }).hits.map((r) => [r.index, r.score]));
    const ranked = indexes.sort((a, b) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0) || a - b);
    // One passage per article first, so the first page shows every place the measure is applied.
    const seen = new Set<number>();
    const firsts = ranked.filter((i) => !seen.has(corpus.paragraphs[i]!.article) && seen.add(corpus.paragraphs[i]!.article));
    const first = new Set(firsts);
    const ordered = [...firsts, ...ranked.filter((i) => !first.has(i))];
    const paged = paginate(ordered, page, pageSize);
    return pageOf('measure', name, paged, pageSize, {
      measure: entry(found),
      hits: paged.items.map((i) => hitFor(engine, i, query, scores.get(i) ?? 0)),
    });
  },
};
