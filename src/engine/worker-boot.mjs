// Entry of a worker thread: registers tsx's loader in this thread (loaders are per thread), then runs the
// TypeScript module named in workerData.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
