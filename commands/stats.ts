/**
 * `/stats [zone:] [metric:]` — the figures the corpus gives, filtered by zone and by metric; with neither, the
 * corpus in numbers. Typed as one text (`钢城 签约项目`), a zone name in it is the zone and the rest the metric.
 */
import { z } from 'zod';
import type { CommandModule } from '../src/command.ts';
import { skippedCounts } from '../src/corpus/read.ts';
import type { Figure } from '../src/extract/knowledge.ts';
import { keyedNames, metricFromLatin, nameKey, offeredNames, zoneForms, zoneMistyped } from '../src/extract/resolve.ts';
import { kindMayName, type Zone } from '../src/extract/zones.ts';
import { chineseKindOf, resolveZoneAsTyped } from '../src/lang/english.ts';
import type { Fact, ResultPage } from '../src/page.ts';
import { DEFAULT_PAGE_SIZE, emptyPage, factOf, pageOf, pageOption, paginate, type CommandContext } from '../src/results.ts';
import { normalizeForMatch } from '../src/text/normalize.ts';

const optional = z.string().trim().max(100).optional();
const schema = z.object({ zone: optional, metric: optional, text: optional, page: pageOption });

/** Splits free text into a zone (the longest alias it contains) and the metric words around it. */
export function parseStatsText(text: string, zones: Zone[]): { zone?: Zone; metric: string } {
  const normalized = nameKey(text);
  let best: { zone: Zone; alias: string } | undefined;
  for (const { item: zone, keys } of keyedNames(zones, zoneForms)) {
    for (const key of keys) {
      if (key.length >= 2 && normalized.includes(key) && (!best || key.length > best.alias.length)) best = { zone, alias: key };
    }
  }
  const metric = (best ? normalized.replace(best.alias, ' ') : normalized).replace(/[\s，,。？?！!的]+/gu, ' ').trim();
  return best ? { zone: best.zone, metric } : { metric };
}

/** Figures grouped by metric (in matching form), computed once per list rather than once per query. */
const metricIndex = new WeakMap<Figure[], Map<string, number[]>>();
function figuresByMetric(figures: Figure[]): Map<string, number[]> {
  let index = metricIndex.get(figures);
  if (!index) {
    index = new Map();
    figures.forEach((f, i) => {
      const key = nameKey(f.metric);
      const list = index!.get(key);
      if (list) list.push(i);
      else index!.set(key, [i]);
    });
    metricIndex.set(figures, index);
  }
  return index;
}

/**
 * The figures that fit the metric asked for, best first: the same metric (3), a metric containing it or
 * contained in it (2); only when no metric fits, figures whose sentence mentions it (1).
 */
function fittingFigures(figures: Figure[], wanted: string): { index: number; fit: number }[] {
  if (!wanted) return figures.map((_, index) => ({ index, fit: 1 }));
  const fitting: { index: number; fit: number }[] = [];
  for (const [metric, indexes] of figuresByMetric(figures)) {
    const fit = metric === wanted ? 3 : metric.includes(wanted) || (metric.length >= 2 && wanted.includes(metric)) ? 2 : 0;
    if (fit) for (const index of indexes) fitting.push({ index, fit });
  }
  if (fitting.length) return fitting;
  return figures.flatMap((f, index) => (normalizeForMatch(f.text).includes(wanted) ? [{ index, fit: 1 }] : []));
}

/** The figures of a zone (or of every zone) that fit a metric, best fit first, in corpus order within a fit. */
function rankedFigures(figures: Figure[], metric: string, zone: Zone | undefined): { figure: Figure }[] {
  return fittingFigures(figures, nameKey(metricFromLatin(metric, figures)))
    .filter(({ index }) => !zone || figures[index]!.zone === zone.name)
    .sort((a, b) => b.fit - a.fit || a.index - b.index)
    .map(({ index }) => ({ figure: figures[index]! }));
}

