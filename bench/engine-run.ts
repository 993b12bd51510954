/**
 * One engine on one corpus, in processes of its own so that each peak memory is its own: first building and
 * saving the index, then (in a second process) loading it and answering — latency of the query mix per command
 * kind, and answer quality on question sets. Prints one JSON line.
 *
 * tsx bench/engine-run.ts <engine> <corpus dir> [questions.jsonl ...]
 * (it runs itself as `tsx bench/engine-run.ts --build <engine> <corpus dir> <index file>` for the first part)
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { goldMatches } from '../src/cli/eval.ts';
import { quantile } from '../src/util/quantile.ts';
import { ENGINES } from './engines.ts';
import { queryMix } from './queries.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const round = (x: number) => Math.round(x * 100) / 100;
const peakMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);

function engineNamed(name: string | undefined) {
  const engine = name ? ENGINES[name]?.() : undefined;
  if (!engine) throw new Error(`unknown engine ${name}; one of ${Object.keys(ENGINES).join(', ')}`);
  return engine;
}

/** The first process: build from the corpus folder and save. */
async function buildAndSave(name: string, corpusDir: string, file: string) {
  const engine = engineNamed(name);
  const started = performance.now();
  await engine.build(corpusDir);
  const buildMs = performance.now() - started;
  const buildPeakMiB = peakMiB();
  const snapshotBytes = await engine.save(file);
  return { buildMs: Math.round(buildMs), buildPeakMiB, snapshotBytes };
}

/** ask questions only: the kind every engine answers. hit@1 and answer@1 as in `npm run eval`. */
function quality(engine: ReturnType<typeof engineNamed>, goldFiles: string[]) {
  const scores: Record<string, { questions: number; hit1: number; answer1: number }> = {};
  for (const gold of goldFiles.filter((f) => existsSync(f))) {
    const questions = readFileSync(gold, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((q) => q.command === 'ask');
    let hit1 = 0;
    let answer1 = 0;
    for (const q of questions) {
      const top = engine.run('ask', q.query)[0];
      if (top && q.gold.some((g: { file: string; contains: string }) => goldMatches(top.file, top.text, g))) hit1++;
      if (top && q.gold.some((g: { file: string; contains: string }) => goldMatches(top.file, top.answer, g))) answer1++;
    }
    scores[path.basename(gold)] = { questions: questions.length, hit1: round(hit1 / questions.length), answer1: round(answer1 / questions.length) };
  }
  return scores;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--build') {
    console.log(JSON.stringify(await buildAndSave(args[1]!, args[2]!, args[3]!)));
    return;
  }
  const [name, corpusDir, ...goldFiles] = args;
  if (!name || !corpusDir) throw new Error('usage: engine-run.ts <engine> <corpus dir> [questions.jsonl ...]');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zonebot-engine-run-'));
  const file = path.join(dir, 'index');
  try {
    const self = fileURLToPath(import.meta.url);
    const { stdout } = await promisify(execFile)(process.execPath, [...process.execArgv, self, '--build', name, corpusDir, file], { maxBuffer: 1 << 24 });
    const built = JSON.parse(stdout.trim().split('\n').at(-1)!);

    const engine = engineNamed(name);
    const started = performance.now();
    await engine.load(file);
    const loadMs = performance.now() - started;

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
    console.log(
      JSON.stringify({
        engine: name,
        corpus: corpusDir,
        ...built,
        loadMs: Math.round(loadMs),
        /** Peak of the serving process: load, queries and quality. */
        servePeakMiB: peakMiB(),
        peakRssMiB: Math.max(built.buildPeakMiB, peakMiB()),
        latency: Object.fromEntries(Object.entries(latency).map(([k, xs]) => [k, { p50: round(quantile(xs, 0.5)), p99: round(quantile(xs, 0.99)) }])),
        quality: quality(engine, goldFiles),
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
