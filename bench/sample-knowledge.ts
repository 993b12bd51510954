/**
 * A random sample of the figures and measures extracted from a folder of pages, for checking by hand how many are
 * right. Not a test: the pages are third-party text and stay out of the repository, and so does this output.
 * `tsx bench/sample-knowledge.ts DIR [figures|measures|both] [N] [SEED]` (defaults: both, 40, 1).
 */
import { buildCorpus } from '../src/corpus/build.ts';
import { readCorpusFolder } from '../src/corpus/read.ts';
import { sentencesOf } from '../src/corpus/sentences.ts';
import { extractFigures } from '../src/extract/figures.ts';
import { catalogueFromNames, findMeasureNames } from '../src/extract/measures.ts';
import { random } from './generate.ts';

const [dir, what = 'both', size = '40', seedArg = '1'] = process.argv.slice(2);
if (!dir) {
  console.error('usage: tsx bench/sample-knowledge.ts DIR [figures|measures|both] [N] [SEED]');
  process.exit(2);
}
const n = Number(size);

function sample<T>(items: T[], count: number, next: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, count);
}

const { files } = await readCorpusFolder(dir);
const corpus = buildCorpus(files);
const next = random(Number(seedArg));

if (what === 'figures' || what === 'both') {
  const all: { line: string }[] = [];
  for (const p of corpus.paragraphs) {
    for (const s of sentencesOf(p)) {
      for (const f of extractFigures(s.normalized)) {
        const value = `${f.value}${f.approx ? '~' : ''}`;
        const subject = f.subject ? ` subject=${f.subject.text}` : '';
        const context = s.normalized.slice(Math.max(0, f.start - 40), f.end + 10);
        all.push({ line: `${p.citation}\t[${f.metric}] ${value} ${f.unit}${subject}\t…${context}…` });
      }
    }
  }
  console.log(`# figures: ${all.length} in ${corpus.paragraphs.length} paragraphs; sample of ${n}`);
  sample(all, n, next).forEach((f, i) => console.log(`F${i + 1}\t${f.line}`));
}

if (what === 'measures' || what === 'both') {
  const texts = corpus.paragraphs.map((p) => p.normalized);
  const catalogue = catalogueFromNames(texts.map(findMeasureNames));
  console.log(`# measures: ${catalogue.length}; sample of ${n}`);
  sample(catalogue, n, next).forEach((m, i) => {
    const where = texts.findIndex((t) => m.variants.some((v) => t.includes(v)));
    const text = texts[where] ?? '';
    const at = Math.max(0, m.variants.map((v) => text.indexOf(v)).filter((x) => x >= 0)[0] ?? 0);
    const context = text.slice(Math.max(0, at - 30), at + 30);
    console.log(`M${i + 1}\t${m.variants.join(' / ')}\t${corpus.paragraphs[where]?.citation ?? ''}\t…${context}…`);
  });
}
