/** One shard under the ShardingManager: the token and shard ids come from the manager's environment. */
import { loadConfig } from '../config.ts';
import { LiveEngine } from '../engine/live.ts';
import { jsonLogger } from '../log.ts';
import { createBot, DEFAULT_RATE_LIMIT } from './bot.ts';
import { RateLimiter } from './rate-limit.ts';

const config = loadConfig();
const corpusArg = process.argv.indexOf('--corpus');
const corpusDir = corpusArg >= 0 ? process.argv[corpusArg + 1] : config.CORPUS_DIR;
const log = jsonLogger();
const live = await LiveEngine.open({
  ...(corpusDir ? { corpusDir } : {}),
  ...(config.CACHE_DIR ? { cacheDir: config.CACHE_DIR } : {}),
  ...(config.PAGE_SIZE ? { pageSize: config.PAGE_SIZE } : {}),
  log,
});
live.watch();
process.on('SIGHUP', () => void live.rebuild('SIGHUP'));
const bot = createBot({
  token: process.env.DISCORD_TOKEN ?? config.DISCORD_TOKEN!,
  apiUrl: config.DISCORD_API_URL,
  context: () => live.context(),
  log,
  rateLimit: RateLimiter.parse(config.RATE_LIMIT ?? DEFAULT_RATE_LIMIT),
  reload: () => live.rebuild('/reload'),
});
await bot.start();
const stop = () => void Promise.all([live.close(), bot.stop()]).then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
