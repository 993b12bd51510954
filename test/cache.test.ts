/** The snapshot folder: made where it can be, refused in words where it cannot, pruned to the snapshots used last. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheFolderError, prepareCacheFolder, pruneSnapshots, SNAPSHOTS_KEPT } from '../src/engine/cache.ts';
import { openEngine } from '../src/engine/open.ts';

const temp = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), prefix));
const snapshotName = (n: number) => `snapshot-${n.toString(16).padStart(32, '0')}.zbs`;
const snapshotsIn = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.zbs')).sort();

/** A file in `dir` last used `minutesAgo` minutes ago. */
function fileUsed(dir: string, name: string, minutesAgo: number): string {
  const file = path.join(dir, name);
  writeFileSync(file, 'x');
  const when = new Date(Date.now() - minutesAgo * 60_000);
  utimesSync(file, when, when);
  return file;
}

describe('the cache folder', () => {
  it('is made with its missing parents', async () => {
    const dir = path.join(temp('zonebot-cache-'), 'a', 'b', 'c');
    await prepareCacheFolder(dir);
    expect(existsSync(dir)).toBe(true);
    await prepareCacheFolder(dir);
  });

  it('where no folder can be made (under /proc), fails at once with a message saying what to do', async () => {
    const refused = prepareCacheFolder('/proc/zonebot-cannot-be-here/x');
    await expect(refused).rejects.toBeInstanceOf(CacheFolderError);
    await expect(refused).rejects.toThrow(/cannot create the cache folder \/proc\/zonebot-cannot-be-here\/x: .*Set CACHE_DIR/);
    await expect(refused).rejects.not.toThrow(/E[A-Z]{3,}/);
  });

  it('where a part of the path is a file, names that file', async () => {
    const file = path.join(temp('zonebot-cache-'), 'plain.txt');
    writeFileSync(file, 'x');
    await expect(prepareCacheFolder(path.join(file, 'cache'))).rejects.toThrow(`${file} is a file, not a folder`);
  });
});

describe('pruning snapshots', () => {
  it(`keeps the ${SNAPSHOTS_KEPT} used last and the one in use, and leaves other files alone`, async () => {
    const dir = temp('zonebot-prune-');
    const files = [1, 2, 3, 4, 5, 6].map((n) => fileUsed(dir, snapshotName(n), n * 10));
    fileUsed(dir, 'notes.txt', 1000);
    fileUsed(dir, 'snapshot-custom.zbs', 1000);
    // The one in use is the oldest of all: it stays anyway.
    const removed = await pruneSnapshots(dir, files[5]!);
    expect(removed.sort()).toEqual([snapshotName(4), snapshotName(5)]);
    expect(snapshotsIn(dir)).toEqual([snapshotName(1), snapshotName(2), snapshotName(3), snapshotName(6), 'snapshot-custom.zbs'].sort());
    expect(existsSync(path.join(dir, 'notes.txt'))).toBe(true);
  });

  it('removes temporary files left by a crashed write a day ago, not one being written now', async () => {
    const dir = temp('zonebot-prune-');
    const inUse = fileUsed(dir, snapshotName(1), 1);
    fileUsed(dir, `${snapshotName(2)}.4242.tmp`, 2 * 24 * 60);
    fileUsed(dir, `${snapshotName(3)}.4343.tmp`, 0);
    expect(await pruneSnapshots(dir, inUse)).toEqual([`${snapshotName(2)}.4242.tmp`]);
  });

  it('happens when the engine opens: five corpora through one cache folder leave three snapshots, the last one among them', async () => {
    const cacheDir = temp('zonebot-prune-cache-');
    let last = '';
    for (let n = 1; n <= 5; n++) {
      const corpusDir = temp('zonebot-prune-corpus-');
      writeFileSync(path.join(corpusDir, `${n}00_test.txt`), `测试园区第${n}篇报道\n\n  测试园区今年新签约项目${n * 7}个，签约额${n}.5亿元。\n`);
      const { stats } = await openEngine({ corpusDir, cacheDir });
      last = stats.snapshotPath!;
    }
    expect(snapshotsIn(cacheDir)).toHaveLength(SNAPSHOTS_KEPT);
    expect(snapshotsIn(cacheDir)).toContain(path.basename(last));
  }, 60_000);
});

describe('the corpus folder', () => {
  it('is refused in words when it is a file or missing', async () => {
    const file = path.join(temp('zonebot-corpus-'), 'article.txt');
    writeFileSync(file, 'x');
    await expect(openEngine({ corpusDir: file, snapshot: false })).rejects.toThrow(`the corpus folder ${file} is a file`);
    await expect(openEngine({ corpusDir: path.join(file, 'x'), snapshot: false })).rejects.toThrow(/^cannot read the corpus folder .*: a part of the path is a file, not a folder$/);
    const missing = path.join(temp('zonebot-corpus-'), 'gone');
    await expect(openEngine({ corpusDir: missing, snapshot: false })).rejects.toThrow(`corpus folder not found: ${missing}`);
    mkdirSync(missing);
    await expect(openEngine({ corpusDir: missing, snapshot: false })).resolves.toBeDefined();
  });
});
