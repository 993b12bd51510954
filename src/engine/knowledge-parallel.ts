/**
 * Knowledge built by this thread and one worker thread together. The per-paragraph step (`findInParagraph`:
 * jieba's tagging above all) is cut into chunks that both threads claim from a shared counter, so neither waits
 * for the other however long the worker takes to start; the corpus-wide step then runs here. Small corpora stay
 * in this thread: a worker costs about a second to start (tsx, jieba's dictionary) and the texts' copy.
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
/** Below this many paragraphs, one thread finishes before a worker would have started. */
export const MIN_PARALLEL_PARAGRAPHS = 2000;
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

/** The worker's one message: the findings of the chunks it claimed, by chunk number. */
export interface KnowledgeWorkerResult {
  chunks: [chunk: number, findings: ParagraphFindings[]][];
}

/** Findings of the chunks the worker did; undefined when it failed, in which case this thread does them. */
function runWorker(data: KnowledgeWorkerData): Promise<KnowledgeWorkerResult | undefined> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_BOOT, { workerData: data });
    } catch {
      resolve(undefined);
      return;
    }
    worker.once('message', (result: KnowledgeWorkerResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
}

/** Same result as `buildKnowledge`, sooner on a large corpus and a machine with two cores or more. */
export async function buildKnowledgeParallel(corpus: Corpus): Promise<Knowledge> {
  const count = corpus.paragraphs.length;
  if (count < MIN_PARALLEL_PARAGRAPHS || os.availableParallelism() < 2) return buildKnowledge(corpus);
  const texts = corpus.paragraphs.map((p) => p.normalized);
  const sentences = corpus.paragraphs.map(sentenceTexts);
  const next = new Int32Array(new SharedArrayBuffer(4));
  const chunks = Math.ceil(count / CHUNK);
  const fromWorker = runWorker({ entry: WORKER_ENTRY, texts, sentences, next, chunk: CHUNK, userWords: userWordList() });

  const findings: (ParagraphFindings | undefined)[] = new Array(count);
  const memo: ZoneNameMemo = new Map();
  const find = (i: number) => (findings[i] = findInParagraph(texts[i]!, sentences[i]!, memo));
  for (let c = Atomics.add(next, 0, 1); c < chunks; c = Atomics.add(next, 0, 1)) {
    for (let i = c * CHUNK; i < Math.min(count, (c + 1) * CHUNK); i++) find(i);
  }
  const result = await fromWorker;
  for (const [c, list] of result?.chunks ?? []) list.forEach((f, k) => (findings[c * CHUNK + k] = f));
  // What a failed worker claimed but never delivered.
  for (let i = 0; i < count; i++) if (!findings[i]) find(i);
  return knowledgeFromFindings(corpus, findings as ParagraphFindings[]);
}
