/**
 * What a person at the console hears of the live engine. The engine reports through a Logger (its public way of
 * telling); the bot writes those records as JSON lines, the console turns them into a line of its own when a
 * rebuild ends. Records are told apart by what they carry, not by their wording.
 */
import { progressReporter, type Progress } from '../engine/progress.ts';
import type { Level, Logger } from '../log.ts';
import { plainFsReason } from '../util/fs-errors.ts';
import type { Messages } from './messages.ts';

/** Skipped files named in a rebuild's line; the count says how many more. */
const NAMED_SKIPS = 3;

export class ConsoleLiveLog implements Logger {
  private say: (line: string) => void;
  private starting = true;
  private skippedInRebuild: string[] = [];

  constructor(
    private readonly messages: Messages,
    private readonly warn: (line: string) => void = (line) => process.stderr.write(line + '\n'),
    private readonly progress: Progress = progressReporter(),
  ) {
    this.say = warn;
  }

  /** The console is open: from now on rebuilds are told through `say`, and start-up progress is over. */
  attach(say: (line: string) => void): void {
    this.say = say;
    this.starting = false;
  }

  log(level: Level, message: string, context: Record<string, unknown> = {}): void {
    const { file, reason, stage, done, total, ok, files, skipped, error } = context;
    if (typeof file === 'string' && typeof reason === 'string') {
      if (this.starting) this.warn(`warning: skipped ${file}: ${reason}`);
      else this.skippedInRebuild.push(`${file}: ${reason}`);
    } else if (typeof stage === 'string' && typeof done === 'number' && typeof total === 'number') {
      // A rebuild's progress stays quiet: the console is in use meanwhile.
      if (this.starting) this.progress(stage, done, total);
    } else if (ok === true && typeof files === 'number' && typeof skipped === 'number') {
      this.say(this.messages.rebuilt(files, skipped, this.skippedInRebuild.slice(0, NAMED_SKIPS)));
      this.skippedInRebuild = [];
    } else if (level === 'error') {
      const detail = error === undefined ? message : plainFsReason(error);
      // A failed rebuild carries its reason (what asked for it); anything else is the watcher's own trouble.
      this.say(typeof reason === 'string' ? this.messages.rebuildFailed(detail) : this.messages.watchFailed(detail));
      this.skippedInRebuild = [];
    }
  }
}
