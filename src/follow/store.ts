/**
 * What channels follow, and what has been announced to them, in SQLite (`DATA_DIR/zonebot.db`, through
 * better-sqlite3). Several processes (shards) open the same file: WAL lets them read while one writes, the busy
 * timeout makes a writer wait for another instead of failing, and the unique key of `announced` makes claiming an
 * announcement atomic, so each one is posted by exactly one process, once, across restarts.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { plainFsReason } from '../util/fs-errors.ts';

export type FollowKind = 'zone' | 'measure';

export interface Subscription {
  id: number;
  guild: string;
  channel: string;
  kind: FollowKind;
  /** The canonical name of the zone or measure, as the corpus had it when the channel followed it. */
  name: string;
  /** Who followed it (a user id, or `console`). */
  by: string;
  /** ISO time. */
  at: string;
}

export const DB_FILE = 'zonebot.db';
/** How long a write waits for another process's write before giving up. */
const BUSY_TIMEOUT_MS = 5000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS subscriptions (
  id INTEGER PRIMARY KEY,
  guild TEXT NOT NULL,
  channel TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('zone', 'measure')),
  name TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (channel, kind, name)
);
CREATE TABLE IF NOT EXISTS announced (
  channel TEXT NOT NULL,
  subscription INTEGER NOT NULL,
  article TEXT NOT NULL,
  announced_at TEXT NOT NULL,
  PRIMARY KEY (channel, subscription, article)
);
`;

interface Row {
  id: number;
  guild: string;
  channel: string;
  kind: FollowKind;
  name: string;
  created_by: string;
  created_at: string;
}

const fromRow = (r: Row): Subscription => ({ id: r.id, guild: r.guild, channel: r.channel, kind: r.kind, name: r.name, by: r.created_by, at: r.created_at });

export class FollowStore {
  private readonly db: Database.Database;

  private constructor(db: Database.Database) {
    this.db = db;
  }

  /** Opens (creating where missing) the database in `dataDir`; a failure says which file and what to do. */
  static open(dataDir: string): FollowStore {
    const file = path.join(dataDir, DB_FILE);
    try {
      mkdirSync(dataDir, { recursive: true });
      const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
      db.pragma('journal_mode = WAL');
      db.exec(SCHEMA);
      return new FollowStore(db);
    } catch (err) {
      throw new Error(`cannot open the database ${file}: ${plainFsReason(err)}. Set DATA_DIR to a folder zonebot may write.`);
    }
  }

  /** Subscribes a channel; false when it already follows that zone or measure. */
  follow(s: Omit<Subscription, 'id' | 'at'>, at = new Date()): boolean {
    const result = this.db
      .prepare('INSERT INTO subscriptions (guild, channel, kind, name, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING')
      .run(s.guild, s.channel, s.kind, s.name, s.by, at.toISOString());
    return result.changes === 1;
  }

  /** Ends one subscription of a channel; false when the channel did not follow it. */
  unfollow(channel: string, kind: FollowKind, name: string): boolean {
    const ended = this.db.transaction(() => {
      const row = this.db.prepare('SELECT id FROM subscriptions WHERE channel = ? AND kind = ? AND name = ?').get(channel, kind, name) as { id: number } | undefined;
      if (!row) return false;
      this.forget([row.id]);
      return true;
    });
    return ended();
  }

  /** Ends every subscription of a channel (deleted, or the bot may no longer post there); how many ended. */
  endChannel(channel: string): number {
    const ended = this.db.transaction(() => {
      const ids = (this.db.prepare('SELECT id FROM subscriptions WHERE channel = ?').all(channel) as { id: number }[]).map((r) => r.id);
      this.forget(ids);
      return ids.length;
    });
    return ended();
  }

  private forget(ids: number[]): void {
    const subscription = this.db.prepare('DELETE FROM subscriptions WHERE id = ?');
    const announced = this.db.prepare('DELETE FROM announced WHERE subscription = ?');
    for (const id of ids) {
      subscription.run(id);
      announced.run(id);
    }
  }

  /** A channel's subscriptions, zones first, then by name. */
  list(channel: string): Subscription[] {
    return (this.db.prepare('SELECT * FROM subscriptions WHERE channel = ? ORDER BY kind DESC, name').all(channel) as Row[]).map(fromRow);
  }

  all(): Subscription[] {
    return (this.db.prepare('SELECT * FROM subscriptions ORDER BY channel, id').all() as Row[]).map(fromRow);
  }

  /**
   * Claims the announcement of an article to a channel for these subscriptions, all in one transaction: the ids
   * whose row this call inserted. Another process that claims the same gets none of them, so only one posts.
   */
  claim(channel: string, subscriptions: number[], article: string, at = new Date()): number[] {
    const insert = this.db.prepare('INSERT INTO announced (channel, subscription, article, announced_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
    const claim = this.db.transaction(() => subscriptions.filter((id) => insert.run(channel, id, article, at.toISOString()).changes === 1));
    return claim.immediate();
  }

  close(): void {
    this.db.close();
  }
}
