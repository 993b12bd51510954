/**
 * RSS of a serving process across rebuilds: `tsx bench/rebuild-rss.ts <corpus dir> [rebuilds=20]` opens the live
 * engine over the folder (building its snapshot if needed), rebuilds it that many times as /reload does, and prints
 * the RSS after the first rebuild and after the last (after full garbage collections each time). Not a test.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { LiveEngine } from '../src/engine/live.ts';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const corpusDir = path.resolve(process.argv[2] ?? 'seeds');
const rebuilds = Number(process.argv[3] ?? 20);
/** RSS once the garbage is gone: V8 frees ArrayBuffers' memory on a background task after the collection. */
const mib = async () => {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  gc();
  return Math.round(process.memoryUsage().rss / 2 ** 20);
};
const live = await LiveEngine.open({ corpusDir, cacheDir: mkdtempSync(path.join(os.tmpdir(), 'zonebot-rebuild-rss-')), log: { log: () => {} } });
const figures: number[] = [await mib()];
for (let i = 1; i <= rebuilds; i++) {
  const result = await live.rebuild('measure');
  if (!result.ok) throw new Error(`rebuild ${i} failed: ${result.error}`);
  figures.push(await mib());
  const { heapTotal, external } = process.memoryUsage();
  console.error(`rebuild ${i}: RSS ${figures.at(-1)} MiB, V8 heap ${Math.round(heapTotal / 2 ** 20)} MiB, external ${Math.round(external / 2 ** 20)} MiB (${result.ms} ms)`);
}
await live.close();
console.log(`${corpusDir}: RSS after open ${figures[0]} MiB, after 1 rebuild ${figures[1]} MiB, after ${rebuilds} ${figures.at(-1)} MiB (×${(figures.at(-1)! / figures[1]!).toFixed(3)})`);
