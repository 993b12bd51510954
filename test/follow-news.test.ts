/**
 * What a rebuild brought, per followed zone or measure: the pure step between two engines and the posts, over
 * the seeds with a file left out, the seeds, and the seeds with a paragraph of our own added to a file.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../src/engine/open.ts';
import { announcements, newParagraphs } from '../src/follow/news.ts';
import type { Subscription } from '../src/follow/store.ts';
import type { SearchEngine } from '../src/search/engine.ts';
import { SEEDS_DIR } from './seeds.ts';

const seedFile = (prefix: string) => readdirSync(SEEDS_DIR).find((n) => n.startsWith(prefix))!;

/** An engine over the seeds changed by `change` (run in a copy of the folder). */
async function engineOf(change: (dir: string) => void = () => undefined): Promise<SearchEngine> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zonebot-follow-news-'));
  cpSync(SEEDS_DIR, dir, { recursive: true });
  change(dir);
  return (await openEngine({ corpusDir: dir, snapshot: false })).engine;
}

const follows = (kind: Subscription['kind'], name: string, channel = 'c1', id = 1): Subscription => ({ id, guild: 'g', channel, kind, name, by: 'u', at: '' });

let after: SearchEngine;
let without004: SearchEngine;
beforeAll(async () => {
  after = await engineOf();
  without004 = await engineOf((dir) => rmSync(path.join(dir, seedFile('004'))));
});

describe('new passages between two engines', () => {
  it('finds nothing when nothing changed, and every paragraph of a new file', async () => {
    expect(newParagraphs(after, after).size).toBe(0);
    const fresh = [...newParagraphs(without004, after)].map((i) => after.corpus.paragraphs[i]!);
    expect(fresh.length).toBe(after.corpus.paragraphs.filter((p) => p.file === seedFile('004')).length);
    expect(new Set(fresh.map((p) => p.file))).toEqual(new Set([seedFile('004')]));
  });

  it('announces a new file to a channel following a measure it names, with only the passages naming it', () => {
    const found = announcements(without004, after, [follows('measure', '一窗受理')]);
    expect(found).toHaveLength(1);
    const [a] = found;
    expect(a!.channel).toBe('c1');
    expect(a!.article.startsWith(`${seedFile('004')}#`)).toBe(true);
    expect(a!.page.hits.length).toBeGreaterThan(0);
    for (const hit of a!.page.hits) {
      expect(hit.file).toBe(seedFile('004'));
      expect(after.knowledge.paragraphMeasures[after.paragraphIndex(hit.citation)!]).toContain('一窗受理');
    }
  });

  it('announces nothing for what the new file does not speak of, and nothing without subscriptions', () => {
    const unrelated = after.knowledge.zones.find((z) => !after.zoneParagraphs(z.name).some((i) => after.corpus.paragraphs[i]!.file === seedFile('004')))!;
    expect(unrelated).toBeDefined();
    expect(announcements(without004, after, [follows('zone', unrelated.name)])).toEqual([]);
    expect(announcements(without004, after, [])).toEqual([]);
  });

  it('announces a changed file by its new paragraph only, under a key of its own', async () => {
    // 002 with a paragraph added at its end (our own sentence).
    const name = seedFile('002');
    const added = '园区推行“一窗受理”后，企业办事平均用时缩短一半。';
    const changed = await engineOf((dir) => writeFileSync(path.join(dir, name), `${readFileSync(path.join(SEEDS_DIR, name), 'utf8').trimEnd()}\n\n${added}\n`));
    const found = announcements(after, changed, [follows('measure', '一窗受理')]);
    expect(found).toHaveLength(1);
    expect(found[0]!.page.hits.map((h) => h.text)).toEqual([added]);
    expect(found[0]!.article.startsWith(`${name}#`)).toBe(true);
    // The same file changed otherwise is another announcement.
    const other = await engineOf((dir) => writeFileSync(path.join(dir, name), `${readFileSync(path.join(SEEDS_DIR, name), 'utf8').trimEnd()}\n\n${added.replace('一半', '三成')}\n`));
    expect(announcements(after, other, [follows('measure', '一窗受理')])[0]!.article).not.toBe(found[0]!.article);
  });

  it('gives each following channel its own announcement', () => {
    const found = announcements(without004, after, [follows('measure', '一窗受理', 'c1', 1), follows('measure', '一窗受理', 'c2', 2)]);
    expect(found.map((a) => a.channel).sort()).toEqual(['c1', 'c2']);
    expect(found[0]!.article).toBe(found[1]!.article);
  });
});
