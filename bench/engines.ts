/**
 * The engines the benchmark puts side by side, behind one small interface: zonebot as shipped, and three
 * alternatives over the same paragraphs — MiniSearch with its default tokenizer (the naive choice), MiniSearch with
 * character bigrams of the same normalized text, and FlexSearch with its CJK encoder and context index.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { Charset, Index } from 'flexsearch';
import MiniSearch from 'minisearch';
import { runCommand } from '../src/cli/run.ts';
import { buildCorpus } from '../src/corpus/build.ts';
import { readCorpusFolder } from '../src/corpus/read.ts';
import { sentencesOf } from '../src/corpus/sentences.ts';
import type { Corpus, Paragraph } from '../src/corpus/types.ts';
import { openEngine, openSnapshot, saveSnapshot } from '../src/engine/open.ts';
import type { CommandContext } from '../src/results.ts';
import { hanBigrams } from '../src/search/tokenize.ts';
import { normalizeForMatch } from '../src/text/normalize.ts';

export interface Answered {
  file: string;
  text: string;
  answer: string;
}

export interface BenchEngine {
  name: string;
  /** From the corpus folder to a searchable engine. */
  build(dir: string): Promise<void>;
  /** Writes the index; returns its size in bytes. */
  save(file: string): Promise<number>;
  load(file: string): Promise<void>;
  /** One command of the query mix; alternatives answer every kind as a free-text search. */
  run(command: string, query: string): Answered[];
}

/** For engines without an answer picker: the sentence sharing the most characters with the question. */
function overlapSentence(p: Paragraph, query: string): string {
  const wanted = new Set(normalizeForMatch(query));
  const sentences = sentencesOf(p);
  let best = sentences[0]?.display ?? p.display;
  let bestScore = -1;
  for (const s of sentences) {
    const score = [...new Set(s.normalized)].filter((c) => wanted.has(c)).length;
    if (score > bestScore) [best, bestScore] = [s.display, score];
  }
  return best;
}

const answered = (corpus: Corpus, index: number, query: string): Answered => {
  const p = corpus.paragraphs[index]!;
  return { file: p.file, text: p.display, answer: overlapSentence(p, query) };
};

async function corpusOf(dir: string): Promise<Corpus> {
  const { files, skipped } = await readCorpusFolder(dir);
  return buildCorpus(files, skipped);
}

export function zonebotEngine(): BenchEngine {
  let context: CommandContext;
  return {
    name: 'zonebot',
    async build(dir) {
      context = { ...(await openEngine({ corpusDir: dir, snapshot: false })) };
    },
    save: (file) => saveSnapshot(context.engine, context.stats?.buildMs ?? 0, file),
    async load(file) {
      const opened = await openSnapshot(file);
      context = { engine: opened.engine, stats: opened.stats };
    },
    run(command, query) {
      return runCommand(context, command, query).hits.map((h) => ({ file: h.file, text: h.text, answer: h.answer }));
    },
  };
}

/** MiniSearch over the same paragraphs; `tokenize` undefined means its default tokenizer. */
function miniSearchEngine(name: string, tokenize?: (text: string) => string[]): BenchEngine {
  let corpus: Corpus;
  let index: MiniSearch;
  const options = {
    fields: ['text'],
    ...(tokenize ? { tokenize, searchOptions: { tokenize } } : {}),
  };
  return {
    name,
    async build(dir) {
      corpus = await corpusOf(dir);
      index = new MiniSearch(options);
      index.addAll(corpus.paragraphs.map((p, id) => ({ id, text: tokenize ? p.normalized : p.display })));
    },
    async save(file) {
      const json = JSON.stringify({ corpus, index });
      await writeFile(file, json);
      return Buffer.byteLength(json);
    },
    async load(file) {
      const saved = JSON.parse(await readFile(file, 'utf8'));
      corpus = saved.corpus;
      index = MiniSearch.loadJS(saved.index, options);
    },
    run(_command, query) {
      const q = tokenize ? normalizeForMatch(query) : query;
      return index.search(q).slice(0, 5).map((r) => answered(corpus, r.id as number, query));
    },
  };
}

export const miniSearchDefault = () => miniSearchEngine('minisearch-default');
export const miniSearchBigrams = () => miniSearchEngine('minisearch-bigrams', (text) => hanBigrams(normalizeForMatch(text)));

/** FlexSearch as its documentation sets it up for Chinese: the CJK charset with a context index. */
export function flexSearchEngine(): BenchEngine {
  let corpus: Corpus;
  let index: Index;
  const make = () =>
    new Index({ encoder: Charset.CJK, tokenize: 'strict', context: { depth: 1, bidirectional: true, resolution: 9 } });
  return {
    name: 'flexsearch-cjk',
    async build(dir) {
      corpus = await corpusOf(dir);
      index = make();
      corpus.paragraphs.forEach((p, id) => index.add(id, p.normalized));
    },
    async save(file) {
      const parts: Record<string, unknown> = {};
      await index.export((key: string | number, data: unknown) => void (parts[String(key)] = data));
      const json = JSON.stringify({ corpus, parts });
      await writeFile(file, json);
      return Buffer.byteLength(json);
    },
    async load(file) {
      const saved = JSON.parse(await readFile(file, 'utf8'));
      corpus = saved.corpus;
      index = make();
      for (const [key, data] of Object.entries(saved.parts)) index.import(key, data as string);
    },
    run(_command, query) {
      return (index.search(normalizeForMatch(query), { limit: 5, suggest: true }) as number[]).map((id) => answered(corpus, id, query));
    },
  };
}

export const ENGINES: Record<string, () => BenchEngine> = {
  zonebot: zonebotEngine,
  'minisearch-default': miniSearchDefault,
  'minisearch-bigrams': miniSearchBigrams,
  'flexsearch-cjk': flexSearchEngine,
};
