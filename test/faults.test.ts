/**
 * Faults and load through the local Discord: closed gateway sockets, 429 and 500 on callbacks, a handler that
 * throws, the per-user rate limit, and 2,000 interactions from 200 users in bursts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createBot, type Bot } from '../src/discord/bot.ts';
import { RateLimiter } from '../src/discord/rate-limit.ts';
import { openEngine } from '../src/engine/open.ts';
import type { CommandContext } from '../src/results.ts';
import type { SearchEngine, SearchOptions } from '../src/search/engine.ts';
import { SEEDS_DIR } from './seeds.ts';
import { driveLoad, quantile } from './support/load.ts';
import { startLocalDiscord, type LocalDiscord } from './support/local-discord.ts';
import { testLogger } from './support/test-log.ts';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAwMg.faults.test-token-that-must-never-be-logged';
const INJECTED = '故障注入';
let discord: LocalDiscord;
let bot: Bot;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

/** The real engine, except that a search for INJECTED throws: a handler bug on demand. */
function faultyEngine(engine: SearchEngine): SearchEngine {
  return new Proxy(engine, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property === 'search') return (query: string, options?: SearchOptions) => {
        if (query.includes(INJECTED)) throw new Error('injected handler failure');
        return target.search(query, options);
      };
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  discord = await startLocalDiscord();
  const { engine, stats } = await openEngine({ corpusDir: SEEDS_DIR, snapshot: false });
  const context: CommandContext = { engine: faultyEngine(engine), stats };
  bot = createBot({ token: TOKEN, apiUrl: discord.restBase, context, log: testLogger('faults'), rateLimit: new RateLimiter(5, 10_000) });
  await bot.start();
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await bot.stop();
  await discord.stop();
});

let userCounter = 0;
const freshUser = () => ({ id: String(7_000_000_000_000_000n + BigInt(userCounter++)), username: `u${userCounter}` });

async function ask(question: string, user = freshUser()) {
  const sent = discord.dispatchInteraction(discord.slashCommand('ask', [{ name: 'question', type: 3, value: question }], user));
  return discord.waitForCallback(sent.id, 15_000);
}

describe('gateway faults', () => {
  for (const code of [4000, 4009, 1006, 1000]) {
    it(`keeps answering after the gateway closes the socket with ${code}`, async () => {
      const sessionsBefore = discord.identifies + discord.resumes;
      discord.closeGateway(code);
      // 1000 means a fresh session: discord.js waits out its identify throttle (about 5 s) first.
      await expect.poll(() => discord.identifies + discord.resumes, { timeout: 15_000, interval: 50 }).toBeGreaterThan(sessionsBefore);
      await expect.poll(() => discord.connectedSockets, { timeout: 15_000 }).toBe(1);
      expect((await ask('续建项目复工率是多少')).body.data.embeds[0].description).toContain('96.87%');
    }, 30_000);
  }
});

describe('REST faults and handler failures', () => {
  it('still delivers the reply after a 429 with retry_after and after a 500 on the callback', async () => {
    for (const fault of [{ status: 429, retryAfter: 0.3 }, { status: 500 }]) {
      const payload = discord.slashCommand('zone', [{ name: 'name', type: 3, value: 'jibei' }], freshUser());
      discord.failNext((r) => r.path.startsWith(`/interactions/${payload.id}/`), fault);
      discord.dispatchInteraction(payload);
      const reply = await discord.waitForCallback(payload.id, 15_000);
      expect(reply.body.data.embeds[0].description).toContain('济北开发区');
      expect(discord.callbacks(payload.id).length).toBe(2);
    }
  }, 30_000);

  it('answers a handler that throws with an error reply, and keeps serving', async () => {
    const reply = await ask(`${INJECTED} 济北`);
    expect(reply.body.data).toMatchObject({ flags: 64, content: expect.stringContaining('出错了') });
    expect((await ask('济北开发区内设机构压缩成几个局')).body.data.embeds).toHaveLength(1);
  });
});

describe('rate limit', () => {
  it('answers the sixth command in ten seconds with a polite ephemeral note', async () => {
    const user = freshUser();
    const replies = [];
    for (let i = 0; i < 6; i++) replies.push(await ask('济北', user));
    expect(replies.slice(0, 5).every((r) => r.body.data.embeds?.length === 1)).toBe(true);
    expect(replies[5]!.body.data).toMatchObject({ flags: 64, content: expect.stringMatching(/操作太频繁了，请 \d+ 秒后再试/) });
  });
});

describe('load', () => {
  it('acknowledges 2,000 interactions from 200 users in bursts, loses none, and gives memory back', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const result = await driveLoad(discord, { interactions: 2000, users: 200, burst: 100 });
    gc();
    const heapAfter = process.memoryUsage().heapUsed;
    const p50 = quantile(result.latencies, 0.5);
    const p99 = quantile(result.latencies, 0.99);
    console.log(`load: ${result.acknowledged}/${result.sent} acknowledged in ${Math.round(result.durationMs)} ms; dispatch→callback p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms; heap ${(heapBefore / 2 ** 20).toFixed(1)} → ${(heapAfter / 2 ** 20).toFixed(1)} MiB`);
    expect(result.lost).toEqual([]);
    expect(result.acknowledged).toBe(2000);
    // Paging state lives in custom_ids, the rate limiter forgets idle users: nothing should pile up.
    expect(heapAfter - heapBefore).toBeLessThan(32 * 2 ** 20);
    expect(unhandled).toEqual([]);
  }, 120_000);
});
