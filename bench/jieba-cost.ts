/**
 * What nodejieba's dictionaries cost: load time and resident memory — `full`: every dictionary; `lean`: the
 * keyword-extraction tables (IDF, stop words), which segmentation does not use, replaced by one-line files;
 * `shipped`: lean plus only the words jieba counts five times or more, as zonebot loads it.
 * Run in a process of its own: `tsx bench/jieba-cost.ts full|lean|shipped`. Prints one JSON line.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const mode = process.argv[2] ?? 'full';
const options: Record<string, string> = {};
if (mode === 'lean' || mode === 'shipped') {
  // The one-line tables zonebot ships (cppjieba refuses empty files).
  options.idfDict = fileURLToPath(new URL('../src/text/dict/idf-min.utf8', import.meta.url));
  options.stopWordDict = fileURLToPath(new URL('../src/text/dict/stop-words-min.utf8', import.meta.url));
}
// The trimmed word list is made once per machine, before any start that is timed: make it before the clock too.
if (mode === 'shipped') options.dict = (await import('../src/text/jieba.ts')).trimmedDictionary();
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const jieba = require('nodejieba') as { load(options?: Record<string, string>): void; cut(text: string, hmm?: boolean): string[] };
jieba.load(options);
const loadMs = performance.now() - started;
jieba.cut('济北开发区全程帮办服务', true);
console.log(JSON.stringify({ mode, loadMs: Math.round(loadMs), rssMiB: Math.round((process.memoryUsage().rss - rssBefore) / 2 ** 20) }));
