/** One shard under the ShardingManager: the token and shard ids come from the manager's environment. */
import { loadConfig } from '../config.ts';
import { jsonLogger } from '../log.ts';
import { openEngine } from '../engine/open.ts';
import { createBot } from './bot.ts';

const config = loadConfig();
const corpusArg = process.argv.indexOf('--corpus');
const corpusDir = corpusArg >= 0 ? process.argv[corpusArg + 1] : config.CORPUS_DIR;
const log = jsonLogger();
const opened = await openEngine({ ...(corpusDir ? { corpusDir } : {}), ...(config.CACHE_DIR ? { cacheDir: config.CACHE_DIR } : {}) });
const bot = createBot({
  token: process.env.DISCORD_TOKEN ?? config.DISCORD_TOKEN!,
  apiUrl: config.DISCORD_API_URL,
  context: { engine: opened.engine, stats: opened.stats },
  log,
});
await bot.start();
const stop = () => void bot.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
