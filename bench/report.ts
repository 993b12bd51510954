/**
 * The benchmark's results as the README shows them: `tsx bench/report.ts` reads bench/results.json and prints the
 * comparison as a Markdown table, then the ratios of zonebot to each alternative per corpus.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface Row {
  engine: string;
  corpus: string;
  buildMs: number;
  buildPeakMiB: number;
  servePeakMiB: number;
  snapshotBytes: number;
  loadMs: number;
  latency: Record<string, { p50: number; p99: number }>;
  quality: Record<string, { hit1: number; answer1: number }>;
}

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const NAMES: Record<string, string> = {
  zonebot: '**zonebot**',
  'minisearch-default': 'MiniSearch, default tokenizer',
  'minisearch-bigrams': 'MiniSearch, bigrams + same normalization',
  'flexsearch-cjk': 'FlexSearch, CJK charset + context + suggest',
};
const corpusName = (dir: string) => {
  const base = path.basename(dir);
  return base === 'seeds' ? 'seeds' : base.replace(/^(\d+)/u, (n) => Number(n).toLocaleString('en-US')).replace('+seeds', ' + seeds');
};
const thousands = (n: number) => Math.round(n).toLocaleString('en-US');
const fixed = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

export function report(rows: Row[]): string {
  const lines = [
    '| corpus | engine | build ms | build MiB | serve MiB | snapshot MiB | load ms | ask p50 / p99 ms | zone p99 | measure p99 | stats p99 | hit@1 | answer@1 |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const q = r.quality['questions.jsonl'];
    const seeded = r.corpus.endsWith('seeds');
    lines.push(
      `| ${corpusName(r.corpus)} | ${NAMES[r.engine] ?? r.engine} | ${thousands(r.buildMs)} | ${thousands(r.buildPeakMiB)} | ${thousands(r.servePeakMiB)} | ${fixed(r.snapshotBytes / 2 ** 20, 1)} | ${thousands(r.loadMs)} | ${fixed(r.latency.ask!.p50)} / ${fixed(r.latency.ask!.p99)} | ${fixed(r.latency.zone!.p99)} | ${fixed(r.latency.measure!.p99)} | ${fixed(r.latency.stats!.p99)} | ${seeded && q ? fixed(q.hit1) : '–'} | ${seeded && q ? fixed(q.answer1) : '–'} |`,
    );
  }
  lines.push('', 'Ratios, zonebot ÷ alternative (below 1: zonebot smaller or faster):', '');
  for (const corpus of [...new Set(rows.map((r) => r.corpus))]) {
    const own = rows.find((r) => r.corpus === corpus && r.engine === 'zonebot');
    if (!own) continue;
    const parts = rows
      .filter((r) => r.corpus === corpus && r.engine !== 'zonebot')
      .map((r) => {
        const ratio = (a: number, b: number) => (b > 0 ? `${a / b < 0.1 ? (a / b).toPrecision(2) : (a / b).toFixed(2)}×` : '–');
        return `${NAMES[r.engine]}: build ${ratio(own.buildMs, r.buildMs)}, build memory ${ratio(own.buildPeakMiB, r.buildPeakMiB)}, load ${ratio(own.loadMs, r.loadMs)}, ask p50 ${ratio(own.latency.ask!.p50, r.latency.ask!.p50)}, ask p99 ${ratio(own.latency.ask!.p99, r.latency.ask!.p99)}`;
      });
    lines.push(`- ${corpusName(corpus)}: ${parts.join('; ')}`);
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = JSON.parse(readFileSync(path.join(ROOT, 'bench', 'results.json'), 'utf8')) as { comparison: Row[] };
  console.log(report(results.comparison));
}
