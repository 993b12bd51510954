/**
 * Autocomplete per keystroke at a large corpus: `tsx bench/autocomplete.ts bench/corpora/50000`. Each list's name
 * index is built on its first keystroke (timed apart); then every prefix of a set of typed names is timed, three rounds.
 */
import { openEngine } from '../src/engine/open.ts';
import { zoneChoices, measureChoices, metricChoices } from '../src/discord/autocomplete.ts';
const dir = process.argv[2]!;
let t = performance.now();
const { engine } = await openEngine({ corpusDir: dir });
console.log(`open ${(performance.now() - t).toFixed(0)} ms; zones ${engine.knowledge.zones.length}, measures ${engine.knowledge.measures.length}, figures ${engine.knowledge.figures.length}`);
for (const [label, f] of [['zone', zoneChoices], ['measure', measureChoices], ['metric', metricChoices]] as const) {
  t = performance.now(); f(engine, 'x'); console.log(`${label} index built in ${(performance.now() - t).toFixed(0)} ms`);
}
const typed = ['jibei kaifaqu', 'gangcheng', 'jibie', '济北开发区', '钢城经开', 'Gangcheng Economic Development Zone', 'yichuangshouli', '一窗受理', 'qianyuee', '签约额', 'linggang', '临港经济', 'dongcheng gaoxin', '东城'];
const times: number[] = [];
for (let round = 0; round < 3; round++)
  for (const word of typed) for (let i = 1; i <= word.length; i++) for (const f of [zoneChoices, measureChoices, metricChoices]) {
    const s = performance.now(); f(engine, word.slice(0, i)); times.push(performance.now() - s);
  }
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(2);
console.log(`${times.length} keystrokes: p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms`);
