/**
 * The engine in service: answers come from the current engine while a rebuild runs in a child process; the new
 * engine is swapped in at once when it is ready. Rebuilds come from a change in the corpus folder (after it has
 * been quiet for a while, so that a file still being copied is not indexed half), from SIGHUP, or from `/reload`.
 * A failed rebuild leaves the current engine in service.
 */
import { watch, type FSWatcher } from 'node:fs';
import { stat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import type { Logger } from '../log.ts';
import type { CommandContext } from '../results.ts';
import { isCorpusFileName, skippedSummary } from '../corpus/read.ts';
import { DEFAULT_CORPUS_DIR, openEngine, openSnapshot, type OpenedEngine, type OpenOptions } from './open.ts';
import { progressLog } from './progress.ts';
import type { RebuildMessage, RebuildRequest } from './rebuild-worker.ts';

const REBUILD_ENTRY = new URL('./rebuild-worker.ts', import.meta.url);
/** tsx's loader, by path, so that the child finds it whatever the working directory. */
const TSX = import.meta.resolve('tsx');

export type RebuildResult =
  /** `ms`: how long this rebuild took, start to swap (`buildMs` is the snapshot's own build, maybe an older one). */
  | { ok: true; reason: string; files: number; skipped: number; ms: number; buildMs: number; fromSnapshot: boolean }
  | { ok: false; reason: string; error: string };

export interface LiveEngineOptions extends Omit<OpenOptions, 'onSkip'> {
  log: Logger;
  /** How long the folder must be quiet before a change is indexed. */
  quietMs?: number;
  pageSize?: number;
}

/** The options that `openEngine` takes, without the live engine's own. */
function openOptions({ log: _log, quietMs: _quiet, pageSize: _pageSize, ...open }: LiveEngineOptions): Omit<OpenOptions, 'onSkip'> {
  return open;
}

export class LiveEngine {
  private current: OpenedEngine;
  private readonly options: LiveEngineOptions;
  private running: Promise<RebuildResult> | undefined;
  private queued: Promise<RebuildResult> | undefined;
  private child: ChildProcess | undefined;
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** Completed rebuilds, for tests and the log. */
  rebuilds = 0;
  private readonly swapListeners: ((before: OpenedEngine, after: OpenedEngine) => void)[] = [];

  private constructor(current: OpenedEngine, options: LiveEngineOptions) {
    this.current = current;
    this.options = options;
  }

  /** Opens the engine in this thread (at start nothing is in service yet, so there is nothing to keep answering). */
  static async open(options: LiveEngineOptions): Promise<LiveEngine> {
    const { log } = options;
    const opened = await openEngine({
      ...openOptions(options),
      onSkip: (s) => log.log('warn', 'skipped corpus file', { file: s.name, reason: s.reason }),
      onProgress: progressLog((stage, done, total) => log.log('info', 'building', { stage, done, total })),
    });
    const { corpus } = opened.engine;
    const { counts, names } = skippedSummary(corpus.skipped);
    log.log(corpus.skipped.length ? 'warn' : 'info', 'corpus read', { files: corpus.files.length, skipped: counts, skippedFiles: names });
    return new LiveEngine(opened, options);
  }

  /** What handlers need, always from the engine in service now. */
  context(): CommandContext {
    return { engine: this.current.engine, stats: this.current.stats, ...(this.options.pageSize ? { pageSize: this.options.pageSize } : {}) };
  }

  /** Calls `listener` after each rebuild with the engine that left service and the one now in it (for /follow). */
  onSwap(listener: (before: OpenedEngine, after: OpenedEngine) => void): void {
    this.swapListeners.push(listener);
  }

  get corpusDir(): string {
    return path.resolve(this.options.corpusDir ?? DEFAULT_CORPUS_DIR);
  }

  /** Rebuilds in the background; requests during a rebuild are merged into one more rebuild after it. */
  rebuild(reason: string): Promise<RebuildResult> {
    if (this.queued) return this.queued;
    if (this.running) {
      this.queued = this.running.then(() => {
        this.queued = undefined;
        return this.start(reason);
      });
      return this.queued;
    }
    return this.start(reason);
  }

  private start(reason: string): Promise<RebuildResult> {
    this.running = this.runWorker(reason).finally(() => (this.running = undefined));
    return this.running;
  }

  private async runWorker(reason: string): Promise<RebuildResult> {
    if (this.closed) return { ok: false, reason, error: 'closed' };
    const { log } = this.options;
    const started = performance.now();
    log.log('info', 'rebuild started', { reason });
    const request: RebuildRequest = { options: openOptions(this.options) };
    const outcome = await new Promise<RebuildMessage>((resolve) => {
      const child = fork(REBUILD_ENTRY, [], { execArgv: ['--import', TSX], serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      this.child = child;
      let settled = false;
      const settle = (m: RebuildMessage) => {
        if (!settled) resolve(m);
        settled = true;
      };
      child.on('message', (m: RebuildMessage) => {
        if (m.type === 'skipped') log.log('warn', 'skipped corpus file', { file: m.name, reason: m.reason });
        else if (m.type === 'progress') log.log('info', 'rebuilding', { stage: m.stage, done: m.done, total: m.total });
        else settle(m);
      });
      child.on('error', (err) => settle({ type: 'failed', error: err.message }));
      child.on('exit', (code, signal) => {
        this.child = undefined;
        settle({ type: 'failed', error: `rebuild process exited with ${signal ?? `code ${code}`}` });
      });
      child.send(request);
    });
    if (outcome.type !== 'done' || this.closed) {
      const error = outcome.type === 'failed' ? outcome.error : 'closed';
      log.log('error', 'rebuild failed; the engine in service stays', { reason, error });
      return { ok: false, reason, error };
    }
    const before = this.current;
    try {
      this.current = await openSnapshot(outcome.snapshotPath);
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      log.log('error', 'rebuilt snapshot could not be loaded; the engine in service stays', { reason, error });
      return { ok: false, reason, error };
    }
    this.rebuilds++;
    const ms = Math.round(performance.now() - started);
    const result = { ok: true as const, reason, files: outcome.files, skipped: outcome.skipped, ms, buildMs: outcome.buildMs, fromSnapshot: outcome.fromSnapshot };
    log.log('info', 'rebuild done; new engine in service', result);
    for (const listener of this.swapListeners) {
      try {
        listener(before, this.current);
      } catch (err) {
        log.log('error', 'a listener of the new engine failed', { error: err });
      }
    }
    return result;
  }

  /** Watches the corpus folder and rebuilds once it has been quiet for `quietMs` and file sizes are stable. */
  watch(): void {
    if (this.watcher) return;
    // Recursive: files in subfolders are corpus files too. A name without an extension may be a folder, added,
    // moved or deleted with the files in it.
    this.watcher = watch(this.corpusDir, { recursive: true }, (_event, name) => {
      if (name && path.extname(String(name)) && !isCorpusFileName(String(name))) return;
      this.schedule();
    });
    this.watcher.on('error', (err) => this.options.log.log('error', 'corpus watch failed', { error: err }));
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.whenStable(), this.options.quietMs ?? 1000);
  }

  /** A file still being copied grows between two looks: wait until nothing changes. */
  private async whenStable(): Promise<void> {
    const look = async () => {
      const names = (await readdir(this.corpusDir, { recursive: true }).catch(() => [])).filter(isCorpusFileName).sort();
      const sizes = await Promise.all(names.map((n) => stat(path.join(this.corpusDir, n)).then((s) => `${n}:${s.size}:${s.mtimeMs}`, () => n)));
      return sizes.join('|');
    };
    const before = await look();
    await new Promise((resolve) => setTimeout(resolve, 250));
    if ((await look()) !== before) return this.schedule();
    void this.rebuild('corpus changed');
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.watcher?.close();
    const child = this.child;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    }
  }
}
