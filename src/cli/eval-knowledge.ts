/**
 * `npm run eval:knowledge -- DIR [--annotations FILE] [--show N]`: precision and recall of the zones, figures and
 * measures zonebot extracts from a folder of real pages, against hand annotations of some of them
 * (eval/real-pages/annotations.json: the facts of each page, no page text). The whole folder is built as one
 * corpus, as a user's would be; only the annotated pages are scored.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openEngine } from '../engine/open.ts';
import type { Figure } from '../extract/knowledge.ts';
import { zoneKey, type Zone } from '../extract/zones.ts';
import { normalizeForMatch } from '../text/normalize.ts';

const annotatedZone = z.object({ name: z.string(), forms: z.array(z.string()).default([]) });
const annotatedFigure = z.object({
  // Some annotators copied thousands separators (5,335.64); the figures read carry none.
  value: z.string().transform((v) => v.replace(/,(?=\d{3}(?!\d))/gu, '')),
  unit: z.string(),
  metric: z.string(),
  zone: z.string().default(''),
  place: z.string().optional(),
  approx: z.boolean().optional(),
});
const annotations = z.object({
  pages: z.array(
    z.object({
      file: z.string(),
      zones: z.array(annotatedZone).default([]),
      places: z.array(z.string()).default([]),
      figures: z.array(annotatedFigure).default([]),
      measures: z.array(z.string()).default([]),
    }),
  ),
});
type AnnotatedZone = z.output<typeof annotatedZone>;
type AnnotatedFigure = z.output<typeof annotatedFigure>;

/** Tallies of one kind of fact: what was found, what was annotated, and how many of each match. */
interface Tally {
  found: number;
  right: number;
  annotated: number;
  recalled: number;
  wrong: string[];
  missed: string[];
}
const tally = (): Tally => ({ found: 0, right: 0, annotated: 0, recalled: 0, wrong: [], missed: [] });

/** The same zone: the same key, or a spelling one lists that the other has. */
function sameZone(zone: Zone, annotated: AnnotatedZone): boolean {
  const forms = new Set([annotated.name, ...annotated.forms].map(normalizeForMatch));
  return zoneKey(zone.name) === zoneKey(normalizeForMatch(annotated.name)) || zone.forms.some((f) => forms.has(f));
}

/**
 * A metric is right when it is the annotated one give or take a word: one holds the other with at most three
 * characters more (签约项目 ~ 新签约项目), or they share, in order, at least 80% of the longer one's characters
 * (规上工业企业实现入库税收 ~ 规上工业企业入库税收). 总投资 for 签约项目总投资 is wrong: it does not say of what.
 */
function sameMetric(found: string, annotated: string): boolean {
  const [a, b] = [normalizeForMatch(found).replace(/\s/gu, ''), normalizeForMatch(annotated).replace(/\s/gu, '')];
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 2 && long.includes(short) && long.length - short.length <= 3) return true;
  return commonSubsequence(a, b) >= 0.8 * long.length;
}

/** The length of the longest common subsequence of two short texts. */
function commonSubsequence(a: string, b: string): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const ca of a) {
    const row = [0];
    for (let j = 1; j <= b.length; j++) row[j] = ca === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!);
    previous = row;
  }
  return previous[b.length]!;
}

