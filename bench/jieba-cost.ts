/**
 * What nodejieba's dictionaries cost: load time and resident memory, with every dictionary and with the
 * keyword-extraction tables (IDF, stop words) replaced by one-line files, which segmentation does not use.
 * Run in a process of its own: `tsx bench/jieba-cost.ts full|lean`. Prints one JSON line.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const mode = process.argv[2] ?? 'full';
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const jieba = require('nodejieba') as { load(options?: Record<string, string>): void; cut(text: string, hmm?: boolean): string[] };
if (mode === 'lean') {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zonebot-jieba-'));
  // cppjieba asserts that these files are not empty.
  writeFileSync(path.join(dir, 'idf.utf8'), '的 1.0\n');
  writeFileSync(path.join(dir, 'stop.utf8'), '的\n');
  jieba.load({ idfDict: path.join(dir, 'idf.utf8'), stopWordDict: path.join(dir, 'stop.utf8') });
} else jieba.load();
const loadMs = performance.now() - started;
jieba.cut('济北开发区全程帮办服务', true);
console.log(JSON.stringify({ mode, loadMs: Math.round(loadMs), rssMiB: Math.round((process.memoryUsage().rss - rssBefore) / 2 ** 20) }));
