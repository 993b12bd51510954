/**
 * Opening the engine for a corpus folder: read and decode the files, then either load the snapshot saved for
 * exactly these files and this pipeline, or build everything and save a new snapshot.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus } from '../corpus/build.ts';
import { readCorpusFolder } from '../corpus/read.ts';
import type { DecodedFile, SkippedFile } from '../corpus/types.ts';
import { buildKnowledge } from '../extract/knowledge.ts';
import { relateMetricWords } from '../lang/metric-relations.ts';
import { SearchEngine } from '../search/engine.ts';
import { RelatedWords } from '../search/related-words.ts';
import { errnoCode, plainFsReason } from '../util/fs-errors.ts';
import { prepareCacheFolder, pruneSnapshots, touchSnapshot } from './cache.ts';
import { readSnapshotFile, SNAPSHOT_FORMAT, writeSnapshotFile } from './snapshot.ts';
import type { Progress } from './progress.ts';

const SRC = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const PROJECT_ROOT = path.dirname(SRC);
export const DEFAULT_CORPUS_DIR = path.join(PROJECT_ROOT, 'seeds');
export const DEFAULT_CACHE_DIR = path.join(PROJECT_ROOT, '.cache');
/** The stages whose code decides what a snapshot holds, and the module that writes it. */
const PIPELINE_DIRS = ['corpus', 'text', 'extract', 'search', 'lang'];
const SNAPSHOT_MODULE = path.join(SRC, 'engine', 'snapshot.ts');

export interface EngineStats {
  buildMs: number;
  fromSnapshot: boolean;
  snapshotBytes: number;
  snapshotPath?: string;
}

export interface OpenedEngine {
  engine: SearchEngine;
  stats: EngineStats;
}

export interface OpenOptions {
  corpusDir?: string;
  cacheDir?: string;
  /** false: always build, never read or write a snapshot. */
  snapshot?: boolean;
  maxBytes?: number;
  /** Called once per corpus file that cannot be used, to warn the operator (other types are only counted). */
  onSkip?: (file: SkippedFile) => void;
  /** Told how a build advances (large corpora only make it say anything). */
  onProgress?: Progress;
}

let pipelineHash: Promise<string> | undefined;

/** A hash of the pipeline's own source and of the libraries it depends on: any change invalidates snapshots. */
async function pipelineVersion(): Promise<string> {
  pipelineHash ??= (async () => {
    const hash = createHash('sha256');
    for (const dir of PIPELINE_DIRS) {
      const names = (await readdir(path.join(SRC, dir))).filter((n) => n.endsWith('.ts')).sort();
      for (const name of names) hash.update(name).update(await readFile(path.join(SRC, dir, name)));
    }
    hash.update(await readFile(SNAPSHOT_MODULE));
    hash.update(await readFile(path.join(PROJECT_ROOT, 'package-lock.json')).catch(() => Buffer.alloc(0)));
    return hash.digest('hex');
  })();
  return pipelineHash;
}

async function snapshotKey(files: DecodedFile[], skipped: SkippedFile[]): Promise<string> {
  const hash = createHash('sha256').update(String(SNAPSHOT_FORMAT)).update(await pipelineVersion());
  for (const f of files) hash.update('\u0000' + f.name + '\u0000' + f.encoding + '\u0000').update(f.text);
  for (const s of skipped) hash.update('\u0001' + s.name + '\u0000' + s.reason);
  return hash.digest('hex').slice(0, 32);
}

/** Builds corpus, knowledge and index from decoded files: the whole pipeline, with no snapshot involved. */
export function buildEngine(files: DecodedFile[], skipped: SkippedFile[] = [], onProgress?: Progress): SearchEngine {
  onProgress?.('corpus', 0, files.length);
  const corpus = buildCorpus(files, skipped);
  onProgress?.('corpus', files.length, files.length);
  onProgress?.('knowledge', 0, corpus.paragraphs.length);
  const knowledge = buildKnowledge(corpus);
  onProgress?.('knowledge', corpus.paragraphs.length, corpus.paragraphs.length);
  const engine = SearchEngine.build(corpus, knowledge, onProgress);
  // The related words come from the dictionary now, so that a question never loads it.
  engine.related = new RelatedWords(relateMetricWords(engine));
  return engine;
}

/** Loads the engine from a snapshot file written by `openEngine` (in this process or a rebuild worker). */
export async function openSnapshot(snapshotPath: string, key?: string): Promise<OpenedEngine> {
  const { engine, buildMs, bytes } = await readSnapshotFile(snapshotPath, key);
  return { engine, stats: { buildMs, fromSnapshot: true, snapshotBytes: bytes, snapshotPath } };
}

/** A corpus folder that is missing or is a file is refused in words, not with the failed call's errno. */
async function checkCorpusFolder(dir: string): Promise<void> {
  const info = await stat(dir).catch((err: unknown) => {
    throw new Error(errnoCode(err) === 'ENOENT' ? `corpus folder not found: ${dir}` : `cannot read the corpus folder ${dir}: ${plainFsReason(err)}`);
  });
  if (!info.isDirectory()) throw new Error(`the corpus folder ${dir} is a file: give a folder of .txt and .md files (--corpus or CORPUS_DIR)`);
}

export async function openEngine(options: OpenOptions = {}): Promise<OpenedEngine> {
  const corpusDir = path.resolve(options.corpusDir ?? DEFAULT_CORPUS_DIR);
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;
  const useSnapshot = options.snapshot !== false;
  await checkCorpusFolder(corpusDir);
  // Before the build, so that an unusable CACHE_DIR is told at once rather than after minutes of work.
  if (useSnapshot) await prepareCacheFolder(cacheDir);
  const { files, skipped } = await readCorpusFolder(corpusDir, {
    ignore: [cacheDir], // snapshots kept inside the corpus folder are not corpus files
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
    ...(options.onSkip ? { onSkip: options.onSkip } : {}),
  });
  const key = await snapshotKey(files, skipped);
  const snapshotPath = path.join(cacheDir, `snapshot-${key}.zbs`);

  if (useSnapshot) {
    // Missing, truncated, foreign or of another corpus: rebuild.
    const found = await openSnapshot(snapshotPath, key).catch(() => undefined);
    if (found) {
      await touchSnapshot(snapshotPath);
      await pruneSnapshots(cacheDir, snapshotPath);
      return found;
    }
  }

  const started = performance.now();
  const engine = buildEngine(files, skipped, options.onProgress);
  const buildMs = Math.round(performance.now() - started);
  const stats: EngineStats = { buildMs, fromSnapshot: false, snapshotBytes: 0 };
  if (useSnapshot) {
    // A read-only folder only costs the next start a rebuild.
    await saveSnapshot(engine, buildMs, snapshotPath, key).then(
      (bytes) => Object.assign(stats, { snapshotBytes: bytes, snapshotPath }),
      () => undefined,
    );
    await pruneSnapshots(cacheDir, snapshotPath);
  }
  return { engine, stats };
}

/** Writes an engine's snapshot (temporary file, then rename); returns its size in bytes. */
export function saveSnapshot(engine: SearchEngine, buildMs: number, file: string, key = 'unkeyed'): Promise<number> {
  return writeSnapshotFile(file, engine, key, buildMs);
}
