/**
 * Knowledge built by this thread and one worker thread together. The per-paragraph step (`findInParagraph`:
 * jieba's tagging above all) is cut into chunks that both threads claim from a shared counter, so neither waits
 * for the other however long the worker takes to start; the corpus-wide step then runs here. Small corpora stay
 * in this thread (see MIN_PARALLEL_PARAGRAPHS).
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Corpus } from '../corpus/types.ts';
import {
  buildKnowledge,
  findInParagraph,
  knowledgeFromFindings,
  sentenceTexts,
  type Knowledge,
  type ParagraphFindings,
} from '../extract/knowledge.ts';
import type { ZoneNameMemo } from '../extract/zones.ts';
import { userWordList } from '../text/jieba.ts';

const WORKER_BOOT = new URL('./worker-boot.mjs', import.meta.url);
const WORKER_ENTRY = new URL('./knowledge-worker.ts', import.meta.url).href;
/**
 * Below this many paragraphs one thread is as fast: the worker takes most of a second to start (tsx, jieba's
 * dictionary) and the texts must be copied to it. Measured on 2 cores: even at 20,000, 25% faster at 30,000.
 */
export const MIN_PARALLEL_PARAGRAPHS = 25_000;
/** Paragraphs per chunk: small enough that the threads finish close together, large enough to claim rarely. */
const CHUNK = 250;

export interface KnowledgeWorkerData {
  entry: string;
  /** Normalized text of every paragraph. */
  texts: string[];
  /** Normalized texts of every paragraph's sentences. */
  sentences: string[][];
  /** One Int32 over a SharedArrayBuffer: the next chunk to claim. */
  next: Int32Array;
  chunk: number;
  /** Words added to this thread's jieba dictionary, so that the worker cuts text as this thread would. */
  userWords: string[];
}

/**
 * What the worker posts: the findings of each chunk as soon as it is done, as JSON of `[chunk, findings]` (this
 * thread parses that faster than it would copy the objects), then `null` when no chunk is left.
 */
export type KnowledgeWorkerMessage = string | null;

/** The worker; `finished` tells whether it did all it claimed (if not, this thread does what is missing). */
function startWorker(data: KnowledgeWorkerData): { finished: Promise<boolean>; delivered: string[]; stop: () => void } {
  let worker: Worker | undefined;
  const delivered: string[] = [];
  const finished = new Promise<boolean>((resolve) => {
    try {
      worker = new Worker(WORKER_BOOT, { workerData: data });
    } catch {
      resolve(false);
      return;
    }
    worker.on('message', (message: KnowledgeWorkerMessage) => (message === null ? resolve(true) : delivered.push(message)));
    worker.once('error', () => resolve(false));
    worker.once('exit', () => resolve(false));
  });
  return { finished, delivered, stop: () => void worker?.terminate() };
}

/** Same result as `buildKnowledge`, sooner on a large corpus and a machine with two cores or more. */
export async function buildKnowledgeParallel(corpus: Corpus): Promise<Knowledge> {
  const count = corpus.paragraphs.length;
  if (count < MIN_PARALLEL_PARAGRAPHS || os.availableParallelism() < 2) return buildKnowledge(corpus);
  const texts = corpus.paragraphs.map((p) => p.normalized);
  const sentences = corpus.paragraphs.map(sentenceTexts);
  const next = new Int32Array(new SharedArrayBuffer(4));
  const chunks = Math.ceil(count / CHUNK);
  const worker = startWorker({ entry: WORKER_ENTRY, texts, sentences, next, chunk: CHUNK, userWords: userWordList() });

  const findings: (ParagraphFindings | undefined)[] = new Array(count);
  const memo: ZoneNameMemo = new Map();
  const find = (i: number) => (findings[i] = findInParagraph(texts[i]!, sentences[i]!, memo));
  let done = 0;
  for (let c = Atomics.add(next, 0, 1); c < chunks; c = Atomics.add(next, 0, 1), done++) {
    for (let i = c * CHUNK; i < Math.min(count, (c + 1) * CHUNK); i++) find(i);
  }
  // Every chunk went to one thread: when this one did them all, the worker (still starting) has none to give.
  if (done < chunks) await worker.finished;
  worker.stop();
  for (const json of worker.delivered) {
    const [c, list] = JSON.parse(json) as [number, ParagraphFindings[]];
    list.forEach((f, k) => (findings[c * CHUNK + k] = f));
  }
  // What a failed worker claimed but never delivered.
  for (let i = 0; i < count; i++) if (!findings[i]) find(i);
  return knowledgeFromFindings(corpus, findings as ParagraphFindings[]);
}
