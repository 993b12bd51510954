/**
 * `npm run bench`: how fast zonebot is on this machine, never a pass/fail test.
 *  - cold start to first answer, as a new process (`zonebot ask … --json`), with and without a valid snapshot;
 *  - per command kind, the median and p99 time of one command in batch mode (in process, engine loaded).
 * Prints a table and writes bench/results.json with the machine and the command beside the figures.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runCommand } from '../src/cli/run.ts';
import { openEngine } from '../src/engine/open.ts';
import type { CommandContext } from '../src/results.ts';

const run = promisify(execFile);
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'zonebot.mjs');
const COLD_RUNS = 5;
const BATCH_ROUNDS = 200;

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}
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

/** The query mix: the eval questions plus Traditional and plain-language forms of the same needs. */
function queryMix(): { command: string; query: string }[] {
  const evalFile = path.join(ROOT, '..', 'shared', 'eval', 'questions.jsonl');
  let questions: { command: string; query: string }[] = [];
  try {
    questions = readFileSync(evalFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  } catch {
    // ../shared is optional for the benchmark
  }
  return [
    ...questions.map(({ command, query }) => ({ command, query })),
    { command: 'ask', query: '请问一下，济北开发区是怎么给企业提供全程帮办服务的？谢谢' },
    { command: 'ask', query: '鋼城經濟開發區簽約了幾個項目' },
    { command: 'zone', query: 'gangcheng' },
    { command: 'zone', query: '濟' },
    { command: 'measure', query: '' },
    { command: 'measure', query: '一次辦成' },
    { command: 'stats', query: '' },
    { command: 'stats', query: '钢城 签约项目' },
    { command: 'source', query: '000-11' },
    { command: 'source', query: '004-3' },
  ];
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
      times.set(q.command, [...(times.get(q.command) ?? []), elapsed]);
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
  const results = {
    machine,
    seeds: {
      coldStartMs: { withoutSnapshot: ms(median(withoutSnapshot)), withSnapshot: ms(median(withSnapshot)), runs: COLD_RUNS },
      buildMs: opened.stats.buildMs,
      batch: perCommand,
    },
  };
  writeFileSync(path.join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log('\nwritten to bench/results.json');
}

await main();
