/**
 * The Discord bot: a discord.js client with the Guilds intent only (slash commands need no message content),
 * answering interactions from the engine. `startDiscord` runs it in this process or, with SHARDS set, under
 * discord.js's ShardingManager, each shard loading the same index snapshot.
 */
import { Client, Events, GatewayIntentBits, ShardingManager } from 'discord.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.ts';
import { openEngine } from '../engine/open.ts';
import { jsonLogger, registerSecret, type Logger } from '../log.ts';
import type { CommandContext } from '../results.ts';
import { LiveEngine, type RebuildResult } from '../engine/live.ts';
import { DEFAULT_DATA_DIR, pollFeedsWhile } from '../web/feed-poller.ts';
import { Announcer, announceRebuilds } from '../follow/announce.ts';
import { discordTarget } from '../follow/discord.ts';
import { FollowStore } from '../follow/store.ts';
import { customIdKey } from './custom-id.ts';
import { keepServing } from './guard.ts';
import { handleInteraction } from './interactions.ts';
import { login, StartupError, type RetryPolicy } from './login.ts';
import { RateLimiter } from './rate-limit.ts';

/** Five commands in ten seconds per user, unless RATE_LIMIT says otherwise. */
export const DEFAULT_RATE_LIMIT = '5/10s';

export interface BotOptions {
  token: string;
  /** REST base URL (a proxy, or the local Discord of the tests); the gateway URL then comes from it. */
  apiUrl?: string | undefined;
  /** The engine to answer from; a function when the engine in service can change (rebuilds). */
  context: CommandContext | (() => CommandContext);
  log?: Logger;
  /** CUSTOM_ID_SECRET: the key that signs button ids; derived from the token when absent. */
  customIdSecret?: string | undefined;
  rateLimit?: RateLimiter | undefined;
  reload?: () => Promise<RebuildResult>;
  /** How often to retry a login that failed for a reason that may pass. */
  loginRetry?: RetryPolicy;
  /** What channels follow (`/follow`); without it the bot answers that following is not available. */
  follows?: FollowStore;
}

