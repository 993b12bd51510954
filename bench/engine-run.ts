/**
 * One engine on one corpus, in a process of its own so that its peak memory is its own: build, save, load,
 * latency of the query mix per command kind, and answer quality on question sets. Prints one JSON line.
 *
 * tsx bench/engine-run.ts <engine> <corpus dir> [questions.jsonl ...]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { goldMatches } from '../src/cli/eval.ts';
import { quantile } from '../src/util/quantile.ts';
import { ENGINES } from './engines.ts';
import { queryMix } from './queries.ts';

const [name, corpusDir, ...goldFiles] = process.argv.slice(2);
const engine = ENGINES[name!]?.();
if (!engine || !corpusDir) throw new Error('usage: engine-run.ts <engine> <corpus dir> [questions.jsonl ...]');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

const round = (x: number) => Math.round(x * 100) / 100;

let started = performance.now();
await engine.build(corpusDir);
const buildMs = performance.now() - started;

const dir = mkdtempSync(path.join(os.tmpdir(), 'zonebot-engine-run-'));
const file = path.join(dir, 'index.json');
const snapshotBytes = await engine.save(file);
started = performance.now();
await engine.load(file);
const loadMs = performance.now() - started;
rmSync(dir, { recursive: true, force: true });

const latency: Record<string, number[]> = {};
const mix = queryMix();
for (const q of mix) engine.run(q.command, q.query); // warm up
for (let r = 0; r < ROUNDS; r++) {
  for (const q of mix) {
    const t = performance.now();
    engine.run(q.command, q.query);
    (latency[q.command] ??= []).push(performance.now() - t);
  }
}

/** ask questions only: the kind every engine answers. hit@1 and answer@1 as in `npm run eval`. */
const quality: Record<string, { questions: number; hit1: number; answer1: number }> = {};
for (const gold of goldFiles.filter((f) => existsSync(f))) {
  const questions = readFileSync(gold, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((q) => q.command === 'ask');
  let hit1 = 0;
  let answer1 = 0;
  for (const q of questions) {
    const top = engine.run('ask', q.query)[0];
    if (top && q.gold.some((g: { file: string; contains: string }) => goldMatches(top.file, top.text, g))) hit1++;
    if (top && q.gold.some((g: { file: string; contains: string }) => goldMatches(top.file, top.answer, g))) answer1++;
  }
  quality[path.basename(gold)] = { questions: questions.length, hit1: round(hit1 / questions.length), answer1: round(answer1 / questions.length) };
}

console.log(
  JSON.stringify({
    engine: name,
    corpus: corpusDir,
    buildMs: Math.round(buildMs),
    snapshotBytes,
    loadMs: Math.round(loadMs),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    latency: Object.fromEntries(Object.entries(latency).map(([k, xs]) => [k, { p50: round(quantile(xs, 0.5)), p99: round(quantile(xs, 0.99)) }])),
    quality,
  }),
);
