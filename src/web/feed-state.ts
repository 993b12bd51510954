/**
 * What the feed poller has done, kept in `DATA_DIR/feeds.json` across restarts: for each feed, the links of the
 * items it has handled (added, found present, or refused for good), so that no item is fetched twice. Written
 * whole through a temporary file; a file that cannot be read is set aside with a warning, not trusted.
 */
import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../log.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { errnoCode, plainFsReason } from '../util/fs-errors.ts';

export const FEED_STATE_FILE = 'feeds.json';
/** Links kept per feed: far more than a feed lists at once, so an item still listed is never forgotten. */
const KEPT_PER_FEED = 2000;

interface StateJson {
  version: 1;
  feeds: Record<string, { handled: string[]; polledAt?: string }>;
}

export class FeedState {
  private constructor(
    readonly file: string,
    private readonly feeds: Map<string, { handled: Set<string>; polledAt?: string }>,
  ) {}

  static async load(dataDir: string, log: Logger): Promise<FeedState> {
    const file = path.join(dataDir, FEED_STATE_FILE);
    const feeds = new Map<string, { handled: Set<string>; polledAt?: string }>();
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if (errnoCode(err) !== 'ENOENT') log.log('warn', 'feed state unreadable; starting afresh', { file, error: plainFsReason(err) });
      return new FeedState(file, feeds);
    }
    try {
      const json = JSON.parse(text) as StateJson;
      if (json.version !== 1 || typeof json.feeds !== 'object' || json.feeds === null) throw new Error('not a zonebot feed state');
      for (const [feed, { handled, polledAt }] of Object.entries(json.feeds)) {
        if (!Array.isArray(handled)) throw new Error(`feed ${feed} has no list of items`);
        feeds.set(feed, { handled: new Set(handled.filter((l) => typeof l === 'string')), ...(polledAt ? { polledAt } : {}) });
      }
    } catch (err) {
      // Set aside rather than overwritten, so a person can look at it.
      const aside = `${file}.unreadable-${Date.now()}`;
      await rename(file, aside).catch(() => undefined);
      log.log('warn', 'feed state unreadable; set aside, starting afresh', { file, movedTo: aside, error: err instanceof Error ? err.message : String(err) });
      feeds.clear();
    }
    return new FeedState(file, feeds);
  }

  has(feed: string, link: string): boolean {
    return this.feeds.get(feed)?.handled.has(link) ?? false;
  }

  /** Marks an item handled; the oldest links go once a feed has more than KEPT_PER_FEED. */
  handled(feed: string, link: string): void {
    const entry = this.feeds.get(feed) ?? { handled: new Set<string>() };
    entry.handled.add(link);
    if (entry.handled.size > KEPT_PER_FEED) entry.handled.delete(entry.handled.values().next().value!);
    this.feeds.set(feed, entry);
  }

  polled(feed: string, when: Date): void {
    const entry = this.feeds.get(feed) ?? { handled: new Set<string>() };
    this.feeds.set(feed, { ...entry, polledAt: when.toISOString() });
  }

  async save(): Promise<void> {
    const json: StateJson = { version: 1, feeds: {} };
    for (const [feed, { handled, polledAt }] of this.feeds) json.feeds[feed] = { handled: [...handled], ...(polledAt ? { polledAt } : {}) };
    await writeFileAtomic(this.file, JSON.stringify(json, null, 1) + '\n');
  }
}
