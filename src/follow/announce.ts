/**
 * Posting what a rebuild brought to the channels that follow it. Each process announces only for the guilds it
 * holds (with shards, the shard that has the guild), and claims each announcement in the store before posting,
 * so that two processes never both post it and a restart never posts it again. Posts to one channel are spaced
 * (Discord allows a channel about five messages in five seconds, and a burst of new files should not use them
 * all); a channel that is gone or that the bot may no longer post in loses its subscriptions, with a log line.
 */
import type { Logger } from '../log.ts';
import type { SearchEngine } from '../search/engine.ts';
import { announcements, type Announcement } from './news.ts';
import type { FollowStore } from './store.ts';

/** Discord's answers that mean the bot will never post in that channel again. */
export const CHANNEL_GONE: Record<number, string> = {
  10003: 'unknown channel',
  50001: 'missing access',
  50013: 'missing permissions',
};

/** Where announcements go: Discord (the guilds this shard holds) or the console. */
export interface AnnounceTarget {
  /** Whether this process posts for that guild. */
  holds(guild: string): boolean;
  /** Posts one announcement; throws on failure (a Discord API error carries its `code`). */
  post(announcement: Announcement): Promise<void>;
}

export interface AnnouncerOptions {
  /** The store, asked at each rebuild: none yet (a console that has followed nothing) means nothing to announce. */
  store: () => FollowStore | undefined;
  target: AnnounceTarget;
  log: Logger;
  /** The least time between two posts to one channel. */
  gapMs?: number;
}

const DEFAULT_GAP_MS = 1500;

export class Announcer {
  private readonly options: AnnouncerOptions;
  /** The end of the last post to each channel, so that the next one waits its turn. */
  private readonly channels = new Map<string, Promise<void>>();

  constructor(options: AnnouncerOptions) {
    this.options = options;
  }

  /** Announces what `after` has that `before` had not; resolves when every post is made, with how many. */
  async announce(before: SearchEngine, after: SearchEngine): Promise<number> {
    const { target, log } = this.options;
    const store = this.options.store();
    if (!store) return 0;
    const subscriptions = store.all().filter((s) => target.holds(s.guild));
    const found = announcements(before, after, subscriptions);
    const posted = await Promise.all(found.map((a) => this.inTurn(a.channel, () => this.postOne(store, a))));
    const count = posted.filter(Boolean).length;
    if (found.length) log.log('info', 'follow announcements', { found: found.length, posted: count });
    return count;
  }

  /** Runs `post` after the channel's previous post, and keeps the channel's gap after it. */
  private inTurn(channel: string, post: () => Promise<boolean>): Promise<boolean> {
    const gap = this.options.gapMs ?? DEFAULT_GAP_MS;
    const previous = this.channels.get(channel) ?? Promise.resolve();
    const result = previous.then(post);
    const done = result.then(
      () => new Promise<void>((resolve) => setTimeout(resolve, gap).unref()),
      () => undefined,
    );
    this.channels.set(channel, done);
    void done.then(() => {
      if (this.channels.get(channel) === done) this.channels.delete(channel);
    });
    return result;
  }

  /** Claims and posts one announcement; false when another process had it, the channel is gone, or it failed. */
  private async postOne(store: FollowStore, a: Announcement): Promise<boolean> {
    const { target, log } = this.options;
    // A channel found gone by an earlier post of this round has no subscriptions left to claim for.
    const live = new Set(store.list(a.channel).map((s) => s.id));
    const claimed = store.claim(a.channel, a.subscriptions.filter((s) => live.has(s.id)).map((s) => s.id), a.article);
    if (!claimed.length) return false;
    const context = { guild: a.guild, channel: a.channel, article: a.article, follows: a.subscriptions.map((s) => `${s.kind}:${s.name}`) };
    try {
      await target.post(a);
      log.log('info', 'follow posted', { ...context, excerpts: a.page.hits.length });
      return true;
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      const gone = typeof code === 'number' ? CHANNEL_GONE[code] : undefined;
      if (gone) {
        const ended = store.endChannel(a.channel);
        log.log('warn', 'follow ended: the bot cannot post in the channel', { ...context, code, reason: gone, subscriptions: ended });
      } else {
        // Claimed, so not tried again: a message lost is better than one posted twice by two processes.
        log.log('error', 'follow post failed', { ...context, error: err });
      }
      return false;
    }
  }
}

/** Something that swaps in a new engine after a rebuild (the live engine). */
export interface Rebuilding {
  onSwap(listener: (before: { engine: SearchEngine }, after: { engine: SearchEngine }) => void): void;
}

/** Announces, after every rebuild of `live`, what it brought. */
export function announceRebuilds(live: Rebuilding, announcer: Announcer, log: Logger): void {
  live.onSwap((before, after) => {
    announcer.announce(before.engine, after.engine).catch((err: unknown) => log.log('error', 'follow announcements failed', { error: err }));
  });
}
