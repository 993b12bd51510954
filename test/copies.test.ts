/**
 * Reposted and recycled passages: a sentence copied from an earlier file (with a dateline put before it) is found
 * where it first appears, while what the copy adds, and a copy with other figures, are still found.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../src/engine/open.ts';
import type { SearchEngine } from '../src/search/engine.ts';
import { SEEDS_DIR } from './seeds.ts';

let engine: SearchEngine;
const citations = (query: string) => engine.search(query).hits.map((h) => engine.corpus.paragraphs[h.index]!.citation);

beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zonebot-copies-'));
  cpSync(SEEDS_DIR, dir, { recursive: true });
  // A later file (names sort after the seeds) that reposts a sentence of seed 000 behind a desk dateline, and
  // one of seed 004 with other figures: short paragraphs, which BM25 alone would rank above the longer originals.
  writeFileSync(
    path.join(dir, 'zz_repost.txt'),
    [
      '开发区工作简报',
      '',
      '开发区讯(王菊)3月5日,在外出考察中,根据客商的时间安排,针对性调整招商路线,“一对一”“点对点”地拜访客商,通常精酿啤酒项目在如火如荼建设中。',
      '',
      '1—6月份,全区重点项目完成投资12.34亿元,续建项目复工率88.88%,新建项目开工9个。',
      '',
    ].join('\n'),
  );
  ({ engine } = await openEngine({ corpusDir: dir, snapshot: false }));
});

describe('copied passages', () => {
  it('finds a reposted sentence where it first appears, not in the shorter repost', () => {
    const found = citations('精酿啤酒项目');
    expect(found[0]).toMatch(/^000-/u);
    expect(found).not.toContain('zz-1');
  });

  it('still finds the repost by what it adds', () => {
    expect(citations('王菊')).toContain('zz-1');
  });

  it('keeps a copy with other figures: it states other facts', () => {
    const found = citations('续建项目复工率');
    expect(found).toContain('zz-2');
    expect(found.some((c) => c.startsWith('004-'))).toBe(true);
  });
});
