/** The corpus folder as people fill it: what is not read is counted by why, at startup and in `/stats`. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCommand } from '../src/cli/run.ts';
import { renderDiscord } from '../src/discord/render.ts';
import { LiveEngine } from '../src/engine/live.ts';
import { openEngine } from '../src/engine/open.ts';
import type { Level } from '../src/log.ts';
import { renderTerminal } from '../src/render/terminal.ts';
import { SEEDS_DIR } from './seeds.ts';

const tempDir = (name: string) => mkdtempSync(path.join(os.tmpdir(), `zonebot-${name}-`));

/** The seeds, with a document of another type, an empty file and a hidden file beside them. */
function seedsWithOthers(): string {
  const dir = tempDir('folder');
  cpSync(SEEDS_DIR, dir, { recursive: true });
  writeFileSync(path.join(dir, 'report.pdf'), '%PDF-1.4');
  mkdirSync(path.join(dir, 'images'));
  writeFileSync(path.join(dir, 'images', 'map.png'), Buffer.from([0x89, 0x50]));
  writeFileSync(path.join(dir, 'draft.txt'), '');
  writeFileSync(path.join(dir, '.DS_Store'), Buffer.from([0, 0, 0, 1]));
  return dir;
}

const opened: LiveEngine[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((l) => l.close()));
});

describe('skipped files in the overview', () => {
  it('counts them by kind in /stats without options, in the terminal and in Discord, in both languages', async () => {
    const { engine, stats } = await openEngine({ corpusDir: seedsWithOthers(), snapshot: false });
    const page = runCommand({ engine, stats }, 'stats', '');
    expect(page.corpus).toMatchObject({ files: 5, skipped: 3, skippedBy: { 'other-type': 2, empty: 1 } });
    expect(renderTerminal(page, { color: false })).toContain('跳过的文件: 3（其他类型 2、空文件 1）');
    expect(renderTerminal(page, { color: false, locale: 'en' })).toContain('skipped files: 3 (other type 2, empty 1)');
    const embed = renderDiscord(page, { owner: '1', ephemeral: true }).embeds[0]!;
    expect(embed.description).toContain('跳过的文件: 3（其他类型 2、空文件 1）');
    expect(embed.description).not.toContain('skippedBy');
    expect(embed.description).not.toContain('[object');
  });

  it('shows no breakdown when every file was read', async () => {
    const { engine, stats } = await openEngine({ corpusDir: SEEDS_DIR, snapshot: false });
    const text = renderTerminal(runCommand({ engine, stats }, 'stats', ''), { color: false });
    expect(text).toMatch(/跳过的文件: 0$/mu);
  });
});

describe('the live engine and the folder', () => {
  async function live(corpusDir: string) {
    const logs: { level: Level; message: string; context: Record<string, unknown> }[] = [];
    const engine = await LiveEngine.open({
      corpusDir,
      cacheDir: tempDir('folder-cache'),
      quietMs: 300,
      log: { log: (level, message, context = {}) => logs.push({ level, message, context }) },
    });
    opened.push(engine);
    return { engine, logs };
  }

  it('logs one startup line with the counts by kind and the names', async () => {
    const { logs } = await live(seedsWithOthers());
    const lines = logs.filter((l) => l.message === 'corpus read');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'warn',
      context: { files: 5, skipped: { 'other-type': 2, empty: 1 }, skippedFiles: { 'other-type': ['images/map.png', 'report.pdf'], empty: ['draft.txt'] } },
    });
    // The empty file is a corpus file gone wrong: it is also warned about by name; the others are only counted.
    expect(logs.filter((l) => l.message === 'skipped corpus file').map((l) => l.context.file)).toEqual(['draft.txt']);
  }, 60_000);

  it('indexes a web page saved into a new subfolder while it runs', async () => {
    const dir = tempDir('folder-live');
    cpSync(SEEDS_DIR, dir, { recursive: true });
    const { engine } = await live(dir);
    engine.watch();
    mkdirSync(path.join(dir, 'saved'));
    const page = readFileSync(path.join(import.meta.dirname, 'fixtures', 'html', 'gov-portal.html'));
    writeFileSync(path.join(dir, 'saved', 'qinghe.html'), page);
    await expect.poll(() => engine.rebuilds, { timeout: 30_000, interval: 100 }).toBe(1);
    const answer = runCommand(engine.context(), 'ask', '拿地即开工 施工许可平均用时');
    expect(answer.hits[0]).toMatchObject({ file: 'saved/qinghe.html', citation: 'saved/qinghe-1' });
    // The folder deleted whole: the page leaves the index.
    rmSync(path.join(dir, 'saved'), { recursive: true });
    await expect.poll(() => engine.rebuilds, { timeout: 30_000, interval: 100 }).toBe(2);
    expect(engine.context().engine.paragraphIndex('saved/qinghe-1')).toBeUndefined();
  }, 60_000);
});
