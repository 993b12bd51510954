/**
 * Autocomplete choices from the gazetteer, the measure catalogue and the metrics of the figures, looked up in
 * the name index (`src/search/names.ts`): Simplified, Traditional, pinyin, English, abbreviations and typos all
 * find 济北开发区. Each list's index is built once, on its first keystroke, not per keystroke.
 */
import type { APIApplicationCommandOptionChoice } from 'discord.js';
import { measureNames, metricList, metricNames, zoneNames } from '../extract/resolve.ts';
import type { NameIndex } from '../search/names.ts';
import type { SearchEngine } from '../search/engine.ts';

export const MAX_CHOICES = 25;
const MAX_CHOICE_NAME = 100;

function choice(name: string, value: string): APIApplicationCommandOptionChoice<string> {
  const cut = [...name];
  return { name: cut.length > MAX_CHOICE_NAME ? cut.slice(0, MAX_CHOICE_NAME - 1).join('') + '…' : name, value: [...value].slice(0, 100).join('') };
}

/** The index's matches for typed text; the list's first entries for empty input. */
function pick<T>(typed: string, items: T[], names: () => NameIndex<T>): T[] {
  if (!typed.trim()) return items.slice(0, MAX_CHOICES);
  return names()
    .find(typed, MAX_CHOICES)
    .map((m) => m.item);
}

export function zoneChoices(engine: SearchEngine, typed: string): APIApplicationCommandOptionChoice<string>[] {
  const zones = engine.knowledge.zones;
  return pick(typed, zones, () => zoneNames(zones)).map((z) => choice(z.fullName !== z.name ? `${z.name}（${z.fullName}）` : z.name, z.name));
}

/** What a measure's choice says beside its name: in how many zones and passages the corpus names it. */
const MEASURE_REACH = {
  zh: (zones: number, passages: number) => (zones ? `${zones} 个园区 · ${passages} 段原文` : `${passages} 段原文`),
  en: (zones: number, passages: number) =>
    `${zones ? `${zones} zone${zones === 1 ? '' : 's'} · ` : ''}${passages} passage${passages === 1 ? '' : 's'}`,
};

export function measureChoices(engine: SearchEngine, typed: string, locale = 'zh-CN'): APIApplicationCommandOptionChoice<string>[] {
  const measures = engine.knowledge.measures;
  const reach = /^en/iu.test(locale) ? MEASURE_REACH.en : MEASURE_REACH.zh;
  return pick(typed, measures, () => measureNames(measures)).map((m) => choice(`${m.name} — ${reach(m.zones.length, m.citations.length)}`, m.name));
}

export function metricChoices(engine: SearchEngine, typed: string): APIApplicationCommandOptionChoice<string>[] {
  const metrics = metricList(engine.knowledge.figures);
  return pick(typed, metrics, () => metricNames(metrics)).map(({ metric }) => choice(metric, metric));
}

/** Choices for the focused option of a command, worded for the user's locale. */
export function autocompleteChoices(engine: SearchEngine, command: string, option: string, typed: string, locale?: string) {
  if (option === 'zone' || (command === 'zone' && option === 'name')) return zoneChoices(engine, typed);
  if ((command === 'measure' && option === 'name') || option === 'measure') return measureChoices(engine, typed, locale);
  if (option === 'metric') return metricChoices(engine, typed);
  return [];
}
