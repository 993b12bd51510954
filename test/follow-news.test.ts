/**
 * What a rebuild brought, per followed zone or measure — the pure step between two engines — and the announcer
 * that posts it (to a target of our own that records the posts), over the seeds with files left out, the seeds,
 * and the seeds with a paragraph of our own added to a file.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../src/engine/open.ts';
import { Announcer, type AnnounceTarget } from '../src/follow/announce.ts';
import { announcements, newParagraphs } from '../src/follow/news.ts';
import { FollowStore, type Subscription } from '../src/follow/store.ts';
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

describe('the announcer', () => {
  const store = () => FollowStore.open(mkdtempSync(path.join(os.tmpdir(), 'zonebot-follow-announce-')));
  const quiet = { log: () => undefined };

  it('posts one channel’s announcements one after another, each once, and only for the guilds it holds', async () => {
    const without = await engineOf((dir) => ['002', '004'].forEach((p) => rmSync(path.join(dir, seedFile(p)))));
    const follows = store();
    follows.follow({ guild: 'g', channel: 'c1', kind: 'measure', name: '一窗受理', by: 'u' });
    follows.follow({ guild: 'elsewhere', channel: 'c2', kind: 'measure', name: '一窗受理', by: 'u' });
    const events: string[] = [];
    const target: AnnounceTarget = {
      holds: (guild) => guild === 'g',
      async post(a) {
        events.push(`start ${a.channel} ${a.article.slice(0, 3)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        events.push(`end ${a.channel} ${a.article.slice(0, 3)}`);
      },
    };
    const announcer = new Announcer({ store: () => follows, target, log: quiet, gapMs: 10 });
    expect(await announcer.announce(without, after)).toBe(2);
    // Never two posts to one channel at once; in corpus order.
    expect(events).toEqual(['start c1 002', 'end c1 002', 'start c1 004', 'end c1 004']);
    expect(await announcer.announce(without, after)).toBe(0);
    follows.close();
  });

  it('ends a channel’s subscriptions on Missing Permissions, and does not retry another failure', async () => {
    const follows = store();
    follows.follow({ guild: 'g', channel: 'c1', kind: 'measure', name: '一窗受理', by: 'u' });
    follows.follow({ guild: 'g', channel: 'c2', kind: 'measure', name: '一窗受理', by: 'u' });
    const lines: { message: string; context?: Record<string, unknown> }[] = [];
    const target: AnnounceTarget = {
      holds: () => true,
      async post(a) {
        throw Object.assign(new Error(a.channel === 'c1' ? 'Missing Permissions' : 'Internal Server Error'), { code: a.channel === 'c1' ? 50013 : 0 });
      },
    };
    const announcer = new Announcer({ store: () => follows, target, log: { log: (_level, message, context) => void lines.push({ message, ...(context ? { context } : {}) }) }, gapMs: 0 });
    expect(await announcer.announce(without004, after)).toBe(0);
    expect(follows.list('c1')).toEqual([]);
    expect(follows.list('c2')).toHaveLength(1);
    expect(lines.find((l) => l.message.startsWith('follow ended'))?.context).toMatchObject({ channel: 'c1', code: 50013, reason: 'missing permissions' });
    expect(lines.find((l) => l.message === 'follow post failed')?.context).toMatchObject({ channel: 'c2' });
    expect(await announcer.announce(without004, after)).toBe(0);
    expect(lines.filter((l) => l.message === 'follow post failed')).toHaveLength(1);
    follows.close();
  });
});
