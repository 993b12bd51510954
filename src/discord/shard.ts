/** One shard under the ShardingManager: the token and shard ids come from the manager's environment. */
import { loadConfig } from '../config.ts';
import { jsonLogger } from '../log.ts';
import { serveDiscord } from './bot.ts';

const config = loadConfig();
const corpusArg = process.argv.indexOf('--corpus');
const corpusDir = corpusArg >= 0 ? process.argv[corpusArg + 1] : config.CORPUS_DIR;
// A shard that cannot start has logged why (serveDiscord); it exits so that the manager sees it die.
const served = await serveDiscord(config, corpusDir, process.env.DISCORD_TOKEN ?? config.DISCORD_TOKEN!, jsonLogger()).catch(() => process.exit(1));
const stop = () => void served.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
