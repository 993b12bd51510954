import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/cli/run.ts';
import { openEngine } from '../src/engine/open.ts';
import { SEEDS_DIR } from './seeds.ts';

const temp = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), prefix));
const answers = (engine: Awaited<ReturnType<typeof openEngine>>['engine']) =>
  ['济北开发区内设机构压缩成几个局', '鋼城經濟開發區保姆式服務', '续建项目复工率是多少'].map((q) => runCommand({ engine }, 'ask', q).hits.map((h) => [h.citation, h.answer]));

describe('index snapshots', () => {
  it('saves a snapshot on the first start and answers the same from it on the next', async () => {
    const cacheDir = temp('zonebot-snap-');
    const built = await openEngine({ corpusDir: SEEDS_DIR, cacheDir });
    expect(built.stats.fromSnapshot).toBe(false);
    expect(readdirSync(cacheDir).filter((n) => n.endsWith('.zbs'))).toHaveLength(1);
    const loaded = await openEngine({ corpusDir: SEEDS_DIR, cacheDir });
    expect(loaded.stats.fromSnapshot).toBe(true);
    expect(answers(loaded.engine)).toEqual(answers(built.engine));
    // The binary form gives back exactly what was built: every paragraph, article, zone, measure and figure.
    expect(loaded.engine.corpus).toEqual(built.engine.corpus);
    expect(loaded.engine.knowledge).toEqual(built.engine.knowledge);
  });

  it('keys the snapshot by the corpus: a changed file means a rebuild, with the same citations elsewhere', async () => {
    const corpusDir = temp('zonebot-corpus-');
    cpSync(SEEDS_DIR, corpusDir, { recursive: true });
    const cacheDir = temp('zonebot-snap-');
    const first = await openEngine({ corpusDir, cacheDir });
    const file = path.join(corpusDir, readdirSync(corpusDir).find((n) => n.startsWith('003'))!);
    writeFileSync(file, readFileSync(file, 'utf8') + '\n\n钢城经济开发区新增一段测试文字。\n');
    const second = await openEngine({ corpusDir, cacheDir });
    expect(second.stats.fromSnapshot).toBe(false);
    const citationsOf = (e: typeof first, prefix: string) => e.engine.corpus.paragraphs.filter((p) => p.citation.startsWith(prefix)).map((p) => [p.citation, p.display]);
    expect(citationsOf(second, '000')).toEqual(citationsOf(first, '000'));
  });

  it('rebuilds over a corrupt or foreign snapshot', async () => {
    const cacheDir = temp('zonebot-snap-');
    await openEngine({ corpusDir: SEEDS_DIR, cacheDir });
    const [name] = readdirSync(cacheDir).filter((n) => n.endsWith('.zbs'));
    writeFileSync(path.join(cacheDir, name!), '{"format":1,"key":"not this one"');
    const reopened = await openEngine({ corpusDir: SEEDS_DIR, cacheDir });
    expect(reopened.stats.fromSnapshot).toBe(false);
    expect(runCommand({ engine: reopened.engine }, 'source', '000-11').hits).toHaveLength(1);
    // And the rebuild wrote a good snapshot again.
    expect((await openEngine({ corpusDir: SEEDS_DIR, cacheDir })).stats.fromSnapshot).toBe(true);
  });
});
