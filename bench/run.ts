/**
 * `npm run bench`: how fast zonebot is on this machine, never a pass/fail test.
 *  - cold start to first answer, as a new process (`zonebot ask … --json`), with and without a valid snapshot;
 *  - per command kind, the median and p99 time of one command in batch mode (in process, engine loaded);
 *  - zonebot beside MiniSearch (default tokenizer; bigrams) and FlexSearch (CJK) on the seeds, 1,000 synthetic
 *    articles, 10,000 with the seeds mixed in, and 50,000 (`--quick`: seeds only; `--no-50k`: up to 10,000);
 *  - nodejieba's dictionary cost and the tokenizer's throughput.
 * Prints tables and writes bench/results.json with the machine and the command beside the figures.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runCommand } from '../src/cli/run.ts';
import { quantile } from '../src/util/quantile.ts';
import { openEngine } from '../src/engine/open.ts';
import type { CommandContext } from '../src/results.ts';
import { fallbackGrams, segment } from '../src/search/tokenize.ts';
import { normalizeForMatch } from '../src/text/normalize.ts';
import { generateCorpus, CORPORA_DIR } from './generate.ts';
import { queryMix } from './queries.ts';
import { cpSync, existsSync } from 'node:fs';

const run = promisify(execFile);
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'zonebot.mjs');
const COLD_RUNS = 5;
const BATCH_ROUNDS = 200;

const median = (xs: number[]) => quantile(xs, 0.5);
const ms = (x: number) => Math.round(x * 100) / 100;

async function coldStart(withSnapshot: boolean): Promise<number[]> {
  const times: number[] = [];
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'zonebot-bench-'));
  try {
    if (withSnapshot) await run('node', [BIN, 'ask', '济北', '--json'], { env: { ...process.env, CACHE_DIR: cacheDir } });
    for (let i = 0; i < COLD_RUNS; i++) {
      const started = performance.now();
      const args = [BIN, 'ask', '钢城签约了几个项目', '--json', ...(withSnapshot ? [] : ['--no-snapshot'])];
      await run('node', args, { env: { ...process.env, CACHE_DIR: cacheDir, DISCORD_TOKEN: '' } });
      times.push(performance.now() - started);
    }
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
  return times;
}

function batchTimes(context: CommandContext): Map<string, number[]> {
  const mix = queryMix();
  const times = new Map<string, number[]>();
  for (const q of mix) runCommand(context, q.command, q.query); // warm up
  for (let round = 0; round < BATCH_ROUNDS; round++) {
    for (const q of mix) {
      const started = performance.now();
      runCommand(context, q.command, q.query, 1 + (round % 2));
      const elapsed = performance.now() - started;
      const list = times.get(q.command);
      if (list) list.push(elapsed);
      else times.set(q.command, [elapsed]);
    }
  }
  return times;
}

async function main(): Promise<void> {
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString(),
    command: 'npm run bench',
  };
  console.log(`zonebot bench — ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.date}`);

  const withoutSnapshot = await coldStart(false);
  const withSnapshot = await coldStart(true);
  console.log('\ncold start to first answer (new process, seeds), median of', COLD_RUNS);
  console.log(`  without snapshot  ${ms(median(withoutSnapshot))} ms`);
  console.log(`  with snapshot     ${ms(median(withSnapshot))} ms   (ratio ${ms(median(withoutSnapshot) / median(withSnapshot))}×)`);

  const opened = await openEngine({ snapshot: false });
  const times = batchTimes({ engine: opened.engine, stats: opened.stats });
  console.log(`\nbatch mode, one command (in process, seeds), ${BATCH_ROUNDS} rounds of the query mix`);
  console.log('  command   n      p50 ms   p99 ms');
  const perCommand: Record<string, { n: number; p50: number; p99: number }> = {};
  for (const [command, xs] of times) {
    perCommand[command] = { n: xs.length, p50: ms(median(xs)), p99: ms(quantile(xs, 0.99)) };
    console.log(`  ${command.padEnd(9)} ${String(xs.length).padEnd(6)} ${String(perCommand[command]!.p50).padEnd(8)} ${perCommand[command]!.p99}`);
  }
  const comparison = await compareEngines();
  const jieba = [];
  for (const mode of ['full', 'lean', 'shipped']) jieba.push(JSON.parse((await run('npx', ['tsx', path.join(ROOT, 'bench', 'jieba-cost.ts'), mode])).stdout.trim().split('\n').at(-1)!));
  console.log(`\nnodejieba dictionaries: all ${jieba[0].loadMs} ms / ${jieba[0].rssMiB} MiB; without keyword tables ${jieba[1].loadMs} ms / ${jieba[1].rssMiB} MiB; as shipped (also words counted < 5 left out) ${jieba[2].loadMs} ms / ${jieba[2].rssMiB} MiB`);
  const throughput = tokenizerThroughput();
  console.log(`tokenizer (segment + fallback bigrams, as the index uses it): ${throughput.toFixed(2)} MB/s of UTF-8 Chinese`);
  const results = {
    machine,
    seeds: {
      coldStartMs: { withoutSnapshot: ms(median(withoutSnapshot)), withSnapshot: ms(median(withSnapshot)), runs: COLD_RUNS },
      buildMs: opened.stats.buildMs,
      batch: perCommand,
    },
    comparison,
    jieba,
    tokenizerMBps: ms(throughput),
  };
  writeFileSync(path.join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log('\nwritten to bench/results.json');
}

/** Corpora of the comparison: the seeds, 1,000 synthetic articles, 10,000 with the seeds mixed in, and 50,000. */
async function comparisonCorpora(): Promise<string[]> {
  const sizes = process.argv.includes('--quick') ? [] : process.argv.includes('--no-50k') ? [1000, 10_000] : [1000, 10_000, 50_000];
  const dirs = [path.join(ROOT, 'seeds')];
  for (const size of sizes) {
    const dir = path.join(CORPORA_DIR, String(size));
    if (!existsSync(dir)) await generateCorpus({ articles: size });
    const mixed = `${dir}+seeds`;
    if (size === 10_000 && !existsSync(mixed)) {
      cpSync(dir, mixed, { recursive: true });
      cpSync(path.join(ROOT, 'seeds'), mixed, { recursive: true });
    }
    dirs.push(size === 10_000 ? mixed : dir);
  }
  return dirs;
}

