/**
 * `tsx bench/follow-latency.ts [CORPUS] [ROUNDS] [ZONE]`: the time from a file landing in the corpus folder to its post
 * in the following channel. The bot as `serveDiscord` runs it (the folder watcher's quiet second, the rebuild in a
 * child process, the announcement) against the local Discord, over a copy of CORPUS (the seeds by default). Each round
 * writes one new article about the followed zone and waits for the post. Never a pass/fail test.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../src/config.ts';
import { serveDiscord } from '../src/discord/bot.ts';
import { FollowStore } from '../src/follow/store.ts';
import { jsonLogger } from '../src/log.ts';
import { quantile } from '../src/util/quantile.ts';
import { startLocalDiscord } from '../test/support/local-discord.ts';

const source = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..', 'seeds'));
const rounds = Number(process.argv[3] ?? 5);
const ZONE = process.argv[4] ?? '济北开发区';

const temp = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), prefix));
const corpusDir = temp('zonebot-follow-bench-corpus-');
const dataDir = temp('zonebot-follow-bench-data-');
cpSync(source, corpusDir, { recursive: true });

const discord = await startLocalDiscord();
const config = { DISCORD_API_URL: discord.restBase, CACHE_DIR: temp('zonebot-follow-bench-cache-'), DATA_DIR: dataDir, RATE_LIMIT: 'off' } as Config;
const served = await serveDiscord(config, corpusDir, 'follow-bench-token-not-a-secret', jsonLogger(undefined, 'warn'));
const store = FollowStore.open(dataDir);
store.follow({ guild: discord.guildId, channel: discord.channelId, kind: 'zone', name: ZONE, by: 'bench' });

const posts = () => discord.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${discord.channelId}/messages`);
const times: number[] = [];
for (let round = 1; round <= rounds; round++) {
  const before = posts().length;
  const landed = performance.now();
  writeFileSync(path.join(corpusDir, `9${String(round).padStart(2, '0')}_follow_bench.txt`), `${ZONE}第${round}次企业服务日\n\n${ZONE}举办第${round}次企业服务日活动，为${round * 7}家企业解决用工和审批问题。`);
  while (posts().length === before) {
    // A zone the corpus does not know as one (give ZONE for a corpus other than the seeds) is never posted.
    if (performance.now() - landed > 600_000) throw new Error(`no post in 10 minutes: is ${ZONE} a zone of this corpus?`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const ms = posts()[before]!.time - landed;
  times.push(ms);
  console.log(`round ${round}: ${Math.round(ms)} ms from the file landing to the post`);
}
const sorted = [...times].sort((a, b) => a - b);
console.log(`${path.basename(source)}: median ${Math.round(quantile(sorted, 0.5))} ms, min ${Math.round(sorted[0]!)} ms, max ${Math.round(sorted.at(-1)!)} ms over ${rounds} rounds`);
store.close();
await served.stop();
await discord.stop();
