/**
 * Autocomplete choices from the gazetteer, the measure catalogue and the metrics of the figures. Typed text is
 * compared in its matching form, so Simplified, Traditional and pinyin all find 济北开发区.
 */
import type { APIApplicationCommandOptionChoice } from 'discord.js';
import type { Figure } from '../extract/knowledge.ts';
import { keyedNames, nameKey } from '../extract/resolve.ts';
import type { SearchEngine } from '../search/engine.ts';

export const MAX_CHOICES = 25;
const MAX_CHOICE_NAME = 100;

function choice(name: string, value: string): APIApplicationCommandOptionChoice<string> {
  const cut = [...name];
  return { name: cut.length > MAX_CHOICE_NAME ? cut.slice(0, MAX_CHOICE_NAME - 1).join('') + '…' : name, value: [...value].slice(0, 100).join('') };
}

/**
 * Entries whose keys contain the typed key, those that start with it first; all of them for empty input. The
 * keys are computed once per list (`keyedNames`), not per keystroke: a large corpus has thousands of zones.
 */
function pick<T extends object>(typed: string, items: T[], keysOf: (item: T) => string[]): T[] {
  const key = nameKey(typed);
  if (!key) return items.slice(0, MAX_CHOICES);
  const starting: T[] = [];
  const containing: T[] = [];
  for (const { item, keys } of keyedNames(items, keysOf)) {
    if (keys.some((k) => k.startsWith(key))) starting.push(item);
    else if (keys.some((k) => k.includes(key))) containing.push(item);
  }
  return [...starting, ...containing].slice(0, MAX_CHOICES);
}

/** Metric names, most used first, with their keys: counted once per list of figures. */
const metricLists = new WeakMap<Figure[], { metric: string }[]>();
function metricsOf(figures: Figure[]): { metric: string }[] {
  let metrics = metricLists.get(figures);
  if (!metrics) {
    const counts = new Map<string, number>();
    for (const f of figures) counts.set(f.metric, (counts.get(f.metric) ?? 0) + 1);
    metrics = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)!).map((metric) => ({ metric }));
    metricLists.set(figures, metrics);
  }
  return metrics;
}

export function zoneChoices(engine: SearchEngine, typed: string): APIApplicationCommandOptionChoice<string>[] {
  return pick(typed, engine.knowledge.zones, (z) => z.aliases).map((z) =>
    choice(z.fullName !== z.name ? `${z.name}（${z.fullName}）` : z.name, z.name),
  );
}

export function measureChoices(engine: SearchEngine, typed: string): APIApplicationCommandOptionChoice<string>[] {
  return pick(typed, engine.knowledge.measures, (m) => [m.name, ...m.variants]).map((m) =>
    choice(`${m.name} · ${m.zones.length}/${m.citations.length}`, m.name),
  );
}

export function metricChoices(engine: SearchEngine, typed: string): APIApplicationCommandOptionChoice<string>[] {
  return pick(typed, metricsOf(engine.knowledge.figures), (m) => [m.metric]).map(({ metric }) => choice(metric, metric));
}

/** Choices for the focused option of a command. */
export function autocompleteChoices(engine: SearchEngine, command: string, option: string, typed: string) {
  if (option === 'zone' || (command === 'zone' && option === 'name')) return zoneChoices(engine, typed);
  if (command === 'measure' && option === 'name') return measureChoices(engine, typed);
  if (option === 'metric') return metricChoices(engine, typed);
  return [];
}