async function compareEngines() {
  const gold = [path.join(ROOT, '..', 'shared', 'eval', 'questions.jsonl'), path.join(ROOT, 'test', 'fixtures', 'dev-questions.jsonl')];
  const rows: Record<string, unknown>[] = [];
  console.log('\nengines side by side (each in its own process; latency in ms; quality = ask hit@1 / answer@1 on the shared set)');
  console.log('  corpus              engine               build ms  build MiB  serve MiB  snapshot MiB  load ms  ask p50/p99     zone p99  measure p99  stats p99  hit@1  answer@1');
  for (const corpus of await comparisonCorpora()) {
    for (const engine of ['zonebot', 'minisearch-default', 'minisearch-bigrams', 'flexsearch-cjk']) {
      const rounds = corpus === path.join(ROOT, 'seeds') ? '20' : '5';
      const { stdout } = await run('npx', ['tsx', path.join(ROOT, 'bench', 'engine-run.ts'), engine, corpus, ...gold], {
        env: { ...process.env, BENCH_ROUNDS: rounds },
        maxBuffer: 1 << 24,
      });
      const row = JSON.parse(stdout.trim().split('\n').at(-1)!);
      rows.push(row);
      const q = row.quality['questions.jsonl'] ?? { hit1: NaN, answer1: NaN };
      console.log(
        `  ${path.basename(corpus).padEnd(19)} ${engine.padEnd(20)} ${String(row.buildMs).padEnd(9)} ${String(row.buildPeakMiB).padEnd(10)} ${String(row.servePeakMiB).padEnd(10)} ${(row.snapshotBytes / 2 ** 20).toFixed(1).padEnd(13)} ${String(row.loadMs).padEnd(8)} ${`${row.latency.ask.p50}/${row.latency.ask.p99}`.padEnd(15)} ${String(row.latency.zone.p99).padEnd(9)} ${String(row.latency.measure.p99).padEnd(12)} ${String(row.latency.stats.p99).padEnd(10)} ${String(q.hit1).padEnd(6)} ${q.answer1}`,
      );
    }
  }
  return rows;
}

/** MB of UTF-8 text a second through the index's tokenizer: segmentation plus fallback bigrams. */
function tokenizerThroughput(): number {
  const text = readFileSync(path.join(ROOT, 'seeds', readdirSync(path.join(ROOT, 'seeds'))[0]!), 'utf8');
  const normalized = normalizeForMatch(text);
  segment(normalized); // load the dictionary first
  const rounds = 50;
  const started = performance.now();
  for (let i = 0; i < rounds; i++) fallbackGrams(segment(normalized));
  return (Buffer.byteLength(normalized) * rounds) / 1e6 / ((performance.now() - started) / 1000);
}

await main();
