/**
 * /follow at the console: `/follow zone 济北`, `/follow measure 一窗受理`, `/unfollow …`, `/following`, kept in the
 * same database as the bot's under the pseudo channel `console`; after a rebuild the console prints what is new
 * about them. The database is opened only once the console follows something (or one exists already), so a
 * console that never follows writes nothing to DATA_DIR.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log.ts';
import type { ResultPage } from '../page.ts';
import type { SearchEngine } from '../search/engine.ts';
import { Announcer, announceRebuilds, type Rebuilding } from './announce.ts';
import { followText, runFollow, type FollowCommand } from './commands.ts';
import { announcementHeading } from './news.ts';
import { DB_FILE, FollowStore } from './store.ts';

export const CONSOLE_CHANNEL = 'console';

/** `zone NAME` / `measure NAME` (or 园区 / 举措); a bare name is a zone. */
export function parseFollowText(text: string): { zone?: string; measure?: string } {
  const m = /^(zone|measure|园区|举措)\s+([\s\S]+)$/iu.exec(text.trim());
  if (!m) return text.trim() ? { zone: text.trim() } : {};
  return /^(measure|举措)$/iu.test(m[1]!) ? { measure: m[2]! } : { zone: m[2]! };
}

export class ConsoleFollows {
  private store: FollowStore | undefined;
  private print: ((heading: string, page: ResultPage) => void) | undefined;

  /** Announces each rebuild of `live` to the console once `attach` gives it a way to print. */
  constructor(
    private readonly dataDir: string,
    private readonly locale: string | undefined,
    live: Rebuilding,
    log: Logger,
  ) {
    if (existsSync(path.join(dataDir, DB_FILE))) this.open();
    const announcer = new Announcer({
      // Asked at each rebuild, so a console that follows its first name later is heard too.
      store: () => this.store,
      target: {
        holds: (guild) => guild === CONSOLE_CHANNEL,
        post: async (a) => this.print?.(announcementHeading(a.page.query, this.locale), a.page),
      },
      log,
      gapMs: 0,
    });
    announceRebuilds(live, announcer, log);
  }

  private open(): FollowStore {
    this.store ??= FollowStore.open(this.dataDir);
    return this.store;
  }

  /** From now on, what a rebuild brings about the console's follows is printed through `print`. */
  attach(print: (heading: string, page: ResultPage) => void): void {
    this.print = print;
  }

  run(command: FollowCommand, text: string, engine: SearchEngine): string {
    const reply = runFollow(this.open(), engine, { command, guild: CONSOLE_CHANNEL, channel: CONSOLE_CHANNEL, user: CONSOLE_CHANNEL, ...parseFollowText(text) });
    return followText(reply, this.locale);
  }

  close(): void {
    this.store?.close();
  }
}
