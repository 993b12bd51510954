/**
 * Polling the feeds of `FEEDS`: each `FEED_INTERVAL`, every feed is read and its items not yet handled are added
 * as pages to the corpus folder (where the folder watcher indexes them). What has been handled is remembered in
 * `DATA_DIR`, so a restart fetches nothing twice. An item that failed for a reason that may pass (a timeout, a
 * 503) is tried again at the next poll; one refused for good (a 404, not HTML) is not.
 */
import path from 'node:path';
import type { Config } from '../config.ts';
import { DEFAULT_CORPUS_DIR, PROJECT_ROOT } from '../engine/open.ts';
import type { Logger } from '../log.ts';
import { addPage, fetchLimits, readFeed } from './add.ts';
import { FeedState } from './feed-state.ts';
import type { FetchLimits } from './fetch.ts';

export const DEFAULT_FEED_INTERVAL_MS = 30 * 60_000;
export const DEFAULT_DATA_DIR = path.join(PROJECT_ROOT, '.data');

export interface FeedPollerOptions {
  feeds: string[];
  intervalMs: number;
  corpusDir: string;
  dataDir: string;
  limits: FetchLimits;
  log: Logger;
}

export interface FeedPoll {
  feed: string;
  ok: boolean;
  items: number;
  added: number;
  present: number;
  failed: number;
}

export class FeedPoller {
  private state: FeedState | undefined;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<FeedPoll[]> | undefined;
  private readonly abort = new AbortController();
  private stopped = false;

  constructor(private readonly options: FeedPollerOptions) {}

  /** Polls now, then `intervalMs` after each poll ends (a slow poll never overlaps the next). */
  start(): void {
    const { log, feeds, intervalMs } = this.options;
    log.log('info', 'feed polling started', { feeds: feeds.length, intervalMs });
    const next = () => {
      if (this.stopped) return;
      this.timer = setTimeout(() => void this.poll().finally(next), intervalMs);
      // The poller keeps nothing alive by itself: the bot or the console decides when the process ends.
      this.timer.unref();
    };
    void this.poll().finally(next);
  }

  /** One poll of every feed; a call during a poll gets that poll. */
  poll(): Promise<FeedPoll[]> {
    this.polling ??= this.pollAll().finally(() => (this.polling = undefined));
    return this.polling;
  }

  private async pollAll(): Promise<FeedPoll[]> {
    const { log } = this.options;
    this.state ??= await FeedState.load(this.options.dataDir, log);
    const polls: FeedPoll[] = [];
    for (const feed of this.options.feeds) {
      if (this.stopped) break;
      polls.push(await this.pollFeed(feed, this.state));
      try {
        await this.state.save();
      } catch (err) {
        log.log('error', 'feed state not saved', { file: this.state.file, error: err });
      }
    }
    return polls;
  }

  private async pollFeed(feed: string, state: FeedState): Promise<FeedPoll> {
    const { log, corpusDir, limits } = this.options;
    const options = { corpusDir, limits, signal: this.abort.signal };
    const poll: FeedPoll = { feed, ok: false, items: 0, added: 0, present: 0, failed: 0 };
    const read = await readFeed(feed, options);
    if (!read.ok) {
      if (!this.stopped) log.log('warn', 'feed not read', { feed, reason: read.reason });
      return poll;
    }
    state.polled(feed, new Date());
    poll.ok = true;
    poll.items = read.links.length;
    for (const link of read.links) {
      if (this.stopped) break;
      if (state.has(feed, link)) continue;
      const outcome = await addPage(link, options);
      if (outcome.status === 'added') {
        poll.added++;
        log.log('info', 'feed item added', { feed, url: link, file: outcome.file });
      } else if (outcome.status === 'present') poll.present++;
      else if (outcome.status === 'failed') {
        poll.failed++;
        if (!this.stopped) log.log('warn', 'feed item not added', { feed, url: link, reason: outcome.reason, retry: outcome.retry });
        if (outcome.retry) continue;
      }
      state.handled(feed, link);
    }
    log.log('info', 'feed polled', { ...poll });
    return poll;
  }

  /** Stops the timer and any fetch under way, and waits for the poll in progress to end (its state saved). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.abort.abort();
    await this.polling?.catch(() => undefined);
  }
}

/** The poller the settings ask for (`FEEDS`, `FEED_INTERVAL`, `DATA_DIR`), started; none when `FEEDS` is empty. */
export function startFeedPolling(config: Config, corpusDir: string | undefined, log: Logger): FeedPoller | undefined {
  if (!config.FEEDS?.length) return undefined;
  const poller = new FeedPoller({
    feeds: config.FEEDS,
    intervalMs: config.FEED_INTERVAL ?? DEFAULT_FEED_INTERVAL_MS,
    corpusDir: path.resolve(corpusDir ?? config.CORPUS_DIR ?? DEFAULT_CORPUS_DIR),
    dataDir: path.resolve(config.DATA_DIR ?? DEFAULT_DATA_DIR),
    limits: fetchLimits(config),
    log,
  });
  poller.start();
  return poller;
}

/**
 * Polls FEEDS (if any) until `serving` settles — the bot or the console, already watching the corpus folder so
 * that no page written meanwhile goes unseen — then stops polling, waiting for a poll under way to end.
 */
export async function pollFeedsWhile<T>(serving: Promise<T>, config: Config, corpusDir: string | undefined, log: Logger): Promise<T> {
  const poller = startFeedPolling(config, corpusDir, log);
  try {
    return await serving;
  } finally {
    await poller?.stop();
  }
}
