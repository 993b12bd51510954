/**
 * Worker thread of `buildKnowledgeParallel`: claims chunks of paragraphs from the shared counter, finds what each
 * paragraph says on its own, and posts each chunk's findings back as it finishes it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { findInParagraph, type ParagraphFindings } from '../extract/knowledge.ts';
import type { ZoneNameMemo } from '../extract/zones.ts';
import { addUserWords, loadDictionary } from '../text/jieba.ts';
import type { KnowledgeWorkerData, KnowledgeWorkerMessage } from './knowledge-parallel.ts';

const { texts, sentences, next, chunk, userWords } = workerData as KnowledgeWorkerData;
const post = (message: KnowledgeWorkerMessage) => parentPort!.postMessage(message);
// Loaded before claiming a chunk, so that no chunk waits for the dictionary while the other thread runs out.
loadDictionary();
addUserWords(userWords);
const chunks = Math.ceil(texts.length / chunk);
const memo: ZoneNameMemo = new Map();
for (let c = Atomics.add(next, 0, 1); c < chunks; c = Atomics.add(next, 0, 1)) {
  const findings: ParagraphFindings[] = [];
  for (let i = c * chunk; i < Math.min(texts.length, (c + 1) * chunk); i++) findings.push(findInParagraph(texts[i]!, sentences[i]!, memo));
  post(JSON.stringify([c, findings]));
}
post(null);
