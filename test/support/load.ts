/**
 * Drives the bot with many interactions through the local Discord, in bursts, from many users, and measures
 * what came back: shared by the load test (small) and `npm run soak` (large).
 */
import type { LocalDiscord } from './local-discord.ts';

const QUERIES: [command: string, option: string, values: string[]][] = [
  ['ask', 'question', ['钢城签约了几个项目', '续建项目复工率是多少', '请问济北开发区怎么提供全程帮办服务', '鋼城經濟開發區保姆式服務', '@everyone **招商**']],
  ['zone', 'name', ['济北', 'jibei', '濟南新材料產業園區', '天桥区', '火星开发区']],
  ['measure', 'name', ['一窗受理', '一次辦成', '专员']],
  ['stats', 'metric', ['新签约项目', '签约额', '固定资产投资']],
  ['source', 'citation', ['000-11', '004-3', '../../etc/passwd']],
];

export interface LoadResult {
  sent: number;
  acknowledged: number;
  lost: string[];
  /** Dispatch to callback, in ms, for every acknowledged interaction. */
  latencies: number[];
  durationMs: number;
}

export { quantile } from '../../src/util/quantile.ts';

export async function driveLoad(
  discord: LocalDiscord,
  options: { interactions: number; users: number; burst: number; timeoutMs?: number },
): Promise<LoadResult> {
  const started = performance.now();
  const latencies: number[] = [];
  const lost: string[] = [];
  let acknowledged = 0;
  for (let sent = 0; sent < options.interactions; sent += options.burst) {
    const ids: string[] = [];
    for (let i = sent; i < Math.min(options.interactions, sent + options.burst); i++) {
      const [command, option, values] = QUERIES[i % QUERIES.length]!;
      const user = { id: String(6_000_000_000_000_000n + BigInt(i % options.users)), username: `user${i % options.users}` };
      const payload = discord.slashCommand(command, [{ name: option, type: 3, value: values[i % values.length]! }], user, i % 7 === 0 ? 'en-US' : 'zh-CN');
      ids.push(discord.dispatchInteraction(payload).id);
    }
    const deadline = performance.now() + (options.timeoutMs ?? 10_000);
    while (ids.some((id) => !discord.callbackById.has(id)) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    for (const id of ids) {
      const callback = discord.callbackById.get(id);
      if (!callback) lost.push(id);
      else {
        acknowledged++;
        latencies.push(callback.time - discord.dispatchedAt.get(id)!);
      }
    }
    discord.clearRecords();
  }
  return { sent: options.interactions, acknowledged, lost, latencies, durationMs: performance.now() - started };
}
