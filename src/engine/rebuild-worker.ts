/**
 * The rebuild, in a child process: reads the corpus, builds corpus, knowledge and index, writes the snapshot, and
 * exits, while the serving process keeps answering from the engine it has. Posts the snapshot's path back.
 *
 * A process and not a worker thread: nodejieba loads its dictionaries natively once per thread and never gives
 * that memory back, so each rebuild in a thread kept about 85 MiB for good. A process that exits returns it all.
 */
import { openEngine, type OpenOptions } from './open.ts';
import { progressLog } from './progress.ts';

export interface RebuildRequest {
  options: Omit<OpenOptions, 'onSkip'>;
}

export type RebuildMessage =
  | { type: 'skipped'; name: string; reason: string }
  | { type: 'progress'; stage: string; done: number; total: number }
  | { type: 'done'; snapshotPath: string; buildMs: number; fromSnapshot: boolean; files: number; skipped: number }
  | { type: 'failed'; error: string };

const post = (message: RebuildMessage) => new Promise<void>((resolve) => process.send!(message, () => resolve()));

async function rebuild({ options }: RebuildRequest): Promise<void> {
  try {
    const { engine, stats } = await openEngine({
      ...options,
      snapshot: true,
      onSkip: (s) => void post({ type: 'skipped', ...s }),
      onProgress: progressLog((stage, done, total) => void post({ type: 'progress', stage, done, total })),
    });
    if (!stats.snapshotPath) throw new Error('the snapshot could not be written');
    await post({
      type: 'done',
      snapshotPath: stats.snapshotPath,
      buildMs: stats.buildMs,
      fromSnapshot: stats.fromSnapshot,
      files: engine.corpus.files.length,
      skipped: engine.corpus.skipped.length,
    });
  } catch (err) {
    await post({ type: 'failed', error: err instanceof Error ? err.message : String(err) });
  }
  process.disconnect();
}

// The serving process sends the request once; the child is of no use without it (or once its parent is gone).
process.once('message', (request: RebuildRequest) => void rebuild(request));
process.once('disconnect', () => process.exit(0));