const MEASURE_CORE = /[“”"「」『』\s]/gu;
const sameMeasure = (found: string, annotated: string) => {
  const [a, b] = [normalizeForMatch(found).replace(MEASURE_CORE, ''), normalizeForMatch(annotated).replace(MEASURE_CORE, '')];
  return a === b || (Math.min(a.length, b.length) >= 2 && (a.includes(b) || b.includes(a)));
};

const ratio = (n: number, d: number) => (d ? (n / d).toFixed(2) : '–');

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { annotations: { type: 'string' }, show: { type: 'string' } },
  });
  const dir = positionals[0];
  if (!dir || !existsSync(dir)) {
    console.error('usage: npm run eval:knowledge -- DIR [--annotations FILE] [--show N]   (DIR: the folder of real pages)');
    process.exit(2);
  }
  const annotationFile = values.annotations ?? path.join(import.meta.dirname, '..', '..', 'eval', 'real-pages', 'annotations.json');
  const gold = annotations.parse(JSON.parse(await readFile(annotationFile, 'utf8')));
  const show = Number(values.show ?? 8);
  const { engine } = await openEngine({ corpusDir: dir, snapshot: false });
  const { corpus, knowledge } = engine;
  const zoneByName = new Map(knowledge.zones.map((zone) => [zone.name, zone]));

  const zones = tally();
  const figures = tally();
  const measures = tally();
  const figureParts = { value: 0, unit: 0, metric: 0, zone: 0 };
  let scoredPages = 0;
  for (const page of gold.pages) {
    const indexes = corpus.paragraphs.flatMap((p, i) => (p.file === page.file ? [i] : []));
    if (!indexes.length) {
      console.error(`not in the corpus: ${page.file}`);
      continue;
    }
    scoredPages++;
    const citations = new Set(indexes.map((i) => corpus.paragraphs[i]!.citation));

    // Zones: those the page's paragraphs name (districts are places, not zones).
    const named = [...new Set(indexes.flatMap((i) => knowledge.paragraphZones[i]!))].map((name) => zoneByName.get(name)!).filter((z) => z && z.kind !== '行政区');
    const matched = new Set<AnnotatedZone>();
    for (const zone of named) {
      zones.found++;
      const annotated = page.zones.find((a) => sameZone(zone, a));
      // A second zone for one annotated zone is a spelling left unmerged: wrong.
      if (annotated && !matched.has(annotated)) {
        zones.right++;
        matched.add(annotated);
      } else zones.wrong.push(`${page.file}: ${zone.name}${annotated ? ` (a second spelling of ${annotated.name})` : ''}`);
    }
    zones.annotated += page.zones.length;
    zones.recalled += matched.size;
    for (const a of page.zones) if (!matched.has(a)) zones.missed.push(`${page.file}: ${a.name}`);

    // Figures: paired by value and unit; then metric and zone are judged.
    const found = knowledge.figures.filter((f) => citations.has(f.citation));
    const unpaired = [...page.figures];
    const zoneOf = (f: Figure) => (f.zone ? zoneByName.get(f.zone) : undefined);
    for (const f of found) {
      figures.found++;
      const at = unpaired.findIndex((a) => a.value === f.value && normalizeForMatch(a.unit) === f.unit);
      const byValue = at >= 0 ? at : unpaired.findIndex((a) => a.value === f.value);
      const shown = `${page.file}: ${f.metric} ${f.value}${f.unit} → ${f.zone ?? '∅'}`;
      if (byValue < 0) {
        figures.wrong.push(`${shown}  (no such figure)`);
        continue;
      }
      const a = unpaired.splice(byValue, 1)[0]!;
      figures.recalled++;
      const zone = zoneOf(f);
      // The annotated zone, if it is one of the page's zones (by any of its spellings); else the figure is a
      // place's (a city's, a district's) or nobody's, and is right with no zone or under a district.
      const annotatedZone = a.zone ? page.zones.find((z) => z.name === a.zone || z.forms.includes(a.zone) || zoneKey(normalizeForMatch(z.name)) === zoneKey(normalizeForMatch(a.zone))) : undefined;
      const parts = {
        value: true,
        unit: normalizeForMatch(a.unit) === f.unit,
        // A figure shows its period beside its metric: 2014年 + 地区生产总值 is the annotated 2014年地区生产总值.
        // A group's figure names its group in the metric; an annotation may name it or not (工业增加值 of 国家级经开区).
        metric:
          sameMetric(f.metric, a.metric) ||
          (f.period !== undefined && sameMetric(f.period + f.metric, a.metric)) ||
          (f.group !== undefined && f.metric.length > f.group.length && f.metric.startsWith(f.group) && sameMetric(f.metric.slice(f.group.length), a.metric)),
        zone: annotatedZone ? zone !== undefined && sameZone(zone, annotatedZone) : !zone || zone.kind === '行政区',
      };
      for (const key of Object.keys(parts) as (keyof typeof parts)[]) if (parts[key]) figureParts[key]++;
      if (parts.unit && parts.metric && parts.zone) figures.right++;
      else {
        const faults = (['unit', 'metric', 'zone'] as const).filter((key) => !parts[key]).join('+');
        figures.wrong.push(`${shown}  [${faults}] (annotated: ${a.metric} ${a.value}${a.unit} → ${a.zone || a.place || '∅'})`);
      }
    }
    figures.annotated += page.figures.length;
    for (const a of unpaired) figures.missed.push(`${page.file}: ${a.metric} ${a.value}${a.unit} → ${a.zone || a.place || '∅'}`);

    // Measures: any variant of a measure the page's paragraphs name.
    const namedMeasures = [...new Set(indexes.flatMap((i) => knowledge.paragraphMeasures[i]!))];
    const measureMatched = new Set<string>();
    for (const name of namedMeasures) {
      measures.found++;
      const variants = knowledge.measures.find((m) => m.name === name)?.variants ?? [name];
      const annotated = page.measures.find((a) => variants.some((v) => sameMeasure(v, a)));
      if (annotated) {
        measures.right++;
        measureMatched.add(annotated);
      } else measures.wrong.push(`${page.file}: ${name}`);
    }
    measures.annotated += page.measures.length;
    measures.recalled += measureMatched.size;
    for (const a of page.measures) if (!measureMatched.has(a)) measures.missed.push(`${page.file}: ${a}`);
  }

  console.log(`${dir}: ${corpus.articles.length} articles from ${new Set(corpus.paragraphs.map((p) => p.file)).size} files; ${scoredPages} annotated pages scored`);
  console.log('kind      found  right  precision  annotated  recalled  recall');
  for (const [kind, t] of [['zones', zones], ['figures', figures], ['measures', measures]] as const) {
    console.log(
      `${kind.padEnd(9)} ${String(t.found).padStart(5)}  ${String(t.right).padStart(5)}  ${ratio(t.right, t.found).padStart(9)}  ${String(t.annotated).padStart(9)}  ${String(t.recalled).padStart(8)}  ${ratio(t.recalled, t.annotated).padStart(6)}`,
    );
  }
  const paired = figures.recalled;
  console.log(
    `figures paired with an annotation (${paired}): unit ${ratio(figureParts.unit, paired)}, metric ${ratio(figureParts.metric, paired)}, zone ${ratio(figureParts.zone, paired)}`,
  );
  for (const [label, list] of [
    ['wrong zones', zones.wrong],
    ['missed zones', zones.missed],
    ['wrong figures', figures.wrong],
    ['missed figures', figures.missed],
    ['wrong measures', measures.wrong],
    ['missed measures', measures.missed],
  ] as const) {
    if (!list.length || !show) continue;
    console.log(`\n${label} (${list.length}):`);
    for (const line of list.slice(0, show)) console.log(`  ${line}`);
  }
}

await main();
