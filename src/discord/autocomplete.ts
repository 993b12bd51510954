/**
 * Autocomplete choices from the gazetteer, the measure catalogue and the metrics of the figures. Typed text is
 * compared in its matching form, so Simplified, Traditional and pinyin all find 济北开发区.
 */
import type { APIApplicationCommandOptionChoice } from 'discord.js';
import { nameKey } from '../extract/resolve.ts';
import type { SearchEngine } from '../search/engine.ts';

export const MAX_CHOICES = 25;
const MAX_CHOICE_NAME = 100;

function choice(name: string, value: string): APIApplicationCommandOptionChoice<string> {
  const cut = [...name];
  return { name: cut.length > MAX_CHOICE_NAME ? cut.slice(0, MAX_CHOICE_NAME - 1).join('') + '…' : name, value: [...value].slice(0, 100).join('') };
}

/** Entries whose keys contain the typed key, those that start with it first; all of them for empty input. */
function pick<T>(typed: string, items: T[], keysOf: (item: T) => string[]): T[] {
  const key = nameKey(typed);
  if (!key) return items.slice(0, MAX_CHOICES);
  const scored = items
    .map((item) => {
      const keys = keysOf(item).map(nameKey);
      const rank = keys.some((k) => k.startsWith(key)) ? 2 : keys.some((k) => k.includes(key)) ? 1 : 0;
      return { item, rank };
    })
    .filter((s) => s.rank > 0);
  return scored.sort((a, b) => b.rank - a.rank).map((s) => s.item).slice(0, MAX_CHOICES);
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
  const counts = new Map<string, number>();
  for (const f of engine.knowledge.figures) counts.set(f.metric, (counts.get(f.metric) ?? 0) + 1);
  const metrics = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)!);
  return pick(typed, metrics, (m) => [m]).map((m) => choice(m, m));
}

/** Choices for the focused option of a command. */
export function autocompleteChoices(engine: SearchEngine, command: string, option: string, typed: string) {
  if (option === 'zone' || (command === 'zone' && option === 'name')) return zoneChoices(engine, typed);
  if (command === 'measure' && option === 'name') return measureChoices(engine, typed);
  if (option === 'metric') return metricChoices(engine, typed);
  return [];
}
