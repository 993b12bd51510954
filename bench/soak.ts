/**
 * `npm run soak`: the big load, outside CI. The real bot (engine over the seeds, real discord.js) against the
 * local Discord, 50,000 slash commands from 2,000 users in bursts. Prints the load held, dispatch→callback p50
 * and p99, errors, and memory before and after. `npm run soak -- 200000` for another count.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { createBot } from '../src/discord/bot.ts';
import { RateLimiter } from '../src/discord/rate-limit.ts';
import { openEngine } from '../src/engine/open.ts';
import { jsonLogger } from '../src/log.ts';
import { driveLoad, quantile } from '../test/support/load.ts';
import { startLocalDiscord } from '../test/support/local-discord.ts';

const interactions = Number(process.argv[2] ?? 50_000);
const users = Number(process.argv[3] ?? 2_000);
const burst = 200;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
let errors = 0;
const discord = await startLocalDiscord();
const { engine, stats } = await openEngine();
const bot = createBot({
  token: 'soak-token-not-a-secret',
  apiUrl: discord.restBase,
  context: { engine, stats },
  rateLimit: RateLimiter.parse('5/10s'),
  log: jsonLogger((line) => {
    if (line.includes('"level":"error"')) errors++;
  }),
});
process.on('unhandledRejection', () => errors++);
await bot.start();
gc();
const before = process.memoryUsage();
console.log(`soak: ${interactions} interactions, ${users} users, bursts of ${burst}; memory before: rss ${mib(before.rss)}, heap ${mib(before.heapUsed)}`);
const result = await driveLoad(discord, { interactions, users, burst, timeoutMs: 30_000 });
gc();
const after = process.memoryUsage();
console.log(`held ${(result.acknowledged / (result.durationMs / 1000)).toFixed(0)} interactions/s over ${(result.durationMs / 1000).toFixed(1)} s`);
console.log(`acknowledged ${result.acknowledged}/${result.sent}, lost ${result.lost.length}, errors logged ${errors}`);
console.log(`dispatch→callback p50 ${quantile(result.latencies, 0.5).toFixed(1)} ms, p99 ${quantile(result.latencies, 0.99).toFixed(1)} ms`);
console.log(`memory after: rss ${mib(after.rss)}, heap ${mib(after.heapUsed)} (heap ${after.heapUsed >= before.heapUsed ? '+' : ''}${mib(after.heapUsed - before.heapUsed)})`);
await bot.stop();
await discord.stop();
process.exit(result.lost.length || errors ? 1 : 0);
