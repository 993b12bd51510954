/** Load time and memory of the pinyin table and the English lexicon (CC-CEDICT restricted to the corpus's words): `node --expose-gc --import tsx bench/english-lexicon.ts seeds`. */
import { openEngine } from '../src/engine/open.ts';
import { lexiconOf } from '../src/lang/english.ts';
import { pinyinTableOf } from '../src/search/pinyin-query.ts';
const { engine } = await openEngine({ corpusDir: process.argv[2]! });
const gc = (globalThis as any).gc as () => void;
gc(); const m0 = process.memoryUsage();
let t = performance.now(); pinyinTableOf(engine); const tp = performance.now() - t;
gc(); const m1 = process.memoryUsage();
t = performance.now(); const lex = lexiconOf(engine); const tl = performance.now() - t;
const rssPeak = process.memoryUsage().rss;
gc(); const m2 = process.memoryUsage();
const mb = (n: number) => (n / 1048576).toFixed(0) + ' MiB';
console.log(`corpus words ${engine.words().length}; pinyin table ${tp.toFixed(0)} ms, heap +${mb(m1.heapUsed - m0.heapUsed)}`);
console.log(`lexicon ${tl.toFixed(0)} ms (${lex.dictionary.glossOf.size} corpus words with English), heap kept +${mb(m2.heapUsed - m1.heapUsed)}, RSS ${mb(m1.rss)} → peak ${mb(rssPeak)} → ${mb(m2.rss)} after GC`);
