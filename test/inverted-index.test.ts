/**
 * The typed-array index scores as MiniSearch does (BM25+ per field with boosts, times the distinct query terms
 * matched), on real seed paragraphs; its top k is the head of its full ranking; a filter narrows both hits and
 * total.
 */
import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../src/corpus/build.ts';
import { readCorpusFolder } from '../src/corpus/read.ts';
import { InvertedIndex, InvertedIndexBuilder } from '../src/search/inverted-index.ts';
import { fallbackGrams, words, segment } from '../src/search/tokenize.ts';
import { SEEDS_DIR } from './seeds.ts';

const QUERIES = [['济北', '内设', '机构', '压缩'], ['钢城', '签约', '项目'], ['一窗受理'], ['营商', '环境', '园区'], ['不在语料里的词']];
let index: InvertedIndex;
let mini: MiniSearch;

beforeAll(async () => {
  const { files } = await readCorpusFolder(SEEDS_DIR);
  const paragraphs = buildCorpus(files).paragraphs;
  const builder = new InvertedIndexBuilder(2);
  mini = new MiniSearch({ fields: ['body', 'grams'], tokenize: (t) => t.split(' ').filter(Boolean), processTerm: (t) => t });
  paragraphs.forEach((p, id) => {
    const body = words(p.normalized);
    const grams = fallbackGrams(segment(p.normalized));
    builder.add([body, grams]);
    mini.add({ id, body: body.join(' '), grams: grams.join(' ') });
  });
  index = builder.finish();
});

describe('inverted index', () => {
  it('ranks and scores the seed paragraphs as MiniSearch does', () => {
    for (const terms of QUERIES) {
      const ours = index.search([{ terms, fields: [{ field: 0, boost: 1 }, { field: 1, boost: 0.5 }] }]);
      const theirs = mini.search(terms.join(' '), { boost: { body: 1, grams: 0.5 } });
      expect(ours.total).toBe(theirs.length);
      expect(ours.hits.map((h) => h.score)).toEqual(theirs.map((r) => expect.closeTo(r.score, 9)));
      // Same documents at each score (MiniSearch breaks ties by its own order).
      const byScore = (hits: { doc: number; score: number }[]) => hits.map((h) => `${h.score.toFixed(9)}:${h.doc}`).sort();
      expect(byScore(ours.hits)).toEqual(byScore(theirs.map((r) => ({ doc: r.id as number, score: r.score }))));
    }
    expect(index.search([{ terms: ['钢城'], fields: [{ field: 0, boost: 1 }] }]).total).toBeGreaterThan(0);
  });

  it('keeps the best k: the head of the full ranking, with the total of all matches', () => {
    const groups = [{ terms: ['项目', '企业', '服务'], fields: [{ field: 0, boost: 1 }] }];
    const all = index.search(groups);
    const top = index.search(groups, { limit: 7 });
    expect(all.hits.length).toBeGreaterThan(20);
    expect(top.total).toBe(all.total);
    expect(top.hits).toEqual(all.hits.slice(0, 7));
    const ordered = all.hits.every((h, i) => i === 0 || all.hits[i - 1]!.score > h.score || (all.hits[i - 1]!.score === h.score && all.hits[i - 1]!.doc < h.doc));
    expect(ordered).toBe(true);
  });

  it('counts and ranks only what the filter accepts, and multiplies by the boost', () => {
    const groups = [{ terms: ['项目'], fields: [{ field: 0, boost: 1 }] }];
    const all = index.search(groups);
    const even = index.search(groups, { accept: (doc) => doc % 2 === 0 });
    expect(even.hits.map((h) => h.doc)).toEqual(all.hits.filter((h) => h.doc % 2 === 0).map((h) => h.doc));
    expect(even.total).toBe(even.hits.length);
    const boosted = index.search(groups, { boost: (doc) => (doc === all.hits.at(-1)!.doc ? 1000 : 1), limit: 1 });
    expect(boosted.hits[0]!.doc).toBe(all.hits.at(-1)!.doc);
  });
});
