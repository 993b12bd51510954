/**
 * What nodejieba's dictionaries cost: load time and resident memory — `full`: every dictionary; `lean`: the
 * keyword-extraction tables (IDF, stop words), which segmentation does not use, replaced by one-line files;
 * `shipped`: lean plus only the words jieba counts five times or more, as zonebot loads it.
 * Run in a process of its own: `tsx bench/jieba-cost.ts full|lean|shipped`. Prints one JSON line.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const mode = process.argv[2] ?? 'full';
const options: Record<string, string> = {};
if (mode === 'lean' || mode === 'shipped') {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zonebot-jieba-'));
  // cppjieba asserts that these files are not empty.
  writeFileSync(path.join(dir, 'idf.utf8'), '的 1.0\n');
  writeFileSync(path.join(dir, 'stop.utf8'), '的\n');
  options.idfDict = path.join(dir, 'idf.utf8');
  options.stopWordDict = path.join(dir, 'stop.utf8');
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