export interface Bot {
  client: Client;
  /** Resolves once the client is ready; rejects with a StartupError that says what to fix. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createBot(options: BotOptions): Bot {
  registerSecret(options.token);
  const log = options.log ?? jsonLogger();
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    ...(options.apiUrl ? { rest: { api: options.apiUrl } } : {}),
  });
  const context = typeof options.context === 'function' ? options.context : () => options.context as CommandContext;
  const key = customIdKey(options.token, options.customIdSecret);
  registerSecret(key);
  const deps = {
    context,
    log,
    key,
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    ...(options.reload ? { reload: options.reload } : {}),
    ...(options.follows ? { follows: options.follows } : {}),
  };
  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, deps));
  client.on(Events.ShardDisconnect, (event, shard) => log.log('warn', 'gateway disconnected', { shard, code: event.code }));
  client.on(Events.ShardResume, (shard, replayed) => log.log('info', 'gateway resumed', { shard, replayed }));
  client.on(Events.ShardReconnecting, (shard) => log.log('info', 'gateway reconnecting', { shard }));
  client.on(Events.Error, (error) => log.log('error', 'client error', { error }));
  client.on(Events.ShardError, (error, shard) => log.log('error', 'gateway error', { shard, error }));

  return {
    client,
    async start() {
      await login(client, options.token, options.apiUrl, log, options.loginRetry);
      log.log('info', 'ready', { user: client.user?.tag, guilds: client.guilds.cache.size, shards: client.ws.shards.size });
    },
    async stop() {
      await client.destroy();
    },
  };
}

const SHARD_ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'shard.ts');

/** Runs the bot until SIGINT or SIGTERM; under a ShardingManager when SHARDS is set. */
export async function startDiscord(config: Config, corpusDir?: string): Promise<number> {
  const log = jsonLogger();
  const token = config.DISCORD_TOKEN!;
  registerSecret(token);
  if (config.SHARDS) {
    const manager = new ShardingManager(SHARD_ENTRY, {
      token,
      totalShards: config.SHARDS === 'auto' ? 'auto' : Number(config.SHARDS),
      execArgv: ['--import', 'tsx'],
      // Not while starting: a shard that dies before it is ready (a refused token) would be started again forever.
      respawn: false,
      ...(corpusDir ? { shardArgs: ['--corpus', corpusDir] } : {}),
    });
    manager.on('shardCreate', (shard) => log.log('info', 'shard launched', { shard: shard.id }));
    // Build (or validate) the snapshot once here, so the shards all load it instead of each building it.
    await openEngine({
      ...(corpusDir ?? config.CORPUS_DIR ? { corpusDir: corpusDir ?? config.CORPUS_DIR } : {}),
      ...(config.CACHE_DIR ? { cacheDir: config.CACHE_DIR } : {}),
    });
    try {
      await manager.spawn();
    } catch (err) {
      for (const shard of manager.shards.values()) shard.kill();
      throw err instanceof StartupError ? err : new StartupError(`a shard could not start (${err instanceof Error ? err.message : String(err)}); its log above says why`);
    }
    manager.respawn = true;
    // FEEDS are polled here, in the manager, once for all the shards.
    await pollFeedsWhile(waitForSignal(log), config, corpusDir, log);
    for (const shard of manager.shards.values()) shard.kill();
    return 0;
  }
  const served = await serveDiscord(config, corpusDir ?? config.CORPUS_DIR, token, log);
  await pollFeedsWhile(waitForSignal(log), config, corpusDir, log);
  await served.stop();
  return 0;
}

/**
 * What one process, or one shard, runs: the live engine (watching the corpus, rebuilding on SIGHUP) and the bot
 * answering from it. Returns how to stop both.
 */
export async function serveDiscord(config: Config, corpusDir: string | undefined, token: string, log: Logger): Promise<{ stop(): Promise<void> }> {
  // First, so that a DATA_DIR that cannot be written stops the start before anything runs.
  const follows = FollowStore.open(path.resolve(config.DATA_DIR ?? DEFAULT_DATA_DIR));
  const live = await LiveEngine.open({
    ...(corpusDir ? { corpusDir } : {}),
    ...(config.CACHE_DIR ? { cacheDir: config.CACHE_DIR } : {}),
    ...(config.MAX_FILE_BYTES ? { maxBytes: config.MAX_FILE_BYTES } : {}),
    ...(config.PAGE_SIZE ? { pageSize: config.PAGE_SIZE } : {}),
    log,
  });
  const release = keepServing(log);
  live.watch();
  const onHangup = () => void live.rebuild('SIGHUP');
  process.on('SIGHUP', onHangup);
  const bot = createBot({
    token,
    apiUrl: config.DISCORD_API_URL,
    context: () => live.context(),
    log,
    customIdSecret: config.CUSTOM_ID_SECRET,
    rateLimit: RateLimiter.parse(config.RATE_LIMIT ?? DEFAULT_RATE_LIMIT),
    reload: () => live.rebuild('/reload'),
    follows,
  });
  // New passages about what channels follow are posted by this process for the guilds it holds.
  announceRebuilds(live, new Announcer({ store: () => follows, target: discordTarget(bot.client), log }), log);
  const stop = async () => {
    process.off('SIGHUP', onHangup);
    release();
    await live.close();
    await bot.stop();
    follows.close();
  };
  try {
    await bot.start();
  } catch (err) {
    log.log('error', 'cannot start', { error: err });
    // Nothing may be left running (watcher, worker, handlers): the process must be free to exit.
    await stop();
    throw err;
  }
  return { stop };
}

function waitForSignal(log: Logger): Promise<void> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      log.log('info', 'shutting down', { signal });
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}
