/**
 * The rebuild, in a worker thread: reads the corpus, builds corpus, knowledge and index, and writes the
 * snapshot, while the main thread keeps answering from the engine it has. Posts the snapshot's path back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openEngine, type OpenOptions } from './open.ts';
import { progressLog } from './progress.ts';

export interface RebuildRequest {
  entry: string;
  options: Omit<OpenOptions, 'onSkip'>;
}

export type RebuildMessage =
  | { type: 'skipped'; name: string; reason: string }
  | { type: 'progress'; stage: string; done: number; total: number }
  | { type: 'done'; snapshotPath: string; buildMs: number; fromSnapshot: boolean; files: number; skipped: number }
  | { type: 'failed'; error: string };

const { options } = workerData as RebuildRequest;
const post = (message: RebuildMessage) => parentPort!.postMessage(message);
try {
  const { engine, stats } = await openEngine({
    ...options,
    snapshot: true,
    onSkip: (s) => post({ type: 'skipped', ...s }),
    onProgress: progressLog((stage, done, total) => post({ type: 'progress', stage, done, total })),
  });
  if (!stats.snapshotPath) throw new Error('the snapshot could not be written');
  post({
    type: 'done',
    snapshotPath: stats.snapshotPath,
    buildMs: stats.buildMs,
    fromSnapshot: stats.fromSnapshot,
    files: engine.corpus.files.length,
    skipped: engine.corpus.skipped.length,
  });
} catch (err) {
  post({ type: 'failed', error: err instanceof Error ? err.message : String(err) });
}
