/**
 * Knowledge: what the corpus says beyond its words — which zones each paragraph is about, which measures it
 * names, and the figures it gives. Built once per corpus from the normalized paragraphs.
 */
import type { Corpus } from '../corpus/types.ts';
import { extractFigures } from './figures.ts';
import { buildMeasureCatalogue } from './measures.ts';
import { buildGazetteer, mentionForms, type Zone } from './zones.ts';

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
  period?: string;
  zone?: string;
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
}

/** The generic word by which a text refers back to a zone of each kind. */
const GENERIC_REFERENCE: Partial<Record<Zone['kind'], string>> = { 开发区: '开发区', 园区: '园区', 自贸片区: '片区' };

function countOccurrences(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Zones named in a text, with how often, longest forms first so `济北开发区` is not also counted as `济北`. */
function zoneMentions(text: string, zones: { zone: Zone; forms: string[] }[]): Map<string, number> {
  const found = new Map<string, number>();
  for (const { zone, forms } of zones) {
    let rest = text;
    let count = 0;
    for (const form of forms) {
      count += countOccurrences(rest, form);
      rest = rest.split(form).join('\u0000');
    }
    if (count > 0) found.set(zone.name, count);
  }
  return found;
}

export function buildKnowledge(corpus: Corpus): Knowledge {
  const texts = corpus.paragraphs.map((p) => p.normalized);
  const zones = buildGazetteer(texts);
  const zoneForms = zones.map((zone) => ({ zone, forms: mentionForms(zone).sort((a, b) => b.length - a.length) }));

  // Paragraphs that say only 园区 or 开发区 are about the zone their section, or else their article, is about.
  const mentioned = corpus.paragraphs.map((p) => zoneMentions(p.normalized, zoneForms));
  const mainZone = (indexes: number[], extra = ''): string | undefined => {
    const totals = new Map<string, number>();
    for (const [name, n] of zoneMentions(extra, zoneForms)) totals.set(name, n + 2);
    for (const i of indexes) for (const [name, n] of mentioned[i]!) totals.set(name, (totals.get(name) ?? 0) + n);
    // A generic 园区 / 开发区 refers to the named zone of that kind the text is about.
    const text = indexes.map((i) => corpus.paragraphs[i]!.normalized).join('\n');
    for (const [name, n] of totals) {
      const kind = zones.find((z) => z.name === name)!.kind;
      const generic = GENERIC_REFERENCE[kind];
      if (generic) totals.set(name, n + countOccurrences(text, generic));
    }
    return [...totals].sort((a, b) => b[1] - a[1])[0]?.[0];
  };
  const groups = new Map<string, number[]>();
  corpus.paragraphs.forEach((p, i) => {
    for (const key of [`a${p.article}`, `a${p.article}/${p.section ?? ''}`]) groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const articleMain = corpus.articles.map((a) => mainZone(groups.get(`a${a.index}`) ?? [], a.title));
  const sectionMain = new Map([...groups].filter(([k]) => k.includes('/')).map(([k, idx]) => [k, mainZone(idx)]));
  const paragraphZones = corpus.paragraphs.map((p, i) => {
    const own = [...mentioned[i]!].sort((a, b) => b[1] - a[1]).map(([name]) => name);
    const inherited = (p.section ? sectionMain.get(`a${p.article}/${p.section}`) : undefined) ?? articleMain[p.article];
    return own.length ? own : inherited ? [inherited] : [];
  });

  const catalogue = buildMeasureCatalogue(texts);
  const paragraphMeasures = corpus.paragraphs.map((p) =>
    catalogue.filter((m) => m.variants.some((v) => p.normalized.includes(v))).map((m) => m.name),
  );
  const measures: MeasureInfo[] = catalogue.map((m) => {
    const citations: string[] = [];
    const zoneSet = new Set<string>();
    corpus.paragraphs.forEach((p, i) => {
      if (!paragraphMeasures[i]!.includes(m.name)) return;
      citations.push(p.citation);
      for (const z of paragraphZones[i]!) zoneSet.add(z);
    });
    return { name: m.name, variants: m.variants, zones: [...zoneSet], citations };
  });

  const figures: Figure[] = [];
  corpus.paragraphs.forEach((p, i) => {
    for (const sentence of p.sentences) {
      const sentenceZones = zoneMentions(sentence.normalized, zoneForms);
      for (const f of extractFigures(sentence.normalized)) {
        // The zone named nearest before the figure in its sentence, else the paragraph's.
        let zone: string | undefined;
        let best = -1;
        for (const { zone: z, forms } of zoneForms) {
          if (!sentenceZones.has(z.name)) continue;
          for (const form of forms) {
            const at = sentence.normalized.lastIndexOf(form, f.start);
            if (at > best) [best, zone] = [at, z.name];
          }
        }
        zone ??= [...sentenceZones.keys()][0] ?? paragraphZones[i]![0];
        const figure: Figure = { metric: f.metric, value: f.value, unit: f.unit, text: sentence.display, citation: p.citation };
        if (f.approx) figure.approx = true;
        if (f.period) figure.period = f.period;
        if (zone) figure.zone = zone;
        figures.push(figure);
      }
    }
  });

  return { zones, measures, figures, paragraphZones, paragraphMeasures };
}
