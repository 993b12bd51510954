/**
 * The bot as operators run it: a separate process serving the local Discord. SIGHUP starts a rebuild, SIGTERM
 * during it exits cleanly and leaves the snapshot in service intact, and the token is not on the command line.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { SEEDS_DIR } from './seeds.ts';
import { readSnapshotFile } from '../src/engine/snapshot.ts';
import { startLocalDiscord, type LocalDiscord } from './support/local-discord.ts';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAwMw.process.test-token-that-must-never-be-logged';
const BIN = path.join(import.meta.dirname, '..', 'bin', 'zonebot.mjs');
let discord: LocalDiscord;

beforeAll(async () => {
  discord = await startLocalDiscord();
});
afterAll(async () => {
  await discord.stop();
});

it('rebuilds on SIGHUP, exits cleanly on SIGTERM mid-rebuild, and keeps the old snapshot intact', async () => {
  const corpusDir = mkdtempSync(path.join(os.tmpdir(), 'zonebot-proc-corpus-'));
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'zonebot-proc-cache-'));
  cpSync(SEEDS_DIR, corpusDir, { recursive: true });
  const child = spawn('node', [BIN], {
    env: { ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: discord.restBase, CORPUS_DIR: corpusDir, CACHE_DIR: cacheDir, DATA_DIR: cacheDir, RATE_LIMIT: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: { message: string }[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      appendFileSync(inject('logFile'), `process ${line}\n`);
      try {
        logs.push(JSON.parse(line));
      } catch {
        // not a log line
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const logged = (message: string) => expect.poll(() => logs.some((l) => l.message === message), { timeout: 30_000, interval: 50 }).toBe(true);

  await logged('ready');
  expect(readFileSync(`/proc/${child.pid}/cmdline`, 'utf8')).not.toContain(TOKEN);
  const [snapshot] = readdirSync(cacheDir).filter((n) => n.endsWith('.zbs'));
  const before = readFileSync(path.join(cacheDir, snapshot!));

  writeFileSync(path.join(corpusDir, '200_new.txt'), '新文章\n\n  苏州工业园区推行“一网通办”服务。');
  child.kill('SIGHUP');
  await logged('rebuild started');
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(logs.some((l) => l.message === 'shutting down')).toBe(true);

  // The snapshot that was in service is untouched, and no half-written snapshot is left under a final name.
  expect(readFileSync(path.join(cacheDir, snapshot!)).equals(before)).toBe(true);
  for (const name of readdirSync(cacheDir).filter((n) => n.endsWith('.zbs'))) {
    await expect(readSnapshotFile(path.join(cacheDir, name)), name).resolves.toBeDefined();
  }
  expect(stderr).not.toContain(TOKEN);
}, 90_000);

it('runs under the ShardingManager with SHARDS=1 and answers through the shard', async () => {
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'zonebot-shard-cache-'));
  const child = spawn('node', [BIN], {
    env: { ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: discord.restBase, CACHE_DIR: cacheDir, DATA_DIR: cacheDir, SHARDS: '1', RATE_LIMIT: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    appendFileSync(inject('logFile'), `shards ${chunk.toString()}`);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await expect.poll(() => stderr.includes('"message":"ready"'), { timeout: 60_000, interval: 100 }).toBe(true);
  expect(stderr).toContain('"message":"shard launched"');
  const sent = discord.dispatchInteraction(discord.slashCommand('zone', [{ name: 'name', type: 3, value: 'jibei' }], { id: '5000000000000000009', username: 'carol' }));
  expect((await discord.waitForCallback(sent.id, 15_000)).body.data.embeds[0].description).toContain('济北开发区');
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(stderr).not.toContain(TOKEN);
}, 120_000);