function corpusNumbers({ engine, stats }: CommandContext, query: string, pageSize: number): ResultPage {
  const { corpus, knowledge } = engine;
  return {
    command: 'stats',
    query,
    page: 1,
    pages: 1,
    total: 0,
    pageSize,
    hits: [],
    corpus: {
      files: corpus.files.length,
      skipped: corpus.skipped.length,
      skippedBy: skippedCounts(corpus.skipped),
      articles: corpus.articles.length,
      paragraphs: corpus.paragraphs.length,
      zones: knowledge.zones.length,
      measures: knowledge.measures.length,
      figures: knowledge.figures.length,
      indexBytes: stats?.snapshotBytes ?? 0,
      buildMs: stats?.buildMs ?? 0,
      fromSnapshot: stats?.fromSnapshot ?? false,
    },
  };
}

export const stats: CommandModule<typeof schema> = {
  definition: {
    name: 'stats',
    names: { 'zh-CN': '数据', 'en-US': 'stats' },
    description: {
      'zh-CN': '查看各园区的经济数据（签约额、实际使用外资等）；不填则显示语料概况',
      'en-US': 'Figures by zone and metric (签约额, 实际使用外资 …); without options, the corpus in numbers',
    },
    textOption: 'text',
    options: [
      {
        name: 'zone',
        names: { 'zh-CN': '园区', 'en-US': 'zone' },
        description: { 'zh-CN': '园区或城区名称', 'en-US': 'Zone or district name' },
        type: 'string',
        maxLength: 100,
        autocomplete: true,
      },
      {
        name: 'metric',
        names: { 'zh-CN': '指标', 'en-US': 'metric' },
        description: { 'zh-CN': '指标，如 签约额、新签约项目', 'en-US': 'Metric, e.g. 签约额 (contract value)' },
        type: 'string',
        maxLength: 100,
        autocomplete: true,
      },
    ],
  },
  schema,
  run(context, options) {
    const pageSize = context.pageSize ?? DEFAULT_PAGE_SIZE;
    const { knowledge } = context.engine;
    const query = [options.zone, options.metric, options.text].filter(Boolean).join(' ');
    if (!query) return corpusNumbers(context, query, pageSize);

    let zone: Zone | undefined;
    let metric = options.metric ?? '';
    if (options.zone) {
      const resolution = resolveZoneAsTyped(context.engine, options.zone);
      if (!('found' in resolution)) {
        const candidates = offeredNames(resolution);
        return { ...emptyPage('stats', query, { code: 'unknown-zone', detail: options.zone }, pageSize), ...(candidates.length ? { candidates } : {}) };
      }
      zone = resolution.found;
    }
    const parsed = options.text ? parseStatsText(options.text, knowledge.zones) : undefined;
    if (parsed) {
      zone ??= parsed.zone;
      metric = [metric, parsed.metric].filter(Boolean).join(' ');
    }

    let ranked = rankedFigures(knowledge.figures, metric, zone);
    if (ranked.length === 0 && options.text && zone && !options.zone) {
      // The rest may be the zone's kind (钢城 园区, Jibei EDZ) or a mistyped rest of its name (钢城经开去), no metric.
      const rest = parsed?.metric ?? '';
      const named = kindMayName(chineseKindOf(rest) ?? rest, zone.name) ? zone : zoneMistyped(options.text, knowledge.zones);
      if (named) ranked = rankedFigures(knowledge.figures, options.metric ?? '', named);
    } else if (ranked.length === 0 && options.text && !zone) {
      // Text that names no zone by any alias and fits no metric may be a zone's name mistyped (天侨区 for 天桥区) or
      // in English (Jinan New Materials Park).
      const resolution = resolveZoneAsTyped(context.engine, options.text);
      if ('found' in resolution) ranked = rankedFigures(knowledge.figures, options.metric ?? '', resolution.found);
      else {
        const candidates = offeredNames(resolution);
        if (candidates.length) return { ...emptyPage('stats', query, { code: 'no-figures', detail: query }, pageSize), candidates };
      }
    }
    if (ranked.length === 0) return emptyPage('stats', query, { code: 'no-figures', detail: query }, pageSize);
    const paged = paginate(ranked, options.page, pageSize);
    const facts: Fact[] = paged.items.map(({ figure }) => factOf(figure));
    return pageOf('stats', query, paged, pageSize, { hits: [], facts });
  },
};
